-- The register: users and their sign-in, stakeholders, contacts, dialogues,
-- concerns, commitments with their updates, and the audit trail.
-- +goose Up
CREATE TABLE stakeholders (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    category    text NOT NULL,
    influence   integer NOT NULL CHECK (influence BETWEEN 1 AND 5),
    interest    integer NOT NULL CHECK (interest BETWEEN 1 AND 5),
    stance      text NOT NULL,
    email       text NOT NULL DEFAULT '',
    phone       text NOT NULL DEFAULT '',
    website     text NOT NULL DEFAULT '',
    address     text NOT NULL DEFAULT '',
    country     text NOT NULL DEFAULT '',
    tags        text NOT NULL DEFAULT '[]',
    owner_id    uuid,
    description text NOT NULL DEFAULT '',
    search_text text NOT NULL DEFAULT '',
    archived_at timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text NOT NULL UNIQUE,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('admin', 'officer', 'director', 'partner')),
    stakeholder_id uuid REFERENCES stakeholders (id),
    password_hash  text NOT NULL,
    locale         text NOT NULL DEFAULT 'en',
    active         boolean NOT NULL DEFAULT true,
    deactivated_at timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        integer NOT NULL DEFAULT 1,
    -- a partner speaks for exactly one stakeholder; nobody else for any
    CHECK ((role = 'partner') = (stakeholder_id IS NOT NULL))
);

ALTER TABLE stakeholders ADD FOREIGN KEY (owner_id) REFERENCES users (id);

CREATE TABLE sessions (
    id           text PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    name         text NOT NULL,
    token_hash   text NOT NULL UNIQUE,
    prefix       text NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE login_failures (
    id    uuid PRIMARY KEY,
    email text NOT NULL,
    at    timestamptz NOT NULL
);
CREATE INDEX login_failures_email_at ON login_failures (email, at);

CREATE TABLE contacts (
    id             uuid PRIMARY KEY,
    stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
    name           text NOT NULL,
    role           text NOT NULL DEFAULT '',
    email          text NOT NULL DEFAULT '',
    phone          text NOT NULL DEFAULT '',
    notes          text NOT NULL DEFAULT '',
    search_text    text NOT NULL DEFAULT '',
    archived_at    timestamptz,
    erased_at      timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        integer NOT NULL DEFAULT 1
);
CREATE INDEX contacts_stakeholder ON contacts (stakeholder_id, name, id);

CREATE TABLE dialogues (
    id               uuid PRIMARY KEY,
    title            text NOT NULL,
    held_at          timestamptz NOT NULL,
    format           text NOT NULL,
    purpose          text NOT NULL DEFAULT '',
    engagement_level text NOT NULL,
    location         text NOT NULL DEFAULT '',
    summary          text NOT NULL DEFAULT '',
    topics           text NOT NULL DEFAULT '[]',
    created_by       uuid REFERENCES users (id),
    search_text      text NOT NULL DEFAULT '',
    archived_at      timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1
);
CREATE INDEX dialogues_held_at ON dialogues (held_at, id);

CREATE TABLE dialogue_stakeholders (
    dialogue_id    uuid NOT NULL REFERENCES dialogues (id),
    stakeholder_id uuid NOT NULL REFERENCES stakeholders (id),
    PRIMARY KEY (dialogue_id, stakeholder_id)
);
CREATE INDEX dialogue_stakeholders_stakeholder ON dialogue_stakeholders (stakeholder_id);

CREATE TABLE dialogue_users (
    dialogue_id uuid NOT NULL REFERENCES dialogues (id),
    user_id     uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (dialogue_id, user_id)
);
CREATE INDEX dialogue_users_user ON dialogue_users (user_id);

CREATE TABLE concerns (
    id              uuid PRIMARY KEY,
    stakeholder_id  uuid NOT NULL REFERENCES stakeholders (id),
    contact_id      uuid REFERENCES contacts (id),
    dialogue_id     uuid REFERENCES dialogues (id),
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    topic           text NOT NULL DEFAULT '',
    severity        text NOT NULL,
    status          text NOT NULL,
    response        text NOT NULL DEFAULT '',
    decision        text NOT NULL DEFAULT '',
    confidential    boolean NOT NULL DEFAULT false,
    raised_at       timestamptz NOT NULL,
    acknowledged_at timestamptz,
    responded_at    timestamptz,
    closed_at       timestamptz,
    search_text     text NOT NULL DEFAULT '',
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX concerns_raised_at ON concerns (raised_at, id);
CREATE INDEX concerns_stakeholder ON concerns (stakeholder_id);
CREATE INDEX concerns_dialogue ON concerns (dialogue_id);
CREATE INDEX concerns_status ON concerns (status);

CREATE TABLE commitments (
    id              uuid PRIMARY KEY,
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    stakeholder_id  uuid NOT NULL REFERENCES stakeholders (id),
    concern_id      uuid REFERENCES concerns (id),
    dialogue_id     uuid REFERENCES dialogues (id),
    owner_id        uuid REFERENCES users (id),
    due_on          date NOT NULL,
    status          text NOT NULL,
    shared          boolean NOT NULL DEFAULT false,
    done_at         timestamptz,
    partner_verdict text,
    verdict_reason  text NOT NULL DEFAULT '',
    verdict_at      timestamptz,
    verdict_by      uuid REFERENCES users (id),
    search_text     text NOT NULL DEFAULT '',
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
CREATE INDEX commitments_due_on ON commitments (due_on, id);
CREATE INDEX commitments_stakeholder ON commitments (stakeholder_id, shared);
CREATE INDEX commitments_owner ON commitments (owner_id, status);
CREATE INDEX commitments_status ON commitments (status, due_on);
CREATE INDEX commitments_concern ON commitments (concern_id);
CREATE INDEX commitments_dialogue ON commitments (dialogue_id);

CREATE TABLE commitment_updates (
    id            uuid PRIMARY KEY,
    commitment_id uuid NOT NULL REFERENCES commitments (id),
    author_id     uuid NOT NULL REFERENCES users (id),
    text          text NOT NULL,
    shared        boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
CREATE INDEX commitment_updates_commitment ON commitment_updates (commitment_id, created_at, id);

CREATE TABLE audit_events (
    id          uuid PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid REFERENCES users (id),
    action      text NOT NULL,
    record_type text NOT NULL,
    record_id   text NOT NULL,
    before      text,
    after       text
);
CREATE INDEX audit_events_record ON audit_events (record_id, at);
CREATE INDEX audit_events_actor ON audit_events (actor_id, at);
CREATE INDEX audit_events_at ON audit_events (at, id);

-- +goose Down
DROP TABLE audit_events;
DROP TABLE commitment_updates;
DROP TABLE commitments;
DROP TABLE concerns;
DROP TABLE dialogue_users;
DROP TABLE dialogue_stakeholders;
DROP TABLE dialogues;
DROP TABLE contacts;
DROP TABLE login_failures;
DROP TABLE api_tokens;
DROP TABLE sessions;
ALTER TABLE stakeholders DROP CONSTRAINT IF EXISTS stakeholders_owner_id_fkey;
DROP TABLE users;
DROP TABLE stakeholders;
