-- Indexes for every filter and sort the lists offer, and for the figures of
-- the overview, so that a register ten years and a million records old
-- answers as quickly as on its first day. Every list pages by keyset on
-- (sort column, id), so each list index ends in those two columns and a
-- page is read straight from the index, the thousandth as cheaply as the
-- first. Kept in step with migrations/postgres/00003_indexes.sql: the same
-- index names; the ones PostgreSQL has beyond these are named at the end.
--
-- On a large existing store these are built while writes wait (goose runs
-- the file in one transaction); see BENCHMARKS.md for how long that takes.
-- +goose Up
-- Commitments. The lists filter by status, owner or stakeholder and sort by
-- due date; the partial indexes hold only what the directors' views read:
-- the live open work (overdue list, overview by owner, what falls due next)
-- and the partners' verdicts.
DROP INDEX commitments_status;
CREATE INDEX commitments_status ON commitments (status, due_on, id) WHERE archived_at IS NULL;
DROP INDEX commitments_owner;
CREATE INDEX commitments_owner ON commitments (owner_id, due_on, id);
DROP INDEX commitments_stakeholder;
CREATE INDEX commitments_stakeholder ON commitments (stakeholder_id, due_on, id);
CREATE INDEX commitments_open ON commitments (due_on, id, owner_id, status)
    WHERE archived_at IS NULL AND status IN ('open', 'in_progress');
CREATE INDEX commitments_verdict ON commitments (partner_verdict, due_on, id) WHERE partner_verdict IS NOT NULL;
CREATE INDEX commitments_created ON commitments (created_at, id);
CREATE INDEX commitments_title ON commitments (title, id);

-- Concerns: the lists filter by status, stakeholder, severity or topic and
-- sort by when raised; the overview counts by topic and severity, counts the
-- unclosed ones and measures responsiveness from its own narrow index.
DROP INDEX concerns_status;
CREATE INDEX concerns_status ON concerns (status, raised_at, id);
DROP INDEX concerns_stakeholder;
CREATE INDEX concerns_stakeholder ON concerns (stakeholder_id, raised_at, id);
CREATE INDEX concerns_severity ON concerns (severity, raised_at, id);
CREATE INDEX concerns_contact ON concerns (contact_id);
CREATE INDEX concerns_confidential ON concerns (raised_at, id) WHERE confidential;
CREATE INDEX concerns_created ON concerns (created_at, id);
CREATE INDEX concerns_title ON concerns (title, id);
CREATE INDEX concerns_topic_severity ON concerns (topic, severity) WHERE archived_at IS NULL;
CREATE INDEX concerns_unclosed ON concerns (raised_at) WHERE archived_at IS NULL AND status <> 'closed';
CREATE INDEX concerns_responsiveness ON concerns (raised_at, acknowledged_at, responded_at) WHERE archived_at IS NULL;

-- Dialogues: filters by format and engagement level, by who was present
-- (the link tables, read from the stakeholder's or user's side), and sorts.
CREATE INDEX dialogues_format ON dialogues (format, held_at, id);
CREATE INDEX dialogues_engagement ON dialogues (engagement_level, held_at, id);
CREATE INDEX dialogues_created ON dialogues (created_at, id);
CREATE INDEX dialogues_title ON dialogues (title, id);
DROP INDEX dialogue_stakeholders_stakeholder;
CREATE INDEX dialogue_stakeholders_stakeholder ON dialogue_stakeholders (stakeholder_id, dialogue_id);
DROP INDEX dialogue_users_user;
CREATE INDEX dialogue_users_user ON dialogue_users (user_id, dialogue_id);

-- Stakeholders: sorted by name unless asked otherwise, filtered by the
-- grid's fields.
CREATE INDEX stakeholders_name ON stakeholders (name, id);
CREATE INDEX stakeholders_category ON stakeholders (category, name, id);
CREATE INDEX stakeholders_owner ON stakeholders (owner_id, name, id);
CREATE INDEX stakeholders_kind ON stakeholders (kind, name, id);
CREATE INDEX stakeholders_stance ON stakeholders (stance, name, id);
CREATE INDEX stakeholders_country ON stakeholders (country, name, id);
CREATE INDEX stakeholders_created ON stakeholders (created_at, id);
CREATE INDEX stakeholders_influence ON stakeholders (influence, id);
CREATE INDEX stakeholders_interest ON stakeholders (interest, id);

-- Contacts of a stakeholder by when added; users by name and by the
-- stakeholder a partner speaks for.
CREATE INDEX contacts_stakeholder_created ON contacts (stakeholder_id, created_at, id);
CREATE INDEX users_name ON users (name, id);
CREATE INDEX users_stakeholder ON users (stakeholder_id);

-- The audit trail of one record, of one actor, of one kind of record, in time.
DROP INDEX audit_events_record;
CREATE INDEX audit_events_record ON audit_events (record_id, at, id);
DROP INDEX audit_events_actor;
CREATE INDEX audit_events_actor ON audit_events (actor_id, at, id);
CREATE INDEX audit_events_type ON audit_events (record_type, at, id);

-- PostgreSQL also has trigram indexes for q and for the tag and topic
-- filters, and an index on LOWER(topic). SQLite has no trigram index (its q
-- search reads the sort index until a page is full), and LOWER here is
-- Dialoog's own function (see db.go): an index on it would be built
-- differently by any other tool that opens the file, so the topic filter
-- reads the raised_at index instead.

-- +goose Down
DROP INDEX audit_events_type;
DROP INDEX audit_events_actor;
CREATE INDEX audit_events_actor ON audit_events (actor_id, at);
DROP INDEX audit_events_record;
CREATE INDEX audit_events_record ON audit_events (record_id, at);
DROP INDEX users_stakeholder;
DROP INDEX users_name;
DROP INDEX contacts_stakeholder_created;
DROP INDEX stakeholders_interest;
DROP INDEX stakeholders_influence;
DROP INDEX stakeholders_created;
DROP INDEX stakeholders_country;
DROP INDEX stakeholders_stance;
DROP INDEX stakeholders_kind;
DROP INDEX stakeholders_owner;
DROP INDEX stakeholders_category;
DROP INDEX stakeholders_name;
DROP INDEX dialogue_users_user;
CREATE INDEX dialogue_users_user ON dialogue_users (user_id);
DROP INDEX dialogue_stakeholders_stakeholder;
CREATE INDEX dialogue_stakeholders_stakeholder ON dialogue_stakeholders (stakeholder_id);
DROP INDEX dialogues_title;
DROP INDEX dialogues_created;
DROP INDEX dialogues_engagement;
DROP INDEX dialogues_format;
DROP INDEX concerns_responsiveness;
DROP INDEX concerns_unclosed;
DROP INDEX concerns_topic_severity;
DROP INDEX concerns_title;
DROP INDEX concerns_created;
DROP INDEX concerns_confidential;
DROP INDEX concerns_contact;
DROP INDEX concerns_severity;
DROP INDEX concerns_stakeholder;
CREATE INDEX concerns_stakeholder ON concerns (stakeholder_id);
DROP INDEX concerns_status;
CREATE INDEX concerns_status ON concerns (status);
DROP INDEX commitments_title;
DROP INDEX commitments_created;
DROP INDEX commitments_verdict;
DROP INDEX commitments_open;
DROP INDEX commitments_stakeholder;
CREATE INDEX commitments_stakeholder ON commitments (stakeholder_id, shared);
DROP INDEX commitments_owner;
CREATE INDEX commitments_owner ON commitments (owner_id, status);
DROP INDEX commitments_status;
CREATE INDEX commitments_status ON commitments (status, due_on);
