package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"dialoog/models"
)

// meeting is a valid POST /dialogues body with three concerns and three
// commitments; the cases below spoil one part of it.
func meeting(stakeholders ...string) map[string]any {
	return map[string]any{
		"title": "Buurtavond Noord", "held_at": "2026-03-01T19:30:00+01:00", "format": "meeting",
		"stakeholder_ids": stakeholders, "topics": []string{"noise", "traffic"}, "summary": "Druk bezocht.",
		"concerns": []map[string]any{
			{"title": "Geluid 's nachts", "severity": "high", "topic": "noise"},
			{"title": "Vrachtverkeer langs de school", "severity": "critical", "topic": "traffic"},
			{"title": "Stof bij droog weer", "severity": "medium", "topic": "dust"},
		},
		"commitments": []map[string]any{
			{"title": "Geluidsmeting", "due_on": "2026-04-01", "concern_index": 0, "shared": true},
			{"title": "Stofscherm plaatsen", "due_on": "2026-05-01", "concern_index": 2},
			{"title": "Verslag sturen", "due_on": "2026-03-08"},
		},
	}
}

func TestMeetingAllOrNothing(t *testing.T) {
	type spoil func(m map[string]any, e *env)
	concern := func(i int, k string, v any) spoil {
		return func(m map[string]any, _ *env) { m["concerns"].([]map[string]any)[i][k] = v }
	}
	commitment := func(i int, k string, v any) spoil {
		return func(m map[string]any, _ *env) { m["commitments"].([]map[string]any)[i][k] = v }
	}
	cases := []struct {
		name  string
		spoil spoil
		field string
		msg   string
	}{
		{"BadSeverityInThirdConcern", concern(2, "severity", "urgent"), "concerns[2].severity",
			"concerns[2].severity must be one of low, medium, high, critical"},
		{"CommitmentToUnknownStakeholder", commitment(1, "stakeholder_id", unknownID), "commitments[1].stakeholder_id",
			"commitments[1].stakeholder_id must be an existing stakeholder"},
		{"ConcernIndexOutOfRange", commitment(0, "concern_index", 3), "commitments[0].concern_index",
			"commitments[0].concern_index must point at one of this meeting's concerns"},
		{"ConcernIndexNegative", commitment(2, "concern_index", -1), "commitments[2].concern_index",
			"commitments[2].concern_index must be at least 0"},
		{"ConcernTitleMissing", concern(1, "title", "  "), "concerns[1].title", "concerns[1].title is required"},
		{"ConcernStatusUnknown", concern(0, "status", "pending"), "concerns[0].status",
			"concerns[0].status must be one of open, acknowledged, responded, closed"},
		{"ConcernRespondedWithoutResponse", concern(2, "status", "responded"), "concerns[2].response",
			"concerns[2].response is required before a concern is marked responded"},
		{"ConcernRaisedAtImpossible", concern(1, "raised_at", "2026-02-30T10:00:00Z"), "concerns[1].raised_at",
			"concerns[1].raised_at must be a time in RFC 3339 form, such as 2026-03-01T14:00:00Z"},
		{"ConcernToUnknownStakeholder", concern(2, "stakeholder_id", unknownID), "concerns[2].stakeholder_id",
			"concerns[2].stakeholder_id must be an existing stakeholder"},
		{"ConcernUnknownField", concern(2, "raised_by", "Piet"), "raised_by", "raised_by is not a field of this resource"},
		{"CommitmentDueOnMissing", func(m map[string]any, _ *env) { delete(m["commitments"].([]map[string]any)[2], "due_on") },
			"commitments[2].due_on", "commitments[2].due_on is required"},
		{"CommitmentDueOnImpossible", commitment(1, "due_on", "2026-02-30"), "commitments[1].due_on",
			"commitments[1].due_on must be a real date written as YYYY-MM-DD"},
		{"CommitmentStatusUnknown", commitment(0, "status", "finished"), "commitments[0].status",
			"commitments[0].status must be one of open, in_progress, done, cancelled"},
		{"CommitmentOwnerIsPartner", func(m map[string]any, e *env) {
			m["commitments"].([]map[string]any)[2]["owner_id"] = e.users[models.RolePartner].ID
		}, "commitments[2].owner_id", "commitments[2].owner_id must be an active internal user"},
		{"CommitmentToUnknownConcern", commitment(2, "concern_id", unknownID), "commitments[2].concern_id",
			"commitments[2].concern_id must be an existing concern"},
		{"ConcernWithoutStakeholderAmongTwo", func(m map[string]any, e *env) {
			m["stakeholder_ids"] = []string{e.partner.ID, e.other.ID}
			for i, c := range m["concerns"].([]map[string]any) {
				if i != 1 {
					c["stakeholder_id"] = e.partner.ID
				}
			}
		}, "concerns[1].stakeholder_id", "concerns[1].stakeholder_id is required"},
		{"DialogueHeldAtMissing", func(m map[string]any, _ *env) { delete(m, "held_at") }, "held_at", "held_at is required"},
		{"DialogueUnknownStakeholder", func(m map[string]any, e *env) { m["stakeholder_ids"] = []string{e.partner.ID, unknownID} },
			"stakeholder_ids[1]", "stakeholder_ids[1] must be an existing stakeholder"},
	}
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				o.t = t
				defer func() { o.t = e.t }()
				m := meeting(e.partner.ID)
				tc.spoil(m, e)
				before := storeState(t, e)
				p := o.post("/api/v1/dialogues", m).problem(http.StatusUnprocessableEntity, tc.field)
				if got := fieldMessage(p, tc.field); got != tc.msg {
					t.Errorf("message %q, want %q", got, tc.msg)
				}
				sameState(t, before, storeState(t, e))
			})
		}
		// and the lists agree that nothing is there
		if n := len(pageOf(t, o.get("/api/v1/dialogues")).Items); n != 0 {
			t.Fatalf("%d dialogues after refused meetings", n)
		}
		if n := len(pageOf(t, o.get("/api/v1/commitments")).Items); n != 0 {
			t.Fatalf("%d commitments after refused meetings", n)
		}
		// a director may not log a meeting at all, and that stores nothing either
		director := e.as(models.RoleDirector)
		before := storeState(t, e)
		director.post("/api/v1/dialogues", meeting(e.partner.ID)).problem(http.StatusForbidden)
		sameState(t, before, storeState(t, e))
	})
}

