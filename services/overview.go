package services

import (
	"context"
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"dialoog/models"
)

// OverviewService computes the directors' figures.
type OverviewService struct {
	base
	cache *overviewCache
}

// DefaultOverviewTTL is how long a computed overview is served again. Its
// figures count every commitment and concern the register ever held, which
// on a register of a million records takes the store a tenth of a second or
// more; directors opening the overview at the same time share one
// computation, and a few seconds' delay is nothing for these figures. A
// write through this replica makes the next request compute afresh, so
// whoever changed something sees it at once; writes through other replicas
// show within the TTL.
const DefaultOverviewTTL = 10 * time.Second

// overviewCache keeps the last overview, and lets one request compute it
// while the others wait for that result.
type overviewCache struct {
	ttl    time.Duration
	mu     sync.Mutex
	ok     bool
	key    overviewKey
	at     time.Time // by the wall clock
	ov     models.Overview
	flight chan struct{} // closed when the computation in flight ends
}

// overviewKey is what a cached overview is valid for: the day (overdue and
// the months move with it) and the writes this process had made.
type overviewKey struct {
	today  string
	writes uint64
}

// responsivenessMonths is how far back the days-to-acknowledge and
// days-to-respond figures reach.
const responsivenessMonths = 12

// Overview returns the figures directors look at: commitments by status and
// by owner, concerns by topic and severity, how fast concerns were answered
// month by month, and what falls due in the next two weeks. The figures may
// be up to the TTL old (Options.OverviewTTL), never older than a write made
// through this process.
// Errors: Forbidden for partners.
func (s *OverviewService) Overview(ctx context.Context, actor Actor) (models.Overview, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Overview{}, err
	}
	c := s.cache
	if c == nil || c.ttl < 0 {
		return s.compute(ctx)
	}
	key := overviewKey{today: s.today(), writes: s.writes.Load()}
	for {
		c.mu.Lock()
		if c.ok && c.key == key && time.Since(c.at) < c.ttl {
			ov := c.ov
			c.mu.Unlock()
			return ov.Clone(), nil
		}
		if wait := c.flight; wait != nil {
			c.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return models.Overview{}, translate(ctx.Err())
			}
		}
		done := make(chan struct{})
		c.flight = done
		c.mu.Unlock()

		ov, err := s.compute(ctx)
		c.mu.Lock()
		c.flight = nil
		close(done)
		if err == nil {
			c.ok, c.key, c.at, c.ov = true, key, time.Now(), ov.Clone()
		}
		c.mu.Unlock()
		return ov, err
	}
}

// compute reads every figure of the overview from the store, in aggregate
// queries that the indexes of 00003_indexes.sql answer.
func (s *OverviewService) compute(ctx context.Context) (models.Overview, error) {
	db := s.read(ctx)
	today := s.today()
	ov := models.Overview{Today: models.Date(today), CommitmentsByStatus: map[string]int{}}
	for _, st := range models.CommitmentStatuses {
		ov.CommitmentsByStatus[st] = 0
	}

	var byStatus []struct {
		Status string
		N      int
	}
	if err := db.Table("commitments").Select("status, COUNT(*) AS n").Where("archived_at IS NULL").Group("status").Scan(&byStatus).Error; err != nil {
		return ov, translate(err)
	}
	for _, r := range byStatus {
		ov.CommitmentsByStatus[r.Status] = r.N
	}

	// SQLite would read the whole owner index for the GROUP BY, 500,000
	// rows on a large register (0.8 s), rather than the partial index of
	// the open work (20,000 rows, 35 ms); PostgreSQL chooses well itself.
	open := "commitments c"
	if s.db.Dialect == "sqlite" {
		open = "commitments c INDEXED BY commitments_open"
	}
	err := db.Table(open).
		Select(`c.owner_id AS owner_id, COALESCE(u.name, '') AS owner_name,
			SUM(CASE WHEN c.status = 'open' THEN 1 ELSE 0 END) AS open,
			SUM(CASE WHEN c.status = 'in_progress' THEN 1 ELSE 0 END) AS in_progress,
			SUM(CASE WHEN c.due_on < ? THEN 1 ELSE 0 END) AS overdue`, today).
		Joins("LEFT JOIN users u ON u.id = c.owner_id").
		Where("c.archived_at IS NULL AND c.status IN ('open', 'in_progress')").
		Group("c.owner_id, u.name").Order("overdue DESC, open DESC, owner_name").
		Scan(&ov.CommitmentsByOwner).Error
	if err != nil {
		return ov, translate(err)
	}
	for _, o := range ov.CommitmentsByOwner {
		ov.OverdueCommitments += o.Overdue
	}

	var byTopic []struct {
		Topic    string
		Severity string
		N        int
	}
	if err := db.Table("concerns").Select("topic, severity, COUNT(*) AS n").Where("archived_at IS NULL").
		Group("topic, severity").Scan(&byTopic).Error; err != nil {
		return ov, translate(err)
	}
	ov.ConcernsByTopic = topicTable(byTopic)

	var n int64
	if err := db.Table("concerns").Where("archived_at IS NULL AND status <> 'closed'").Count(&n).Error; err != nil {
		return ov, translate(err)
	}
	ov.OpenConcerns = int(n)
	if err := db.Table("commitments").Where("archived_at IS NULL AND partner_verdict = 'disputed'").Count(&n).Error; err != nil {
		return ov, translate(err)
	}
	ov.DisputedCommitments = int(n)

	if ov.Responsiveness, err = s.responsiveness(ctx); err != nil {
		return ov, err
	}

	in14 := s.now().AddDate(0, 0, 14).Format(models.DateLayout)
	err = db.Where("archived_at IS NULL AND status IN ('open', 'in_progress') AND due_on >= ? AND due_on <= ?", today, in14).
		Order("due_on, id").Limit(20).Find(&ov.DueNext).Error
	return ov, translate(err)
}

