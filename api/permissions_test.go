package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dialoog/api"
	"dialoog/models"
	"dialoog/services"
)

// roleAnonymous stands for a client that has not signed in.
const roleAnonymous models.Role = "anonymous"

// tableRoles are the columns of DESIGN.md's permission table, in order.
var tableRoles = []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner}

// permWant is the expected status for admin, officer, director and partner;
// anonymous always gets 401.
type permWant [4]int

// permFixture is what one row needs for one role: the id put into the path, and
// a snapshot of the state the request may change (nil for reads).
type permFixture struct {
	id   string
	snap func() string
}

// fixFunc makes a row's own records for the role about to send it.
type fixFunc func(t *testing.T, e *env, as models.Role) permFixture

type permRow struct {
	name   string
	method string
	path   string // under /api/v1; {id} is the permFixture's id
	body   func(e *env) any
	header []string // name, value pairs
	fix    fixFunc
	want   permWant
}

// Short names for the statuses, so that the table reads as one.
const (
	s200 = http.StatusOK
	s201 = http.StatusCreated
	s204 = http.StatusNoContent
	s403 = http.StatusForbidden
	s404 = http.StatusNotFound
	s409 = http.StatusConflict
	s422 = http.StatusUnprocessableEntity
)

func permissionRows() []permRow {
	rows := []permRow{
		{name: "list stakeholders", method: "GET", path: "/stakeholders", want: permWant{s200, s200, s200, s403}},
		{name: "create stakeholder", method: "POST", path: "/stakeholders", body: fxBody(map[string]any{"name": "Vissersbond"}),
			fix: fxCollection("stakeholders"), want: permWant{s201, s201, s403, s403}},
		{name: "get stakeholder", method: "GET", path: "/stakeholders/{id}", fix: fxStakeholder, want: permWant{s200, s200, s200, s403}},
		{name: "get own stakeholder", method: "GET", path: "/stakeholders/{id}", fix: fxPartnersStakeholder, want: permWant{s200, s200, s200, s403}},
		{name: "patch stakeholder", method: "PATCH", path: "/stakeholders/{id}", body: fxBody(map[string]any{"stance": "critical"}),
			fix: fxStakeholder, want: permWant{s200, s200, s403, s403}},
		{name: "delete stakeholder", method: "DELETE", path: "/stakeholders/{id}", fix: fxStakeholder, want: permWant{s204, s204, s403, s403}},

		{name: "import stakeholders", method: "POST", path: "/stakeholders/import", fix: fxCollection("stakeholders"),
			body: func(*env) any { return "name,category\n" + uniqueName("Importclub") + ",community\n" }, header: []string{"Content-Type", "text/csv"},
			want: permWant{s200, s200, s403, s403}},

		{name: "list contacts", method: "GET", path: "/stakeholders/{id}/contacts", fix: fxPartnersStakeholder, want: permWant{s200, s200, s200, s403}},
		{name: "create contact", method: "POST", path: "/stakeholders/{id}/contacts", body: fxBody(map[string]any{"name": "Jan de Vries"}),
			fix: fxContactsOf, want: permWant{s201, s201, s403, s403}},
		{name: "get contact", method: "GET", path: "/contacts/{id}", fix: fxContact, want: permWant{s200, s200, s200, s403}},
		{name: "patch contact", method: "PATCH", path: "/contacts/{id}", body: fxBody(map[string]any{"role": "voorzitter"}),
			fix: fxContact, want: permWant{s200, s200, s403, s403}},
		{name: "delete contact", method: "DELETE", path: "/contacts/{id}", fix: fxContact, want: permWant{s204, s204, s403, s403}},
		{name: "export contact", method: "GET", path: "/contacts/{id}/export", fix: fxContact, want: permWant{s200, s200, s403, s403}},
		{name: "erase contact", method: "POST", path: "/contacts/{id}/erase", fix: fxContact, want: permWant{s200, s200, s403, s403}},

		{name: "list dialogues", method: "GET", path: "/dialogues", want: permWant{s200, s200, s200, s403}},
		{name: "log meeting", method: "POST", path: "/dialogues", body: fxMeetingBody, fix: fxCollection("dialogues"), want: permWant{s201, s201, s403, s403}},
		{name: "get dialogue", method: "GET", path: "/dialogues/{id}", fix: fxDialogue, want: permWant{s200, s200, s200, s403}},
		{name: "patch dialogue", method: "PATCH", path: "/dialogues/{id}", body: fxBody(map[string]any{"summary": "Goed gesprek"}),
			fix: fxDialogue, want: permWant{s200, s200, s403, s403}},
		{name: "delete dialogue", method: "DELETE", path: "/dialogues/{id}", fix: fxDialogue, want: permWant{s204, s204, s403, s403}},

		{name: "list concerns", method: "GET", path: "/concerns", want: permWant{s200, s200, s200, s403}},
		{name: "create concern", method: "POST", path: "/concerns", fix: fxCollection("concerns"),
			body: func(e *env) any {
				return map[string]any{"stakeholder_id": e.partner.ID, "title": "Stof van de bouwplaats"}
			},
			want: permWant{s201, s201, s403, s403}},
		{name: "get concern", method: "GET", path: "/concerns/{id}", fix: fxConcern, want: permWant{s200, s200, s200, s403}},
		{name: "patch concern", method: "PATCH", path: "/concerns/{id}", body: fxBody(map[string]any{"severity": "high"}),
			fix: fxConcern, want: permWant{s200, s200, s403, s403}},
		{name: "delete concern", method: "DELETE", path: "/concerns/{id}", fix: fxConcern, want: permWant{s204, s204, s403, s403}},

		{name: "list commitments", method: "GET", path: "/commitments", want: permWant{s200, s200, s200, s200}},
		{name: "create commitment", method: "POST", path: "/commitments", fix: fxCollection("commitments"),
			body: func(e *env) any {
				return map[string]any{"title": "Geluidsmeting", "stakeholder_id": e.partner.ID, "due_on": "2026-05-01", "shared": true}
			},
			want: permWant{s201, s201, s403, s403}},
		{name: "get visible commitment", method: "GET", path: "/commitments/{id}", fix: fxVisible("open"), want: permWant{s200, s200, s200, s200}},
		{name: "patch visible commitment title", method: "PATCH", path: "/commitments/{id}", body: fxBody(map[string]any{"title": "Andere titel"}),
			fix: fxVisible("open"), want: permWant{s200, s200, s403, s403}},
		{name: "patch visible commitment description", method: "PATCH", path: "/commitments/{id}", body: fxBody(map[string]any{"description": "Meer"}),
			fix: fxVisible("open"), want: permWant{s200, s200, s403, s403}},
		{name: "patch visible commitment shared", method: "PATCH", path: "/commitments/{id}", body: fxBody(map[string]any{"shared": false}),
			fix: fxVisible("open"), want: permWant{s200, s200, s403, s403}},
		{name: "patch visible commitment stakeholder", method: "PATCH", path: "/commitments/{id}",
			body: func(e *env) any { return map[string]any{"stakeholder_id": e.other.ID} }, fix: fxVisible("open"), want: permWant{s200, s200, s403, s403}},
		{name: "patch visible commitment plan", method: "PATCH", path: "/commitments/{id}", body: fxPlanBody,
			fix: fxVisible("open"), want: permWant{s200, s200, s200, s403}},
		{name: "patch visible commitment status", method: "PATCH", path: "/commitments/{id}", body: fxBody(map[string]any{"status": "done"}),
			fix: fxVisible("in_progress"), want: permWant{s200, s200, s200, s403}},
		{name: "delete visible commitment", method: "DELETE", path: "/commitments/{id}", fix: fxVisible("open"), want: permWant{s204, s204, s403, s403}},
		{name: "list updates of visible commitment", method: "GET", path: "/commitments/{id}/updates", fix: fxVisible("open"), want: permWant{s200, s200, s200, s200}},
		{name: "reply on visible commitment", method: "POST", path: "/commitments/{id}/updates", body: fxBody(map[string]any{"text": "Dank voor de update"}),
			fix: fxUpdatesOf(fxVisible("open")), want: permWant{s201, s201, s201, s201}},
		{name: "accept done commitment", method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "accepted"}),
			fix: fxVisible("done"), want: permWant{s403, s403, s403, s200}},
		{name: "dispute done commitment", method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "disputed", "reason": "De meting is niet gedaan"}),
			fix: fxVisible("done"), want: permWant{s403, s403, s403, s200}},
		{name: "dispute without reason", method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "disputed"}),
			fix: fxVisible("done"), want: permWant{s403, s403, s403, s422}},
		{name: "accept open commitment", method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "accepted"}),
			fix: fxVisible("open"), want: permWant{s403, s403, s403, s409}},
		{name: "accept in progress commitment", method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "accepted"}),
			fix: fxVisible("in_progress"), want: permWant{s403, s403, s403, s409}},

		{name: "list users", method: "GET", path: "/users", want: permWant{s200, s200, s200, s403}},
		{name: "create user", method: "POST", path: "/users", fix: fxCollection("users"),
			body: fxBody(map[string]any{"email": "nieuw@example.nl", "name": "Nieuw", "role": "officer", "password": testPassword}),
			want: permWant{s201, s403, s403, s403}},
		{name: "get other user", method: "GET", path: "/users/{id}", fix: fxOtherUser, want: permWant{s200, s200, s200, s403}},
		{name: "get fxSelf", method: "GET", path: "/users/{id}", fix: fxSelf, want: permWant{s200, s200, s200, s200}},
		{name: "patch other user name", method: "PATCH", path: "/users/{id}", body: fxBody(map[string]any{"name": "Andere naam"}),
			fix: fxOtherUser, want: permWant{s200, s403, s403, s403}},
		{name: "patch other user role", method: "PATCH", path: "/users/{id}", body: fxBody(map[string]any{"role": "admin"}),
			fix: fxOtherUser, want: permWant{s200, s403, s403, s403}},
		{name: "patch fxSelf name", method: "PATCH", path: "/users/{id}", body: fxBody(map[string]any{"name": "Nieuwe naam"}),
			fix: fxSelf, want: permWant{s200, s200, s200, s200}},
		{name: "patch fxSelf locale", method: "PATCH", path: "/users/{id}", body: fxBody(map[string]any{"locale": "nl"}),
			fix: fxSelf, want: permWant{s200, s200, s200, s200}},
		{name: "patch fxSelf role", method: "PATCH", path: "/users/{id}", body: fxBody(map[string]any{"role": "admin"}),
			fix: fxSelf, want: permWant{s200, s403, s403, s403}},
		{name: "delete other user", method: "DELETE", path: "/users/{id}", fix: fxOtherUser, want: permWant{s204, s403, s403, s403}},

		{name: "list own tokens", method: "GET", path: "/tokens", want: permWant{s200, s200, s200, s200}},
		{name: "list tokens of other user", method: "GET", path: "/tokens?user_id={id}", fix: fxOtherUser, want: permWant{s200, s403, s403, s403}},
		{name: "create token", method: "POST", path: "/tokens", body: fxBody(map[string]any{"name": "ci"}),
			fix: fxCollection("api_tokens"), want: permWant{s201, s201, s201, s201}},
		{name: "get own token", method: "GET", path: "/tokens/{id}", fix: fxOwnToken, want: permWant{s200, s200, s200, s200}},
		{name: "get other users token", method: "GET", path: "/tokens/{id}", fix: fxOtherToken, want: permWant{s200, s404, s404, s404}},
		{name: "rename own token", method: "PATCH", path: "/tokens/{id}", body: fxBody(map[string]any{"name": "hernoemd"}),
			fix: fxOwnToken, want: permWant{s200, s200, s200, s200}},
		{name: "rename other users token", method: "PATCH", path: "/tokens/{id}", body: fxBody(map[string]any{"name": "hernoemd"}),
			fix: fxOtherToken, want: permWant{s200, s404, s404, s404}},
		{name: "revoke own token", method: "DELETE", path: "/tokens/{id}", fix: fxOwnToken, want: permWant{s204, s204, s204, s204}},
		{name: "revoke other users token", method: "DELETE", path: "/tokens/{id}", fix: fxOtherToken, want: permWant{s204, s404, s404, s404}},

		{name: "calendar feed state", method: "GET", path: "/calendar-feed", want: permWant{s200, s200, s200, s200}},
		{name: "make calendar feed", method: "POST", path: "/calendar-feed", fix: fxCalendarFeed(false), want: permWant{s201, s201, s201, s201}},
		{name: "revoke calendar feed", method: "DELETE", path: "/calendar-feed", fix: fxCalendarFeed(true), want: permWant{s204, s204, s204, s204}},

		{name: "audit events", method: "GET", path: "/audit-events", want: permWant{s200, s403, s200, s403}},
		{name: "overview", method: "GET", path: "/overview", want: permWant{s200, s200, s200, s403}},
		{name: "full export", method: "GET", path: "/export", want: permWant{s200, s403, s403, s403}},
		{name: "engagement report", method: "GET", path: "/reports/engagement", want: permWant{s200, s200, s200, s403}},
		{name: "materiality", method: "GET", path: "/reports/materiality", want: permWant{s200, s200, s200, s403}},
		{name: "me", method: "GET", path: "/auth/me", want: permWant{s200, s200, s200, s200}},
	}

	// Commitments outside a partner's scope do not exist for them: 404 on
	// every action, while the organisation works with them as usual.
	hidden := []struct {
		name string
		fix  func(status string) fixFunc
	}{
		{"of other stakeholder", func(s string) fixFunc { return fxCommitment(false, true, s, false) }},
		{"not shared", func(s string) fixFunc { return fxCommitment(true, false, s, false) }},
		{"archived", func(s string) fixFunc { return fxCommitment(true, true, s, true) }},
	}
	for _, h := range hidden {
		rows = append(rows,
			permRow{name: "get commitment " + h.name, method: "GET", path: "/commitments/{id}", fix: h.fix("open"), want: permWant{s200, s200, s200, s404}},
			permRow{name: "patch commitment plan " + h.name, method: "PATCH", path: "/commitments/{id}", body: fxPlanBody,
				fix: h.fix("open"), want: permWant{s200, s200, s200, s404}},
			permRow{name: "patch commitment title " + h.name, method: "PATCH", path: "/commitments/{id}", body: fxBody(map[string]any{"title": "Andere titel"}),
				fix: h.fix("open"), want: permWant{s200, s200, s403, s404}},
			permRow{name: "list updates of commitment " + h.name, method: "GET", path: "/commitments/{id}/updates", fix: h.fix("open"), want: permWant{s200, s200, s200, s404}},
			permRow{name: "reply on commitment " + h.name, method: "POST", path: "/commitments/{id}/updates", body: fxBody(map[string]any{"text": "Hallo"}),
				fix: fxUpdatesOf(h.fix("open")), want: permWant{s201, s201, s201, s404}},
			permRow{name: "accept commitment " + h.name, method: "POST", path: "/commitments/{id}/verdict", body: fxBody(map[string]any{"verdict": "accepted"}),
				fix: h.fix("done"), want: permWant{s403, s403, s403, s404}},
		)
		if h.name != "archived" { // archiving twice changes nothing, so it proves nothing
			rows = append(rows, permRow{name: "delete commitment " + h.name, method: "DELETE", path: "/commitments/{id}",
				fix: h.fix("open"), want: permWant{s204, s204, s403, s404}})
		}
	}
	return rows
}

