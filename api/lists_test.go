package api_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"dialoog/models"
)

// pageBody is a list answer with next_cursor told apart from a missing one.
type pageBody struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

func pageOf(t *testing.T, r *response) pageBody {
	t.Helper()
	r.expect(http.StatusOK)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(r.Body, &raw); err != nil {
		t.Fatalf("not a list: %s", r.Body)
	}
	if _, ok := raw["next_cursor"]; !ok {
		t.Fatalf("list has no next_cursor: %s", r.Body)
	}
	if string(raw["items"]) == "null" {
		t.Fatalf("items is null, want []: %s", r.Body)
	}
	var l pageBody
	if err := json.Unmarshal(r.Body, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// listedIDs returns the ids of every item of a list at path (one page of up to 200).
func listedIDs(t *testing.T, c *client, path string) []string {
	t.Helper()
	l := pageOf(t, c.get(path))
	if l.NextCursor != nil {
		t.Fatalf("%s has more than one page", path)
	}
	out := make([]string, len(l.Items))
	for i, it := range l.Items {
		out[i] = str(it, "id")
	}
	return out
}

// sameIDs fails unless got holds exactly want, in any order.
func sameIDs(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	g, w := slices.Clone(got), slices.Clone(want)
	sort.Strings(g)
	sort.Strings(w)
	if !slices.Equal(g, w) {
		t.Fatalf("%s: got %v, want %v", what, g, w)
	}
}

// inserted is a record made while paging, with its sort key.
type inserted struct{ id, key string }

// keysetWalk pages through path with limit 7 and after each page lets insert
// add records. It checks that no record shows twice, that every record of
// originals shows exactly once, that a record inserted after the cursor
// shows exactly once and one inserted before it never, that the tracked
// records come in sort order (key, then id), and that only the last page has
// a null next_cursor.
func keysetWalk(t *testing.T, c *client, path string, desc bool, key func(map[string]any) string,
	originals []string, insert func(page int, last map[string]any) []inserted) {
	t.Helper()
	const limit = 7
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	after := func(a, b inserted) bool { // a sorts after b
		if a.key != b.key {
			return (a.key > b.key) != desc
		}
		return (a.id > b.id) != desc
	}
	seen := map[string]int{}
	keyOf := map[string]string{}
	tracked := map[string]bool{}
	for _, id := range originals {
		tracked[id] = true
	}
	wantOnce, wantNever := map[string]bool{}, map[string]bool{}
	var order []inserted
	cursor := ""
	for page := 1; ; page++ {
		if page > 50 {
			t.Fatal("paging does not end")
		}
		p := path + sep + "limit=7"
		if cursor != "" {
			p += "&cursor=" + url.QueryEscape(cursor)
		}
		l := pageOf(t, c.get(p))
		for _, it := range l.Items {
			id := str(it, "id")
			seen[id]++
			keyOf[id] = key(it)
			if tracked[id] {
				order = append(order, inserted{id, key(it)})
			}
		}
		if l.NextCursor == nil {
			if len(l.Items) > limit {
				t.Fatalf("last page has %d items", len(l.Items))
			}
			break
		}
		if len(l.Items) != limit {
			t.Fatalf("page %d has %d items and a next cursor", page, len(l.Items))
		}
		last := l.Items[len(l.Items)-1]
		at := inserted{str(last, "id"), key(last)}
		for _, n := range insert(page, last) {
			tracked[n.id] = true
			if after(n, at) {
				wantOnce[n.id] = true
			} else {
				wantNever[n.id] = true
			}
		}
		cursor = *l.NextCursor
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%s shows %d times", id, n)
		}
	}
	for _, id := range originals {
		if seen[id] != 1 {
			t.Errorf("original %s shows %d times, want once", id, seen[id])
		}
	}
	for id := range wantOnce {
		if seen[id] != 1 {
			t.Errorf("%s, inserted after the cursor, shows %d times, want once", id, seen[id])
		}
	}
	for id := range wantNever {
		if seen[id] != 0 {
			t.Errorf("%s, inserted before the cursor, shows %d times, want never", id, seen[id])
		}
	}
	for i := 1; i < len(order); i++ {
		if !after(order[i], order[i-1]) {
			t.Errorf("out of order: %v before %v", order[i-1], order[i])
		}
	}
}

func createdID(t *testing.T, r *response) string {
	t.Helper()
	return str(r.expect(http.StatusCreated).json(), "id")
}

func TestKeysetStakeholders(t *testing.T) {
	for _, sortParam := range []string{"sort=name", ""} {
		t.Run("sort="+strings.TrimPrefix(sortParam, "sort="), func(t *testing.T) {
			each(t, func(t *testing.T, e *env) {
				o := e.as(models.RoleOfficer)
				add := func(name string) string {
					return createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": name}))
				}
				var originals []string
				for i := range 20 {
					originals = append(originals, add(fmt.Sprintf("sh%02d", i)))
				}
				for range 5 { // the same name: only the id tells them apart
					originals = append(originals, add("shdup"))
				}
				path := "/api/v1/stakeholders"
				if sortParam != "" {
					path += "?" + sortParam
				}
				keysetWalk(t, o, path, false, func(m map[string]any) string { return str(m, "name") }, originals,
					func(page int, last map[string]any) []inserted {
						same := str(last, "name")
						return []inserted{
							{add(fmt.Sprintf("aa%02d", page)), fmt.Sprintf("aa%02d", page)}, // before the cursor
							{add(fmt.Sprintf("zz%02d", page)), fmt.Sprintf("zz%02d", page)}, // after it
							{add(same), same}, // the cursor's own name, a later id
						}
					})
			})
		})
	}
}

func TestKeysetCommitments(t *testing.T) {
	for _, tc := range []struct {
		sort string
		desc bool
	}{{"due_on", false}, {"-due_on", true}, {"", false}} {
		t.Run("sort="+tc.sort, func(t *testing.T) {
			each(t, func(t *testing.T, e *env) {
				o := e.as(models.RoleOfficer)
				add := func(due string) inserted {
					id := createdID(t, o.post("/api/v1/commitments", map[string]any{"title": "Toezegging " + due,
						"stakeholder_id": e.partner.ID, "due_on": due}))
					return inserted{id, due}
				}
				var originals []string
				for i := range 25 { // 10, 10 and 5 sharing a date
					originals = append(originals, add([]string{"2026-05-01", "2026-05-02", "2026-05-03"}[min(i/10, 2)]).id)
				}
				path := "/api/v1/commitments"
				if tc.sort != "" {
					path += "?sort=" + tc.sort
				}
				keysetWalk(t, o, path, tc.desc, func(m map[string]any) string { return str(m, "due_on") }, originals,
					func(page int, last map[string]any) []inserted {
						return []inserted{add("2026-04-01"), add("2026-06-01"), add(str(last, "due_on"))}
					})
			})
		})
	}
}

func TestKeysetDialogues(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		base := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
		add := func(at time.Time) inserted {
			id := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Overleg",
				"held_at": at.In(time.FixedZone("CET", 3600)).Format(time.RFC3339Nano), "stakeholder_ids": []string{e.partner.ID}}))
			return inserted{id, timeKey(at)}
		}
		var originals []string
		for i := range 25 { // five at a time share their hour
			originals = append(originals, add(base.Add(time.Duration(i/5)*time.Hour)).id)
		}
		keysetWalk(t, o, "/api/v1/dialogues", true, func(m map[string]any) string {
			at, err := time.Parse(time.RFC3339Nano, str(m, "held_at"))
			if err != nil {
				t.Fatal(err)
			}
			return timeKey(at)
		}, originals, func(page int, last map[string]any) []inserted {
			at, _ := time.Parse(time.RFC3339Nano, str(last, "held_at"))
			return []inserted{
				add(base.Add(-time.Duration(page) * time.Hour)),                            // earlier: after the cursor
				add(base.Add(time.Duration(100+page)*time.Hour + 123456*time.Microsecond)), // later: before it
				add(at), // the cursor's own time, a later id: before it when newest first
			}
		})
	})
}

