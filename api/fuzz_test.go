package api_test

// Fuzz tests of everything the API reads from a client: the JSON body of
// every POST and PATCH, the If-Match header and Content-Type that go with
// it, and the query string of every list and report. The property is the
// contract's "never a 500 for anything a client sent": whatever arrives, the
// answer is below 500 and, when it is an error, a problem body; a panic
// would be turned into a 500 by the recovery middleware and fail too.
//
// As ordinary tests (go test, make test) the seeds, in f.Add and in
// testdata/fuzz, run against every store; while fuzzing (make fuzz-short)
// the inputs run against SQLite alone, since each fuzzing process would
// otherwise leave a database behind on the shared PostgreSQL.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/api"
	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// fuzzEnv is the real engine over a store with a record of each kind, and
// an API token per role, so that requests need no sign-in or CSRF token.
type fuzzEnv struct {
	store   string
	handler http.Handler
	tokens  map[models.Role]string
	fill    *strings.Replacer
}

func newFuzzEnv(tb testing.TB, store string) *fuzzEnv {
	tb.Helper()
	ctx := context.Background()
	db := storetest.Open(tb, store)
	svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	sys := services.System
	sh, err := svc.Stakeholders.CreateStakeholder(ctx, sys, models.StakeholderChanges{Name: ptr("Fuzz Stichting"), Category: ptr("ngo")})
	must(err)
	partnerSh, err := svc.Stakeholders.CreateStakeholder(ctx, sys, models.StakeholderChanges{Name: ptr("Fuzz Buurt"), Category: ptr("community")})
	must(err)
	users := map[models.Role]models.User{}
	tokens := map[models.Role]string{}
	var adminToken string
	for _, role := range []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner} {
		in := models.NewUser{Email: "fuzz-" + string(role) + "@example.nl", Name: "Fuzz " + string(role), Role: role, Password: testPassword}
		if role == models.RolePartner {
			in.StakeholderID = &partnerSh.ID
		}
		u, err := svc.Users.CreateUser(ctx, sys, in)
		must(err)
		users[role] = u
		tok, err := svc.Tokens.CreateToken(ctx, services.ActorOf(u), "fuzz", nil)
		must(err)
		tokens[role] = tok.Secret
		if role == models.RoleAdmin {
			adminToken = tok.ID
		}
	}
	officer := services.ActorOf(users[models.RoleOfficer])
	ct, err := svc.Contacts.CreateContact(ctx, officer, sh.ID, models.ContactChanges{Name: ptr("Anna Jansen"), Email: ptr("anna@example.nl")})
	must(err)
	held := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	due := models.Date("2026-06-01")
	m, err := svc.Dialogues.LogMeeting(ctx, officer, models.Meeting{
		Dialogue:    models.DialogueChanges{Title: ptr("Fuzz overleg"), HeldAt: &held, StakeholderIDs: &[]string{sh.ID}},
		Concerns:    []models.ConcernChanges{{Title: ptr("Fuzz zorg"), StakeholderID: &sh.ID}},
		Commitments: []models.MeetingCommitment{{CommitmentChanges: models.CommitmentChanges{Title: ptr("Fuzz toezegging"), StakeholderID: &sh.ID, DueOn: &due}}},
	})
	must(err)
	shared, err := svc.Commitments.CreateCommitment(ctx, officer, models.CommitmentChanges{Title: ptr("Gedeeld"), StakeholderID: &partnerSh.ID,
		DueOn: &due, Shared: ptr(true), Status: ptr("done")})
	must(err)
	_, err = svc.Commitments.AddUpdate(ctx, officer, m.Commitments[0].ID, models.NewUpdate{Text: "Begonnen", Shared: true})
	must(err)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &fuzzEnv{store: store, handler: api.New(svc, api.Config{}, log), tokens: tokens,
		fill: strings.NewReplacer("{sh}", sh.ID, "{ct}", ct.ID, "{dl}", m.Dialogue.ID, "{cn}", m.Concerns[0].ID,
			"{cm}", m.Commitments[0].ID, "{shared}", shared.ID, "{officer}", users[models.RoleOfficer].ID,
			"{partner}", users[models.RolePartner].ID, "{token}", adminToken, "{unknown}", unknownID)}
}