func TestPermissionTable(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		clients := map[models.Role]*client{roleAnonymous: e.anonymous()}
		for _, role := range tableRoles {
			clients[role] = e.as(role)
		}
		for _, row := range permissionRows() {
			t.Run(row.name, func(t *testing.T) {
				for i, role := range append(slices.Clone(tableRoles), roleAnonymous) {
					status := http.StatusUnauthorized
					if role != roleAnonymous {
						status = row.want[i]
					}
					t.Run(string(role), func(t *testing.T) {
						checkPermission(t, e.inTest(t), clients[role].inTest(t), row, role, status)
					})
				}
			})
		}
	})
}

// checkPermission sends the row's request as role and checks the status, and
// that a refused write changed nothing while an allowed one changed its
// record and left an audit event.
func checkPermission(t *testing.T, e *env, c *client, row permRow, role models.Role, status int) {
	var f permFixture
	if row.fix != nil {
		f = row.fix(t, e, role)
	}
	var body any
	if row.body != nil {
		body = row.body(e)
	}
	before, audits := "", e.countRows(t, "audit_events")
	if f.snap != nil {
		before = f.snap()
	}
	r := c.do(row.method, "/api/v1"+strings.ReplaceAll(row.path, "{id}", f.id), body, row.header...)
	if r.Status != status {
		t.Fatalf("%s %s as %s: status %d, want %d: %s", row.method, row.path, role, r.Status, status, r.Body)
	}
	if status >= 400 {
		r.problem(status)
	}
	if row.method == "GET" {
		return
	}
	if f.snap == nil {
		t.Fatalf("row %q writes but has no snapshot", row.name)
	}
	after, auditsAfter := f.snap(), e.countRows(t, "audit_events")
	switch {
	case status >= 400 && after != before:
		t.Fatalf("refused with %d but the record changed: %s → %s", status, before, after)
	case status >= 400 && auditsAfter != audits:
		t.Fatalf("refused with %d but %d audit events were written", status, auditsAfter-audits)
	case status < 400 && after == before:
		t.Fatalf("answered %d but nothing changed (%s)", status, before)
	case status < 400 && auditsAfter == audits:
		t.Fatalf("answered %d but the change left no audit event", status)
	}
}

