package services_test

import (
	"testing"

	"dialoog/services/storetest"
)

// The embedded store relies on these settings; without them it would ignore
// foreign keys and fail concurrent writers with "database is locked".
func TestSQLiteSettings(t *testing.T) {
	db := storetest.Open(t, "sqlite")
	for pragma, want := range map[string]string{"foreign_keys": "1", "journal_mode": "wal", "busy_timeout": "10000"} {
		var got string
		if err := db.Raw("PRAGMA " + pragma).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}
