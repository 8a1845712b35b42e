package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"dialoog/models"
)

// versioned is one resource whose items carry a version.
type versioned struct {
	name   string
	create func(t *testing.T, e *env, c *client) string // returns the item's path
	field  string                                       // a text field a PATCH may change
}

func versionedResources() []versioned {
	return []versioned{
		{"stakeholders", func(t *testing.T, e *env, c *client) string {
			return "/api/v1/stakeholders/" + createdID(t, c.post("/api/v1/stakeholders", map[string]any{"name": "Versie"}))
		}, "description"},
		{"commitments", func(t *testing.T, e *env, c *client) string {
			return "/api/v1/commitments/" + createdID(t, c.post("/api/v1/commitments", map[string]any{"title": "Versie",
				"stakeholder_id": e.partner.ID, "due_on": "2026-05-01"}))
		}, "description"},
		{"concerns", func(t *testing.T, e *env, c *client) string {
			return "/api/v1/concerns/" + createdID(t, c.post("/api/v1/concerns", map[string]any{"title": "Versie",
				"stakeholder_id": e.partner.ID}))
		}, "description"},
		{"dialogues", func(t *testing.T, e *env, c *client) string {
			return "/api/v1/dialogues/" + createdID(t, c.post("/api/v1/dialogues", map[string]any{"title": "Versie",
				"held_at": "2026-01-01T10:00:00Z", "stakeholder_ids": []string{e.partner.ID}}))
		}, "summary"},
		{"contacts", func(t *testing.T, e *env, c *client) string {
			return "/api/v1/contacts/" + createdID(t, c.post("/api/v1/stakeholders/"+e.partner.ID+"/contacts", map[string]any{"name": "Versie"}))
		}, "notes"},
	}
}

// versionOf checks that a response's ETag is its body's version, and returns it.
func versionOf(t *testing.T, r *response) int {
	t.Helper()
	v, ok := r.json()["version"].(float64)
	if !ok {
		t.Fatalf("no version in %s", r.Body)
	}
	if want := `"` + strconv.Itoa(int(v)) + `"`; r.Header.Get("ETag") != want {
		t.Fatalf("ETag %q, version %v", r.Header.Get("ETag"), v)
	}
	return int(v)
}

func TestVersionsAndETags(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		for _, res := range versionedResources() {
			t.Run(res.name, func(t *testing.T) {
				o.t = t
				defer func() { o.t = e.t }()
				path := res.create(t, e, o)
				r := o.get(path).expect(http.StatusOK)
				if v := versionOf(t, r); v != 1 {
					t.Fatalf("a new record has version %d", v)
				}

				// the current version as If-Match: the change is made, the version moves on
				r = o.patch(path, map[string]any{res.field: "eerste"}, "If-Match", `"1"`).expect(http.StatusOK)
				if v := versionOf(t, r); v != 2 {
					t.Fatalf("version after PATCH is %d, want 2", v)
				}

				// a stale If-Match: 412, and nothing changes
				before := storeState(t, e)
				for _, stale := range []string{`"1"`, `"3"`, `"0"`, `W/"1"`, `"abc"`, `1`} {
					o.patch(path, map[string]any{res.field: "verloren"}, "If-Match", stale).problem(http.StatusPreconditionFailed)
				}
				sameState(t, before, storeState(t, e))
				r = o.get(path).expect(http.StatusOK)
				if v := versionOf(t, r); v != 2 || str(r.json(), res.field) != "eerste" {
					t.Fatalf("after stale PATCHes: version %d, %s %q", v, res.field, str(r.json(), res.field))
				}

				// no If-Match, or "*": the change is made
				r = o.patch(path, map[string]any{res.field: "tweede"}).expect(http.StatusOK)
				if v := versionOf(t, r); v != 3 || str(r.json(), res.field) != "tweede" {
					t.Fatalf("PATCH without If-Match: version %d", v)
				}
				r = o.patch(path, map[string]any{res.field: "derde"}, "If-Match", "*").expect(http.StatusOK)
				if v := versionOf(t, r); v != 4 {
					t.Fatalf("PATCH with If-Match *: version %d", v)
				}
				// the ETag of a GET is what a client sends back
				etag := o.get(path).expect(http.StatusOK).Header.Get("ETag")
				r = o.patch(path, map[string]any{res.field: "vierde"}, "If-Match", etag).expect(http.StatusOK)
				if v := versionOf(t, r); v != 5 {
					t.Fatalf("PATCH with the GET's ETag: version %d", v)
				}
				// a refused PATCH does not move the version either
				o.patch(path, map[string]any{"no_such_field": 1}, "If-Match", `"5"`).expect(http.StatusUnprocessableEntity)
				if v := versionOf(t, o.get(path).expect(http.StatusOK)); v != 5 {
					t.Fatalf("version after a refused PATCH: %d", v)
				}
				// archiving is a change too
				o.del(path).expect(http.StatusNoContent)
				if v := versionOf(t, o.get(path).expect(http.StatusOK)); v != 6 {
					t.Fatalf("version after DELETE: %d", v)
				}
			})
		}

		// the version also shows in lists, and on create
		r := o.post("/api/v1/stakeholders", map[string]any{"name": "Nieuw"}).expect(http.StatusCreated)
		if v := versionOf(t, r); v != 1 {
			t.Fatalf("created with version %d", v)
		}
		r = o.post("/api/v1/dialogues", map[string]any{"title": "Nieuw", "held_at": "2026-01-01T10:00:00Z",
			"stakeholder_ids": []string{e.partner.ID}}).expect(http.StatusCreated)
		versionOf(t, r)
		for _, it := range pageOf(t, o.get("/api/v1/stakeholders")).Items {
			if _, ok := it["version"].(float64); !ok {
				t.Fatalf("list item without version: %v", it)
			}
		}
	})
}

