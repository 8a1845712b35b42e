package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
	"dialoog/services"
)

// queryCounter counts the SQL statements the store runs, through GORM's
// callbacks, so that a test can see how many one request makes.
type queryCounter struct{ n atomic.Int64 }

func countQueries(t *testing.T, db *gorm.DB) *queryCounter {
	t.Helper()
	qc := &queryCounter{}
	count := func(*gorm.DB) { qc.n.Add(1) }
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("test:count", count),
		cb.Query().After("gorm:query").Register("test:count", count),
		cb.Update().After("gorm:update").Register("test:count", count),
		cb.Delete().After("gorm:delete").Register("test:count", count),
		cb.Row().After("gorm:row").Register("test:count", count),
		cb.Raw().After("gorm:raw").Register("test:count", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return qc
}

// during returns how many statements fn made the store run.
func (qc *queryCounter) during(fn func()) int64 {
	before := qc.n.Load()
	fn()
	return qc.n.Load() - before
}

// TestListsMakeTheSameQueriesWhateverThePageSize: a list costs a fixed
// number of statements (signing in, the page, and for dialogues who was
// present, loaded for the whole page at once), never one more per row. Each
// list is read at limit=5 and limit=50, with more rows than that in store;
// the two must cost the same.
func TestListsMakeTheSameQueriesWhateverThePageSize(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		officer, admin := services.ActorOf(e.users[models.RoleOfficer]), services.ActorOf(e.users[models.RoleAdmin])
		const rows = 55 // more than the larger page
		var commitmentID string
		for i := range rows {
			if _, err := e.svc.Stakeholders.CreateStakeholder(ctx, officer, models.StakeholderChanges{Name: ptr(fmt.Sprintf("Wijkraad %02d", i))}); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.Contacts.CreateContact(ctx, officer, e.partner.ID, models.ContactChanges{Name: ptr(fmt.Sprintf("Contact %02d", i))}); err != nil {
				t.Fatal(err)
			}
			held := time.Now().Add(-time.Duration(i+1) * time.Hour)
			m, err := e.svc.Dialogues.LogMeeting(ctx, officer, models.Meeting{
				Dialogue: models.DialogueChanges{Title: ptr(fmt.Sprintf("Klankbordgroep %02d", i)), HeldAt: &held,
					StakeholderIDs: &[]string{e.partner.ID, e.other.ID}, UserIDs: &[]string{officer.UserID}},
				Concerns: []models.ConcernChanges{{Title: ptr("Geluid 's nachts"), StakeholderID: &e.partner.ID,
					Confidential: ptr(i%2 == 0), Topic: ptr("geluid")}},
				Commitments: []models.MeetingCommitment{{ConcernIndex: ptr(0), CommitmentChanges: models.CommitmentChanges{
					Title: ptr("Geluid meten"), DueOn: ptr(models.Date("2030-01-01")), Shared: ptr(true)}}},
			})
			if err != nil {
				t.Fatal(err)
			}
			commitmentID = m.Commitments[0].ID
			if _, err := e.svc.Users.CreateUser(ctx, admin, models.NewUser{Email: fmt.Sprintf("collega%02d@example.nl", i),
				Name: fmt.Sprintf("Collega %02d", i), Role: models.RoleOfficer, Password: testPassword}); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.Tokens.CreateToken(ctx, admin, fmt.Sprintf("koppeling %02d", i), nil); err != nil {
				t.Fatal(err)
			}
		}
		for i := range rows {
			if _, err := e.svc.Commitments.AddUpdate(ctx, officer, commitmentID, models.NewUpdate{Text: fmt.Sprintf("Stand %02d", i), Shared: true}); err != nil {
				t.Fatal(err)
			}
		}

		qc := countQueries(t, e.db.DB)
		clients := map[models.Role]*client{}
		for _, role := range []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner} {
			clients[role] = e.as(role)
		}
		lists := []struct {
			name string
			as   models.Role
			path string
		}{
			{"stakeholders", models.RoleOfficer, "/api/v1/stakeholders"},
			{"stakeholders by q", models.RoleOfficer, "/api/v1/stakeholders?q=wijkraad"},
			{"contacts", models.RoleOfficer, "/api/v1/stakeholders/" + e.partner.ID + "/contacts"},
			{"dialogues", models.RoleOfficer, "/api/v1/dialogues"},
			{"dialogues of a stakeholder", models.RoleDirector, "/api/v1/dialogues?stakeholder_id=" + e.partner.ID},
			{"concerns", models.RoleDirector, "/api/v1/concerns"},
			{"concerns by topic", models.RoleOfficer, "/api/v1/concerns?topic=geluid"},
			{"commitments", models.RoleDirector, "/api/v1/commitments"},
			{"commitments overdue", models.RoleDirector, "/api/v1/commitments?overdue=false&sort=-due_on"},
			{"commitments by q", models.RoleDirector, "/api/v1/commitments?q=meten"},
			{"partner's action list", models.RolePartner, "/api/v1/commitments"},
			{"progress updates", models.RolePartner, "/api/v1/commitments/" + commitmentID + "/updates"},
			{"users", models.RoleAdmin, "/api/v1/users"},
			{"tokens", models.RoleAdmin, "/api/v1/tokens"},
			// a page with concerns on it reads which are confidential, in one query
			{"audit trail of concerns", models.RoleDirector, "/api/v1/audit-events?record_type=concern"},
			{"audit trail of commitments", models.RoleDirector, "/api/v1/audit-events?record_type=commitment"},
		}
		var report []string
		for _, l := range lists {
			c := clients[l.as]
			get := func(limit int, cursor string) (int64, *response) {
				u, _ := url.Parse(l.path)
				q := u.Query()
				q.Set("limit", fmt.Sprint(limit))
				if cursor != "" {
					q.Set("cursor", cursor)
				}
				u.RawQuery = q.Encode()
				var r *response
				n := qc.during(func() { r = c.get(u.String()).expect(http.StatusOK) })
				return n, r
			}
			get(5, "") // a first request may extend the session (once a minute)
			small, r5 := get(5, "")
			large, r50 := get(50, "")
			if got := len(r5.items()); got != 5 {
				t.Fatalf("%s: %d items at limit=5, want 5 (too few rows to compare)", l.name, got)
			}
			if got := len(r50.items()); got != 50 {
				t.Fatalf("%s: %d items at limit=50, want 50 (too few rows to compare)", l.name, got)
			}
			next, _ := r50.json()["next_cursor"].(string)
			second, _ := get(50, next)
			if large != small || second != small {
				t.Errorf("%s: %d statements at limit=5, %d at limit=50, %d for the next page; want the same", l.name, small, large, second)
			}
			report = append(report, fmt.Sprintf("%-26s %d", l.name, small))
		}
		sort.Strings(report)
		t.Logf("statements per list request (signing in included):\n%s", strings.Join(report, "\n"))
	})
}

