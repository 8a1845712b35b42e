package services

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// ReportService computes the engagement report and the materiality view.
// Every figure is an aggregate query; only the medians are taken in Go, since
// SQLite has no percentile function.
type ReportService struct{ base }

// maxReportDays bounds a report's period, so that one request cannot ask the
// store to aggregate centuries.
const maxReportDays = 3 * 366

// severityRank orders severities for weighing and sorting.
var severityRank = map[string]int{"low": 1, "medium": 2, "high": 3, "critical": 4}

// period checks a report period and returns its bounds as times: from at
// midnight, and the midnight after to (to is included).
func period(from, to models.Date) (time.Time, time.Time, error) {
	var ch checks
	f, t := from.Time(), to.Time()
	if from == "" {
		ch.add("from", "is required")
	}
	if to == "" {
		ch.add("to", "is required")
	}
	if err := ch.err(); err != nil {
		return f, t, err
	}
	if t.Before(f) {
		ch.add("to", "must not be before from")
	} else if t.Sub(f) > maxReportDays*24*time.Hour {
		ch.add("to", "must be at most %d days after from", maxReportDays)
	}
	return f, t.AddDate(0, 0, 1), ch.err()
}

// EngagementReport returns the engagement figures of the period [from, to],
// or of the last twelve months when neither is given.
// Dialogues count by when they were held, concerns by when they were raised,
// commitments by when they were made, each with its state today.
// Errors: Forbidden for partners; Invalid for a bad period.
func (s *ReportService) EngagementReport(ctx context.Context, actor Actor, from, to models.Date) (models.EngagementReport, error) {
	rep := models.EngagementReport{From: from, To: to}
	if err := actor.require(permReadInternal); err != nil {
		return rep, err
	}
	if from == "" && to == "" {
		// without a period: the twelve months up to today
		now := s.now()
		from, to = models.DateOf(now.AddDate(-1, 0, 1)), models.DateOf(now)
		rep.From, rep.To = from, to
	}
	start, end, err := period(from, to)
	if err != nil {
		return rep, err
	}
	db := s.read(ctx)
	if err := s.engagement(db, &rep, start, end); err != nil {
		return rep, translate(err)
	}
	if err := s.concernFigures(db, &rep, start, end); err != nil {
		return rep, translate(err)
	}
	if err := s.commitmentTally(db, &rep, start, end); err != nil {
		return rep, translate(err)
	}
	return rep, nil
}

func (s *ReportService) engagement(db *gorm.DB, rep *models.EngagementReport, start, end time.Time) error {
	const inPeriod = "d.archived_at IS NULL AND d.held_at >= ? AND d.held_at < ?"
	var rows []struct {
		Category string
		Format   string
		N        int
	}
	err := db.Table("dialogues d").Select("s.category AS category, d.format AS format, COUNT(DISTINCT d.id) AS n").
		Joins("JOIN dialogue_stakeholders ds ON ds.dialogue_id = d.id").Joins("JOIN stakeholders s ON s.id = ds.stakeholder_id").
		Where(inPeriod, start, end).Group("s.category, d.format").Scan(&rows).Error
	if err != nil {
		return err
	}
	var groups []struct {
		Category     string
		Stakeholders int
		Dialogues    int
	}
	err = db.Table("dialogues d").Select("s.category AS category, COUNT(DISTINCT s.id) AS stakeholders, COUNT(DISTINCT d.id) AS dialogues").
		Joins("JOIN dialogue_stakeholders ds ON ds.dialogue_id = d.id").Joins("JOIN stakeholders s ON s.id = ds.stakeholder_id").
		Where(inPeriod, start, end).Group("s.category").Scan(&groups).Error
	if err != nil {
		return err
	}
	at := map[string]*models.GroupEngagement{}
	for _, c := range models.Categories {
		rep.Groups = append(rep.Groups, models.GroupEngagement{Category: c, ByFormat: map[string]int{}})
	}
	for i := range rep.Groups {
		at[rep.Groups[i].Category] = &rep.Groups[i]
	}
	for _, g := range groups {
		if ge := at[g.Category]; ge != nil {
			ge.Stakeholders, ge.Dialogues = g.Stakeholders, g.Dialogues
		}
	}
	for _, r := range rows {
		if ge := at[r.Category]; ge != nil {
			ge.ByFormat[r.Format] = r.N
		}
	}

	rep.DialoguesByFormat = zeroCounts(models.DialogueFormats)
	rep.DialoguesByLevel = zeroCounts(models.EngagementLevels)
	var byKind []struct {
		Format string
		Level  string
		N      int
	}
	err = db.Table("dialogues d").Select("d.format AS format, d.engagement_level AS level, COUNT(*) AS n").
		Where(inPeriod, start, end).Group("d.format, d.engagement_level").Scan(&byKind).Error
	if err != nil {
		return err
	}
	for _, r := range byKind {
		rep.DialoguesByFormat[r.Format] += r.N
		rep.DialoguesByLevel[r.Level] += r.N
		rep.DialogueCount += r.N
	}
	var n int64
	err = db.Table("dialogue_stakeholders ds").Joins("JOIN dialogues d ON d.id = ds.dialogue_id").
		Where(inPeriod, start, end).Distinct("ds.stakeholder_id").Count(&n).Error
	rep.StakeholdersEngaged = int(n)
	return err
}

