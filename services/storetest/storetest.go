// Package storetest gives each test its own real, migrated store: a fresh
// SQLite file, and a fresh PostgreSQL database that is dropped when the test
// ends. Each runs a test on both stores, since Dialoog must behave the same
// on either.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the driver for the admin connection

	"dialoog/services"
)

// AdminURL is the PostgreSQL server the tests make their databases on.
func AdminURL() string {
	if v := os.Getenv("DIALOOG_TEST_POSTGRES_URL"); v != "" {
		return v
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// postgresRequired is set by CI (DIALOOG_REQUIRE_POSTGRES=1): there a
// PostgreSQL that cannot be reached fails the tests instead of skipping them.
func postgresRequired() bool { return os.Getenv("DIALOOG_REQUIRE_POSTGRES") == "1" }

var (
	pgOnce sync.Once
	pgErr  error
)

func postgresReachable() error {
	pgOnce.Do(func() {
		db, err := sql.Open("pgx", AdminURL())
		if err != nil {
			pgErr = err
			return
		}
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		pgErr = db.PingContext(ctx)
	})
	return pgErr
}

// Stores lists the stores a test runs on; DIALOOG_TEST_STORES=sqlite narrows it.
func Stores() []string {
	switch os.Getenv("DIALOOG_TEST_STORES") {
	case "sqlite":
		return []string{"sqlite"}
	case "postgres":
		return []string{"postgres"}
	}
	return []string{"sqlite", "postgres"}
}

// Each runs fn as a subtest on each store, with a fresh migrated database.
func Each(t *testing.T, fn func(t *testing.T, db *services.DB)) {
	t.Helper()
	for _, store := range Stores() {
		t.Run(store, func(t *testing.T) {
			fn(t, Open(t, store))
		})
	}
}

// Open returns a fresh, migrated store of the given kind, closed (and for
// PostgreSQL dropped) when the test ends.
func Open(t testing.TB, store string) *services.DB {
	t.Helper()
	ctx := context.Background()
	var dsn string
	switch store {
	case "sqlite":
		dsn = "sqlite://" + filepath.Join(t.TempDir(), "dialoog.db")
	case "postgres":
		dsn = createPostgresDB(t)
	default:
		t.Fatalf("unknown store %q", store)
	}
	db, err := services.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", store, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.MigrateUp(ctx); err != nil {
		t.Fatalf("migrate %s: %v", store, err)
	}
	return db
}

// URL returns the address of a fresh, empty PostgreSQL database (or SQLite
// file) for tests that start the program itself.
func URL(t testing.TB, store string) string {
	t.Helper()
	if store == "postgres" {
		return createPostgresDB(t)
	}
	return "sqlite://" + filepath.Join(t.TempDir(), "dialoog.db")
}

func createPostgresDB(t testing.TB) string {
	t.Helper()
	if err := postgresReachable(); err != nil {
		if postgresRequired() {
			t.Fatalf("PostgreSQL at %s cannot be reached and DIALOOG_REQUIRE_POSTGRES=1: %v", AdminURL(), err)
		}
		t.Skipf("SKIPPED: PostgreSQL at %s cannot be reached (%v); only SQLite was tested", AdminURL(), err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "dialoog_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", AdminURL())
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return fmt.Sprint(u)
}