// timeKey writes a time so that text order is time order.
func timeKey(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }

func TestLastPageEndsExactly(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		for i := range 14 {
			createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": fmt.Sprintf("Exact %02d", i)}))
		}
		l := pageOf(t, o.get("/api/v1/stakeholders?q=exact&limit=7"))
		if len(l.Items) != 7 || l.NextCursor == nil {
			t.Fatalf("first page: %d items, cursor %v", len(l.Items), l.NextCursor)
		}
		l = pageOf(t, o.get("/api/v1/stakeholders?q=exact&limit=7&cursor="+url.QueryEscape(*l.NextCursor)))
		if len(l.Items) != 7 || l.NextCursor != nil {
			t.Fatalf("second page: %d items, cursor %v; want 7 and null", len(l.Items), l.NextCursor)
		}
		// a cursor made for one sort is refused by another
		first := pageOf(t, o.get("/api/v1/stakeholders?q=exact&limit=3&sort=name"))
		o.get("/api/v1/stakeholders?q=exact&limit=3&sort=-name&cursor="+url.QueryEscape(*first.NextCursor)).
			problem(http.StatusUnprocessableEntity, "cursor")
		// the default limit is 50, at most 200
		for i := range 40 {
			createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": fmt.Sprintf("Exact more %02d", i)}))
		}
		if l := pageOf(t, o.get("/api/v1/stakeholders?q=exact")); len(l.Items) != 50 || l.NextCursor == nil {
			t.Fatalf("default page: %d items, cursor %v; want 50 and more", len(l.Items), l.NextCursor)
		}
		if l := pageOf(t, o.get("/api/v1/stakeholders?q=exact&limit=200")); len(l.Items) != 54 || l.NextCursor != nil {
			t.Fatalf("limit 200: %d items, cursor %v; want all 54", len(l.Items), l.NextCursor)
		}
	})
}

