package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"dialoog/models"
	"dialoog/services"
)

func countRows(t *testing.T, e *env, table string) int64 {
	t.Helper()
	var n int64
	if err := e.db.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// A sheet as Dutch Excel saves it: BOM, semicolons, Dutch column names and words.
const dutchSheet = "\ufeffNaam;Soort;Categorie;Invloed;Belang;Houding;Land;Labels;Contactpersoon;Functie;Contact e-mail\n" +
	"Gemeente Zuidhaven;organisatie;overheid;5;4;neutraal;nl;vergunning, geluid;Sanne Bakker;Wethouder;s.bakker@zuidhaven.example\n" +
	"Gemeente Zuidhaven;;;;;;;;Pieter Smit;Ambtenaar;p.smit@zuidhaven.example\n" +
	"\"Vissersvereniging \"\"De Haven\"\"\";groep;gemeenschap;2;5;kritisch;NL;;Karel Visser;Voorzitter;\n"

func TestImportStakeholders(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		stakeholders, contacts := countRows(t, e, "stakeholders"), countRows(t, e, "contacts")

		dry := officer.post("/api/v1/stakeholders/import?dry_run=true", dutchSheet, "Content-Type", "text/csv").expect(http.StatusOK).json()
		if dry["dry_run"] != true || dry["imported"] != false || dry["stakeholders_created"].(float64) != 2 || dry["contacts_created"].(float64) != 3 || dry["rows"].(float64) != 3 {
			t.Fatalf("dry run: %v", dry)
		}
		if countRows(t, e, "stakeholders") != stakeholders || countRows(t, e, "contacts") != contacts {
			t.Fatal("a dry run stored something")
		}

		res := officer.post("/api/v1/stakeholders/import", dutchSheet, "Content-Type", "text/csv; charset=utf-8").expect(http.StatusOK).json()
		if res["imported"] != true || res["stakeholders_created"].(float64) != 2 || res["contacts_created"].(float64) != 3 {
			t.Fatalf("import: %v", res)
		}
		items := officer.get("/api/v1/stakeholders?q=zuidhaven").expect(http.StatusOK).items()
		if len(items) != 1 || str(items[0], "category") != "government" || str(items[0], "stance") != "neutral" || str(items[0], "country") != "NL" || items[0]["influence"].(float64) != 5 {
			t.Fatalf("imported stakeholder: %v", items)
		}
		if tags := items[0]["tags"].([]any); len(tags) != 2 || tags[1] != "geluid" {
			t.Fatalf("tags: %v", tags)
		}
		if cs := officer.get("/api/v1/stakeholders/" + str(items[0], "id") + "/contacts").expect(http.StatusOK).items(); len(cs) != 2 {
			t.Fatalf("contacts of the imported stakeholder: %v", cs)
		}
		if items := officer.get("/api/v1/stakeholders?q=De%20Haven").expect(http.StatusOK).items(); len(items) != 1 || str(items[0], "name") != `Vissersvereniging "De Haven"` {
			t.Fatalf("quoted name: %v", items)
		}

		// The same file again adds nothing, and says why.
		again := officer.post("/api/v1/stakeholders/import", dutchSheet, "Content-Type", "text/csv").expect(http.StatusOK).json()
		if again["stakeholders_created"].(float64) != 0 || again["contacts_created"].(float64) != 1 {
			// Karel Visser has no email, so he cannot be told apart and is added again
			t.Fatalf("second import: %v", again)
		}
		dups := again["duplicates"].([]any)
		fields := map[string]int{}
		for _, d := range dups {
			fields[str(d.(map[string]any), "field")]++
		}
		if fields["name"] != 2 || fields["contact_email"] != 2 {
			t.Fatalf("duplicates: %v", dups)
		}

		t.Run("MultipartAndCommas", func(t *testing.T) {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, _ := mw.CreateFormFile("file", "stakeholders.csv")
			io.WriteString(fw, "name,category,influence,interest,email\nRabobank Regio Noord,investor,4,2,info@rabo-noord.example\n")
			mw.Close()
			r := officer.post("/api/v1/stakeholders/import", buf.Bytes(), "Content-Type", mw.FormDataContentType()).expect(http.StatusOK).json()
			if r["stakeholders_created"].(float64) != 1 {
				t.Fatalf("multipart import: %v", r)
			}
		})

		t.Run("BadRowsImportNothing", func(t *testing.T) {
			before := countRows(t, e, "stakeholders")
			audit := countRows(t, e, "audit_events")
			bad := "name;influence;email;category;contact_name;contact_email\n" +
				"Goede Stichting;3;goed@example.nl;ngo;;\n" +
				"Te Invloedrijk;7;;;;\n" +
				";3;;;;\n" +
				"Slechte Mail;2;geen-mail;ngo;Jan;ook-geen-mail\n" +
				"Onbekende Soort;2;;planeet;;\n"
			p := officer.post("/api/v1/stakeholders/import", bad, "Content-Type", "text/csv").problem(http.StatusUnprocessableEntity,
				"rows[3].influence", "rows[4].name", "rows[5].email", "rows[5].contact_email", "rows[6].category")
			if msg := fieldMessage(p, "rows[3].influence"); msg != "row 3: influence must be between 1 and 5" {
				t.Fatalf("message: %q", msg)
			}
			if p["imported"] != false {
				t.Fatalf("imported: %v", p)
			}
			if countRows(t, e, "stakeholders") != before || countRows(t, e, "audit_events") != audit {
				t.Fatal("a file with bad rows stored something")
			}
		})

		t.Run("BadFiles", func(t *testing.T) {
			officer.post("/api/v1/stakeholders/import", "naam;planeet\nX;Mars\n", "Content-Type", "text/csv").problem(http.StatusUnprocessableEntity, "file")
			officer.post("/api/v1/stakeholders/import", "category\nngo\n", "Content-Type", "text/csv").problem(http.StatusUnprocessableEntity, "file")
			officer.post("/api/v1/stakeholders/import", "", "Content-Type", "text/csv").problem(http.StatusUnprocessableEntity, "file")
			officer.post("/api/v1/stakeholders/import", "name\nX\n", "Content-Type", "application/json").problem(http.StatusUnsupportedMediaType)
			officer.post("/api/v1/stakeholders/import?dry_run=perhaps", "name\nX\n", "Content-Type", "text/csv").problem(http.StatusUnprocessableEntity, "dry_run")
			e.as(models.RoleDirector).post("/api/v1/stakeholders/import", "name\nX\n", "Content-Type", "text/csv").problem(http.StatusForbidden)
			e.as(models.RolePartner).post("/api/v1/stakeholders/import", "name\nX\n", "Content-Type", "text/csv").problem(http.StatusForbidden)
		})
	})
}

// 50,000 rows stream through: the file is generated while it is read, and
// never exists whole on either side.
func TestImportFiftyThousandRows(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	each(t, func(t *testing.T, e *env) {
		const rows = 50000
		pr, pw := io.Pipe()
		go func() {
			fmt.Fprintln(pw, "name;category;influence;interest;contact_name;contact_email")
			for i := range rows {
				fmt.Fprintf(pw, "Stakeholder %05d;community;%d;%d;Contact %d;c%d@example.nl\n", i, i%5+1, (i/5)%5+1, i, i)
			}
			pw.Close()
		}()
		res, err := e.svc.Imports.ImportStakeholders(context.Background(), services.ActorOf(e.users[models.RoleOfficer]), pr, false)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Imported || res.Rows != rows || res.StakeholdersCreated != rows || res.ContactsCreated != rows || len(res.Errors) > 0 {
			t.Fatalf("result: imported %v, %d rows, %d stakeholders, %d contacts, errors %v", res.Imported, res.Rows, res.StakeholdersCreated, res.ContactsCreated, res.Errors[:min(3, len(res.Errors))])
		}
		if n := countRows(t, e, "contacts"); n != rows {
			t.Fatalf("%d contacts stored", n)
		}
	})
}
