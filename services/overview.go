package services

import (
	"context"
	"slices"
	"time"

	"dialoog/models"
)

// OverviewService computes the directors' figures.
type OverviewService struct{ base }

// responsivenessMonths is how far back the days-to-acknowledge and
// days-to-respond figures reach.
const responsivenessMonths = 12

// Overview returns the figures directors look at: commitments by status and
// by owner, concerns by topic and severity, how fast concerns were answered
// month by month, and what falls due in the next two weeks.
// Errors: Forbidden for partners.
func (s *OverviewService) Overview(ctx context.Context, actor Actor) (models.Overview, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Overview{}, err
	}
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
// raising a concern to acknowledging it and to responding to it. Medians are
// taken in Go: SQLite has no percentile function, and a year of concerns is
// small next to what a query returns anyway.
func (s *OverviewService) responsiveness(ctx context.Context) ([]models.MonthResponsiveness, error) {
	now := s.now()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(responsivenessMonths - 1), 0)
	var rows []struct {
		RaisedAt       time.Time
		AcknowledgedAt *time.Time
		RespondedAt    *time.Time
	}
	err := s.read(ctx).Table("concerns").Select("raised_at, acknowledged_at, responded_at").
		Where("archived_at IS NULL AND raised_at >= ?", first).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	type acc struct {
		raised       int
		ack, respond []float64
	}
	months := make([]acc, responsivenessMonths)
	for _, r := range rows {
		i := (r.RaisedAt.Year()-first.Year())*12 + int(r.RaisedAt.Month()) - int(first.Month())
		if i < 0 || i >= responsivenessMonths {
			continue
		}
		months[i].raised++
		if r.AcknowledgedAt != nil {
			months[i].ack = append(months[i].ack, r.AcknowledgedAt.Sub(r.RaisedAt).Hours()/24)
		}
		if r.RespondedAt != nil {
			months[i].respond = append(months[i].respond, r.RespondedAt.Sub(r.RaisedAt).Hours()/24)
		}
	}
	out := make([]models.MonthResponsiveness, responsivenessMonths)
	for i, m := range months {
		out[i] = models.MonthResponsiveness{Month: first.AddDate(0, i, 0).Format("2006-01"), Raised: m.raised,
			MedianDaysToAck: median(m.ack), MedianDaysToRespond: median(m.respond)}
	}
	return out, nil
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
