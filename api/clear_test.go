package api_test

import (
	"net/http"
	"testing"

	"dialoog/models"
)

// An empty string clears an optional reference or email in a PATCH.
func TestPatchClearsWithEmptyString(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		st := officer.post("/api/v1/stakeholders", map[string]any{"name": "Havenbedrijf", "email": "info@haven.example",
			"owner_id": e.users[models.RoleOfficer].ID}).expect(http.StatusCreated).json()
		got := officer.patch("/api/v1/stakeholders/"+str(st, "id"), map[string]any{"email": "", "owner_id": ""}).expect(http.StatusOK).json()
		if got["email"] != "" || got["owner_id"] != nil {
			t.Fatalf("not cleared: %v", got)
		}
		cm := officer.post("/api/v1/commitments", map[string]any{"title": "Brief", "stakeholder_id": e.partner.ID, "due_on": "2026-12-01"}).expect(http.StatusCreated).json()
		if cm["owner_id"] == nil {
			t.Fatal("a new commitment has no owner")
		}
		got = officer.patch("/api/v1/commitments/"+str(cm, "id"), map[string]any{"owner_id": ""}).expect(http.StatusOK).json()
		if got["owner_id"] != nil {
			t.Fatalf("owner not cleared: %v", got)
		}
		p := officer.patch("/api/v1/commitments/"+str(cm, "id"), map[string]any{"owner_id": "nobody"}).problem(http.StatusUnprocessableEntity, "owner_id")
		if msg := fieldMessage(p, "owner_id"); msg != "owner_id must be a UUID, or empty to clear it" {
			t.Fatalf("message %q", msg)
		}
	})
}
