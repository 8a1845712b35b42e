package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"dialoog/services"
)

// backup writes a consistent copy of a SQLite register to a new file while
// the server keeps running; for PostgreSQL it says how to use pg_dump. See
// "Backup and restore" in the README.
func backup(ctx context.Context, db *services.DB, args []string, out io.Writer) error {
	if len(args) != 1 || args[0] == "" || args[0][0] == '-' {
		return errors.New("usage: dialoog backup FILE (a new file; SQLite only, PostgreSQL uses pg_dump)")
	}
	start := time.Now()
	if err := db.BackupSQLite(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(out, "backup: wrote %s in %v; restore it by stopping Dialoog and putting it in place of the database file\n",
		args[0], time.Since(start).Round(time.Millisecond))
	return nil
}