// fuzzEnvs are the environments a fuzz target sends each input to.
func fuzzEnvs(f *testing.F) []*fuzzEnv {
	stores := storetest.Stores()
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		stores = []string{"sqlite"}
	}
	var envs []*fuzzEnv
	for _, store := range stores {
		envs = append(envs, newFuzzEnv(f, store))
	}
	return envs
}

// serve sends one request as role ("" for none) and checks the answer.
func (e *fuzzEnv) serve(t *testing.T, role models.Role, req *http.Request) {
	t.Helper()
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[role])
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	if rec.Code >= 500 {
		t.Fatalf("%s: %s %s answered %d: %s", e.store, req.Method, req.URL, rec.Code, rec.Body.Bytes())
	}
	if rec.Code >= 400 {
		var p api.Problem
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/problem+json") ||
			json.Unmarshal(rec.Body.Bytes(), &p) != nil || p.Status != rec.Code {
			t.Fatalf("%s: %s %s answered %d without a problem body: %s", e.store, req.Method, req.URL, rec.Code, rec.Body.Bytes())
		}
	}
}

// bodyRoutes are every route that reads a JSON body, and who sends it.
var bodyRoutes = []struct {
	method, path string
	role         models.Role
}{
	{"POST", "/api/v1/auth/login", ""},
	{"POST", "/api/v1/stakeholders", models.RoleOfficer},
	{"PATCH", "/api/v1/stakeholders/{sh}", models.RoleOfficer},
	{"POST", "/api/v1/stakeholders/{sh}/contacts", models.RoleOfficer},
	{"PATCH", "/api/v1/contacts/{ct}", models.RoleOfficer},
	{"POST", "/api/v1/dialogues", models.RoleOfficer},
	{"PATCH", "/api/v1/dialogues/{dl}", models.RoleOfficer},
	{"POST", "/api/v1/concerns", models.RoleOfficer},
	{"PATCH", "/api/v1/concerns/{cn}", models.RoleOfficer},
	{"POST", "/api/v1/commitments", models.RoleOfficer},
	{"PATCH", "/api/v1/commitments/{cm}", models.RoleOfficer},
	{"PATCH", "/api/v1/commitments/{cm}", models.RoleDirector},
	{"POST", "/api/v1/commitments/{cm}/updates", models.RoleOfficer},
	{"POST", "/api/v1/commitments/{shared}/updates", models.RolePartner},
	{"POST", "/api/v1/commitments/{shared}/verdict", models.RolePartner},
	{"POST", "/api/v1/users", models.RoleAdmin},
	{"PATCH", "/api/v1/users/{officer}", models.RoleAdmin},
	{"PATCH", "/api/v1/users/{officer}", models.RoleOfficer},
	{"POST", "/api/v1/tokens", models.RoleOfficer},
	{"PATCH", "/api/v1/tokens/{token}", models.RoleAdmin},
}

