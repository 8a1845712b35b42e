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

	err := db.Table("commitments c").
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
// finds the middle concern or two of each month (window functions, on
// both stores; SQLite has no percentile function) and hands back only those,
// so a year of concerns never leaves the database; the days are then
// reckoned in Go from their exact times, as median always did.
func (s *OverviewService) responsiveness(ctx context.Context) ([]models.MonthResponsiveness, error) {
	now := s.now()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(responsivenessMonths - 1), 0)
	end := first.AddDate(0, responsivenessMonths, 0)
	month, ackDays, respondDays := "strftime('%Y-%m', raised_at)", "julianday(acknowledged_at) - julianday(raised_at)", "julianday(responded_at) - julianday(raised_at)"
	if s.db.Dialect == "postgres" {
		month, ackDays, respondDays = "to_char(raised_at AT TIME ZONE 'UTC', 'YYYY-MM')", "acknowledged_at - raised_at", "responded_at - raised_at"
	}
	var rows []struct {
		Step, Month      string
		RaisedAt, DoneAt storedTime
		N                int
	}
	err := s.read(ctx).Raw(`WITH c AS (
			SELECT `+month+` AS month, raised_at, acknowledged_at, responded_at FROM concerns
			WHERE archived_at IS NULL AND raised_at >= ? AND raised_at < ?
		), steps AS (
			SELECT 'ack' AS step, month, raised_at, acknowledged_at AS done_at,
				ROW_NUMBER() OVER (PARTITION BY month ORDER BY `+ackDays+`) AS rn, COUNT(*) OVER (PARTITION BY month) AS n
			FROM c WHERE acknowledged_at IS NOT NULL
			UNION ALL
			SELECT 'respond', month, raised_at, responded_at,
				ROW_NUMBER() OVER (PARTITION BY month ORDER BY `+respondDays+`), COUNT(*) OVER (PARTITION BY month)
			FROM c WHERE responded_at IS NOT NULL
		)
		SELECT step, month, raised_at, done_at, n FROM steps WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
		UNION ALL
		SELECT 'raised', month, NULL, NULL, COUNT(*) FROM c GROUP BY month`, first, end).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	type acc struct {
		raised       int
		ack, respond []float64 // the middle one or two
	}
	months := make([]acc, responsivenessMonths)
	for _, r := range rows {
		t, err := time.Parse("2006-01", r.Month)
		if err != nil {
			return nil, fmt.Errorf("responsiveness: month %q: %w", r.Month, err)
		}
		i := (t.Year()-first.Year())*12 + int(t.Month()) - int(first.Month())
		if i < 0 || i >= responsivenessMonths {
			continue
		}
		switch r.Step {
		case "raised":
			months[i].raised = r.N
		case "ack":
			months[i].ack = append(months[i].ack, r.DoneAt.Sub(r.RaisedAt.Time).Hours()/24)
		case "respond":
			months[i].respond = append(months[i].respond, r.DoneAt.Sub(r.RaisedAt.Time).Hours()/24)
		}
	}
	out := make([]models.MonthResponsiveness, responsivenessMonths)
	for i, m := range months {
		out[i] = models.MonthResponsiveness{Month: first.AddDate(0, i, 0).Format("2006-01"), Raised: m.raised,
			MedianDaysToAck: median(m.ack), MedianDaysToRespond: median(m.respond)}
	}
	return out, nil
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