func TestCommitmentFilters(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		today := time.Now().UTC()
		day := func(d int) string { return today.AddDate(0, 0, d).Format("2006-01-02") }
		admin := e.users[models.RoleAdmin].ID
		add := func(title, stakeholder, due, status string, owner string) string {
			body := map[string]any{"title": title, "stakeholder_id": stakeholder, "due_on": due, "status": status}
			if owner != "" {
				body["owner_id"] = owner
			}
			return createdID(t, o.post("/api/v1/commitments", body))
		}
		openPast := add("Open, te laat", e.partner.ID, day(-10), "open", admin)
		busyPast := add("Bezig, te laat", e.partner.ID, day(-1), "in_progress", "")
		donePast := add("Klaar, na de datum", e.partner.ID, day(-10), "done", "")
		cancelledPast := add("Vervallen, na de datum", e.other.ID, day(-5), "cancelled", "")
		openToday := add("Vandaag", e.other.ID, day(0), "open", "")
		openFuture := add("Later", e.other.ID, day(10), "open", admin)
		all := []string{openPast, busyPast, donePast, cancelledPast, openToday, openFuture}

		sameIDs(t, "overdue=true", listedIDs(t, o, "/api/v1/commitments?overdue=true"), openPast, busyPast)
		sameIDs(t, "overdue=false", listedIDs(t, o, "/api/v1/commitments?overdue=false"), donePast, cancelledPast, openToday, openFuture)
		for _, it := range pageOf(t, o.get("/api/v1/commitments")).Items {
			want := str(it, "id") == openPast || str(it, "id") == busyPast
			if it["overdue"] != want {
				t.Errorf("%s overdue=%v, want %v", it["title"], it["overdue"], want)
			}
		}
		sameIDs(t, "status=open", listedIDs(t, o, "/api/v1/commitments?status=open"), openPast, openToday, openFuture)
		sameIDs(t, "status=done", listedIDs(t, o, "/api/v1/commitments?status=done"), donePast)
		sameIDs(t, "status=cancelled", listedIDs(t, o, "/api/v1/commitments?status=cancelled"), cancelledPast)
		sameIDs(t, "owner_id", listedIDs(t, o, "/api/v1/commitments?owner_id="+admin), openPast, openFuture)
		sameIDs(t, "owner_id officer", listedIDs(t, o, "/api/v1/commitments?owner_id="+e.users[models.RoleOfficer].ID),
			busyPast, donePast, cancelledPast, openToday)
		sameIDs(t, "owner_id nobody", listedIDs(t, o, "/api/v1/commitments?owner_id="+unknownID))
		sameIDs(t, "stakeholder_id", listedIDs(t, o, "/api/v1/commitments?stakeholder_id="+e.partner.ID), openPast, busyPast, donePast)
		sameIDs(t, "due_before today", listedIDs(t, o, "/api/v1/commitments?due_before="+day(0)), openPast, busyPast, donePast, cancelledPast)
		sameIDs(t, "due_before tomorrow", listedIDs(t, o, "/api/v1/commitments?due_before="+day(1)), openPast, busyPast, donePast, cancelledPast, openToday)
		sameIDs(t, "due_after today", listedIDs(t, o, "/api/v1/commitments?due_after="+day(0)), openFuture)
		sameIDs(t, "overdue and owner", listedIDs(t, o, "/api/v1/commitments?overdue=true&owner_id="+admin), openPast)
		sameIDs(t, "status and stakeholder", listedIDs(t, o, "/api/v1/commitments?status=open&stakeholder_id="+e.other.ID), openToday, openFuture)
		sameIDs(t, "no filter", listedIDs(t, o, "/api/v1/commitments"), all...)

		// the order asked for is kept: soonest due first, or latest
		got := pageOf(t, o.get("/api/v1/commitments?sort=-due_on")).Items
		for i := 1; i < len(got); i++ {
			if str(got[i-1], "due_on") < str(got[i], "due_on") {
				t.Fatalf("sort=-due_on: %s before %s", got[i-1]["due_on"], got[i]["due_on"])
			}
		}
	})
}