// bodySeeds are, per route, bodies that reach deep into each request type:
// valid ones, and ones that break each kind of rule.
var bodySeeds = map[string][]string{
	"/api/v1/auth/login": {`{"email":"fuzz-admin@example.nl","password":"correct horse battery"}`, `{"email":"x","password":""}`},
	"/api/v1/stakeholders": {`{"name":"Nieuwe groep","kind":"group","category":"community","influence":4,"interest":5,"stance":"critical","email":"a@b.nl","country":"NL","tags":["haven","geluid"],"owner_id":"{officer}"}`,
		`{"name":"","influence":9,"country":"Nederland","tags":[""],"owner_id":"{unknown}"}`},
	"/api/v1/stakeholders/{sh}":          {`{"description":"bijgewerkt","archived":false}`, `{"email":"","owner_id":""}`, `{"tags":null}`},
	"/api/v1/stakeholders/{sh}/contacts": {`{"name":"Piet","role":"voorzitter","email":"piet@example.nl","phone":"+31 6 1234 5678"}`, `{"email":"geen-email"}`},
	"/api/v1/contacts/{ct}":              {`{"notes":"belt liever","email":""}`},
	"/api/v1/dialogues": {`{"title":"Overleg","held_at":"2026-05-01T10:00:00Z","format":"workshop","engagement_level":"involve","stakeholder_ids":["{sh}"],"user_ids":["{officer}"],"topics":["geluid"],"concerns":[{"title":"Geluid","severity":"high","topic":"geluid"}],"commitments":[{"title":"Meting","due_on":"2026-07-01","concern_index":0,"shared":true}]}`,
		`{"title":"x","held_at":"2026-13-01T10:00:00Z","stakeholder_ids":[],"commitments":[{"concern_index":5}]}`,
		`{"held_at":"0000-01-01T00:00:00+23:59","stakeholder_ids":["{unknown}"]}`},
	"/api/v1/dialogues/{dl}": {`{"summary":"verslag","topics":[]}`, `{"stakeholder_ids":["{sh}","{sh}"]}`},
	"/api/v1/concerns": {`{"title":"Stof","stakeholder_id":"{sh}","contact_id":"{ct}","dialogue_id":"{dl}","severity":"critical","confidential":true,"raised_at":"2026-02-01T09:00:00+01:00"}`,
		`{"title":"Stof","stakeholder_id":"{unknown}","status":"closed"}`},
	"/api/v1/concerns/{cn}": {`{"status":"responded","response":"we meten","decision":"filter geplaatst"}`, `{"status":"open","contact_id":""}`},
	"/api/v1/commitments": {`{"title":"Rapport","stakeholder_id":"{sh}","concern_id":"{cn}","dialogue_id":"{dl}","owner_id":"{officer}","due_on":"2026-08-01","status":"in_progress","shared":true}`,
		`{"title":"Rapport","stakeholder_id":"{sh}","due_on":"2026-02-30"}`, `{"due_on":"0000-01-01"}`},
	"/api/v1/commitments/{cm}":             {`{"status":"done"}`, `{"owner_id":"","due_on":"9999-12-31"}`, `{"title":"nieuw"}`},
	"/api/v1/commitments/{cm}/updates":     {`{"text":"half klaar","shared":true}`, `{"text":""}`},
	"/api/v1/commitments/{shared}/updates": {`{"text":"dank u"}`},
	"/api/v1/commitments/{shared}/verdict": {`{"verdict":"disputed","reason":"niet gedaan"}`, `{"verdict":"accepted"}`, `{"verdict":"disputed"}`},
	"/api/v1/users": {`{"email":"nieuw@example.nl","name":"Nieuw","role":"partner","stakeholder_id":"{sh}","locale":"nl","password":"een lang wachtwoord"}`,
		`{"email":"fuzz-admin@example.nl","name":"Dubbel","role":"officer","password":"een lang wachtwoord"}`},
	"/api/v1/users/{officer}": {`{"name":"Andere naam","locale":"en"}`, `{"password":"nieuw wachtwoord!","current_password":"correct horse battery"}`, `{"role":"partner","stakeholder_id":""}`},
	"/api/v1/tokens":          {`{"name":"koppeling","expires_at":"2027-01-01T00:00:00Z"}`, `{"name":"oud","expires_at":"2000-01-01T00:00:00Z"}`},
	"/api/v1/tokens/{token}":  {`{"name":"hernoemd"}`},
}