// TestDirectorPatchHonoursIfMatch: the director's narrow PATCH of a
// commitment follows the same rule.
func TestDirectorPatchHonoursIfMatch(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o, d := e.as(models.RoleOfficer), e.as(models.RoleDirector)
		path := "/api/v1/commitments/" + createdID(t, o.post("/api/v1/commitments", map[string]any{"title": "Plan",
			"stakeholder_id": e.partner.ID, "due_on": "2026-05-01"}))
		d.patch(path, map[string]any{"due_on": "2026-06-01"}, "If-Match", `"1"`).expect(http.StatusOK)
		d.patch(path, map[string]any{"due_on": "2026-07-01"}, "If-Match", `"1"`).problem(http.StatusPreconditionFailed)
		r := d.get(path).expect(http.StatusOK)
		if versionOf(t, r) != 2 || str(r.json(), "due_on") != "2026-06-01" {
			t.Fatalf("after a stale director PATCH: %s", r.Body)
		}
	})
}

// send is client.do for other goroutines: it reports errors instead of
// failing the test.
func send(c *client, method, path string, body any, hdr ...string) (int, []byte, error) {
	buf, err := json.Marshal(body)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(buf))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.csrf != "" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return res.StatusCode, data, err
}

func TestConcurrentPatchesSameIfMatch(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		clients := []*client{e.as(models.RoleOfficer), e.as(models.RoleAdmin)}
		for _, res := range versionedResources()[:3] { // stakeholders, commitments, concerns
			t.Run(res.name, func(t *testing.T) {
				clients[0].t = t
				defer func() { clients[0].t = e.t }()
				path := res.create(t, e, clients[0])
				for round := range 6 {
					v := versionOf(t, clients[0].get(path).expect(http.StatusOK))
					statuses := make([]int, 2)
					values := []string{fmt.Sprintf("A%d", round), fmt.Sprintf("B%d", round)}
					errs := make([]error, 2)
					var start, done sync.WaitGroup
					start.Add(1)
					for i := range 2 {
						done.Add(1)
						go func() {
							defer done.Done()
							start.Wait()
							statuses[i], _, errs[i] = send(clients[i], "PATCH", path, map[string]any{res.field: values[i]},
								"If-Match", `"`+strconv.Itoa(v)+`"`)
						}()
					}
					start.Done()
					done.Wait()
					for _, err := range errs {
						if err != nil {
							t.Fatal(err)
						}
					}
					won := -1
					switch {
					case statuses[0] == 200 && statuses[1] == 412:
						won = 0
					case statuses[0] == 412 && statuses[1] == 200:
						won = 1
					default:
						t.Fatalf("round %d: statuses %v, want one 200 and one 412", round, statuses)
					}
					r := clients[0].get(path).expect(http.StatusOK)
					if got := versionOf(t, r); got != v+1 {
						t.Fatalf("round %d: version %d, want %d", round, got, v+1)
					}
					if got := str(r.json(), res.field); got != values[won] {
						t.Fatalf("round %d: %s is %q, want the winner's %q", round, res.field, got, values[won])
					}
				}
			})
		}
	})
}

// TestConcurrentPatchesLoseNothing: PATCHes of different fields without
// If-Match may be refused as stale, but none that was answered 200 may be
// lost to another's write of an old copy.
func TestConcurrentPatchesLoseNothing(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		path := "/api/v1/stakeholders/" + createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": "Druk"}))
		fields := []string{"description", "phone", "address", "website"}
		for round := range 5 {
			statuses := make([]int, len(fields))
			errs := make([]error, len(fields))
			var wg sync.WaitGroup
			for i, f := range fields {
				wg.Add(1)
				go func() {
					defer wg.Done()
					statuses[i], _, errs[i] = send(o, "PATCH", path, map[string]any{f: fmt.Sprintf("%s-%d", f, round)})
				}()
			}
			wg.Wait()
			got := o.get(path).expect(http.StatusOK).json()
			for i, f := range fields {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				switch statuses[i] {
				case 200:
					if want := fmt.Sprintf("%s-%d", f, round); got[f] != want {
						t.Fatalf("round %d: %s answered 200 but is %q, want %q", round, f, got[f], want)
					}
				case 412:
				default:
					t.Fatalf("round %d: %s answered %d", round, f, statuses[i])
				}
			}
		}
	})
}
