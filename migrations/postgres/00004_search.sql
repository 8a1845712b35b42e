-- Text search (q). SQLite's 00004 gives its q search a trigram index (FTS5);
-- PostgreSQL has had its own since 00003 (pg_trgm). This file does nothing
-- but keep the two stores' migration numbers in step.
-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