func TestTextSearch(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		st := func(name, descr string) string {
			return createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": name, "description": descr}))
		}
		cafe := st("Café De Hoek", "")
		upper := st("Buurthuis", "het cafe op de hoek")
		percent := st("Groen Fonds", "100% duurzaam")
		under := st("snake_case BV", "")
		plain := st("Cafferata", "geen procent, geen liggend streepje")
		sh := "/api/v1/stakeholders?q="
		sameIDs(t, "cafe", listedIDs(t, o, sh+"cafe"), cafe, upper)
		sameIDs(t, "CAFÉ", listedIDs(t, o, sh+url.QueryEscape("CAFÉ")), cafe, upper)
		sameIDs(t, "Café in NFD", listedIDs(t, o, sh+url.QueryEscape("Cafe\u0301")), cafe, upper)
		sameIDs(t, "%", listedIDs(t, o, sh+"%25"), percent)
		sameIDs(t, "0%", listedIDs(t, o, sh+"0%25"), percent)
		sameIDs(t, "_", listedIDs(t, o, sh+"_"), under)
		sameIDs(t, "e_c", listedIDs(t, o, sh+"e_c"), under)
		sameIDs(t, "caf_ is not a wildcard", listedIDs(t, o, sh+"caf_"))
		sameIDs(t, "c%e is not a wildcard", listedIDs(t, o, sh+"c%25e"))
		sameIDs(t, "backslash", listedIDs(t, o, sh+"%5C"))
		sameIDs(t, "quote", listedIDs(t, o, sh+"%27"))
		sameIDs(t, "hoek", listedIDs(t, o, sh+"HOEK"), cafe, upper)
		_ = plain

		// the same search on the other lists
		cm := func(title string) string {
			return createdID(t, o.post("/api/v1/commitments", map[string]any{"title": title, "stakeholder_id": e.partner.ID, "due_on": "2026-05-01"}))
		}
		c1, c2, c3 := cm("Terras van het Café"), cm("CAFE-vergunning"), cm("50% minder lawaai")
		cm("Iets anders")
		sameIDs(t, "commitments cafe", listedIDs(t, o, "/api/v1/commitments?q=caf%C3%A9"), c1, c2)
		sameIDs(t, "commitments %", listedIDs(t, o, "/api/v1/commitments?q=%25"), c3)

		cn := func(title string) string {
			return createdID(t, o.post("/api/v1/concerns", map[string]any{"title": title, "stakeholder_id": e.partner.ID}))
		}
		n1 := cn("Overlast bij het café")
		cn("Stof")
		sameIDs(t, "concerns CAFE", listedIDs(t, o, "/api/v1/concerns?q=CAFE"), n1)

		d1 := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Gesprek in Café Zuid", "held_at": "2026-01-01T10:00:00Z", "stakeholder_ids": []string{e.partner.ID}}))
		createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Gesprek_elders", "held_at": "2026-01-01T10:00:00Z", "stakeholder_ids": []string{e.partner.ID}}))
		sameIDs(t, "dialogues cafe", listedIDs(t, o, "/api/v1/dialogues?q=cafe"), d1)
	})
}

