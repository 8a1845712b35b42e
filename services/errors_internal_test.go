package services

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"dialoog/models"
)

// A store that is down, crashed, starting or hung answers 503, never 500;
// the fault tests (cmd/dialoog/faults_test.go) meet these errors for real.
func TestTranslateStoreDown(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want models.Code
	}{
		{"CrashMidReply", fmt.Errorf("query: %w", io.ErrUnexpectedEOF), models.Unavailable},
		{"ClosedAtMessageBoundary", io.EOF, models.Unavailable},
		{"AdminShutdown", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, models.Unavailable},
		{"CrashOfAnotherBackend", &pgconn.PgError{Code: "57P02"}, models.Unavailable},
		{"StartingUp", &pgconn.PgError{Code: "57P03"}, models.Unavailable},
		{"ConnectionException", &pgconn.PgError{Code: "08006"}, models.Unavailable},
		{"TooManyConnections", &pgconn.PgError{Code: "53300"}, models.Unavailable},
		{"Deadline", context.DeadlineExceeded, models.Unavailable},
		{"SQLiteBusy", errors.New("database is locked (5) (SQLITE_BUSY)"), models.Unavailable},
		{"SyntaxError", &pgconn.PgError{Code: "42601"}, models.Internal},
		{"Other", errors.New("something else"), models.Internal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := models.ErrorCode(translate(tc.err)); got != tc.want {
				t.Fatalf("translate(%v) = %s, want %s", tc.err, got, tc.want)
			}
		})
	}
}
