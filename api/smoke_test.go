package api_test

import (
	"net/http"
	"testing"

	"dialoog/models"
)

func TestMeetingRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		r := officer.post("/api/v1/dialogues", map[string]any{
			"title": "Buurtavond", "held_at": "2026-03-01T19:30:00+01:00", "stakeholder_ids": []string{e.partner.ID},
			"concerns":    []any{map[string]any{"title": "Geluidsoverlast 's nachts", "severity": "high", "topic": "noise"}},
			"commitments": []any{map[string]any{"title": "Geluidsmeting", "due_on": "2026-04-01", "shared": true, "concern_index": 0}},
		}).expect(http.StatusCreated)
		m := r.json()
		if r.Header.Get("Location") != "/api/v1/dialogues/"+str(m, "id") || r.Header.Get("ETag") != `"1"` {
			t.Fatalf("Location %q ETag %q", r.Header.Get("Location"), r.Header.Get("ETag"))
		}
		cm := m["commitments"].([]any)[0].(map[string]any)
		cn := m["concerns"].([]any)[0].(map[string]any)
		if cm["concern_id"] != cn["id"] || cm["stakeholder_id"] != e.partner.ID {
			t.Fatalf("commitment not linked to its concern and stakeholder: %v", cm)
		}
		items := e.as(models.RolePartner).get("/api/v1/commitments").expect(http.StatusOK).items()
		if len(items) != 1 || items[0]["id"] != cm["id"] {
			t.Fatalf("partner sees %v", items)
		}
		if _, leaked := items[0]["owner_id"]; leaked {
			t.Fatalf("partner sees an internal field: %v", items[0])
		}
	})
}