// Every request body, with its Content-Type and If-Match.
func FuzzRequestBody(f *testing.F) {
	for i, r := range bodyRoutes {
		for _, b := range bodySeeds[r.path] {
			f.Add(uint8(i), "application/json", "", []byte(b))
		}
		f.Add(uint8(i), "application/json", "", []byte(`{`))
		f.Add(uint8(i), "application/json", "", []byte(`[]`))
		f.Add(uint8(i), "application/json", "", []byte(`{"a":1}{"b":2}`))
		f.Add(uint8(i), "application/json", "", []byte("{\"title\":\"nul\\u0000\"}"))
		if r.method == "PATCH" {
			f.Add(uint8(i), "application/json", `"1"`, []byte(`{}`))
			f.Add(uint8(i), "application/json", `W/"99999999999999999999"`, []byte(`{}`))
		}
	}
	f.Add(uint8(0), "text/plain; charset=\xff", "", []byte(`{}`))
	f.Add(uint8(1), "application/merge-patch+json", "*", []byte(`{"name":"x"}`))
	envs := fuzzEnvs(f)
	f.Fuzz(func(t *testing.T, route uint8, contentType, ifMatch string, body []byte) {
		r := bodyRoutes[int(route)%len(bodyRoutes)]
		for _, e := range envs {
			req := httptest.NewRequest(r.method, e.fill.Replace(r.path), bytes.NewReader(e.fillBody(body)))
			req.Header.Set("Content-Type", contentType)
			if ifMatch != "" {
				req.Header.Set("If-Match", ifMatch)
			}
			e.serve(t, r.role, req)
		}
	})
}

// fillBody puts the fixture's ids into a body, where its placeholders are.
func (e *fuzzEnv) fillBody(b []byte) []byte {
	if !bytes.Contains(b, []byte("{")) {
		return b
	}
	return []byte(e.fill.Replace(string(b)))
}

// queryRoutes are every route that reads query parameters, and who asks.
var queryRoutes = []struct {
	method, path string
	role         models.Role
}{
	{"GET", "/api/v1/stakeholders", models.RoleOfficer},
	{"GET", "/api/v1/stakeholders/{sh}/contacts", models.RoleOfficer},
	{"GET", "/api/v1/dialogues", models.RoleOfficer},
	{"GET", "/api/v1/concerns", models.RoleOfficer},
	{"GET", "/api/v1/concerns", models.RoleDirector},
	{"GET", "/api/v1/commitments", models.RoleOfficer},
	{"GET", "/api/v1/commitments", models.RolePartner},
	{"GET", "/api/v1/commitments/{cm}/updates", models.RoleOfficer},
	{"GET", "/api/v1/commitments/{shared}/updates", models.RolePartner},
	{"GET", "/api/v1/users", models.RoleAdmin},
	{"GET", "/api/v1/tokens", models.RoleAdmin},
	{"GET", "/api/v1/audit-events", models.RoleAdmin},
	{"GET", "/api/v1/overview", models.RoleDirector},
	{"GET", "/api/v1/export", models.RoleAdmin},
	{"GET", "/api/v1/reports/engagement", models.RoleDirector},
	{"GET", "/api/v1/reports/materiality", models.RoleDirector},
	{"POST", "/api/v1/stakeholders/import", models.RoleOfficer},
}

