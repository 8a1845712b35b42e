package services

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"dialoog/models"
)

// translate turns a store error into a *models.Error, once, at the edge of the
// services. Errors that already are *models.Error pass through.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var me *models.Error
	switch {
	case errors.As(err, &me):
		return err
	case errors.Is(err, gorm.ErrRecordNotFound):
		return &models.Error{Code: models.NotFound, Message: "not found", Err: err}
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &models.Error{Code: models.Conflict, Message: "a record with these values already exists", Err: err}
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return &models.Error{Code: models.Invalid, Message: "a referenced record does not exist", Err: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &models.Error{Code: models.Unavailable, Message: "the request took too long", Err: err}
	case isUnavailable(err):
		return &models.Error{Code: models.Unavailable, Message: "the database cannot be reached", Err: err}
	}
	return &models.Error{Code: models.Internal, Message: "internal error", Err: err}
}

// isUnavailable reports whether err says the store is down rather than that
// the query was wrong, so that clients get 503 and can retry.
func isUnavailable(err error) bool {
	var (
		ne    net.Error
		pgErr *pgconn.PgError
		cErr  *pgconn.ConnectError
	)
	switch {
	case errors.As(err, &ne), errors.As(err, &cErr), errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		pgconn.Timeout(err):
		return true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		// the server went away in the middle of a reply: PostgreSQL crashed
		// or was killed (the fault tests stop it with -m immediate)
		return true
	case errors.As(err, &pgErr):
		// class 08 is a connection exception; 57P01 to 57P03 are an
		// administrator's shutdown, a crash of another backend, and a server
		// not yet accepting connections; 53300 is too many connections
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" ||
			pgErr.Code == "57P03" || pgErr.Code == "53300"
	}
	msg := err.Error()
	for _, s := range []string{"connection refused", "failed to connect", "the database system is shutting down", "the database system is starting up", "conn closed", "terminating connection", "database is locked", "SQLITE_BUSY", "sql: database is closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func notFound(what string) error {
	return models.Errorf(models.NotFound, "%s not found", what)
}

func forbidden(format string, args ...any) error {
	return models.Errorf(models.Forbidden, format, args...)
}

func stale(what string) error {
	return models.Errorf(models.Stale, "the %s was changed by someone else; reload it and try again", what)
}
