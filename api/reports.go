package api

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type groupResponse struct {
	Category     string         `json:"category"`
	Stakeholders int            `json:"stakeholders"`
	Dialogues    int            `json:"dialogues"`
	ByFormat     map[string]int `json:"dialogues_by_format"`
}

type severityResponse struct {
	Severity            string   `json:"severity"`
	Concerns            int      `json:"concerns"`
	MedianDaysToAck     *float64 `json:"median_days_to_acknowledge"`
	MedianDaysToRespond *float64 `json:"median_days_to_respond"`
}

type keyConcernResponse struct {
	ID              string  `json:"id"`
	Title           string  `json:"title"`
	Topic           string  `json:"topic"`
	Severity        string  `json:"severity"`
	Status          string  `json:"status"`
	StakeholderName *string `json:"stakeholder_name"` // null when confidential
	RaisedOn        string  `json:"raised_on"`
	Response        string  `json:"response"`
	Decision        string  `json:"decision"`
}

type tallyResponse struct {
	Made       int `json:"made"`
	Kept       int `json:"kept"`
	Open       int `json:"open"`
	Overdue    int `json:"overdue"`
	Cancelled  int `json:"cancelled"`
	Accepted   int `json:"accepted"`
	Disputed   int `json:"disputed"`
	SharedMade int `json:"shared_made"`
}

type engagementReportResponse struct {
	From                string               `json:"from"`
	To                  string               `json:"to"`
	DialogueCount       int                  `json:"dialogue_count"`
	StakeholdersEngaged int                  `json:"stakeholders_engaged"`
	Groups              []groupResponse      `json:"stakeholder_groups"`
	DialoguesByFormat   map[string]int       `json:"dialogues_by_format"`
	DialoguesByLevel    map[string]int       `json:"dialogues_by_engagement_level"`
	ConcernCount        int                  `json:"concern_count"`
	ConcernsByTopic     []topicResponse      `json:"concerns_by_topic"`
	ConcernsByStatus    map[string]int       `json:"concerns_by_status"`
	Responsiveness      []severityResponse   `json:"responsiveness_by_severity"`
	KeyConcerns         []keyConcernResponse `json:"key_concerns"`
	Commitments         tallyResponse        `json:"commitments"`
}

func toEngagementReport(r models.EngagementReport) engagementReportResponse {
	out := engagementReportResponse{From: string(r.From), To: string(r.To), DialogueCount: r.DialogueCount,
		StakeholdersEngaged: r.StakeholdersEngaged, DialoguesByFormat: r.DialoguesByFormat, DialoguesByLevel: r.DialoguesByLevel,
		ConcernCount: r.ConcernCount, ConcernsByStatus: r.ConcernsByStatus, Commitments: tallyResponse(r.Commitments),
		Groups: []groupResponse{}, ConcernsByTopic: []topicResponse{}, Responsiveness: []severityResponse{}, KeyConcerns: []keyConcernResponse{}}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, groupResponse(g))
	}
	for _, t := range r.ConcernsByTopic {
		out.ConcernsByTopic = append(out.ConcernsByTopic, topicResponse(t))
	}
	for _, s := range r.Responsiveness {
		out.Responsiveness = append(out.Responsiveness, severityResponse(s))
	}
	for _, k := range r.KeyConcerns {
		var name *string
		if k.StakeholderName != "" {
			name = &k.StakeholderName
		}
		out.KeyConcerns = append(out.KeyConcerns, keyConcernResponse{ID: k.ID, Title: k.Title, Topic: k.Topic, Severity: k.Severity,
			Status: k.Status, StakeholderName: name, RaisedOn: string(k.RaisedOn), Response: k.Response, Decision: k.Decision})
	}
	return out
}

// reportPeriod reads from and to; the service fills in a missing period.
func reportPeriod(q *query) (models.Date, models.Date) {
	from, to := q.date("from"), q.date("to")
	var f, t models.Date
	if from != nil {
		f = *from
	}
	if to != nil {
		t = *to
	}
	return f, t
}