// Every query string of every list and report, as JSON or as CSV.
func FuzzListQuery(f *testing.F) {
	seeds := []string{
		"", "limit=1", "limit=200", "limit=0", "limit=201", "limit=-1", "limit=1e3", "limit=99999999999999999999",
		"cursor=", "cursor=e30", "cursor=%00", "cursor=!!!", "sort=-created_at", "sort=title", "sort=due_on&limit=1", "sort=bogus",
		"q=ha%C3%ABn", "q=%25_%5C", "q=%00", "q=%FF", "status=open&overdue=true", "overdue=maybe", "archived=true",
		"stakeholder_id={sh}", "stakeholder_id=not-a-uuid", "owner_id={officer}", "owner_id={unknown}",
		"due_before=2026-02-30", "due_after=2026-01-01&due_before=2025-01-01", "due_before=0000-01-01", "due_before=9999-12-31",
		"from=2026-01-01&to=2026-12-31", "from=0001-01-01&to=9999-12-31", "from=2026-01-01T00:00:00Z", "to=not-a-date",
		"record_type=commitment&record_id={cm}", "actor_id={officer}", "role=partner&active=false", "user_id={officer}",
		"tag=R%26D", "topic=geluid", "severity=critical&status=closed&confidential=true", "format=workshop&engagement_level=empower",
		"dry_run=true", "dry_run=yes", "unknown=1", "limit=1&limit=2", "shared=true&partner_verdict=disputed",
	}
	// Each route gets the empty query and a few of the seeds; the fuzzer
	// moves inputs between routes by itself.
	for i := range queryRoutes {
		f.Add(uint8(i), "", false)
	}
	for j, s := range seeds {
		for k := range 2 {
			f.Add(uint8((j*7+k*5)%len(queryRoutes)), s, (j+k)%2 == 0)
		}
	}
	envs := fuzzEnvs(f)
	// Real cursors, as the lists hand them out.
	for i, r := range queryRoutes {
		if r.method != "GET" {
			continue
		}
		for _, e := range envs[:1] {
			req := httptest.NewRequest("GET", e.fill.Replace(r.path)+"?limit=1", nil)
			req.Header.Set("Authorization", "Bearer "+e.tokens[r.role])
			rec := httptest.NewRecorder()
			e.handler.ServeHTTP(rec, req)
			var l struct {
				NextCursor *string `json:"next_cursor"`
			}
			if json.Unmarshal(rec.Body.Bytes(), &l) == nil && l.NextCursor != nil {
				f.Add(uint8(i), "limit=1&cursor="+*l.NextCursor, false)
				f.Add(uint8(i), "sort=-created_at&cursor="+*l.NextCursor, false)
			}
		}
	}
	f.Fuzz(func(t *testing.T, route uint8, rawQuery string, csv bool) {
		r := queryRoutes[int(route)%len(queryRoutes)]
		for _, e := range envs {
			var body io.Reader
			if r.method == "POST" {
				body = strings.NewReader("name;category\nFuzz import;community\n")
			}
			req := httptest.NewRequest(r.method, e.fill.Replace(r.path), body)
			req.URL.RawQuery = e.fill.Replace(rawQuery)
			if r.method == "POST" {
				req.Header.Set("Content-Type", "text/csv")
			}
			if csv {
				req.Header.Set("Accept", "text/csv")
			}
			e.serve(t, r.role, req)
		}
	})
}

// The seeds above name every route; this keeps them in step with the router.
func TestFuzzRoutesCoverTheAPI(t *testing.T) {
	s := api.New(services.New(storetest.Open(t, "sqlite"), services.Options{}), api.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	covered := map[string]bool{}
	for _, r := range bodyRoutes {
		covered[r.method+" "+routePattern(r.path)] = true
	}
	for _, r := range queryRoutes {
		covered[r.method+" "+routePattern(r.path)] = true
	}
	for _, r := range s.Engine().Routes() {
		key := r.Method + " " + r.Path
		switch {
		case covered[key], !strings.HasPrefix(r.Path, "/api/v1/"):
		case (r.Method == "POST" || r.Method == "PATCH") && !noBody[key]:
			t.Errorf("%s reads a body, but FuzzRequestBody does not send it one", key)
		case r.Method == "GET" && !strings.HasSuffix(r.Path, "/:id") && !noQuery[key]:
			t.Errorf("%s reads a query, but FuzzListQuery does not send it one", key)
		}
	}
}

// noBody are the writes that read no body, or nothing but a file.
var noBody = map[string]bool{
	"POST /api/v1/auth/logout":         true,
	"POST /api/v1/contacts/:id/erase":  true,
	"POST /api/v1/calendar-feed":       true,
	"POST /api/v1/stakeholders/import": true, // a CSV file: FuzzImportCSV in services; its query is in FuzzListQuery
}

// noQuery are the reads that take no query parameters: one record each.
var noQuery = map[string]bool{
	"GET /api/v1/openapi.json":        true,
	"GET /api/v1/auth/me":             true,
	"GET /api/v1/calendar-feed":       true,
	"GET /api/v1/contacts/:id/export": true,
}

// routePattern turns a path with placeholders back into the router's pattern.
func routePattern(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.HasPrefix(s, "{") {
			parts[i] = ":id"
		}
	}
	return strings.Join(parts, "/")
}
