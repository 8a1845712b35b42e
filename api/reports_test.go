package api_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"dialoog/models"
)

// reportFixture logs two meetings in the period and one long before it, and
// answers one concern, so that every figure of the report has a known value.
func reportFixture(t *testing.T, e *env) (ngo string, heldAt time.Time) {
	t.Helper()
	officer := e.as(models.RoleOfficer)
	ngo = str(officer.post("/api/v1/stakeholders", map[string]any{"name": "Natuurmonumenten Oost", "category": "ngo", "influence": 2}).expect(http.StatusCreated).json(), "id")
	officer.patch("/api/v1/stakeholders/"+e.partner.ID, map[string]any{"influence": 5}).expect(http.StatusOK)
	heldAt = time.Now().UTC().AddDate(0, 0, -10).Truncate(time.Second)
	today := time.Now().UTC().Format("2006-01-02")
	m1 := officer.post("/api/v1/dialogues", map[string]any{
		"title": "Omgevingsavond", "held_at": heldAt.Format(time.RFC3339), "format": "meeting", "engagement_level": "consult",
		"stakeholder_ids": []string{e.partner.ID, ngo},
		"concerns": []any{
			map[string]any{"title": "Nachtelijk lawaai", "topic": "noise", "severity": "high", "stakeholder_id": e.partner.ID},
			map[string]any{"title": "Vogels verstoord", "topic": "noise", "severity": "low", "stakeholder_id": ngo},
		},
		"commitments": []any{
			map[string]any{"title": "Geluidsschermen", "due_on": time.Now().AddDate(0, 1, 0).Format("2006-01-02"), "shared": true, "concern_index": 0},
			map[string]any{"title": "Vogeltelling", "due_on": time.Now().AddDate(0, 0, -2).Format("2006-01-02"), "concern_index": 1},
		},
	}).expect(http.StatusCreated).json()
	officer.post("/api/v1/dialogues", map[string]any{
		"title": "Werksessie verkeer", "held_at": heldAt.Add(24 * time.Hour).Format(time.RFC3339), "format": "workshop", "engagement_level": "involve",
		"stakeholder_ids": []string{e.partner.ID},
		"concerns":        []any{map[string]any{"title": "Vrachtverkeer langs school", "topic": "traffic", "severity": "critical", "confidential": true}},
	}).expect(http.StatusCreated)
	officer.post("/api/v1/dialogues", map[string]any{
		"title": "Oud gesprek", "held_at": time.Now().UTC().AddDate(-2, 0, 0).Format(time.RFC3339), "stakeholder_ids": []string{ngo},
		"concerns": []any{map[string]any{"title": "Oud", "topic": "noise", "severity": "critical"}},
	}).expect(http.StatusCreated)
	c1 := m1["concerns"].([]any)[0].(map[string]any)
	officer.patch("/api/v1/concerns/"+str(c1, "id"), map[string]any{"status": "responded", "response": "We plaatsen schermen.", "decision": "Schermen in het budget van 2027."}).expect(http.StatusOK)
	_ = today
	return ngo, heldAt
}