func TestRegisterFilters(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		officer := e.users[models.RoleOfficer].ID
		water := createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": "Waterschap", "tags": []string{"Water", "Air quality"}, "owner_id": officer}))
		ways := createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": "Vaarwegen", "tags": []string{"waterways", "Énergie"}}))
		rd := createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": "Lab", "tags": []string{"R&D", `say "hi"`}}))
		sh := "/api/v1/stakeholders?tag="
		sameIDs(t, "tag=water", listedIDs(t, o, sh+"water"), water)
		sameIDs(t, "tag=WATER", listedIDs(t, o, sh+"WATER"), water)
		sameIDs(t, "tag=air quality", listedIDs(t, o, sh+url.QueryEscape("air quality")), water)
		sameIDs(t, "tag=waterways", listedIDs(t, o, sh+"waterways"), ways)
		sameIDs(t, "tag=R&D", listedIDs(t, o, sh+url.QueryEscape("R&D")), rd)
		sameIDs(t, "tag with quotes", listedIDs(t, o, sh+url.QueryEscape(`say "hi"`)), rd)
		sameIDs(t, "tag=Énergie", listedIDs(t, o, sh+url.QueryEscape("Énergie")), ways)
		sameIDs(t, "tag=énergie", listedIDs(t, o, sh+url.QueryEscape("énergie")), ways)
		sameIDs(t, "tag=ÉNERGIE", listedIDs(t, o, sh+url.QueryEscape("ÉNERGIE")), ways)
		sameIDs(t, "tag=wat", listedIDs(t, o, sh+"wat"))
		sameIDs(t, "tag=%", listedIDs(t, o, sh+"%25"))
		sameIDs(t, "owner_id", listedIDs(t, o, "/api/v1/stakeholders?owner_id="+officer), water)

		// dialogues: stakeholder present and topic
		d1 := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Buurtavond", "held_at": "2026-01-05T19:00:00Z",
			"stakeholder_ids": []string{water, ways}, "topics": []string{"Noise", "traffic"}}))
		d2 := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Schouw", "held_at": "2026-01-06T10:00:00Z",
			"stakeholder_ids": []string{rd}, "topics": []string{"noise reduction", "émissions"}}))
		sameIDs(t, "dialogues stakeholder_id", listedIDs(t, o, "/api/v1/dialogues?stakeholder_id="+ways), d1)
		sameIDs(t, "dialogues stakeholder_id rd", listedIDs(t, o, "/api/v1/dialogues?stakeholder_id="+rd), d2)
		sameIDs(t, "dialogues topic", listedIDs(t, o, "/api/v1/dialogues?topic=noise"), d1)
		sameIDs(t, "dialogues topic any case", listedIDs(t, o, "/api/v1/dialogues?topic=TRAFFIC"), d1)
		sameIDs(t, "dialogues topic not ASCII", listedIDs(t, o, "/api/v1/dialogues?topic="+url.QueryEscape("ÉMISSIONS")), d2)
		sameIDs(t, "dialogues from", listedIDs(t, o, "/api/v1/dialogues?from=2026-01-06"), d2)
		sameIDs(t, "dialogues to", listedIDs(t, o, "/api/v1/dialogues?to=2026-01-06"), d1)

		// concerns: stakeholder, topic, status, severity
		cn := func(body map[string]any) string { return createdID(t, o.post("/api/v1/concerns", body)) }
		n1 := cn(map[string]any{"title": "Lawaai", "stakeholder_id": water, "topic": "Noise", "severity": "high"})
		n2 := cn(map[string]any{"title": "Stof", "stakeholder_id": ways, "topic": "dust", "status": "acknowledged"})
		n3 := cn(map[string]any{"title": "Verkeer", "stakeholder_id": water, "topic": "traffic", "dialogue_id": d1})
		sameIDs(t, "concerns stakeholder_id", listedIDs(t, o, "/api/v1/concerns?stakeholder_id="+water), n1, n3)
		sameIDs(t, "concerns topic", listedIDs(t, o, "/api/v1/concerns?topic=noise"), n1)
		n4 := cn(map[string]any{"title": "Geur", "stakeholder_id": ways, "topic": "Émissions"})
		sameIDs(t, "concerns topic not ASCII", listedIDs(t, o, "/api/v1/concerns?topic="+url.QueryEscape("émissions")), n4)
		sameIDs(t, "concerns status", listedIDs(t, o, "/api/v1/concerns?status=acknowledged"), n2)
		sameIDs(t, "concerns status open", listedIDs(t, o, "/api/v1/concerns?status=open"), n1, n3, n4)
		sameIDs(t, "concerns severity", listedIDs(t, o, "/api/v1/concerns?severity=high"), n1)
		sameIDs(t, "concerns dialogue_id", listedIDs(t, o, "/api/v1/concerns?dialogue_id="+d1), n3)
	})
}