func (s *ReportService) concernFigures(db *gorm.DB, rep *models.EngagementReport, start, end time.Time) error {
	const inPeriod = "c.archived_at IS NULL AND c.raised_at >= ? AND c.raised_at < ?"
	var rows []struct {
		Topic    string
		Severity string
		Status   string
		N        int
	}
	err := db.Table("concerns c").Select("c.topic AS topic, c.severity AS severity, c.status AS status, COUNT(*) AS n").
		Where(inPeriod, start, end).Group("c.topic, c.severity, c.status").Scan(&rows).Error
	if err != nil {
		return err
	}
	rep.ConcernsByStatus = zeroCounts(models.ConcernStatuses)
	bySeverity := make([]struct {
		Topic    string
		Severity string
		N        int
	}, 0, len(rows))
	for _, r := range rows {
		rep.ConcernsByStatus[r.Status] += r.N
		rep.ConcernCount += r.N
		bySeverity = append(bySeverity, struct {
			Topic    string
			Severity string
			N        int
		}{r.Topic, r.Severity, r.N})
	}
	rep.ConcernsByTopic = topicTable(bySeverity)

	var times []struct {
		Severity       string
		RaisedAt       time.Time
		AcknowledgedAt *time.Time
		RespondedAt    *time.Time
	}
	err = db.Table("concerns c").Select("c.severity AS severity, c.raised_at AS raised_at, c.acknowledged_at AS acknowledged_at, c.responded_at AS responded_at").
		Where(inPeriod, start, end).Scan(&times).Error
	if err != nil {
		return err
	}
	type acc struct {
		n            int
		ack, respond []float64
	}
	per := map[string]*acc{}
	for _, sev := range models.Severities {
		per[sev] = &acc{}
	}
	for _, r := range times {
		a := per[r.Severity]
		if a == nil {
			continue
		}
		a.n++
		if r.AcknowledgedAt != nil {
			a.ack = append(a.ack, r.AcknowledgedAt.Sub(r.RaisedAt).Hours()/24)
		}
		if r.RespondedAt != nil {
			a.respond = append(a.respond, r.RespondedAt.Sub(r.RaisedAt).Hours()/24)
		}
	}
	for _, sev := range models.Severities {
		a := per[sev]
		rep.Responsiveness = append(rep.Responsiveness, models.SeverityResponsiveness{Severity: sev, Concerns: a.n,
			MedianDaysToAck: median(a.ack), MedianDaysToRespond: median(a.respond)})
	}

	var key []struct {
		models.Concern
		StakeholderName string
	}
	err = db.Table("concerns c").Select("c.*, s.name AS stakeholder_name").
		Joins("JOIN stakeholders s ON s.id = c.stakeholder_id").
		Where(inPeriod+" AND c.severity IN ('high', 'critical')", start, end).
		Order("CASE c.severity WHEN 'critical' THEN 0 ELSE 1 END, c.raised_at, c.id").Limit(25).Scan(&key).Error
	if err != nil {
		return err
	}
	for _, k := range key {
		name := k.StakeholderName
		if k.Confidential {
			// the report goes outside the officers' circle: who raised a
			// confidential concern stays out of it
			name = ""
			rep.ConfidentialHidden++
		}
		rep.KeyConcerns = append(rep.KeyConcerns, models.KeyConcern{ID: k.ID, Title: k.Title, Topic: k.Topic,
			Severity: k.Severity, Status: k.Status, StakeholderName: name, RaisedOn: models.DateOf(k.RaisedAt),
			Response: k.Response, Decision: k.Decision})
	}
	return nil
}