func TestEngagementReport(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		_, heldAt := reportFixture(t, e)
		from := time.Now().UTC().AddDate(0, 0, -30).Format("2006-01-02")
		to := time.Now().UTC().Format("2006-01-02")
		path := "/api/v1/reports/engagement?from=" + from + "&to=" + to
		director := e.as(models.RoleDirector)
		r := director.get(path).expect(http.StatusOK).json()

		num := func(m map[string]any, k string) int { return int(m[k].(float64)) }
		if num(r, "dialogue_count") != 2 || num(r, "stakeholders_engaged") != 2 || num(r, "concern_count") != 3 {
			t.Fatalf("counts: %v %v %v", r["dialogue_count"], r["stakeholders_engaged"], r["concern_count"])
		}
		groups := map[string]map[string]any{}
		for _, g := range r["stakeholder_groups"].([]any) {
			groups[str(g.(map[string]any), "category")] = g.(map[string]any)
		}
		if len(groups) != len(models.Categories) || num(groups["community"], "dialogues") != 2 || num(groups["ngo"], "dialogues") != 1 || num(groups["media"], "dialogues") != 0 {
			t.Fatalf("groups: %v", r["stakeholder_groups"])
		}
		if f := r["dialogues_by_format"].(map[string]any); f["meeting"].(float64) != 1 || f["workshop"].(float64) != 1 {
			t.Fatalf("by format: %v", f)
		}
		topics := r["concerns_by_topic"].([]any)
		first := topics[0].(map[string]any)
		if str(first, "topic") != "noise" || num(first, "total") != 2 || first["by_severity"].(map[string]any)["high"].(float64) != 1 {
			t.Fatalf("topics: %v", topics)
		}
		key := r["key_concerns"].([]any)
		if len(key) != 2 {
			t.Fatalf("key concerns: %v", key)
		}
		critical, high := key[0].(map[string]any), key[1].(map[string]any)
		if str(critical, "severity") != "critical" || critical["stakeholder_name"] != nil {
			t.Fatalf("the confidential critical concern must come first, without who raised it: %v", critical)
		}
		if str(high, "stakeholder_name") != e.partner.Name || str(high, "response") != "We plaatsen schermen." {
			t.Fatalf("the high concern: %v", high)
		}
		// median days to respond for "high": from the meeting to now
		want := time.Since(heldAt).Hours() / 24
		for _, s := range r["responsiveness_by_severity"].([]any) {
			m := s.(map[string]any)
			if str(m, "severity") == "high" {
				got, _ := m["median_days_to_respond"].(float64)
				if math.Abs(got-want) > 0.2 {
					t.Fatalf("median days to respond %v, want about %.1f", got, want)
				}
			}
		}
		cm := r["commitments"].(map[string]any)
		if num(cm, "made") != 2 || num(cm, "overdue") != 1 || num(cm, "open") != 1 || num(cm, "shared_made") != 1 {
			t.Fatalf("commitments: %v", cm)
		}

		t.Run("CSV", func(t *testing.T) {
			res := director.get(path, "Accept", "text/csv").expect(http.StatusOK)
			rows, err := csv.NewReader(bytes.NewReader(res.Body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, row := range rows {
				if row[0] == "concerns_by_topic_severity" && row[1] == "noise" && row[2] == "high" && row[3] == "1" {
					found = true
				}
			}
			if !found || rows[0][0] != "section" {
				t.Fatalf("CSV lacks the noise/high figure: %v", rows)
			}
		})
		t.Run("PDF", func(t *testing.T) {
			res := director.get(path, "Accept", "application/pdf").expect(http.StatusOK)
			if res.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(res.Body, []byte("%PDF-")) || len(res.Body) < 2000 {
				t.Fatalf("not a PDF: %q %d bytes", res.Header.Get("Content-Type"), len(res.Body))
			}
		})
		t.Run("Refused", func(t *testing.T) {
			e.as(models.RolePartner).get(path).problem(http.StatusForbidden)
			director.get("/api/v1/reports/engagement?from="+to+"&to="+from).problem(http.StatusUnprocessableEntity, "to")
			director.get("/api/v1/reports/engagement?from=2026-02-30&to="+to).problem(http.StatusUnprocessableEntity, "from")
			director.get("/api/v1/reports/engagement?from=2000-01-01&to="+to).problem(http.StatusUnprocessableEntity, "to")
		})
	})
}

func TestMateriality(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		reportFixture(t, e)
		items := e.as(models.RoleDirector).get("/api/v1/reports/materiality").expect(http.StatusOK).items()
		byTopic := map[string]map[string]any{}
		for _, it := range items {
			byTopic[str(it, "topic")] = it
		}
		noise, traffic := byTopic["noise"], byTopic["traffic"]
		// noise: the partner (influence 5) and the NGO (2); the old critical one counts too (all time)
		if noise["stakeholders"].(float64) != 2 || noise["influence_weight"].(float64) != 7 || noise["concerns"].(float64) != 3 || str(noise, "max_severity") != "critical" {
			t.Fatalf("noise: %v", noise)
		}
		if traffic["stakeholders"].(float64) != 1 || traffic["influence_weight"].(float64) != 5 {
			t.Fatalf("traffic: %v", traffic)
		}
		if str(items[0], "topic") != "noise" {
			t.Fatalf("heaviest topic first: %v", items)
		}
		if !strings.Contains(string(e.as(models.RoleOfficer).get("/api/v1/reports/materiality", "Accept", "text/csv").expect(http.StatusOK).Body), "influence_weight") {
			t.Fatal("CSV header missing")
		}
		e.as(models.RolePartner).get("/api/v1/reports/materiality").problem(http.StatusForbidden)
	})
}
