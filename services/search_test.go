package services_test

import (
	"context"
	"slices"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// On SQLite q is answered from a trigram index when it can be (see
// searchWhere); it must find exactly the rows the plain LIKE finds, on both
// stores, also after a record's text changes, is erased or is deleted.
func TestSearchFindsWhatLikeFinds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
		officer := services.Actor{Role: models.RoleOfficer}
		var stakeholders []models.Stakeholder
		for _, name := range []string{"Café De Zon", "Vereniging 100% Groen", "Stichting_Natuur"} {
			st, err := svc.Stakeholders.CreateStakeholder(ctx, officer, models.StakeholderChanges{Name: ptr(name)})
			if err != nil {
				t.Fatal(err)
			}
			stakeholders = append(stakeholders, st)
		}
		cafe := stakeholders[0].ID
		commitments := map[string]string{}
		for _, title := range []string{"Geluidsscherm bij de KOELTOREN plaatsen", "Terras van café De Zon vegen", "Ab en Co bellen",
			"100% _zeker_ afronden", `Pad\naar de haven`} {
			c, err := svc.Commitments.CreateCommitment(ctx, officer, models.CommitmentChanges{Title: ptr(title), StakeholderID: &cafe,
				DueOn: ptr(models.Date("2026-11-01"))})
			if err != nil {
				t.Fatal(err)
			}
			commitments[title] = c.ID
		}
		contacts := map[string]string{}
		for _, name := range []string{"Wilhelmina Zonderland", "Ömer Öztürk"} {
			c, err := svc.Contacts.CreateContact(ctx, officer, cafe, models.ContactChanges{Name: ptr(name), Email: ptr("info@example.nl")})
			if err != nil {
				t.Fatal(err)
			}
			contacts[name] = c.ID
		}

		terms := []string{"koeltoren", "KOELTOREN", "Koeltóren", "café", "CAFE", "ab", "zo", "100%", "_zeker_", "% _", `d\n`, `\`,
			"zonnepanelen", "öztürk", "OZTURK", "zonderland", "example.nl", "ker", "waterzuivering", "erased"}
		check := func(when string) {
			t.Helper()
			for _, term := range terms {
				st, err := svc.Stakeholders.FindStakeholders(ctx, officer, models.StakeholderFilter{Q: term, ListParams: models.ListParams{Limit: 200}})
				if err != nil {
					t.Fatal(err)
				}
				same(t, db, when, "stakeholders", term, "archived_at IS NULL", ids(st.Items, func(r models.Stakeholder) string { return r.ID }))
				cm, err := svc.Commitments.FindCommitments(ctx, officer, models.CommitmentFilter{Q: term, ListParams: models.ListParams{Limit: 200}})
				if err != nil {
					t.Fatal(err)
				}
				same(t, db, when, "commitments", term, "archived_at IS NULL", ids(cm.Items, func(r models.Commitment) string { return r.ID }))
				for _, archived := range []bool{false, true} {
					ct, err := svc.Contacts.FindContacts(ctx, officer, models.ContactFilter{StakeholderID: cafe, Archived: &archived, Q: term,
						ListParams: models.ListParams{Limit: 200}})
					if err != nil {
						t.Fatal(err)
					}
					cond := "archived_at IS NULL"
					if archived {
						cond = "archived_at IS NOT NULL"
					}
					same(t, db, when, "contacts", term, cond, ids(ct.Items, func(r models.Contact) string { return r.ID }))
				}
			}
			if db.Dialect == "sqlite" {
				for _, table := range []string{"stakeholders", "contacts", "dialogues", "concerns", "commitments"} {
					// with rank 1 the index is also compared with its table's text
					if err := db.Exec("INSERT INTO " + table + "_fts(" + table + "_fts, rank) VALUES ('integrity-check', 1)").Error; err != nil {
						t.Errorf("%s: %s_fts: %v", when, table, err)
					}
				}
			}
		}
		check("after create")
		if got := found(t, svc, "koeltoren"); len(got) != 1 {
			t.Fatalf("koeltoren finds %v: the comparison would prove nothing", got)
		}

		id := commitments["Geluidsscherm bij de KOELTOREN plaatsen"]
		if _, err := svc.Commitments.UpdateCommitment(ctx, officer, id, nil, models.CommitmentChanges{Title: ptr("Geluidsscherm bij de Waterzuivering")}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Privacy.EraseContact(ctx, officer, contacts["Wilhelmina Zonderland"]); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("DELETE FROM commitments WHERE id = ?", commitments["Terras van café De Zon vegen"]).Error; err != nil {
			t.Fatal(err)
		}
		check("after update, erase and delete")
		if got := found(t, svc, "waterzuivering"); !slices.Equal(got, []string{id}) {
			t.Fatalf("waterzuivering finds %v, want %s", got, id)
		}
		if got := found(t, svc, "koeltoren"); len(got) != 0 {
			t.Fatalf("koeltoren still finds %v", got)
		}

		if db.Dialect == "sqlite" {
			// without its index a term of three letters or more must fail
			// (so it was the index that answered above), a shorter one not
			if err := db.Exec("DROP TABLE commitments_fts").Error; err != nil {
				t.Fatal(err)
			}
			q := func(term string) error {
				_, err := svc.Commitments.FindCommitments(ctx, officer, models.CommitmentFilter{Q: term})
				return err
			}
			if err := q("waterzuivering"); err == nil {
				t.Error("q=waterzuivering without commitments_fts: no error, so the index was never asked")
			}
			if err := q("ab"); err != nil {
				t.Errorf("q=ab needs no index: %v", err)
			}
		}
	})
}

// same checks that a list found by q the rows a plain LIKE finds.
func same(t *testing.T, db *services.DB, when, table, term, cond string, got []string) {
	t.Helper()
	var want []string
	if err := db.Raw(`SELECT id FROM `+table+` WHERE search_text LIKE ? ESCAPE '\' AND `+cond+` ORDER BY id`,
		services.LikePatternForTest(term)).Scan(&want).Error; err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) && len(got)+len(want) > 0 {
		t.Errorf("%s: %s q=%q (%s): found %v, LIKE finds %v", when, table, term, cond, got, want)
	}
}

func found(t *testing.T, svc *services.Services, term string) []string {
	t.Helper()
	p, err := svc.Commitments.FindCommitments(context.Background(), services.Actor{Role: models.RoleOfficer}, models.CommitmentFilter{Q: term})
	if err != nil {
		t.Fatal(err)
	}
	return ids(p.Items, func(r models.Commitment) string { return r.ID })
}

func ids[T any](rows []T, id func(T) string) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, id(r))
	}
	return out
}
