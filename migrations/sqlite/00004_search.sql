-- Text search (q) on SQLite. q looks for the folded text anywhere in
-- search_text, LIKE '%term%', which no b-tree index can serve: a term no
-- record has read every row. An FTS5 table with the trigram tokenizer over
-- search_text can: SQLite hands it LIKE '%term%' when the term has three
-- characters or more, and it returns only the rows that hold every trigram
-- of the term. services/search.go asks it whenever it can. PostgreSQL has
-- its trigram indexes from 00003; its 00004 does nothing.
--
-- External content (content=...): the index keeps no copy of the text; it
-- reads the table by rowid, which VACUUM keeps for tables with an index (the
-- backup test checks it). detail='none' keeps no positions: LIKE still uses
-- the index, and SQLite tests LIKE again on each row it returns, so a row
-- that has the trigrams but not the term is still left out. On contacts,
-- secure-delete removes a changed row's old trigrams from the index itself,
-- not just marks them, so the text of an erased contact is gone from the
-- file (services/privacy.go; erasure changes no other table's text). The
-- other tables do without: there it made each change of a record's text
-- cost over 10 ms of the one writer's time on the large register, as the
-- old trigrams are struck from long lists. The triggers keep each index in
-- step with its table; 'delete' must be given the text that was indexed,
-- the old row's. Each writing transaction adds a small segment to an index,
-- which FTS5 merges into larger ones as they pile up; merging 16 at a time
-- instead of 4 rewrites the index less often (logging meetings on the large
-- register at 8 at a time: 203-215 a second against 154-194, and shorter
-- stalls), at the price of a few more segments for a search to read.
--
-- On a large store the indexes are built while writes wait (goose runs the
-- file in one transaction): about 50 s for the benchmark's register of
-- 500,000 commitments and concerns, 200,000 dialogues, 2.0 GB to 2.2 GB.
-- +goose Up
CREATE VIRTUAL TABLE stakeholders_fts USING fts5(search_text, content='stakeholders', content_rowid='rowid', tokenize='trigram', detail='none');
INSERT INTO stakeholders_fts(stakeholders_fts, rank) VALUES ('automerge', 16);
INSERT INTO stakeholders_fts(stakeholders_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER stakeholders_fts_insert AFTER INSERT ON stakeholders BEGIN
    INSERT INTO stakeholders_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stakeholders_fts_delete AFTER DELETE ON stakeholders BEGIN
    INSERT INTO stakeholders_fts(stakeholders_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stakeholders_fts_update AFTER UPDATE OF search_text ON stakeholders BEGIN
    INSERT INTO stakeholders_fts(stakeholders_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO stakeholders_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE contacts_fts USING fts5(search_text, content='contacts', content_rowid='rowid', tokenize='trigram', detail='none');
INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search_text ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO contacts_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE dialogues_fts USING fts5(search_text, content='dialogues', content_rowid='rowid', tokenize='trigram', detail='none');
INSERT INTO dialogues_fts(dialogues_fts, rank) VALUES ('automerge', 16);
INSERT INTO dialogues_fts(dialogues_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER dialogues_fts_insert AFTER INSERT ON dialogues BEGIN
    INSERT INTO dialogues_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dialogues_fts_delete AFTER DELETE ON dialogues BEGIN
    INSERT INTO dialogues_fts(dialogues_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dialogues_fts_update AFTER UPDATE OF search_text ON dialogues BEGIN
    INSERT INTO dialogues_fts(dialogues_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO dialogues_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE concerns_fts USING fts5(search_text, content='concerns', content_rowid='rowid', tokenize='trigram', detail='none');
INSERT INTO concerns_fts(concerns_fts, rank) VALUES ('automerge', 16);
INSERT INTO concerns_fts(concerns_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER concerns_fts_insert AFTER INSERT ON concerns BEGIN
    INSERT INTO concerns_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER concerns_fts_delete AFTER DELETE ON concerns BEGIN
    INSERT INTO concerns_fts(concerns_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER concerns_fts_update AFTER UPDATE OF search_text ON concerns BEGIN
    INSERT INTO concerns_fts(concerns_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO concerns_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE commitments_fts USING fts5(search_text, content='commitments', content_rowid='rowid', tokenize='trigram', detail='none');
INSERT INTO commitments_fts(commitments_fts, rank) VALUES ('automerge', 16);
INSERT INTO commitments_fts(commitments_fts) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments BEGIN
    INSERT INTO commitments_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments BEGIN
    INSERT INTO commitments_fts(commitments_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitments_fts_update AFTER UPDATE OF search_text ON commitments BEGIN
    INSERT INTO commitments_fts(commitments_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO commitments_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER commitments_fts_update;
DROP TRIGGER commitments_fts_delete;
DROP TRIGGER commitments_fts_insert;
DROP TABLE commitments_fts;
DROP TRIGGER concerns_fts_update;
DROP TRIGGER concerns_fts_delete;
DROP TRIGGER concerns_fts_insert;
DROP TABLE concerns_fts;
DROP TRIGGER dialogues_fts_update;
DROP TRIGGER dialogues_fts_delete;
DROP TRIGGER dialogues_fts_insert;
DROP TABLE dialogues_fts;
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contacts_fts_delete;
DROP TRIGGER contacts_fts_insert;
DROP TABLE contacts_fts;
DROP TRIGGER stakeholders_fts_update;
DROP TRIGGER stakeholders_fts_delete;
DROP TRIGGER stakeholders_fts_insert;
DROP TABLE stakeholders_fts;