// asList reads a nested list of objects from a decoded body.
func asList(t *testing.T, v any) []map[string]any {
	t.Helper()
	raw, ok := v.([]any)
	if !ok {
		t.Fatalf("not a list: %v", v)
	}
	out := make([]map[string]any, len(raw))
	for i, x := range raw {
		out[i] = x.(map[string]any)
	}
	return out
}

func sameTime(t *testing.T, what string, a, b any) {
	t.Helper()
	ta, err1 := time.Parse(time.RFC3339Nano, a.(string))
	tb, err2 := time.Parse(time.RFC3339Nano, b.(string))
	if err1 != nil || err2 != nil || !ta.Equal(tb) {
		t.Fatalf("%s: %v is not %v", what, a, b)
	}
}

func TestMeetingStoresEverything(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		officer := e.users[models.RoleOfficer].ID
		m := meeting(e.partner.ID)
		m["user_ids"] = []string{officer}
		before := storeState(t, e)
		r := o.post("/api/v1/dialogues", m).expect(http.StatusCreated)
		after := storeState(t, e)
		for k, want := range map[string]int64{"dialogues": 1, "dialogue_stakeholders": 1, "dialogue_users": 1, "concerns": 3,
			"commitments": 3, "audit_events": 7} {
			if got := after[k] - before[k]; got != want {
				t.Errorf("%s grew by %d, want %d", k, got, want)
			}
		}
		d := r.json()
		id := str(d, "id")
		sameTime(t, "held_at", d["held_at"], "2026-03-01T18:30:00Z")
		if !slices.Equal(toStrings(d["stakeholder_ids"]), []string{e.partner.ID}) || !slices.Equal(toStrings(d["user_ids"]), []string{officer}) {
			t.Fatalf("who was present: %v %v", d["stakeholder_ids"], d["user_ids"])
		}
		cns, cms := asList(t, d["concerns"]), asList(t, d["commitments"])
		if len(cns) != 3 || len(cms) != 3 {
			t.Fatalf("%d concerns and %d commitments answered", len(cns), len(cms))
		}
		for i, cn := range cns {
			if cn["stakeholder_id"] != e.partner.ID {
				t.Errorf("concern %d: stakeholder %v, want the only one present", i, cn["stakeholder_id"])
			}
			if cn["dialogue_id"] != id || cn["status"] != "open" {
				t.Errorf("concern %d: dialogue %v status %v", i, cn["dialogue_id"], cn["status"])
			}
			sameTime(t, "raised_at", cn["raised_at"], d["held_at"])
			// what was answered is what was stored
			got := o.get("/api/v1/concerns/" + str(cn, "id")).expect(http.StatusOK).json()
			if got["title"] != cn["title"] || got["stakeholder_id"] != e.partner.ID {
				t.Errorf("stored concern %v", got)
			}
			sameTime(t, "stored raised_at", got["raised_at"], d["held_at"])
		}
		if cns[1]["severity"] != "critical" || cns[2]["topic"] != "dust" {
			t.Errorf("concerns not in the order sent: %v", cns)
		}
		wantConcern := []any{cns[0]["id"], cns[2]["id"], nil}
		for i, cm := range cms {
			if cm["concern_id"] != wantConcern[i] {
				t.Errorf("commitment %d linked to %v, want %v", i, cm["concern_id"], wantConcern[i])
			}
			if cm["dialogue_id"] != id || cm["stakeholder_id"] != e.partner.ID || cm["owner_id"] != officer {
				t.Errorf("commitment %d: %v", i, cm)
			}
			stored := o.get("/api/v1/commitments/" + str(cm, "id")).expect(http.StatusOK).json()
			if stored["concern_id"] != wantConcern[i] || stored["due_on"] != cm["due_on"] {
				t.Errorf("stored commitment %d: %v", i, stored)
			}
		}
		sameIDs(t, "concerns of the dialogue", listedIDs(t, o, "/api/v1/concerns?dialogue_id="+id),
			str(cns[0], "id"), str(cns[1], "id"), str(cns[2], "id"))
		sameIDs(t, "commitments of the dialogue", listedIDs(t, o, "/api/v1/commitments?dialogue_id="+id),
			str(cms[0], "id"), str(cms[1], "id"), str(cms[2], "id"))
		sameIDs(t, "commitments of the first concern", listedIDs(t, o, "/api/v1/commitments?concern_id="+str(cns[0], "id")), str(cms[0], "id"))

		// with two stakeholders present: each concern names its own, a
		// commitment follows its concern's, and a raised_at given is kept
		m = meeting(e.partner.ID, e.other.ID)
		m["concerns"] = []map[string]any{
			{"title": "Partner", "stakeholder_id": e.partner.ID},
			{"title": "Ander", "stakeholder_id": e.other.ID, "raised_at": "2026-02-20T09:00:00Z"},
		}
		m["commitments"] = []map[string]any{
			{"title": "Voor de ander", "due_on": "2026-04-01", "concern_index": 1},
			{"title": "Uitdrukkelijk", "due_on": "2026-04-01", "concern_index": 1, "stakeholder_id": e.partner.ID},
		}
		d = o.post("/api/v1/dialogues", m).expect(http.StatusCreated).json()
		cns, cms = asList(t, d["concerns"]), asList(t, d["commitments"])
		sameTime(t, "raised_at given", cns[1]["raised_at"], "2026-02-20T09:00:00Z")
		sameTime(t, "raised_at defaulted", cns[0]["raised_at"], d["held_at"])
		if cms[0]["stakeholder_id"] != e.other.ID || cms[0]["concern_id"] != cns[1]["id"] {
			t.Errorf("commitment did not follow its concern: %v", cms[0])
		}
		if cms[1]["stakeholder_id"] != e.partner.ID {
			t.Errorf("an explicit stakeholder was overruled: %v", cms[1])
		}
		// a commitment with neither concern nor stakeholder among two present
		m = meeting(e.partner.ID, e.other.ID)
		m["concerns"] = []map[string]any{}
		m["commitments"] = []map[string]any{{"title": "Van wie?", "due_on": "2026-04-01"}}
		o.post("/api/v1/dialogues", m).problem(http.StatusUnprocessableEntity, "commitments[0].stakeholder_id")
	})
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestConcernStatusMovesForward(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		path := "/api/v1/concerns/" + createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Stof", "stakeholder_id": e.partner.ID}))
		c := o.get(path).expect(http.StatusOK).json()
		for _, k := range []string{"acknowledged_at", "responded_at", "closed_at"} {
			if c[k] != nil {
				t.Fatalf("a new concern has %s %v", k, c[k])
			}
		}

		c = o.patch(path, map[string]any{"status": "acknowledged"}).expect(http.StatusOK).json()
		if c["acknowledged_at"] == nil || c["responded_at"] != nil || c["closed_at"] != nil {
			t.Fatalf("after acknowledged: %v", c)
		}
		ack := c["acknowledged_at"]

		// responded needs a response, and a refusal changes nothing
		before := storeState(t, e)
		p := o.patch(path, map[string]any{"status": "responded"}).problem(http.StatusUnprocessableEntity, "response")
		if got := fieldMessage(p, "response"); got != "response is required before a concern is marked responded" {
			t.Errorf("message %q", got)
		}
		o.patch(path, map[string]any{"status": "responded", "response": "   "}).problem(http.StatusUnprocessableEntity, "response")
		sameState(t, before, storeState(t, e))

		c = o.patch(path, map[string]any{"status": "responded", "response": "We sproeien bij droog weer."}).expect(http.StatusOK).json()
		if c["responded_at"] == nil || c["closed_at"] != nil || c["acknowledged_at"] != ack {
			t.Fatalf("after responded: %v (acknowledged_at was %v)", c, ack)
		}
		resp := c["responded_at"]

		// never back
		for _, back := range []string{"acknowledged", "open"} {
			before := storeState(t, e)
			p := o.patch(path, map[string]any{"status": back}).problem(http.StatusUnprocessableEntity, "status")
			if got, want := fieldMessage(p, "status"), "status cannot go back from responded to "+back; got != want {
				t.Errorf("message %q, want %q", got, want)
			}
			sameState(t, before, storeState(t, e))
		}
		// staying put is no move, and stamps nothing anew
		c = o.patch(path, map[string]any{"status": "responded", "decision": "Sproeien toegezegd."}).expect(http.StatusOK).json()
		if c["responded_at"] != resp {
			t.Fatalf("responded_at moved from %v to %v", resp, c["responded_at"])
		}

		c = o.patch(path, map[string]any{"status": "closed"}).expect(http.StatusOK).json()
		if c["closed_at"] == nil || c["responded_at"] != resp || c["acknowledged_at"] != ack {
			t.Fatalf("after closed: %v", c)
		}
		o.patch(path, map[string]any{"status": "responded"}).problem(http.StatusUnprocessableEntity, "status")

		// skipping steps stamps each step passed
		skip := "/api/v1/concerns/" + createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Geur", "stakeholder_id": e.partner.ID}))
		o.patch(skip, map[string]any{"status": "closed"}).problem(http.StatusUnprocessableEntity, "response")
		c = o.patch(skip, map[string]any{"status": "closed", "response": "Filter geplaatst."}).expect(http.StatusOK).json()
		for _, k := range []string{"acknowledged_at", "responded_at", "closed_at"} {
			if c[k] == nil {
				t.Errorf("closed straight from open, yet %s is null", k)
			}
		}
		// a concern created further along needs what that step needs
		o.post("/api/v1/concerns", map[string]any{"title": "X", "stakeholder_id": e.partner.ID, "status": "responded"}).
			problem(http.StatusUnprocessableEntity, "response")
		c = o.post("/api/v1/concerns", map[string]any{"title": "X", "stakeholder_id": e.partner.ID, "status": "acknowledged"}).
			expect(http.StatusCreated).json()
		if c["acknowledged_at"] == nil {
			t.Errorf("created acknowledged without acknowledged_at: %v", c)
		}
	})
}

