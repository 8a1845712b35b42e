package services_test

import (
	"context"
	"slices"
	"testing"

	"dialoog/services"
	"dialoog/services/storetest"
)

// The two stores' migrations are written by hand, side by side; this keeps
// them in step: the same tables with the same columns.
func TestMigrationsDescribeTheSameSchema(t *testing.T) {
	if len(storetest.Stores()) < 2 {
		t.Skip("needs both stores")
	}
	pg := columns(t, storetest.Open(t, "postgres"))
	lite := columns(t, storetest.Open(t, "sqlite"))
	if len(pg) < 10 {
		t.Fatalf("PostgreSQL has only %d tables", len(pg))
	}
	for table, cols := range pg {
		if !slices.Equal(cols, lite[table]) {
			t.Errorf("table %s:\n postgres %v\n sqlite   %v", table, cols, lite[table])
		}
	}
	for table := range lite {
		if _, ok := pg[table]; !ok {
			t.Errorf("table %s is only in SQLite", table)
		}
	}
}

func columns(t *testing.T, db *services.DB) map[string][]string {
	t.Helper()
	ctx := context.Background()
	type col struct{ Table, Name string }
	var rows []col
	var err error
	if db.Dialect == "postgres" {
		err = db.WithContext(ctx).Raw(`SELECT table_name AS "table", column_name AS name FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name <> 'goose_db_version' ORDER BY table_name, column_name`).Scan(&rows).Error
	} else {
		// The trigram indexes of q (x_fts and their shadow tables x_fts_data,
		// _idx, _docsize, _config) are SQLite's only; PostgreSQL's are indexes.
		err = db.WithContext(ctx).Raw(`SELECT m.name AS "table", p.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT IN ('goose_db_version', 'sqlite_sequence')
			AND m.name NOT GLOB '*_fts' AND m.name NOT GLOB '*_fts_*' ORDER BY m.name, p.name`).Scan(&rows).Error
	}
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		out[r.Table] = append(out[r.Table], r.Name)
	}
	return out
}

// Every replica migrates on start; a second run must find nothing to do.
func TestMigrationsApplyTwiceIdempotently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		applied, err := db.MigrateUp(context.Background())
		if err != nil || len(applied) != 0 {
			t.Fatalf("second up applied %v, %v", applied, err)
		}
		ok, err := db.SchemaCurrent(context.Background())
		if err != nil || !ok {
			t.Fatalf("schema current: %v %v", ok, err)
		}
	})
}

// pgOnlyIndexes are the indexes PostgreSQL has and SQLite has not: trigram
// indexes for q and the tag and topic filters (SQLite has no such index),
// and the one on LOWER(topic) (LOWER is Dialoog's own function on SQLite;
// see 00003_indexes.sql).
var pgOnlyIndexes = []string{"commitments_search", "concerns_search", "concerns_topic", "dialogues_search", "dialogues_topics",
	"stakeholders_search", "stakeholders_tags"}

// The stores' indexes carry the same names, so that a plan read on one
// can be looked up on the other; PostgreSQL's few extra are named above.
func TestMigrationsMakeTheSameIndexes(t *testing.T) {
	if len(storetest.Stores()) < 2 {
		t.Skip("needs both stores")
	}
	pg := indexNames(t, storetest.Open(t, "postgres"))
	lite := indexNames(t, storetest.Open(t, "sqlite"))
	var pgShared []string
	for _, n := range pg {
		if !slices.Contains(pgOnlyIndexes, n) {
			pgShared = append(pgShared, n)
		}
	}
	if !slices.Equal(pgShared, lite) {
		t.Errorf("indexes differ:\n postgres %v\n sqlite   %v", pgShared, lite)
	}
	for _, n := range pgOnlyIndexes {
		if !slices.Contains(pg, n) {
			t.Errorf("PostgreSQL lacks %s", n)
		}
	}
}

// indexNames lists the indexes made by the migrations, not those behind a
// primary key or UNIQUE (their names are each store's own).
func indexNames(t *testing.T, db *services.DB) []string {
	t.Helper()
	var names []string
	var err error
	if db.Dialect == "postgres" {
		err = db.Raw(`SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = 'public' AND NOT EXISTS (
			SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
			ORDER BY 1`).Scan(&names).Error
	} else {
		err = db.Raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1`).Scan(&names).Error
	}
	if err != nil {
		t.Fatal(err)
	}
	return names
}
