package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"dialoog/models"
)

func TestContactExportAndErase(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		personal := map[string]string{"name": "Wilhelmina Zonderland", "role": "Voorzitter bewonerscommissie",
			"email": "w.zonderland@example.nl", "phone": "+31 6 1234 5678", "notes": "Belt liever na zessen"}
		ct := officer.post("/api/v1/stakeholders/"+e.partner.ID+"/contacts", personal).expect(http.StatusCreated).json()
		id := str(ct, "id")
		officer.patch("/api/v1/contacts/"+id, map[string]any{"phone": personal["phone"] + "0"}).expect(http.StatusOK)
		officer.patch("/api/v1/contacts/"+id, map[string]any{"phone": personal["phone"]}).expect(http.StatusOK)
		concern := officer.post("/api/v1/concerns", map[string]any{"title": "Stof op de vensterbank", "stakeholder_id": e.partner.ID,
			"contact_id": id, "severity": "medium"}).expect(http.StatusCreated).json()

		ex := officer.get("/api/v1/contacts/" + id + "/export").expect(http.StatusOK).json()
		if str(ex["contact"].(map[string]any), "email") != personal["email"] || len(ex["concerns_raised"].([]any)) != 1 || len(ex["history"].([]any)) < 3 {
			t.Fatalf("export: %v", ex)
		}
		e.as(models.RoleDirector).get("/api/v1/contacts/" + id + "/export").problem(http.StatusForbidden)
		e.as(models.RoleDirector).post("/api/v1/contacts/"+id+"/erase", nil).problem(http.StatusForbidden)
		e.as(models.RolePartner).post("/api/v1/contacts/"+id+"/erase", nil).problem(http.StatusForbidden)

		before := tableText(t, e)
		for _, v := range personal {
			if !strings.Contains(before, v) {
				t.Fatalf("the search does not see %q before erasure: it would prove nothing after", v)
			}
		}
		erased := officer.post("/api/v1/contacts/"+id+"/erase", nil).expect(http.StatusOK).json()
		if str(erased, "name") != "Erased contact" || erased["erased_at"] == nil {
			t.Fatalf("erased contact: %v", erased)
		}
		after := tableText(t, e)
		for field, v := range personal {
			if strings.Contains(after, v) {
				t.Errorf("the erased %s %q is still in the database", field, v)
			}
		}
		// The history stays, anonymised: the concern still points at the contact.
		got := officer.get("/api/v1/concerns/" + str(concern, "id")).expect(http.StatusOK).json()
		if str(got, "contact_id") != id {
			t.Fatalf("the concern lost its contact: %v", got)
		}
		// The erasure itself is audited, without the erased data.
		events := e.as(models.RoleAdmin).get("/api/v1/audit-events?record_id=" + id).expect(http.StatusOK).items()
		if len(events) == 0 || str(events[0], "action") != "erase" || events[0]["before"] != nil || events[0]["after"] != nil {
			t.Fatalf("audit of the erasure: %v", events)
		}
		// Erasing again is harmless; changing an erased contact is refused.
		officer.post("/api/v1/contacts/"+id+"/erase", nil).expect(http.StatusOK)
		officer.patch("/api/v1/contacts/"+id, map[string]any{"name": "Terug"}).problem(http.StatusConflict)
		officer.get("/api/v1/contacts/00000000-0000-7000-8000-000000000000/export").problem(http.StatusNotFound)
	})
}

// tableText returns every row of every table of the store as text, so that a
// test can look for a value anywhere.
func tableText(t *testing.T, e *env) string {
	t.Helper()
	var tables []string
	var err error
	if e.db.Dialect == "postgres" {
		err = e.db.Raw("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").Scan(&tables).Error
	} else {
		err = e.db.Raw("SELECT name FROM sqlite_master WHERE type = 'table'").Scan(&tables).Error
	}
	if err != nil || len(tables) < 10 {
		t.Fatalf("list tables: %v %v", tables, err)
	}
	var sb strings.Builder
	for _, table := range tables {
		rows, err := e.db.Raw(fmt.Sprintf(`SELECT * FROM %q`, table)).Rows()
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				fmt.Fprintf(&sb, "%v\x1f", v)
			}
		}
		rows.Close()
	}
	return sb.String()
}