func (s *ReportService) commitmentTally(db *gorm.DB, rep *models.EngagementReport, start, end time.Time) error {
	var t struct {
		Made, Kept, Open, Overdue, Cancelled, Accepted, Disputed, SharedMade int
	}
	today := s.today()
	err := db.Table("commitments c").Select(`COUNT(*) AS made,
			SUM(CASE WHEN c.status = 'done' THEN 1 ELSE 0 END) AS kept,
			SUM(CASE WHEN c.status IN ('open', 'in_progress') AND c.due_on >= ? THEN 1 ELSE 0 END) AS open,
			SUM(CASE WHEN c.status IN ('open', 'in_progress') AND c.due_on < ? THEN 1 ELSE 0 END) AS overdue,
			SUM(CASE WHEN c.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
			SUM(CASE WHEN c.partner_verdict = 'accepted' THEN 1 ELSE 0 END) AS accepted,
			SUM(CASE WHEN c.partner_verdict = 'disputed' THEN 1 ELSE 0 END) AS disputed,
			SUM(CASE WHEN c.shared THEN 1 ELSE 0 END) AS shared_made`, today, today).
		Where("c.archived_at IS NULL AND c.created_at >= ? AND c.created_at < ?", start, end).Scan(&t).Error
	rep.Commitments = models.CommitmentTally(t)
	return err
}

// Materiality weighs each topic raised in [from, to] (all time when both are
// empty): by how many stakeholders raised it, weighted by their influence,
// against the severity of what they raised. Heaviest first.
// Errors: Forbidden for partners; Invalid for a bad period.
func (s *ReportService) Materiality(ctx context.Context, actor Actor, from, to models.Date) ([]models.MaterialityTopic, error) {
	if err := actor.require(permReadInternal); err != nil {
		return nil, err
	}
	q := s.read(ctx).Table("concerns c").Joins("JOIN stakeholders s ON s.id = c.stakeholder_id").
		Where("c.archived_at IS NULL AND c.topic <> ''")
	if from != "" || to != "" {
		start, end, err := period(from, to)
		if err != nil {
			return nil, err
		}
		q = q.Where("c.raised_at >= ? AND c.raised_at < ?", start, end)
	}
	var rows []struct {
		Topic         string
		StakeholderID string
		Influence     int
		Severity      string
		Open          bool
	}
	err := q.Select("c.topic AS topic, c.stakeholder_id AS stakeholder_id, s.influence AS influence, c.severity AS severity, c.status <> 'closed' AS open").
		Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	type acc struct {
		models.MaterialityTopic
		seen     map[string]bool
		sevTotal int
	}
	at := map[string]*acc{}
	var order []string
	for _, r := range rows {
		a := at[r.Topic]
		if a == nil {
			a = &acc{MaterialityTopic: models.MaterialityTopic{Topic: r.Topic}, seen: map[string]bool{}}
			at[r.Topic] = a
			order = append(order, r.Topic)
		}
		a.Concerns++
		a.sevTotal += severityRank[r.Severity]
		if severityRank[r.Severity] > severityRank[a.MaxSeverity] {
			a.MaxSeverity = r.Severity
		}
		if r.Open {
			a.OpenConcerns++
		}
		if !a.seen[r.StakeholderID] {
			a.seen[r.StakeholderID] = true
			a.Stakeholders++
			a.InfluenceWeight += r.Influence
		}
	}
	out := make([]models.MaterialityTopic, 0, len(order))
	for _, topic := range order {
		a := at[topic]
		a.MeanSeverity = float64(int(float64(a.sevTotal)/float64(a.Concerns)*100+0.5)) / 100
		out = append(out, a.MaterialityTopic)
	}
	slices.SortFunc(out, func(a, b models.MaterialityTopic) int {
		if a.InfluenceWeight != b.InfluenceWeight {
			return b.InfluenceWeight - a.InfluenceWeight
		}
		if a.Concerns != b.Concerns {
			return b.Concerns - a.Concerns
		}
		if a.Topic < b.Topic {
			return -1
		}
		return 1
	})
	return out, nil
}

func zeroCounts(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for _, k := range keys {
		m[k] = 0
	}
	return m
}
