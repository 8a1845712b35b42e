package api_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"testing"

	"dialoog/models"
)

// internalCommitmentFields are the fields of a commitment a partner must
// never see.
var internalCommitmentFields = []string{"owner_id", "concern_id", "dialogue_id", "shared", "search_text", "verdict_by", "archived_at"}

// partnerWorld is a mix of commitments around the partner: shared or not,
// their own stakeholder's or another's, archived or not.
type partnerWorld struct {
	visible []string // shared, own, live: what the partner must see
	hidden  []string // everything else
	live    []string // every commitment that is not archived
}

func newPartnerWorld(t *testing.T, e *env) partnerWorld {
	t.Helper()
	var w partnerWorld
	for _, own := range []bool{true, false} {
		for _, shared := range []bool{true, false} {
			for _, archived := range []bool{false, true} {
				for _, status := range []string{"open", "done"} {
					c := fxNewCommitment(t, e, own, shared, status, archived)
					if own && shared && !archived {
						w.visible = append(w.visible, c.ID)
					} else {
						w.hidden = append(w.hidden, c.ID)
					}
					if !archived {
						w.live = append(w.live, c.ID)
					}
				}
			}
		}
	}
	return w
}

// listIDs follows a list page by page (limit 2, so that paging is crossed)
// and returns the ids it holds, sorted.
func listIDs(c *client, path string, query url.Values) []string {
	c.t.Helper()
	query = cloneValues(query)
	query.Set("limit", "2")
	var ids []string
	for range 100 {
		r := c.get(path + "?" + query.Encode()).expect(http.StatusOK)
		for _, it := range r.items() {
			ids = append(ids, str(it, "id"))
		}
		next, _ := r.json()["next_cursor"].(string)
		if next == "" {
			sort.Strings(ids)
			return ids
		}
		query.Set("cursor", next)
	}
	c.t.Fatalf("%s does not end", path)
	return nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

func sorted(ids []string) []string {
	ids = slices.Clone(ids)
	sort.Strings(ids)
	return ids
}

// noInternalKeys fails unless the object has none of the internal fields.
func noInternalKeys(t *testing.T, what string, m map[string]any) {
	t.Helper()
	for _, k := range internalCommitmentFields {
		if _, ok := m[k]; ok {
			t.Fatalf("%s shows the partner %q: %v", what, k, m)
		}
	}
	if str(m, "id") == "" || str(m, "title") == "" || str(m, "status") == "" {
		t.Fatalf("%s lacks what a partner needs: %v", what, m)
	}
}

func TestPartnerListHoldsExactlyTheirSharedCommitments(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		w := newPartnerWorld(t, e)
		partner := e.as(models.RolePartner)
		if got, want := listIDs(partner, "/api/v1/commitments", nil), sorted(w.visible); !slices.Equal(got, want) {
			t.Fatalf("partner lists %v, want exactly %v", got, want)
		}
		// the same store, read by the organisation, holds all of them
		if got, want := listIDs(e.as(models.RoleOfficer), "/api/v1/commitments", nil), sorted(w.live); !slices.Equal(got, want) {
			t.Fatalf("officer lists %v, want %v", got, want)
		}
		for _, id := range w.visible {
			partner.get("/api/v1/commitments/" + id).expect(http.StatusOK)
		}
		for _, id := range w.hidden {
			partner.get("/api/v1/commitments/" + id).problem(http.StatusNotFound)
		}
	})
}

func TestPartnerFiltersCannotWidenScope(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		w := newPartnerWorld(t, e)
		other := fxNewCommitment(t, e, false, true, "open", false)
		partner, officer := e.as(models.RolePartner), e.as(models.RoleOfficer)
		for _, q := range []url.Values{
			{"stakeholder_id": {e.other.ID}},
			{"shared": {"false"}},
			{"archived": {"true"}},
			{"stakeholder_id": {e.other.ID}, "shared": {"true"}},
			{"stakeholder_id": {e.partner.ID}, "shared": {"false"}},
			{"archived": {"true"}, "shared": {"true"}, "stakeholder_id": {e.partner.ID}},
			{"q": {other.Title}},
			{"owner_id": {e.users[models.RoleOfficer].ID}, "shared": {"false"}},
		} {
			if len(listIDs(officer, "/api/v1/commitments", q)) == 0 {
				t.Fatalf("?%s finds nothing for the officer either, so it proves nothing", q.Encode())
			}
			if got := listIDs(partner, "/api/v1/commitments", q); len(got) != 0 {
				t.Fatalf("?%s shows the partner %v", q.Encode(), got)
			}
			r := partner.get("/api/v1/commitments?"+q.Encode(), "Accept", "text/csv").expect(http.StatusOK)
			if rows := readCSV(t, r.Body); len(rows) != 1 {
				t.Fatalf("?%s as CSV shows the partner %d rows: %s", q.Encode(), len(rows)-1, r.Body)
			}
		}
		// a filter within the scope still narrows it
		q := url.Values{"status": {"done"}}
		got := listIDs(partner, "/api/v1/commitments", q)
		if len(got) != 1 || !slices.Contains(w.visible, got[0]) {
			t.Fatalf("?status=done shows the partner %v", got)
		}
	})
}

