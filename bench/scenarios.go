package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"time"

	"dialoog/models"
	"dialoog/services"
)

// scenario is one kind of request, as one user makes it.
type scenario struct {
	Key, Name string
	Read      bool
	as        *session
	status    int
	next      func(i int) (method, path string, body []byte)
	// service calls the service method the request ends in, so that the
	// statements it runs can be captured for the database's own limit.
	service func(ctx context.Context, svc *services.Services, actor services.Actor) error
}

// searchTerm is what the q scenario searches commitments for: a word of a
// title that one commitment in about seventy-five has. absentTerm is a word
// none has, the search that must look at everything to say so.
const (
	searchTerm = "koeltoren"
	absentTerm = "zonnepanelen"
)

func scenarios(director, officer, partner *session, deepCursor string, deepPage int, stakeholders []string) []*scenario {
	get := func(path string) func(int) (string, string, []byte) {
		return func(int) (string, string, []byte) { return "GET", path, nil }
	}
	list := func(f models.CommitmentFilter) func(context.Context, *services.Services, services.Actor) error {
		return func(ctx context.Context, svc *services.Services, a services.Actor) error {
			_, err := svc.Commitments.FindCommitments(ctx, a, f)
			return err
		}
	}
	return []*scenario{
		{Key: "overdue", Name: "Overdue commitments, first page (director)", Read: true, as: director, status: 200,
			next: get("/api/v1/commitments?overdue=true"), service: list(models.CommitmentFilter{Overdue: ptr(true)})},
		{Key: "overview", Name: "Overview figures (director; served from the 10 s cache, no database work)", Read: true, as: director, status: 200,
			next: get("/api/v1/overview")},
		{Key: "search", Name: "q search in commitments, `q=" + searchTerm + "` (director)", Read: true, as: director, status: 200,
			next: get("/api/v1/commitments?q=" + searchTerm), service: list(models.CommitmentFilter{Q: searchTerm})},
		{Key: "search-none", Name: "q search in commitments for a word none has, `q=" + absentTerm + "` (director)", Read: true, as: director, status: 200,
			next: get("/api/v1/commitments?q=" + absentTerm), service: list(models.CommitmentFilter{Q: absentTerm})},
		{Key: "partner", Name: "Partner's action list (partner)", Read: true, as: partner, status: 200,
			next: get("/api/v1/commitments"), service: list(models.CommitmentFilter{})},
		{Key: "first-page", Name: "All commitments, page 1 (director)", Read: true, as: director, status: 200,
			next: get("/api/v1/commitments"), service: list(models.CommitmentFilter{})},
		{Key: "deep-page", Name: fmt.Sprintf("All commitments, page %s (director)", thousands(deepPage)), Read: true, as: director, status: 200,
			next:    get("/api/v1/commitments?cursor=" + url.QueryEscape(deepCursor)),
			service: list(models.CommitmentFilter{ListParams: models.ListParams{Cursor: deepCursor}})},
		{Key: "meeting", Name: "Log a meeting: 3 concerns, 3 commitments (officer)", as: officer, status: 201,
			next: func(i int) (string, string, []byte) {
				return "POST", "/api/v1/dialogues", meeting(i, stakeholders[i%len(stakeholders)], officer.userID)
			}},
		// last: it needs the server restarted with the cache off
		{Key: "overview-computed", Name: "Overview figures (director; computed every request, DIALOOG_OVERVIEW_TTL=0s)", Read: true,
			as: director, status: 200, next: get("/api/v1/overview"),
			service: func(ctx context.Context, svc *services.Services, a services.Actor) error {
				_, err := svc.Overview.Overview(ctx, a)
				return err
			}},
	}
}

func ptr[T any](v T) *T { return &v }