func topicTable(rows []struct {
	Topic    string
	Severity string
	N        int
}) []models.TopicSeverity {
	at := map[string]*models.TopicSeverity{}
	var out []*models.TopicSeverity
	for _, r := range rows {
		t, ok := at[r.Topic]
		if !ok {
			t = &models.TopicSeverity{Topic: r.Topic, BySeverity: map[string]int{}}
			for _, sev := range models.Severities {
				t.BySeverity[sev] = 0
			}
			at[r.Topic] = t
			out = append(out, t)
		}
		t.BySeverity[r.Severity] += r.N
		t.Total += r.N
	}
	slices.SortFunc(out, func(a, b *models.TopicSeverity) int {
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		if a.Topic < b.Topic {
			return -1
		}
		return 1
	})
	res := make([]models.TopicSeverity, len(out))
	for i, t := range out {
		res[i] = *t
	}
	return res
}

// responsiveness gives, for each of the last months, the median days from
// raising a concern to acknowledging it and to responding to it. The store
// finds each month's middle value or two, so that a year of concerns never
// leaves the database; the days are then reckoned in Go from those exact
// durations, as median always did, so the figures are the same to the last
// digit on both stores (TestOverviewResponsivenessIsTheMedianOfEachMonth).
func (s *OverviewService) responsiveness(ctx context.Context) ([]models.MonthResponsiveness, error) {
	now := s.now()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(responsivenessMonths - 1), 0)
	end := first.AddDate(0, responsivenessMonths, 0)
	months := make([]monthMiddles, responsivenessMonths)
	at := func(month string) (*monthMiddles, error) {
		t, err := time.Parse("2006-01", month)
		if err != nil {
			return nil, fmt.Errorf("responsiveness: month %q: %w", month, err)
		}
		i := (t.Year()-first.Year())*12 + int(t.Month()) - int(first.Month())
		if i < 0 || i >= responsivenessMonths {
			return nil, nil
		}
		return &months[i], nil
	}
	var err error
	if s.db.Dialect == "postgres" {
		err = s.middlesPostgres(ctx, first, end, at)
	} else {
		err = s.middlesSQLite(ctx, first, end, at)
	}
	if err != nil {
		return nil, translate(err)
	}
	out := make([]models.MonthResponsiveness, responsivenessMonths)
	for i, m := range months {
		out[i] = models.MonthResponsiveness{Month: first.AddDate(0, i, 0).Format("2006-01"), Raised: m.raised,
			MedianDaysToAck: median(m.ack), MedianDaysToRespond: median(m.respond)}
	}
	return out, nil
}

// monthMiddles is a month's count of concerns raised, and the middle one
// or two of its days to acknowledge and to respond: their median is the
// median of the month.
type monthMiddles struct {
	raised       int
	ack, respond []float64
}

func inDays(d time.Duration) float64 { return d.Hours() / 24 }

