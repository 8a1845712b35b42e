package services

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Clock tells the time; tests set it to make "overdue" and "today" certain.
type Clock func() time.Time

// Services bundles one service per aggregate over one store.
type Services struct {
	DB           *DB
	Auth         *AuthService
	Users        *UserService
	Tokens       *TokenService
	Stakeholders *StakeholderService
	Contacts     *ContactService
	Dialogues    *DialogueService
	Concerns     *ConcernService
	Commitments  *CommitmentService
	Audit        *AuditService
	Overview     *OverviewService
	Reports      *ReportService
	Privacy      *PrivacyService
	Imports      *ImportService
	Calendar     *CalendarService
	Export       *ExportService
}

// Options tune the services; the zero value is what production uses.
type Options struct {
	Clock Clock
	// BcryptCost lowers the password hashing cost in tests; 0 is the default cost.
	BcryptCost int
	// SessionTTL is how long a session lives without use; 0 is 12 hours.
	SessionTTL time.Duration
	// OverviewTTL is how long the directors' overview is served again
	// before it is computed anew; 0 is DefaultOverviewTTL, below 0 is never.
	OverviewTTL time.Duration
}

// New wires every service over db.
func New(db *DB, opts Options) *Services {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.SessionTTL == 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if opts.OverviewTTL == 0 {
		opts.OverviewTTL = DefaultOverviewTTL
	}
	b := base{db: db, clock: opts.Clock, writes: new(atomic.Uint64)}
	return &Services{
		DB:           db,
		Auth:         &AuthService{base: b, bcryptCost: opts.BcryptCost, sessionTTL: opts.SessionTTL},
		Users:        &UserService{base: b, bcryptCost: opts.BcryptCost},
		Tokens:       &TokenService{base: b},
		Stakeholders: &StakeholderService{base: b},
		Contacts:     &ContactService{base: b},
		Dialogues:    &DialogueService{base: b},
		Concerns:     &ConcernService{base: b},
		Commitments:  &CommitmentService{base: b},
		Audit:        &AuditService{base: b},
		Overview:     &OverviewService{base: b, cache: &overviewCache{ttl: opts.OverviewTTL}},
		Reports:      &ReportService{base: b},
		Privacy:      &PrivacyService{base: b},
		Imports:      &ImportService{base: b},
		Calendar:     &CalendarService{base: b},
		Export:       &ExportService{base: b},
	}
}

// base is what every service holds: the store, a clock, and a count of the
// transactions this process has run, which tells a cached figure that it
// may be out of date.
type base struct {
	db     *DB
	clock  Clock
	writes *atomic.Uint64
}

// now is the current time as both stores keep it: UTC, to the microsecond.
func (b base) now() time.Time { return b.clock().UTC().Truncate(time.Microsecond) }

// today is the current calendar date (UTC).
func (b base) today() string { return b.now().Format("2006-01-02") }

// tx runs fn in one transaction on the request's context. On SQLite, whose
// transactions all take the write lock, it first waits its turn in this
// process (DB.writer).
func (b base) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if b.db.writer != nil {
		select {
		case b.db.writer <- struct{}{}:
			defer func() { <-b.db.writer }()
		case <-ctx.Done():
			return translate(ctx.Err())
		}
	}
	err := b.db.WithContext(ctx).Transaction(fn)
	b.wrote()
	return translate(err)
}

// wrote notes that the store may have changed.
func (b base) wrote() {
	if b.writes != nil {
		b.writes.Add(1)
	}
}

// read returns a handle for queries outside a transaction.
func (b base) read(ctx context.Context) *gorm.DB { return b.db.WithContext(ctx) }

// newID returns a time-ordered UUID (v7), so that ids sort roughly by creation.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// validID reports whether s is a UUID in its canonical form.
func validID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && u.String() == s
}