// meeting is the body of the i-th meeting logged: what an officer types in
// the two minutes after a residents' evening.
func meeting(i int, stakeholderID, officerID string) []byte {
	held := time.Now().Add(-2 * time.Hour).UTC().Truncate(time.Second)
	due := time.Now().AddDate(0, 0, 30+i%60).Format(models.DateLayout)
	body := map[string]any{
		"title": fmt.Sprintf("%s %d", benchTitle, i), "held_at": held.Format(time.RFC3339), "format": "meeting",
		"engagement_level": "involve", "location": "Bezoekerscentrum, Havenweg 2",
		"summary":         "Actielijst doorgelopen. Drie nieuwe punten: geluid 's nachts, vrachtverkeer en stof bij harde wind.",
		"topics":          []string{"geluid", "verkeer", "luchtkwaliteit"},
		"stakeholder_ids": []string{stakeholderID}, "user_ids": []string{officerID},
		"concerns": []map[string]any{
			{"title": "Brommend geluid 's nachts vanuit de koeltorens", "topic": "geluid", "severity": "high",
				"description": "Bewoners horen 's nachts een laag brommend geluid, vooral bij oostenwind."},
			{"title": "Vrachtwagens door de wijk", "topic": "verkeer", "severity": "medium",
				"description": "Vrachtwagens nemen de route langs de school in plaats van de Havenweg."},
			{"title": "Stof van de bulkopslag bij harde wind", "topic": "luchtkwaliteit", "severity": "medium"},
		},
		"commitments": []map[string]any{
			{"title": "Ventilatoren koeltoren 2 controleren", "due_on": due, "concern_index": 0, "shared": true},
			{"title": "Routekaart vrachtverkeer verspreiden", "due_on": due, "concern_index": 1, "shared": true},
			{"title": "Stofschermen bij de bulkopslag plaatsen", "due_on": due, "concern_index": 2},
		},
	}
	b, _ := json.Marshal(body)
	return b
}

// storeResult is everything measured on one store.
type storeResult struct {
	Data      *dataset
	Scenarios []scenarioResult
	PeakRSSMB float64
	LimitNote string
	SQL       map[string][]statement `json:",omitempty"`
}

type scenarioResult struct {
	Key, Name string
	Read      bool
	ByConc    []concResult
}

type concResult struct {
	Conc   int
	Runs   []measurement
	Limits []float64 // the database's own limit per run, transactions a second
	// medians of the runs
	Throughput, P50, P95, P99, RSSMB, Limit float64
	Errors                                  int
}

