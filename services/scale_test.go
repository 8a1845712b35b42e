package services_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// TestGenerateScaleSmall generates the small register (a fiftieth of the
// large one the benchmarks use) on each store and checks that it is what
// `dialoog demo --scale` promises, and that the services read it as their
// own: the exact sizes, overdue and shared commitments, a partner with an
// action list of a few dozen lines, search that finds generated rows, and
// records that pass the services' own rules unchanged.
func TestGenerateScaleSmall(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
		start := time.Now()
		res, err := svc.GenerateScale(ctx, "small")
		if err != nil {
			t.Fatalf("GenerateScale: %v", err)
		}
		t.Logf("generated small on %s in %v: %v", db.Dialect, time.Since(start).Round(time.Millisecond), res.Rows)

		size := services.ScaleSizes["small"]
		users := map[models.Role]models.User{}
		for _, u := range res.Users {
			users[u.Role] = u
		}
		officer, director := services.ActorOf(users[models.RoleOfficer]), services.ActorOf(users[models.RoleDirector])
		partner := services.ActorOf(users[models.RolePartner])
		as := func(t *testing.T, a services.Actor) reader { return reader{t, ctx, svc, a} }

		t.Run("ExactSizes", func(t *testing.T) {
			for table, want := range map[string]int{"stakeholders": size.Stakeholders, "contacts": size.Contacts,
				"dialogues": size.Dialogues, "concerns": size.Concerns, "commitments": size.Commitments} {
				var n int64
				if err := db.Table(table).Count(&n).Error; err != nil || int(n) != want || res.Rows[table] != want {
					t.Errorf("%s: %d stored, %d reported (%v); want %d", table, n, res.Rows[table], err, want)
				}
			}
			if res.Rows["commitment_updates"] == 0 || res.Rows["dialogue_stakeholders"] < size.Dialogues {
				t.Errorf("rows %v: want progress updates and someone present at every dialogue", res.Rows)
			}
		})

		t.Run("EveryIndexRebuilt", func(t *testing.T) {
			// the generator drops the loaded tables' indexes and builds them again
			if got, want := indexNames(t, db), indexNames(t, storetest.Open(t, db.Dialect)); !slices.Equal(got, want) {
				t.Errorf("indexes after generating:\n got  %v\n want %v", got, want)
			}
		})

		t.Run("EveryRoleSignsIn", func(t *testing.T) {
			for _, role := range models.Roles {
				u, ok := users[models.Role(role)]
				if !ok {
					t.Fatalf("no %s among the sign-ins %v", role, res.Users)
				}
				if _, err := svc.Auth.Login(ctx, u.Email, services.DemoPassword); err != nil {
					t.Errorf("sign in as %s: %v", u.Email, err)
				}
			}
		})

		t.Run("OverdueAndSharedAndSpreadOverTenYears", func(t *testing.T) {
			var late int64
			db.Model(&models.Commitment{}).Where("due_on < ? AND status IN ('open', 'in_progress') AND archived_at IS NULL",
				time.Now().UTC().Format(models.DateLayout)).Count(&late)
			if late < 20 || late > int64(size.Commitments/10) {
				t.Errorf("%d overdue commitments, want some but not a tenth", late)
			}
			overdue := as(t, director).commitments(models.CommitmentFilter{Overdue: ptr(true), ListParams: models.ListParams{Limit: 50}})
			if len(overdue) != 50 {
				t.Errorf("%d overdue on a page of 50", len(overdue))
			}
			for _, c := range overdue {
				if !c.Overdue {
					t.Fatalf("%q listed as overdue but not marked so", c.Title)
				}
			}
			var shared, oldest, newest int64
			db.Model(&models.Commitment{}).Where("shared").Count(&shared)
			if shared < int64(size.Commitments/20) {
				t.Errorf("%d shared commitments, want at least a twentieth", shared)
			}
			tenYears := time.Now().AddDate(-10, 0, 14)
			db.Model(&models.Dialogue{}).Where("held_at < ?", tenYears.AddDate(0, 6, 0)).Count(&oldest)
			db.Model(&models.Dialogue{}).Where("held_at > ?", time.Now().AddDate(0, -1, 0)).Count(&newest)
			if oldest == 0 || newest == 0 {
				t.Errorf("%d dialogues in the first half year, %d in the last month; want the ten years covered", oldest, newest)
			}
		})

		t.Run("PartnerSeesTensOfSharedCommitments", func(t *testing.T) {
			list := as(t, partner).commitments(models.CommitmentFilter{})
			if len(list) < 15 || len(list) > 150 {
				t.Errorf("the partner's action list has %d lines, want a few dozen", len(list))
			}
			for _, c := range list {
				if c.StakeholderID != partner.StakeholderID || !c.Shared || c.OwnerID != nil {
					t.Fatalf("partner sees %+v", c)
				}
			}
			one, err := svc.Commitments.GetCommitment(ctx, partner, list[0].ID)
			if err != nil || one.ID != list[0].ID {
				t.Errorf("partner reads %s: %v", list[0].ID, err)
			}
		})

		t.Run("ServicesReadIt", func(t *testing.T) {
			read := as(t, officer)
			sts := read.stakeholders(models.StakeholderFilter{ListParams: models.ListParams{Limit: 5}})
			if len(sts) != 5 {
				t.Fatalf("%d stakeholders on a page of 5", len(sts))
			}
			if cs := read.contacts(models.ContactFilter{StakeholderID: sts[0].ID}); len(cs) == 0 {
				t.Errorf("%s has no contacts", sts[0].Name)
			}
			ds := read.dialogues(models.DialogueFilter{ListParams: models.ListParams{Limit: 5}})
			if len(ds) != 5 || len(ds[0].StakeholderIDs) == 0 || len(ds[0].UserIDs) == 0 {
				t.Fatalf("dialogues %+v: want five with who was present", ds)
			}
			if _, err := svc.Dialogues.GetDialogue(ctx, officer, ds[0].ID); err != nil {
				t.Error(err)
			}
			if cs := read.concerns(models.ConcernFilter{DialogueID: ds[0].ID}); len(cs) == 0 && len(read.commitments(models.CommitmentFilter{DialogueID: ds[0].ID})) == 0 {
				t.Logf("the latest dialogue raised nothing (calls may not)")
			}
			ov, err := svc.Overview.Overview(ctx, director)
			if err != nil {
				t.Fatal(err)
			}
			if ov.OverdueCommitments == 0 || ov.DisputedCommitments == 0 || len(ov.ConcernsByTopic) != 10 || len(ov.CommitmentsByOwner) < 5 {
				t.Errorf("overview: %d overdue, %d disputed, %d topics, %d owners", ov.OverdueCommitments,
					ov.DisputedCommitments, len(ov.ConcernsByTopic), len(ov.CommitmentsByOwner))
			}
			answered := 0
			for _, m := range ov.Responsiveness {
				if m.MedianDaysToAck != nil && m.MedianDaysToRespond != nil {
					answered++
				}
			}
			if answered < 11 {
				t.Errorf("responsiveness for %d of 12 months", answered)
			}
		})

		t.Run("SearchFindsGeneratedRecords", func(t *testing.T) {
			read := as(t, officer)
			if cs := read.commitments(models.CommitmentFilter{Q: "Koeltoren", ListParams: models.ListParams{Limit: 10}}); len(cs) == 0 {
				t.Error(`no commitment found for "Koeltoren"`)
			}
			if cs := read.concerns(models.ConcernFilter{Q: "venstertijden", ListParams: models.ListParams{Limit: 10}}); len(cs) == 0 {
				t.Error(`no concern found for "venstertijden"`)
			}
			if ds := read.dialogues(models.DialogueFilter{Q: "klankbordgroep", ListParams: models.ListParams{Limit: 10}}); len(ds) == 0 {
				t.Error(`no dialogue found for "klankbordgroep"`)
			}
			if sts := read.stakeholders(models.StakeholderFilter{Q: "cooperatie", ListParams: models.ListParams{Limit: 10}}); len(sts) == 0 {
				t.Error(`no stakeholder found for "cooperatie" (AgroCoöperatie)`)
			}
		})

		t.Run("RefusesAStoreInUse", func(t *testing.T) {
			_, err := svc.GenerateScale(ctx, "small")
			if code(err) != models.Conflict {
				t.Errorf("second generation: %v, want conflict", err)
			}
			if _, err := svc.GenerateScale(ctx, "huge"); code(err) != models.Invalid {
				t.Errorf("unknown size: %v, want invalid", err)
			}
		})

		// Last, since it writes: a sample of every kind of record, saved
		// unchanged through its service, passes the rules a user's input
		// must meet and keeps the search text the generator wrote.
		t.Run("RecordsAsTheServicesWouldWriteThem", func(t *testing.T) {
			read := as(t, officer)
			for _, r := range read.stakeholders(models.StakeholderFilter{ListParams: models.ListParams{Limit: 20}}) {
				u, err := svc.Stakeholders.UpdateStakeholder(ctx, officer, r.ID, nil, models.StakeholderChanges{})
				sameSearchText(t, "stakeholder "+r.Name, r.SearchText, u.SearchText, err)
				for _, c := range read.contacts(models.ContactFilter{StakeholderID: r.ID}) {
					u, err := svc.Contacts.UpdateContact(ctx, officer, c.ID, nil, models.ContactChanges{})
					sameSearchText(t, "contact "+c.Name, c.SearchText, u.SearchText, err)
				}
			}
			for _, r := range read.dialogues(models.DialogueFilter{ListParams: models.ListParams{Limit: 20}}) {
				u, err := svc.Dialogues.UpdateDialogue(ctx, officer, r.ID, nil, models.DialogueChanges{})
				sameSearchText(t, "dialogue "+r.Title, r.SearchText, u.SearchText, err)
			}
			for _, r := range read.concerns(models.ConcernFilter{ListParams: models.ListParams{Limit: 40}}) {
				u, err := svc.Concerns.UpdateConcern(ctx, officer, r.ID, nil, models.ConcernChanges{})
				sameSearchText(t, "concern "+r.Title, r.SearchText, u.SearchText, err)
			}
			for _, r := range read.commitments(models.CommitmentFilter{ListParams: models.ListParams{Limit: 40}}) {
				u, err := svc.Commitments.UpdateCommitment(ctx, officer, r.ID, nil, models.CommitmentChanges{})
				sameSearchText(t, "commitment "+r.Title, r.SearchText, u.SearchText, err)
			}
		})
	})
}

func code(err error) models.Code {
	var e *models.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
