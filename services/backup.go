package services

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrBackupPostgres says that a PostgreSQL register is backed up with
// pg_dump, not by the program.
var ErrBackupPostgres = errors.New(`the register is on PostgreSQL: back it up with pg_dump, for example
  pg_dump --format=custom --file=dialoog.dump "$DATABASE_URL"
and restore it into an empty database with
  pg_restore --no-owner --exit-on-error --dbname="$NEW_DATABASE_URL" dialoog.dump`)

// BackupSQLite writes a consistent copy of the SQLite register to path,
// while the server goes on serving. VACUUM INTO reads the database in one
// read transaction, so the copy is the register as it was at one moment;
// in WAL mode writers are not held up meanwhile. (The SQLite driver has no
// binding for SQLite's online backup API; VACUUM INTO, from SQLite 3.27, is
// its other way to copy a live database, and compacts the copy too.)
// The copy is written next to path, synced, checked and then renamed, so
// that path never holds half a backup. An existing path is not overwritten.
func (db *DB) BackupSQLite(ctx context.Context, path string) error {
	if db.Dialect != "sqlite" {
		return ErrBackupPostgres
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file", path)
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial")
	os.Remove(tmp) // left by an interrupted backup
	defer os.Remove(tmp)
	if err := db.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return fmt.Errorf("copy the register: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := quickCheck(ctx, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // make the rename itself durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// quickCheck opens the copy read-only and asks SQLite whether it is sound;
// "sqlite" is the driver that db.go's import registers.
func quickCheck(ctx context.Context, path string) error {
	c, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer c.Close()
	var res string
	if err := c.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return fmt.Errorf("check the copy: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("the copy failed its check: %s", res)
	}
	return nil
}