// middlesPostgres reads the middles with percentile_disc, which picks the
// element at the lower middle; ordered the other way round it picks the
// upper one (the same element when there is an odd number). Only the
// durations are sorted, in memory, per month.
func (s *OverviewService) middlesPostgres(ctx context.Context, first, end time.Time, at func(string) (*monthMiddles, error)) error {
	var rows []struct {
		Month                              string
		Raised                             int
		AckLo, AckHi, RespondLo, RespondHi *int64 // microseconds
	}
	micros := func(d string) string {
		return "(EXTRACT(EPOCH FROM percentile_disc(0.5) WITHIN GROUP (ORDER BY " + d + ")) * 1000000)::bigint"
	}
	err := s.read(ctx).Raw(`SELECT to_char(raised_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, COUNT(*) AS raised,
			`+micros("acknowledged_at - raised_at")+` AS ack_lo, `+micros("acknowledged_at - raised_at DESC")+` AS ack_hi,
			`+micros("responded_at - raised_at")+` AS respond_lo, `+micros("responded_at - raised_at DESC")+` AS respond_hi
		FROM concerns WHERE archived_at IS NULL AND raised_at >= ? AND raised_at < ?
		GROUP BY 1`, first, end).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		m, err := at(r.Month)
		if err != nil || m == nil {
			return err
		}
		m.raised = r.Raised
		if r.AckLo != nil && r.AckHi != nil {
			m.ack = []float64{inDays(time.Duration(*r.AckLo) * time.Microsecond), inDays(time.Duration(*r.AckHi) * time.Microsecond)}
		}
		if r.RespondLo != nil && r.RespondHi != nil {
			m.respond = []float64{inDays(time.Duration(*r.RespondLo) * time.Microsecond), inDays(time.Duration(*r.RespondHi) * time.Microsecond)}
		}
	}
	return nil
}

// middlesSQLite finds the middle concern or two of each month with window
// functions (SQLite has no percentile function) and reads their exact times;
// SQLite's own date arithmetic keeps only milliseconds, good enough to sort
// by but not to count with.
func (s *OverviewService) middlesSQLite(ctx context.Context, first, end time.Time, at func(string) (*monthMiddles, error)) error {
	var rows []struct {
		Step, Month      string
		RaisedAt, DoneAt storedTime
		N                int
	}
	err := s.read(ctx).Raw(`WITH c AS (
			SELECT strftime('%Y-%m', raised_at) AS month, raised_at, acknowledged_at, responded_at FROM concerns
			WHERE archived_at IS NULL AND raised_at >= ? AND raised_at < ?
		), steps AS (
			SELECT 'ack' AS step, month, raised_at, acknowledged_at AS done_at,
				ROW_NUMBER() OVER (PARTITION BY month ORDER BY julianday(acknowledged_at) - julianday(raised_at)) AS rn,
				COUNT(*) OVER (PARTITION BY month) AS n
			FROM c WHERE acknowledged_at IS NOT NULL
			UNION ALL
			SELECT 'respond', month, raised_at, responded_at,
				ROW_NUMBER() OVER (PARTITION BY month ORDER BY julianday(responded_at) - julianday(raised_at)),
				COUNT(*) OVER (PARTITION BY month)
			FROM c WHERE responded_at IS NOT NULL
		)
		SELECT step, month, raised_at, done_at, n FROM steps WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
		UNION ALL
		SELECT 'raised', month, NULL, NULL, COUNT(*) FROM c GROUP BY month`, first, end).Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		m, err := at(r.Month)
		if err != nil || m == nil {
			return err
		}
		switch r.Step {
		case "raised":
			m.raised = r.N
		case "ack":
			m.ack = append(m.ack, inDays(r.DoneAt.Sub(r.RaisedAt.Time)))
		case "respond":
			m.respond = append(m.respond, inDays(r.DoneAt.Sub(r.RaisedAt.Time)))
		}
	}
	return nil
}

// storedTime reads a time column that SQLite hands back as text once it has
// passed through a CTE or a UNION, where it no longer knows the column's type.
type storedTime struct{ time.Time }

// Value makes GORM take storedTime for a column, not a relation.
func (t storedTime) Value() (driver.Value, error) { return t.Time, nil }

func (t *storedTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		t.Time = time.Time{}
	case time.Time:
		t.Time = x.UTC()
	case string:
		return t.parse(x)
	case []byte:
		return t.parse(string(x))
	default:
		return fmt.Errorf("cannot scan %T into a time", v)
	}
	return nil
}

func (t *storedTime) parse(s string) error {
	// the formats the SQLite driver writes and reads (go-sqlite's parseTimeFormats)
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00",
		"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if v, err := time.ParseInLocation(layout, strings.TrimSuffix(s, "Z"), time.UTC); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return fmt.Errorf("cannot read %q as a time", s)
}

// median returns the median of xs, rounded to a tenth of a day, or nil for none.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	m := xs[len(xs)/2]
	if len(xs)%2 == 0 {
		m = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	m = float64(int(m*10+0.5)) / 10
	if m < 0 {
		m = 0
	}
	return &m
}
