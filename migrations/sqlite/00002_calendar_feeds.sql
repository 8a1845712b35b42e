-- A user's secret calendar feed of due dates. Only a hash of the secret in
-- its URL is kept; deleting the row revokes the URL.
-- +goose Up
CREATE TABLE calendar_feeds (
    user_id    TEXT PRIMARY KEY REFERENCES users (id),
    token_hash text NOT NULL UNIQUE,
    created_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE calendar_feeds;