// TestMeetingStatementsPerRow: logging a meeting checks each reference once
// (the stakeholder, the people present, the owner) and then writes its
// concerns, commitments and audit events in one INSERT a kind, so further
// concerns and commitments cost no further statements.
func TestMeetingStatementsPerRow(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		qc := countQueries(t, e.db.DB)
		c := e.as(models.RoleOfficer)
		officer := e.users[models.RoleOfficer]
		meeting := func(n int) map[string]any {
			var concerns, commitments []map[string]any
			for i := range n {
				concerns = append(concerns, map[string]any{"title": fmt.Sprintf("Zorg %d", i), "topic": "geluid"})
				commitments = append(commitments, map[string]any{"title": fmt.Sprintf("Toezegging %d", i),
					"due_on": "2030-01-01", "concern_index": i, "owner_id": officer.ID})
			}
			return map[string]any{"title": "Klankbordgroep", "held_at": "2026-03-02T19:30:00Z",
				"stakeholder_ids": []string{e.partner.ID}, "user_ids": []string{officer.ID},
				"concerns": concerns, "commitments": commitments}
		}
		c.get("/api/v1/auth/me") // a first request may extend the session (once a minute)
		cost := func(n int) int64 {
			return qc.during(func() { c.post("/api/v1/dialogues", meeting(n)).expect(http.StatusCreated) })
		}
		one, three := cost(1), cost(3)
		if three != one {
			t.Errorf("a meeting with 1 concern and 1 commitment costs %d statements, with 3 and 3 %d; want the same", one, three)
		}
		t.Logf("logging a meeting: %d statements with 1 concern and 1 commitment, %d with 3 and 3", one, three)
	})
}