// inTest returns a copy of the env that reports to t, for use in a subtest.
func (e *env) inTest(t *testing.T) *env {
	c := *e
	c.t = t
	return &c
}

// inTest returns a copy of the client that reports to t, for use in a subtest.
func (c *client) inTest(t *testing.T) *client {
	d := *c
	d.t = t
	return &d
}

// countRows counts rows of a table, with an optional condition and its arguments.
func (e *env) countRows(t *testing.T, table string, where ...any) int64 {
	t.Helper()
	q := e.db.Table(table)
	if len(where) > 0 {
		q = q.Where(where[0], where[1:]...)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// versionOf reads the version column of a row.
func (e *env) versionOf(t *testing.T, table, id string) int {
	t.Helper()
	var v []int
	if err := e.db.Table(table).Where("id = ?", id).Pluck("version", &v).Error; err != nil || len(v) != 1 {
		t.Fatalf("read version of %s %s: %v %v", table, id, v, err)
	}
	return v[0]
}

func fxVersionSnap(t *testing.T, e *env, table, id string) permFixture {
	return permFixture{id: id, snap: func() string { return fmt.Sprint(e.versionOf(t, table, id)) }}
}

func fxBody(v any) func(*env) any { return func(*env) any { return v } }

func fxMeetingBody(e *env) any {
	return map[string]any{"title": "Buurtavond", "held_at": "2026-03-01T19:30:00+01:00", "stakeholder_ids": []string{e.partner.ID},
		"commitments": []any{map[string]any{"title": "Verslag sturen", "due_on": "2026-03-15", "shared": true}}}
}

// fxPlanBody changes what a director may change: status, owner and due date.
func fxPlanBody(e *env) any {
	return map[string]any{"status": "in_progress", "owner_id": e.users[models.RoleOfficer].ID, "due_on": "2026-09-01"}
}

func fxCollection(table string) fixFunc {
	return func(t *testing.T, e *env, _ models.Role) permFixture {
		return permFixture{snap: func() string { return fmt.Sprint(e.countRows(t, table)) }}
	}
}

var uniqueSeq atomic.Int64

// uniqueName returns a text no other call returns, for names and emails.
func uniqueName(prefix string) string { return fmt.Sprintf("%s-%d", prefix, uniqueSeq.Add(1)) }

func fxNewStakeholder(t *testing.T, e *env) models.Stakeholder {
	t.Helper()
	st, err := e.svc.Stakeholders.CreateStakeholder(context.Background(), services.System, models.StakeholderChanges{Name: ptr(uniqueName("Stakeholder"))})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func fxStakeholder(t *testing.T, e *env, _ models.Role) permFixture {
	return fxVersionSnap(t, e, "stakeholders", fxNewStakeholder(t, e).ID)
}

func fxPartnersStakeholder(t *testing.T, e *env, _ models.Role) permFixture {
	return fxVersionSnap(t, e, "stakeholders", e.partner.ID)
}

func fxContactsOf(t *testing.T, e *env, _ models.Role) permFixture {
	st := fxNewStakeholder(t, e)
	return permFixture{id: st.ID, snap: func() string { return fmt.Sprint(e.countRows(t, "contacts", "stakeholder_id = ?", st.ID)) }}
}

func fxContact(t *testing.T, e *env, _ models.Role) permFixture {
	c, err := e.svc.Contacts.CreateContact(context.Background(), services.System, e.partner.ID, models.ContactChanges{Name: ptr("Anna Jansen")})
	if err != nil {
		t.Fatal(err)
	}
	return fxVersionSnap(t, e, "contacts", c.ID)
}

func fxDialogue(t *testing.T, e *env, _ models.Role) permFixture {
	d, err := e.svc.Dialogues.CreateDialogue(context.Background(), services.System, models.DialogueChanges{
		Title: ptr("Keukentafelgesprek"), HeldAt: ptr(time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)), StakeholderIDs: &[]string{e.partner.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return fxVersionSnap(t, e, "dialogues", d.ID)
}

func fxConcern(t *testing.T, e *env, _ models.Role) permFixture {
	c, err := e.svc.Concerns.CreateConcern(context.Background(), services.System, models.ConcernChanges{
		StakeholderID: &e.partner.ID, Title: ptr("Verkeer door de wijk")})
	if err != nil {
		t.Fatal(err)
	}
	return fxVersionSnap(t, e, "concerns", c.ID)
}

// fxNewCommitment makes a commitment owned by the officer, owed to the
// partner's stakeholder (own) or another, shared or not, with this status,
// and archived or not.
func fxNewCommitment(t *testing.T, e *env, own, shared bool, status string, archived bool) models.Commitment {
	t.Helper()
	ctx := context.Background()
	officer := services.ActorOf(e.users[models.RoleOfficer])
	st := e.other.ID
	if own {
		st = e.partner.ID
	}
	c, err := e.svc.Commitments.CreateCommitment(ctx, officer, models.CommitmentChanges{
		Title: ptr(uniqueName("Toezegging")), StakeholderID: &st, DueOn: ptr(models.Date("2026-06-01")), Shared: &shared})
	if err != nil {
		t.Fatal(err)
	}
	if status != "open" {
		if c, err = e.svc.Commitments.UpdateCommitment(ctx, officer, c.ID, nil, models.CommitmentChanges{Status: &status}); err != nil {
			t.Fatal(err)
		}
	}
	if archived {
		if err := e.svc.Commitments.ArchiveCommitment(ctx, officer, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func fxCommitment(own, shared bool, status string, archived bool) fixFunc {
	return func(t *testing.T, e *env, _ models.Role) permFixture {
		return fxVersionSnap(t, e, "commitments", fxNewCommitment(t, e, own, shared, status, archived).ID)
	}
}

// fxVisible is a commitment in the partner's scope: shared, owed to their own
// stakeholder, not archived.
func fxVisible(status string) fixFunc {
	return fxCommitment(true, true, status, false)
}

// fxUpdatesOf snapshots the number of progress updates of the commitment.
func fxUpdatesOf(fix fixFunc) fixFunc {
	return func(t *testing.T, e *env, as models.Role) permFixture {
		id := fix(t, e, as).id
		return permFixture{id: id, snap: func() string { return fmt.Sprint(e.countRows(t, "commitment_updates", "commitment_id = ?", id)) }}
	}
}

// userFor returns the role's user; for an anonymous client, the admin, so that paths
// still name a real user.
func (e *env) userFor(as models.Role) models.User {
	if as == roleAnonymous {
		return e.users[models.RoleAdmin]
	}
	return e.users[as]
}

func fxNewUser(t *testing.T, e *env, role models.Role) models.User {
	t.Helper()
	in := models.NewUser{Email: uniqueName(string(role)) + "@example.nl", Name: "Nieuwe " + string(role), Role: role, Password: testPassword}
	if role == models.RolePartner {
		in.StakeholderID = &e.partner.ID
	}
	u, err := e.svc.Users.CreateUser(context.Background(), services.System, in)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func fxSelf(t *testing.T, e *env, as models.Role) permFixture {
	return fxVersionSnap(t, e, "users", e.userFor(as).ID)
}

func fxOtherUser(t *testing.T, e *env, _ models.Role) permFixture {
	return fxVersionSnap(t, e, "users", fxNewUser(t, e, models.RoleOfficer).ID)
}

func fxNewToken(t *testing.T, e *env, u models.User) services.NewToken {
	t.Helper()
	tok, err := e.svc.Tokens.CreateToken(context.Background(), services.ActorOf(u), uniqueName("token"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func fxTokenSnap(t *testing.T, e *env, id string) permFixture {
	return permFixture{id: id, snap: func() string {
		var names []string
		if err := e.db.Table("api_tokens").Where("id = ?", id).Pluck("name", &names).Error; err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(names, e.countRows(t, "api_tokens", "id = ? AND revoked_at IS NULL", id))
	}}
}

func fxOwnToken(t *testing.T, e *env, as models.Role) permFixture {
	return fxTokenSnap(t, e, fxNewToken(t, e, e.userFor(as)).ID)
}

func fxOtherToken(t *testing.T, e *env, _ models.Role) permFixture {
	return fxTokenSnap(t, e, fxNewToken(t, e, fxNewUser(t, e, models.RoleOfficer)).ID)
}

// fxCalendarFeed snapshots the role's calendar feed, making one first if
// exists is set.
func fxCalendarFeed(exists bool) fixFunc {
	return func(t *testing.T, e *env, as models.Role) permFixture {
		u := e.userFor(as)
		if exists {
			if _, _, err := e.svc.Calendar.CreateFeed(context.Background(), services.ActorOf(u)); err != nil {
				t.Fatal(err)
			}
		}
		return permFixture{snap: func() string {
			var hashes []string
			if err := e.db.Table("calendar_feeds").Where("user_id = ?", u.ID).Pluck("token_hash", &hashes).Error; err != nil {
				t.Fatal(err)
			}
			return strings.Join(hashes, ",")
		}}
	}
}

// TestPermissionTableCoversEveryRoute: a route added without a row in the
// permission table fails here, so that who may call it is decided.
func TestPermissionTableCoversEveryRoute(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		covered := map[string]bool{}
		for _, row := range permissionRows() {
			path, _, _ := strings.Cut(strings.ReplaceAll(row.path, "{id}", ":id"), "?")
			covered[row.method+" /api/v1"+path] = true
		}
		public := map[string]bool{"GET /api/v1/openapi.json": true, "POST /api/v1/auth/login": true, "POST /api/v1/auth/logout": true}
		srv := api.New(e.svc, api.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		for _, r := range srv.Engine().Routes() {
			key := r.Method + " " + r.Path
			if strings.HasPrefix(r.Path, "/api/v1/") && !public[key] && !covered[key] {
				t.Errorf("%s has no row in the permission table", key)
			}
		}
	})
}

// TestPermissionAnonymousPublicRoutes: outside the table, only sign-in,
// sign-out and the API description answer without a session.
func TestPermissionAnonymousPublicRoutes(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		a := e.anonymous()
		a.get("/api/v1/openapi.json").expect(http.StatusOK)
		a.post("/api/v1/auth/logout", nil).expect(http.StatusNoContent)
		p := a.get("/api/v1/auth/me").problem(http.StatusUnauthorized)
		if str(p, "detail") == "" {
			t.Fatalf("401 without a detail: %v", p)
		}
		// a bad Bearer header or a made-up cookie is no way in either
		a.get("/api/v1/stakeholders", "Authorization", "Basic YWRtaW46YWRtaW4=").problem(http.StatusUnauthorized)
		a.get("/api/v1/stakeholders", "Authorization", "Bearer dlg_made_up").problem(http.StatusUnauthorized)
		a.get("/api/v1/stakeholders", "Cookie", "dialoog_session=made-up").problem(http.StatusUnauthorized)
	})
}
