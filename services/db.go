package services

import (
	"context"
	"database/sql/driver"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB is the store: a GORM handle and which engine is behind it.
type DB struct {
	*gorm.DB
	Dialect string // "postgres" or "sqlite"
	// writer is held by the one transaction of this process that writes to
	// SQLite. SQLite lets one writer in at a time; without this queue the
	// others wait in its busy handler, which sleeps and retries (up to 100 ms
	// a try), so that under concurrent writes the lock stands idle between
	// them. Queued here they follow each other at once. Nil on PostgreSQL.
	writer chan struct{}
}

// DefaultSQLitePath is where the embedded store lives when DATABASE_URL is unset.
const DefaultSQLitePath = "data/dialoog.db"

// Open connects to the store named by databaseURL: a postgres:// URL, a
// sqlite:// path, or "" for the embedded SQLite file under ./data/.
func Open(ctx context.Context, databaseURL string) (*DB, error) {
	cfg := &gorm.Config{
		TranslateError: true, // duplicate and foreign-key errors become gorm's sentinels
		Logger:         logger.Default.LogMode(logger.Silent),
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
	var (
		gdb     *gorm.DB
		dialect string
		err     error
	)
	switch {
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		dialect = "postgres"
		gdb, err = gorm.Open(postgres.Open(databaseURL), cfg)
		if err == nil {
			sqlDB, _ := gdb.DB()
			sqlDB.SetMaxOpenConns(20)
			sqlDB.SetMaxIdleConns(20)
			sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		}
	default:
		dialect = "sqlite"
		path := strings.TrimPrefix(databaseURL, "sqlite://")
		if path == "" {
			path = DefaultSQLitePath
		}
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create the data folder: %w", err)
			}
		}
		gdb, err = gorm.Open(sqlite.Open(sqliteDSN(path)), cfg)
		if err == nil {
			// One writer at a time is all SQLite has; a small pool and
			// BEGIN IMMEDIATE with a busy timeout make writers queue for the
			// lock instead of failing with "database is locked".
			sqlDB, _ := gdb.DB()
			sqlDB.SetMaxOpenConns(4)
			sqlDB.SetMaxIdleConns(4)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open the %s store: %w", dialect, err)
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("reach the %s store: %w", dialect, err)
	}
	db := &DB{DB: gdb, Dialect: dialect}
	if dialect == "sqlite" {
		db.writer = make(chan struct{}, 1)
	}
	return db, nil
}

// SQLite's own LOWER folds ASCII letters alone, PostgreSQL's every letter.
// The tag and topic filters compare LOWER(column) with a value lowered in
// Go, so on SQLite LOWER must fold "É" too, or such a tag is never found.
func init() {
	gosqlite.MustRegisterDeterministicScalarFunction("lower", 1, func(_ *gosqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		if s, ok := args[0].(string); ok {
			return strings.ToLower(s), nil
		}
		return args[0], nil
	})
}

// sqliteDSN turns a file path into a DSN with the pragmas Dialoog relies on:
// foreign keys enforced, WAL so readers do not block the writer, a busy
// timeout, and transactions that take the write lock when they begin (a
// deferred one that reads first and then writes cannot wait for the lock: it
// fails at once with "database is locked").
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// No _time_format: the driver writes SQLite's own time format by default,
	// and (in go-sqlite v1.21 to v1.23) setting it makes the driver skip _txlock.
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Close closes the connection pool.
func (db *DB) Close() error {
	sqlDB, err := db.DB.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}