func benchStore(ctx context.Context, o options, store string) (storeResult, error) {
	res := storeResult{SQL: map[string][]statement{}}
	ds, err := prepare(ctx, o, store)
	if err != nil {
		return res, err
	}
	res.Data = ds
	logf("%s: register ready (%v rows), %.0f MB", store, ds.Rows, float64(ds.SizeBytes)/1e6)

	// the statements each read runs, captured from the services themselves
	db, err := services.Open(ctx, ds.URL)
	if err != nil {
		return res, err
	}
	defer db.Close()
	rec, err := newRecorder(db.DB)
	if err != nil {
		return res, err
	}
	svc := services.New(db, services.Options{OverviewTTL: -1})

	srv, err := startServer(ctx, o, ds)
	if err != nil {
		return res, err
	}
	stopped := false
	defer func() {
		if !stopped {
			srv.stop()
		}
	}()
	director, err := signIn(srv.base, "director@demo.dialoog.nl")
	if err != nil {
		return res, err
	}
	officer, err := signIn(srv.base, "officer@demo.dialoog.nl")
	if err != nil {
		return res, err
	}
	partner, err := signIn(srv.base, "partner@demo.dialoog.nl")
	if err != nil {
		return res, err
	}
	// page 1,000 of all commitments (or the last, on a smaller register),
	// reached as a client would: page by page
	cursor, deepPage := "", 1
	for deepPage < 1000 {
		var page struct {
			NextCursor *string `json:"next_cursor"`
		}
		if err := director.getJSON(srv.base, "/api/v1/commitments?cursor="+url.QueryEscape(cursor), &page); err != nil {
			return res, err
		}
		if page.NextCursor == nil {
			break
		}
		cursor = *page.NextCursor
		deepPage++
	}
	var sts struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := officer.getJSON(srv.base, "/api/v1/stakeholders?limit=200&category=community", &sts); err != nil {
		return res, err
	}
	var stakeholders []string
	for _, s := range sts.Items {
		stakeholders = append(stakeholders, s.ID)
	}

	tmp, err := os.MkdirTemp("", "dialoog-bench")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	limitOK := true
	switch store {
	case "postgres":
		res.LimitNote = "pgbench -M prepared, the same statements with the same parameters, -c conc -j min(conc,2)"
		if _, err := exec.LookPath("pgbench"); err != nil {
			res.LimitNote, limitOK = "pgbench not found: no limit measured", false
		}
	case "sqlite":
		res.LimitNote = "a Go loop running the same statements on the same file, through the same driver and pool (4 connections) as Dialoog; pgbench drives PostgreSQL only"
	}

	all := scenarios(director, officer, partner, cursor, deepPage, stakeholders)
	sessions := map[*session]services.Actor{}
	for _, s := range []*session{director, officer, partner} {
		a, _, err := svc.Auth.SessionActor(ctx, s.secret)
		if err != nil {
			return res, err
		}
		sessions[s] = a
	}
	for _, sc := range all {
		if sc.service == nil {
			continue
		}
		stmts, err := rec.capture(func() error {
			if _, _, err := svc.Auth.SessionActor(ctx, sc.as.secret); err != nil {
				return err
			}
			return sc.service(ctx, svc, sessions[sc.as])
		})
		if err != nil {
			return res, fmt.Errorf("capture %s: %w", sc.Key, err)
		}
		res.SQL[sc.Key] = stmts
	}

	for _, sc := range all {
		if o.only != "" && !strings.Contains(sc.Key, o.only) {
			continue
		}
		if sc.Key == "overview-computed" {
			srv.stop()
			if srv, err = startServer(ctx, o, ds, "DIALOOG_OVERVIEW_TTL=0s"); err != nil {
				stopped = true
				return res, err
			}
			// the sessions live in the database; the new server knows them
		}
		sr := scenarioResult{Key: sc.Key, Name: sc.Name, Read: sc.Read}
		stmts := res.SQL[sc.Key]
		for _, conc := range o.conc {
			cr := concResult{Conc: conc}
			for run := range o.runs {
				m := drive(ctx, srv, sc, conc, o.warmup, o.duration)
				cr.Runs = append(cr.Runs, m)
				if m.Errors > 0 {
					logf("%s %s c=%d: %d errors, first: %s", store, sc.Key, conc, m.Errors, m.FirstError)
				}
				lim := 0.0
				if sc.Read && limitOK && len(stmts) > 0 {
					if lim, err = dbLimit(ctx, store, ds, db, tmp, stmts, conc, o); err != nil {
						return res, fmt.Errorf("limit of %s: %w", sc.Key, err)
					}
					cr.Limits = append(cr.Limits, lim)
				}
				logf("%s %-17s c=%-2d run %d: %7.0f req/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms  rss %3.0f MB  limit %7.0f/s",
					store, sc.Key, conc, run+1, m.Throughput, m.P50, m.P95, m.P99, m.RSSMB, lim)
			}
			cr.summarize()
			sr.ByConc = append(sr.ByConc, cr)
		}
		res.Scenarios = append(res.Scenarios, sr)
		res.PeakRSSMB = max(res.PeakRSSMB, srv.rss.overall())
	}
	srv.stop()
	stopped = true
	return res, cleanUp(ctx, db)
}

// dbLimit measures the database's own limit on the statements: a warm-up,
// then the measured time.
func dbLimit(ctx context.Context, store string, ds *dataset, db *services.DB, tmp string, stmts []statement, conc int, o options) (float64, error) {
	if store == "postgres" {
		// the warm-up only warms: a failure there shows again in the measured run
		_, _ = pgbench(ctx, ds.URL, tmp, stmts, conc, max(o.warmup, time.Second))
		return pgbench(ctx, ds.URL, tmp, stmts, conc, o.duration)
	}
	if _, err := sqliteLoop(ctx, db, stmts, conc, o.warmup); err != nil {
		return 0, err
	}
	return sqliteLoop(ctx, db, stmts, conc, o.duration)
}

func (c *concResult) summarize() {
	var tp, p50, p95, p99, rss []float64
	for _, m := range c.Runs {
		tp, p50, p95, p99, rss = append(tp, m.Throughput), append(p50, m.P50), append(p95, m.P95), append(p99, m.P99), append(rss, m.RSSMB)
		c.Errors += m.Errors
	}
	c.Throughput, c.P50, c.P95, c.P99, c.RSSMB = median(tp), median(p50), median(p95), median(p99), median(rss)
	c.Limit = median(c.Limits)
}

func thousands(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}