func TestArchivedLeaveLists(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		st := createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": "Archief"}))
		ct := createdID(t, o.post("/api/v1/stakeholders/"+st+"/contacts", map[string]any{"name": "Piet"}))
		ct2 := createdID(t, o.post("/api/v1/stakeholders/"+st+"/contacts", map[string]any{"name": "Klaas"}))
		dl := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Oud", "held_at": "2025-01-01T10:00:00Z", "stakeholder_ids": []string{st}}))
		dl2 := createdID(t, o.post("/api/v1/dialogues", map[string]any{"title": "Nieuw", "held_at": "2025-02-01T10:00:00Z", "stakeholder_ids": []string{st}}))
		cn := createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Oud", "stakeholder_id": st}))
		cn2 := createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Nieuw", "stakeholder_id": st}))
		cm := createdID(t, o.post("/api/v1/commitments", map[string]any{"title": "Oud", "stakeholder_id": st, "due_on": "2025-03-01"}))
		cm2 := createdID(t, o.post("/api/v1/commitments", map[string]any{"title": "Nieuw", "stakeholder_id": st, "due_on": "2025-03-01"}))

		for _, tc := range []struct{ item, list, archived, live string }{
			{"/api/v1/contacts/" + ct, "/api/v1/stakeholders/" + st + "/contacts", ct, ct2},
			{"/api/v1/dialogues/" + dl, "/api/v1/dialogues?stakeholder_id=" + st, dl, dl2},
			{"/api/v1/concerns/" + cn, "/api/v1/concerns?stakeholder_id=" + st, cn, cn2},
			{"/api/v1/commitments/" + cm, "/api/v1/commitments?stakeholder_id=" + st, cm, cm2},
		} {
			o.del(tc.item).expect(http.StatusNoContent)
			o.del(tc.item).expect(http.StatusNoContent) // archiving twice is no error
			sameIDs(t, tc.list, listedIDs(t, o, tc.list), tc.live)
			sep := "?"
			if strings.Contains(tc.list, "?") {
				sep = "&"
			}
			sameIDs(t, tc.list+" archived", listedIDs(t, o, tc.list+sep+"archived=true"), tc.archived)
			if got := o.get(tc.item).expect(http.StatusOK).json(); got["archived_at"] == nil {
				t.Fatalf("%s: archived_at is null after DELETE", tc.item)
			}
		}
		// the stakeholder last, since its contacts need it live
		o.del("/api/v1/stakeholders/" + st).expect(http.StatusNoContent)
		if slices.Contains(listedIDs(t, o, "/api/v1/stakeholders?q=archief"), st) {
			t.Fatal("an archived stakeholder is still listed")
		}
		sameIDs(t, "archived stakeholders", listedIDs(t, o, "/api/v1/stakeholders?archived=true"), st)
		if got := o.get("/api/v1/stakeholders/" + st).expect(http.StatusOK).json(); got["archived_at"] == nil || got["name"] != "Archief" {
			t.Fatalf("archived stakeholder reads as %v", got)
		}
		// the history stays: its dialogues, concerns and commitments still answer
		o.get("/api/v1/commitments/" + cm2).expect(http.StatusOK)
		// a PATCH with archived false restores it
		o.patch("/api/v1/stakeholders/"+st, map[string]any{"archived": false}).expect(http.StatusOK)
		sameIDs(t, "restored", listedIDs(t, o, "/api/v1/stakeholders?q=archief"), st)
	})
}