func TestConfidentialConcern(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o, d, a := e.as(models.RoleOfficer), e.as(models.RoleDirector), e.as(models.RoleAdmin)
		contact := createdID(t, o.post("/api/v1/stakeholders/"+e.other.ID+"/contacts", map[string]any{"name": "Klokkenluider"}))
		secret := createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Misstand op de bouwplaats", "stakeholder_id": e.other.ID,
			"contact_id": contact, "confidential": true, "topic": "safety"}))
		open := createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Parkeren", "stakeholder_id": e.other.ID, "topic": "safety"}))
		// and one raised in a meeting, where the officer sees who it was
		mt := o.post("/api/v1/dialogues", map[string]any{"title": "Spreekuur", "held_at": "2026-03-02T10:00:00Z",
			"stakeholder_ids": []string{e.other.ID}, "concerns": []map[string]any{{"title": "Anoniem", "confidential": true}}}).
			expect(http.StatusCreated).json()
		inMeeting := asList(t, mt["concerns"])[0]
		if inMeeting["stakeholder_id"] != e.other.ID {
			t.Fatalf("the officer does not see who raised it: %v", inMeeting)
		}
		meetingSecret := str(inMeeting, "id")

		for _, id := range []string{secret, meetingSecret} {
			// the officer sees who raised it
			got := o.get("/api/v1/concerns/" + id).expect(http.StatusOK).json()
			if got["stakeholder_id"] != e.other.ID || got["confidential"] != true {
				t.Fatalf("officer reads %v", got)
			}
			// a director and an admin do not
			for _, c := range []*client{d, a} {
				got := c.get("/api/v1/concerns/" + id).expect(http.StatusOK).json()
				if v, ok := got["stakeholder_id"]; !ok || v != nil || got["contact_id"] != nil {
					t.Fatalf("who raised a confidential concern shows: %v", got)
				}
				if got["title"] == "" || got["confidential"] != true {
					t.Fatalf("the concern itself must still show: %v", got)
				}
			}
		}
		if got := o.get("/api/v1/concerns/" + secret).json(); got["contact_id"] != contact {
			t.Fatalf("officer does not see the contact: %v", got)
		}

		// in lists, too
		for _, it := range pageOf(t, d.get("/api/v1/concerns")).Items {
			if it["confidential"] == true && it["stakeholder_id"] != nil {
				t.Fatalf("director's list shows who raised %v", it)
			}
			if it["id"] == open && it["stakeholder_id"] != e.other.ID {
				t.Fatalf("an open concern lost its stakeholder: %v", it)
			}
		}
		header, rows := csvOf(t, d.get("/api/v1/concerns", "Accept", "text/csv"))
		for _, row := range rows {
			if row[slices.Index(header, "confidential")] == "true" && row[slices.Index(header, "stakeholder_id")] != "" {
				t.Fatalf("director's CSV shows who raised a confidential concern: %v", row)
			}
		}

		// filtering by stakeholder must not tell either
		sameIDs(t, "director by stakeholder", listedIDs(t, d, "/api/v1/concerns?stakeholder_id="+e.other.ID), open)
		sameIDs(t, "admin by stakeholder", listedIDs(t, a, "/api/v1/concerns?stakeholder_id="+e.other.ID), open)
		sameIDs(t, "director by stakeholder, confidential", listedIDs(t, d, "/api/v1/concerns?confidential=true&stakeholder_id="+e.other.ID))
		sameIDs(t, "officer by stakeholder", listedIDs(t, o, "/api/v1/concerns?stakeholder_id="+e.other.ID), open, secret, meetingSecret)
		// but the concerns themselves are there for the director
		sameIDs(t, "director by topic", listedIDs(t, d, "/api/v1/concerns?topic=safety"), open, secret)
		sameIDs(t, "director, confidential", listedIDs(t, d, "/api/v1/concerns?confidential=true"), secret, meetingSecret)

		// nor does the audit trail, which directors and admins read, even of
		// the time before the concern was made confidential
		later := createdID(t, o.post("/api/v1/concerns", map[string]any{"title": "Later vertrouwelijk", "stakeholder_id": e.other.ID}))
		o.patch("/api/v1/concerns/"+later, map[string]any{"confidential": true}).expect(http.StatusOK)
		if n := len(pageOf(t, d.get("/api/v1/audit-events?record_id="+later)).Items); n != 2 {
			t.Fatalf("%d audit events of the concern made confidential, want 2", n)
		}
		for _, c := range []*client{d, a} {
			for _, id := range []string{secret, meetingSecret, later} {
				for _, ev := range pageOf(t, c.get("/api/v1/audit-events?record_id="+id)).Items {
					for _, side := range []string{"before", "after"} {
						snap, _ := ev[side].(map[string]any)
						if snap == nil {
							continue
						}
						if v := snap["stakeholder_id"]; v != nil && v != "" {
							b, _ := json.Marshal(snap)
							t.Fatalf("the audit trail shows who raised a confidential concern: %s", b)
						}
						if v := snap["contact_id"]; v != nil && v != "" {
							t.Fatalf("the audit trail shows the contact of a confidential concern: %v", snap)
						}
					}
				}
			}
		}
		// an update of the concern answers the officer in full
		got := o.patch("/api/v1/concerns/"+secret, map[string]any{"status": "acknowledged"}).expect(http.StatusOK).json()
		if got["stakeholder_id"] != e.other.ID {
			t.Fatalf("officer's PATCH answer hides the stakeholder: %v", got)
		}
	})
}
