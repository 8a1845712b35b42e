// Package migrations holds the schema of each store as numbered SQL files,
// written by hand and applied in order by goose, one transaction per file.
// PostgreSQL and SQLite each have their own folder, kept in step: the same
// numbers, the same tables and columns.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// For returns the migrations of one dialect: "postgres" or "sqlite".
func For(dialect string) fs.FS {
	sub, err := fs.Sub(files, dialect)
	if err != nil {
		panic(err) // the folders are embedded at build time; cannot happen
	}
	return sub
}
