package services

import (
	"archive/zip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"
)

// ExportService writes the whole register as one archive, for backup or for
// moving to another installation: a JSON file per table.
type ExportService struct{ base }

// exportTables are the tables of the register, in an order that can be read
// back (referenced tables first), with how each is ordered. Sessions, API
// tokens, calendar feeds and sign-in failures are secrets or passing state,
// and stay out.
var exportTables = []struct{ name, order string }{
	{"users", "id"}, {"stakeholders", "id"}, {"contacts", "id"}, {"dialogues", "id"},
	{"dialogue_stakeholders", "dialogue_id, stakeholder_id"}, {"dialogue_users", "dialogue_id, user_id"},
	{"concerns", "id"}, {"commitments", "id"}, {"commitment_updates", "id"}, {"audit_events", "at, id"},
}

// exportSkip are columns that are secret or derived.
var exportSkip = map[string]bool{"password_hash": true, "search_text": true}

// Export writes the archive to w. On PostgreSQL it reads one consistent
// snapshot; on SQLite each table is read as it is (a read transaction there
// would hold the writers' lock for the whole export).
// Errors: Forbidden unless admin.
func (s *ExportService) Export(ctx context.Context, actor Actor, w io.Writer) error {
	if err := actor.require(permManageUsers); err != nil {
		return err
	}
	write := func(db *gorm.DB) error { return s.writeArchive(db, w) }
	if s.db.Dialect == "postgres" {
		return translate(s.read(ctx).Transaction(write, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}))
	}
	return translate(write(s.read(ctx)))
}

func (s *ExportService) writeArchive(db *gorm.DB, w io.Writer) error {
	zw := zip.NewWriter(w)
	counts := map[string]int{}
	for _, t := range exportTables {
		n, err := exportTable(db, zw, t.name, t.order)
		if err != nil {
			return fmt.Errorf("export %s: %w", t.name, err)
		}
		counts[t.name] = n
	}
	var version int64
	if err := db.Raw("SELECT MAX(version_id) FROM goose_db_version WHERE is_applied").Scan(&version).Error; err != nil {
		return err
	}
	f, err := zw.Create("manifest.json")
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"format": "dialoog-export/1", "exported_at": s.now().Format(time.RFC3339Nano),
		"schema_version": version, "store": s.db.Dialect, "tables": counts}); err != nil {
		return err
	}
	return zw.Close()
}

// exportTable streams one table into the archive as a JSON array, a row at a
// time, so that a large register is never held in memory.
func exportTable(db *gorm.DB, zw *zip.Writer, table, order string) (int, error) {
	f, err := zw.Create(table + ".json")
	if err != nil {
		return 0, err
	}
	rows, err := db.Table(table).Order(order).Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if _, err := io.WriteString(f, "[\n"); err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		rec := make(map[string]any, len(cols))
		for i, c := range cols {
			if exportSkip[c] {
				continue
			}
			rec[c] = exportValue(c, vals[i])
		}
		b, err := json.Marshal(rec)
		if err != nil {
			return n, err
		}
		if n > 0 {
			if _, err := io.WriteString(f, ",\n"); err != nil {
				return n, err
			}
		}
		if _, err := f.Write(b); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	_, err = io.WriteString(f, "\n]\n")
	return n, err
}

// exportValue gives a column's value one form on both stores: times in RFC
// 3339, JSON text (tags, topics, audit snapshots) as JSON, booleans as such.
func exportValue(col string, v any) any {
	switch x := v.(type) {
	case []byte:
		v = string(x)
	case time.Time:
		if col == "due_on" {
			return x.Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339Nano)
	}
	if s, ok := v.(string); ok {
		switch col {
		case "tags", "topics", "before", "after":
			if json.Valid([]byte(s)) {
				return json.RawMessage(s)
			}
		}
	}
	switch col {
	case "active", "shared", "confidential":
		switch x := v.(type) {
		case int64:
			return x != 0
		}
	}
	return v
}