func TestPartnerResponsesCarryNoInternalFields(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		m := officer.post("/api/v1/dialogues", map[string]any{
			"title": "Buurtavond", "held_at": "2026-03-01T19:30:00+01:00", "stakeholder_ids": []string{e.partner.ID},
			"concerns":    []any{map[string]any{"title": "Geluid", "severity": "high", "topic": "noise", "stakeholder_id": e.partner.ID}},
			"commitments": []any{map[string]any{"title": "Geluidsmeting", "due_on": "2026-04-01", "shared": true, "concern_index": 0}},
		}).expect(http.StatusCreated).json()
		cm := m["commitments"].([]any)[0].(map[string]any)
		id := str(cm, "id")
		// the organisation's view has every internal link, so there is something to leak
		secrets := []string{str(cm, "owner_id"), str(cm, "concern_id"), str(cm, "dialogue_id")}
		if slices.Contains(secrets, "") {
			t.Fatalf("the officer's commitment lacks its internal links: %v", cm)
		}
		officer.patch("/api/v1/commitments/"+id, map[string]any{"status": "done"}).expect(http.StatusOK)

		partner := e.as(models.RolePartner)
		bodies := map[string][]byte{}
		list := partner.get("/api/v1/commitments").expect(http.StatusOK)
		if items := list.items(); len(items) != 1 {
			t.Fatalf("partner lists %v", items)
		} else {
			noInternalKeys(t, "the list", items[0])
		}
		bodies["the list"] = list.Body
		item := partner.get("/api/v1/commitments/" + id).expect(http.StatusOK)
		noInternalKeys(t, "GET", item.json())
		bodies["GET"] = item.Body
		verdict := partner.post("/api/v1/commitments/"+id+"/verdict", map[string]any{"verdict": "accepted"}).expect(http.StatusOK)
		noInternalKeys(t, "the verdict's answer", verdict.json())
		if str(verdict.json(), "partner_verdict") != "accepted" {
			t.Fatalf("verdict not recorded: %s", verdict.Body)
		}
		bodies["the verdict's answer"] = verdict.Body
		csvBody := partner.get("/api/v1/commitments", "Accept", "text/csv").expect(http.StatusOK)
		bodies["the CSV"] = csvBody.Body
		for what, body := range bodies {
			for _, s := range secrets {
				if bytes.Contains(body, []byte(s)) {
					t.Fatalf("%s carries the internal id %s: %s", what, s, body)
				}
			}
		}
		// and the organisation still sees the verdict, with who gave it
		if got := str(officer.get("/api/v1/commitments/"+id).expect(http.StatusOK).json(), "partner_verdict"); got != "accepted" {
			t.Fatalf("officer sees verdict %q", got)
		}
	})
}

func TestPartnerCSVHasNoInternalColumns(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		w := newPartnerWorld(t, e)
		r := e.as(models.RolePartner).get("/api/v1/commitments", "Accept", "text/csv").expect(http.StatusOK)
		if ct := r.Header.Get("Content-Type"); !bytes.HasPrefix([]byte(ct), []byte("text/csv")) {
			t.Fatalf("Content-Type %q", ct)
		}
		rows := readCSV(t, r.Body)
		header := rows[0]
		for _, f := range internalCommitmentFields {
			if slices.Contains(header, f) {
				t.Fatalf("partner CSV has the column %q: %v", f, header)
			}
		}
		idCol := slices.Index(header, "id")
		var ids []string
		for _, row := range rows[1:] {
			ids = append(ids, row[idCol])
		}
		sort.Strings(ids)
		if want := sorted(w.visible); !slices.Equal(ids, want) {
			t.Fatalf("partner CSV rows %v, want %v", ids, want)
		}
		// the organisation's CSV does have them: the check above is not empty
		officerHeader := readCSV(t, e.as(models.RoleOfficer).get("/api/v1/commitments", "Accept", "text/csv").expect(http.StatusOK).Body)[0]
		for _, f := range []string{"owner_id", "shared"} {
			if !slices.Contains(officerHeader, f) {
				t.Fatalf("officer CSV lacks %q: %v", f, officerHeader)
			}
		}
	})
}