// engagementReport answers the report as JSON, CSV or PDF, as asked by Accept.
func (s *Server) engagementReport(c *gin.Context) {
	q := newQuery(c)
	from, to := reportPeriod(q)
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	rep, err := s.svc.Reports.EngagementReport(c.Request.Context(), actor(c), from, to)
	if err != nil {
		fail(c, err)
		return
	}
	name := "dialoog-engagement-" + string(rep.From) + "-" + string(rep.To)
	switch c.NegotiateFormat(gin.MIMEJSON, "text/csv", "application/pdf") {
	case "text/csv":
		c.Header("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		writeReportCSV(c, rep)
	case "application/pdf":
		pdf, err := renderReportPDF(rep)
		if err != nil {
			fail(c, err)
			return
		}
		c.Header("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
		c.Data(http.StatusOK, "application/pdf", pdf)
	default:
		c.JSON(http.StatusOK, toEngagementReport(rep))
	}
}

// writeReportCSV writes the report as one table of figures: section, the
// keys that place a figure, and its value; a spreadsheet pivots it at will.
func writeReportCSV(c *gin.Context, r models.EngagementReport) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	row := func(section, key1, key2 string, value any) {
		var v string
		switch x := value.(type) {
		case int:
			v = strconv.Itoa(x)
		case *float64:
			if x != nil {
				v = strconv.FormatFloat(*x, 'f', 1, 64)
			}
		case string:
			v = x
		}
		_ = w.Write([]string{section, csvSafe(key1), csvSafe(key2), csvSafe(v)})
	}
	_ = w.Write([]string{"section", "key", "subkey", "value"})
	row("period", "from", "", string(r.From))
	row("period", "to", "", string(r.To))
	row("dialogues", "total", "", r.DialogueCount)
	row("stakeholders", "engaged", "", r.StakeholdersEngaged)
	for _, g := range r.Groups {
		row("stakeholder_group", g.Category, "stakeholders", g.Stakeholders)
		row("stakeholder_group", g.Category, "dialogues", g.Dialogues)
		for _, f := range models.DialogueFormats {
			if n := g.ByFormat[f]; n > 0 {
				row("dialogues_by_category_format", g.Category, f, n)
			}
		}
	}
	for _, f := range models.DialogueFormats {
		row("dialogues_by_format", f, "", r.DialoguesByFormat[f])
	}
	for _, l := range models.EngagementLevels {
		row("dialogues_by_engagement_level", l, "", r.DialoguesByLevel[l])
	}
	row("concerns", "total", "", r.ConcernCount)
	for _, st := range models.ConcernStatuses {
		row("concerns_by_status", st, "", r.ConcernsByStatus[st])
	}
	for _, t := range r.ConcernsByTopic {
		for _, sev := range models.Severities {
			row("concerns_by_topic_severity", t.Topic, sev, t.BySeverity[sev])
		}
	}
	for _, m := range r.Responsiveness {
		row("median_days_to_acknowledge", m.Severity, "", m.MedianDaysToAck)
		row("median_days_to_respond", m.Severity, "", m.MedianDaysToRespond)
	}
	t := r.Commitments
	for _, kv := range []struct {
		k string
		v int
	}{{"made", t.Made}, {"kept", t.Kept}, {"open", t.Open}, {"overdue", t.Overdue}, {"cancelled", t.Cancelled},
		{"accepted_by_partner", t.Accepted}, {"disputed_by_partner", t.Disputed}, {"shared", t.SharedMade}} {
		row("commitments", kv.k, "", kv.v)
	}
	for _, k := range r.KeyConcerns {
		row("key_concern", k.Title, k.Severity+" / "+k.Status, k.Response)
	}
	w.Flush()
}

type materialityResponse struct {
	Topic           string  `json:"topic"`
	Concerns        int     `json:"concerns"`
	Stakeholders    int     `json:"stakeholders"`
	InfluenceWeight int     `json:"influence_weight"`
	MeanSeverity    float64 `json:"mean_severity"`
	MaxSeverity     string  `json:"max_severity"`
	OpenConcerns    int     `json:"open_concerns"`
}

func (s *Server) materiality(c *gin.Context) {
	q := newQuery(c)
	from, to := reportPeriod(q)
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	topics, err := s.svc.Reports.Materiality(c.Request.Context(), actor(c), from, to)
	if err != nil {
		fail(c, err)
		return
	}
	items := make([]materialityResponse, len(topics))
	for i, t := range topics {
		items[i] = materialityResponse(t)
	}
	if c.NegotiateFormat(gin.MIMEJSON, "text/csv") == "text/csv" {
		writeCSV(c, items)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}
