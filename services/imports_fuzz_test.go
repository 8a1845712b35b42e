package services_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// Whatever file arrives, the import reads it without panicking and answers
// a result with row errors, or Invalid for a file it cannot read at all;
// never an internal error. A dry run writes nothing.
func FuzzImportCSV(f *testing.F) {
	for _, s := range []string{
		"name;category;influence\nBuurtvereniging;community;4\n",
		"\xEF\xBB\xBFnaam;categorie;houding;eigenaar\nStichting Wad;overheid;kritisch;nobody@example.nl\n",
		"name,contact,contact_email\nA,Anna,anna@example.nl\nA,Anna,ANNA@example.nl\nB,,not-an-email\n",
		"name,name\nx,y\n",
		"owner,tags\nx,a;b|c\n",
		"name,influence,interest,country,kind\nX,9,abc,Nederland,planet\n",
		"name\n\"unterminated\n",
		"name\n" + strings.Repeat("x", 300) + "\n",
		"name\nnul\x00byte\n",
		"",
		"\n\n",
		"Name ; Category\r\nCRLF;community\r\n",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	db := storetest.Open(f, "sqlite")
	svc := services.New(db, services.Options{})
	ctx := context.Background()
	var before int64
	db.Table("stakeholders").Count(&before)
	f.Fuzz(func(t *testing.T, data []byte, dryRun bool) {
		res, err := svc.Imports.ImportStakeholders(ctx, services.System, bytes.NewReader(data), dryRun)
		if err != nil {
			if code := models.ErrorCode(err); code != models.Invalid {
				t.Fatalf("import answered %s, want a result or invalid: %v", code, err)
			}
			return
		}
		if res.Imported && (dryRun || len(res.Errors) > 0) {
			t.Fatalf("imported on a dry run or with errors: %+v", res)
		}
		for _, e := range res.Errors {
			if e.Field == "" || e.Message == "" {
				t.Fatalf("a row error without field or message: %+v", res.Errors)
			}
		}
		if dryRun {
			var after int64
			db.Table("stakeholders").Count(&after)
			if after != before {
				t.Fatalf("a dry run changed the register: %d stakeholders, then %d", before, after)
			}
		} else {
			db.Table("stakeholders").Count(&before)
		}
	})
}