func TestPartnerSeesOnlySharedUpdates(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		id := fxNewCommitment(t, e, true, true, "open", false).ID
		officer := e.as(models.RoleOfficer)
		officer.post("/api/v1/commitments/"+id+"/updates", map[string]any{"text": "Meetbureau gebeld", "shared": true}).expect(http.StatusCreated)
		officer.post("/api/v1/commitments/"+id+"/updates", map[string]any{"text": "Budget nog niet rond", "shared": false}).expect(http.StatusCreated)

		texts := func(c *client) []string {
			var out []string
			for _, u := range c.get("/api/v1/commitments/" + id + "/updates").expect(http.StatusOK).items() {
				out = append(out, str(u, "text"))
			}
			sort.Strings(out)
			return out
		}
		if got := texts(e.as(models.RolePartner)); !slices.Equal(got, []string{"Meetbureau gebeld"}) {
			t.Fatalf("partner sees updates %v", got)
		}
		if got := texts(officer); !slices.Equal(got, []string{"Budget nog niet rond", "Meetbureau gebeld"}) {
			t.Fatalf("officer sees updates %v", got)
		}
		r := e.as(models.RolePartner).get("/api/v1/commitments/"+id+"/updates", "Accept", "text/csv").expect(http.StatusOK)
		if bytes.Contains(r.Body, []byte("Budget")) || !bytes.Contains(r.Body, []byte("Meetbureau")) {
			t.Fatalf("partner CSV of updates: %s", r.Body)
		}
	})
}

func TestPartnerReplyIsAlwaysShared(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		id := fxNewCommitment(t, e, true, true, "in_progress", false).ID
		partner := e.as(models.RolePartner)
		reply := partner.post("/api/v1/commitments/"+id+"/updates", map[string]any{"text": "Wanneer komt de meting?", "shared": false}).
			expect(http.StatusCreated).json()
		if _, leaked := reply["author_id"]; leaked {
			t.Fatalf("the partner's answer carries an internal id: %v", reply)
		}
		if n := e.countRows(t, "commitment_updates", "id = ? AND shared = ?", str(reply, "id"), true); n != 1 {
			t.Fatalf("reply stored as not shared")
		}
		var seen map[string]any
		for _, u := range e.as(models.RoleOfficer).get("/api/v1/commitments/" + id + "/updates").expect(http.StatusOK).items() {
			if u["id"] == reply["id"] {
				seen = u
			}
		}
		if seen == nil || seen["shared"] != true || seen["from_partner"] != true {
			t.Fatalf("officer sees the reply as %v", seen)
		}
		if got := partner.get("/api/v1/commitments/" + id + "/updates").expect(http.StatusOK).items(); len(got) != 1 || got[0]["id"] != reply["id"] {
			t.Fatalf("partner does not see their own reply: %v", got)
		}
	})
}

// TestPartnerHiddenLooksLikeMissing: a commitment outside the partner's scope
// answers exactly as one that does not exist, whatever the partner does.
func TestPartnerHiddenLooksLikeMissing(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		partner := e.as(models.RolePartner)
		missing := "0b8e3f8e-8d3b-4a55-9a55-6f1f0c6a0001"
		for _, h := range []models.Commitment{
			fxNewCommitment(t, e, false, true, "done", false),
			fxNewCommitment(t, e, true, false, "done", false),
			fxNewCommitment(t, e, true, true, "done", true),
		} {
			for _, a := range []struct {
				method, suffix string
				body           any
			}{
				{"GET", "", nil},
				{"PATCH", "", map[string]any{"status": "open"}},
				{"DELETE", "", nil},
				{"GET", "/updates", nil},
				{"POST", "/updates", map[string]any{"text": "Hallo"}},
				{"POST", "/verdict", map[string]any{"verdict": "accepted"}},
			} {
				got := partner.do(a.method, "/api/v1/commitments/"+h.ID+a.suffix, a.body).problem(http.StatusNotFound)
				want := partner.do(a.method, "/api/v1/commitments/"+missing+a.suffix, a.body).problem(http.StatusNotFound)
				for _, k := range []string{"type", "title", "detail"} {
					if got[k] != want[k] {
						t.Fatalf("%s %s: %s %q differs from a missing one's %q", a.method, a.suffix, k, got[k], want[k])
					}
				}
			}
		}
	})
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("not CSV with a header: %v: %s", err, body)
	}
	return rows
}
