package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"dialoog/models"
)

func TestExportArchive(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		officer.post("/api/v1/stakeholders/"+e.partner.ID+"/contacts", map[string]any{"name": "Ans Visser", "email": "ans@example.nl"}).expect(http.StatusCreated)
		officer.post("/api/v1/dialogues", map[string]any{"title": "Rondgang", "held_at": "2026-04-01T09:00:00Z", "stakeholder_ids": []string{e.partner.ID},
			"topics":      []string{"geluid"},
			"concerns":    []any{map[string]any{"title": "Stof", "severity": "low"}},
			"commitments": []any{map[string]any{"title": "Veegwagen", "due_on": "2026-05-01", "shared": true}}}).expect(http.StatusCreated)

		res := e.as(models.RoleAdmin).get("/api/v1/export").expect(http.StatusOK)
		if res.Header.Get("Content-Type") != "application/zip" {
			t.Fatalf("Content-Type %q", res.Header.Get("Content-Type"))
		}
		zr, err := zip.NewReader(bytes.NewReader(res.Body), int64(len(res.Body)))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]map[string]any{}
		var manifest map[string]any
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if f.Name == "manifest.json" {
				json.Unmarshal(data, &manifest)
				continue
			}
			var rows []map[string]any
			if err := json.Unmarshal(data, &rows); err != nil {
				t.Fatalf("%s is not a JSON array: %v", f.Name, err)
			}
			files[strings.TrimSuffix(f.Name, ".json")] = rows
		}
		for table, want := range map[string]int{"stakeholders": 2, "contacts": 1, "dialogues": 1, "dialogue_stakeholders": 1, "concerns": 1, "commitments": 1, "users": 4} {
			if len(files[table]) != want {
				t.Errorf("%s: %d rows, want %d", table, len(files[table]), want)
			}
			if manifest["tables"].(map[string]any)[table].(float64) != float64(want) {
				t.Errorf("manifest counts %s wrongly: %v", table, manifest["tables"])
			}
		}
		if len(files["audit_events"]) == 0 {
			t.Error("no audit events exported")
		}
		for _, u := range files["users"] {
			if _, ok := u["password_hash"]; ok {
				t.Fatal("password hashes exported")
			}
			if u["active"] != true {
				t.Fatalf("active not a boolean: %v", u["active"])
			}
		}
		if _, ok := files["sessions"]; ok {
			t.Fatal("sessions exported")
		}
		d := files["dialogues"][0]
		if topics, ok := d["topics"].([]any); !ok || topics[0] != "geluid" || !strings.HasPrefix(d["held_at"].(string), "2026-04-01T09:00:00") {
			t.Fatalf("dialogue exported as %v", d)
		}
		if files["commitments"][0]["due_on"] != "2026-05-01" || files["commitments"][0]["shared"] != true {
			t.Fatalf("commitment exported as %v", files["commitments"][0])
		}
		for _, role := range []models.Role{models.RoleOfficer, models.RoleDirector, models.RolePartner} {
			e.as(role).get("/api/v1/export").problem(http.StatusForbidden)
		}
	})
}