// csvOf reads a CSV answer into its header and rows.
func csvOf(t *testing.T, r *response) ([]string, [][]string) {
	t.Helper()
	r.expect(http.StatusOK)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type %q, want text/csv: %.200s", ct, r.Body)
	}
	recs, err := csv.NewReader(strings.NewReader(string(r.Body))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v: %s", err, r.Body)
	}
	if len(recs) == 0 {
		t.Fatal("CSV has no header row")
	}
	return recs[0], recs[1:]
}

func TestListsAsCSV(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		f := newFixture(t, e)
		o := e.as(models.RoleOfficer)
		admin := e.as(models.RoleAdmin)
		o.post("/api/v1/commitments/"+f.commitment+"/updates", map[string]any{"text": "=1+1 gedaan", "shared": true}).expect(http.StatusCreated)
		o.post("/api/v1/tokens", map[string]any{"name": "export"}).expect(http.StatusCreated)
		lists := []struct {
			c    *client
			path string
		}{
			{o, "/api/v1/stakeholders"}, {o, "/api/v1/stakeholders/" + f.sh + "/contacts"}, {o, "/api/v1/dialogues"},
			{o, "/api/v1/concerns"}, {o, "/api/v1/commitments"}, {o, "/api/v1/commitments?status=done"},
			{o, "/api/v1/commitments/" + f.commitment + "/updates"}, {admin, "/api/v1/users"}, {o, "/api/v1/tokens"},
			{admin, "/api/v1/audit-events"}, {e.as(models.RolePartner), "/api/v1/commitments"},
		}
		for _, l := range lists {
			js := pageOf(t, l.c.get(l.path)).Items
			if len(js) == 0 {
				t.Fatalf("%s: no rows to compare", l.path)
			}
			header, rows := csvOf(t, l.c.get(l.path, "Accept", "text/csv"))
			keys := make([]string, 0, len(js[0]))
			for k := range js[0] {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			h := slices.Clone(header)
			sort.Strings(h)
			if !slices.Equal(h, keys) {
				t.Fatalf("%s: CSV header %v, JSON fields %v", l.path, header, keys)
			}
			idCol := slices.Index(header, "id")
			if len(rows) != len(js) {
				t.Fatalf("%s: %d CSV rows, %d JSON items", l.path, len(rows), len(js))
			}
			for i, row := range rows {
				if len(row) != len(header) || row[idCol] != js[i]["id"] {
					t.Fatalf("%s: CSV row %d is %v, JSON item %v", l.path, i, row, js[i])
				}
			}
		}

		// paging travels in a header when the body is CSV
		for i := range 3 {
			createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": fmt.Sprintf("Paged %d", i)}))
		}
		r := o.get("/api/v1/stakeholders?q=paged&limit=2", "Accept", "text/csv")
		if _, rows := csvOf(t, r); len(rows) != 2 || r.Header.Get("X-Next-Cursor") == "" {
			t.Fatalf("CSV page: %d rows, X-Next-Cursor %q", len(rows), r.Header.Get("X-Next-Cursor"))
		}
		r = o.get("/api/v1/stakeholders?q=paged&limit=2&cursor="+url.QueryEscape(r.Header.Get("X-Next-Cursor")), "Accept", "text/csv")
		if _, rows := csvOf(t, r); len(rows) != 1 || r.Header.Get("X-Next-Cursor") != "" {
			t.Fatalf("last CSV page: %d rows, X-Next-Cursor %q", len(rows), r.Header.Get("X-Next-Cursor"))
		}
		// a refused list is still a problem, not CSV
		o.get("/api/v1/stakeholders?limit=0", "Accept", "text/csv").problem(http.StatusUnprocessableEntity, "limit")

		// cells that a spreadsheet would run as a formula are neutralised
		formulas := []string{`=HYPERLINK("http://evil.example","klik")`, "+31 cmd", "@SUM(A1)", "-2+3", "=1"}
		for _, name := range formulas {
			createdID(t, o.post("/api/v1/stakeholders", map[string]any{"name": name, "tags": []string{"=tag", "formula"}, "description": "-5"}))
		}
		header, rows := csvOf(t, o.get("/api/v1/stakeholders?tag=formula&limit=200", "Accept", "text/csv"))
		nameCol, tagsCol, descCol := slices.Index(header, "name"), slices.Index(header, "tags"), slices.Index(header, "description")
		if len(rows) != len(formulas) {
			t.Fatalf("%d formula rows, want %d", len(rows), len(formulas))
		}
		for _, row := range rows {
			name := row[nameCol]
			if strings.ContainsAny(name[:1], "=+-@\t") {
				t.Errorf("cell %q starts like a formula", name)
			}
			if !strings.HasPrefix(name, "'") || !slices.Contains(formulas, strings.TrimPrefix(name, "'")) {
				t.Errorf("cell %q is not one of the names, quoted", name)
			}
			if row[descCol] != "-5" {
				t.Errorf("a plain number %q was changed", row[descCol])
			}
			if strings.HasPrefix(row[tagsCol], "=") {
				t.Errorf("tags cell %q starts like a formula", row[tagsCol])
			}
		}
		// the update's text, written by a user, is neutralised too
		header, rows = csvOf(t, o.get("/api/v1/commitments/"+f.commitment+"/updates", "Accept", "text/csv"))
		if txt := rows[0][slices.Index(header, "text")]; txt != "'=1+1 gedaan" {
			t.Errorf("update text cell is %q", txt)
		}
	})
}
