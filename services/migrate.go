package services

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"

	"dialoog/migrations"
)

func (db *DB) migrationProvider() (*goose.Provider, error) {
	dialect := goose.DialectPostgres
	if db.Dialect == "sqlite" {
		dialect = goose.DialectSQLite3
	}
	sqlDB, err := db.DB.DB()
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(dialect, sqlDB, migrations.For(db.Dialect))
}

// MigrateUp applies every migration not yet applied and returns the versions it applied.
func (db *DB) MigrateUp(ctx context.Context) ([]int64, error) {
	p, err := db.migrationProvider()
	if err != nil {
		return nil, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate up: %w", err)
	}
	applied := make([]int64, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	return applied, nil
}

// MigrationState is one migration and whether it is applied.
type MigrationState struct {
	Version int64
	Name    string
	Applied bool
}

// MigrationStatus lists every known migration and whether it is applied.
func (db *DB) MigrationStatus(ctx context.Context) ([]MigrationState, error) {
	p, err := db.migrationProvider()
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MigrationState, 0, len(st))
	for _, s := range st {
		out = append(out, MigrationState{Version: s.Source.Version, Name: s.Source.Path, Applied: s.State == goose.StateApplied})
	}
	return out, nil
}

// SchemaCurrent reports whether every migration is applied; /readyz uses it.
func (db *DB) SchemaCurrent(ctx context.Context) (bool, error) {
	p, err := db.migrationProvider()
	if err != nil {
		return false, err
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, err
	}
	return !pending, nil
}
