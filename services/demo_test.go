package services_test

import (
	"cmp"
	"context"
	"slices"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// TestSeedDemo seeds an empty store once and checks, case by case, that the
// demo is what DESIGN.md promises: every category, status and format, some
// overdue commitments, a partner with their own shared action list, working
// sign-ins, and a store left alone the second time.
func TestSeedDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
		start := time.Now()
		res, err := svc.SeedDemo(ctx)
		if err != nil {
			t.Fatalf("SeedDemo: %v", err)
		}
		t.Logf("seeded %s in %v: %d stakeholders, %d dialogues, %d concerns, %d commitments",
			db.Dialect, time.Since(start).Round(time.Millisecond), res.Stakeholders, res.Dialogues, res.Concerns, res.Commitments)

		users := map[models.Role]models.User{}
		for _, u := range res.Users {
			if _, seen := users[u.Role]; !seen {
				users[u.Role] = u
			}
		}
		officer := services.ActorOf(users[models.RoleOfficer])
		director := services.ActorOf(users[models.RoleDirector])
		partner := users[models.RolePartner]
		if partner.StakeholderID == nil {
			t.Fatal("no demo partner with a stakeholder")
		}
		read := func(t *testing.T, actor services.Actor) reader { return reader{t, ctx, svc, actor} }

		t.Run("Counts", func(t *testing.T) {
			if !res.Seeded {
				t.Fatal("Seeded = false on an empty store")
			}
			for _, c := range []struct {
				what      string
				n, lo, hi int
			}{
				{"stakeholders", res.Stakeholders, 28, 36},
				{"dialogues", res.Dialogues, 55, 70},
				{"concerns", res.Concerns, 100, 125},
				{"commitments", res.Commitments, 80, 100},
			} {
				if c.n < c.lo || c.n > c.hi {
					t.Errorf("%d %s, want %d to %d", c.n, c.what, c.lo, c.hi)
				}
			}
			stakeholders := read(t, officer).stakeholders(models.StakeholderFilter{})
			commitments := read(t, officer).commitments(models.CommitmentFilter{})
			if len(stakeholders) != res.Stakeholders || len(commitments) != res.Commitments {
				t.Errorf("stored %d stakeholders and %d commitments, result says %d and %d",
					len(stakeholders), len(commitments), res.Stakeholders, res.Commitments)
			}
		})

		t.Run("UsersOfEveryRole", func(t *testing.T) {
			for _, role := range models.Roles {
				u, ok := users[models.Role(role)]
				if !ok {
					t.Errorf("no demo user with role %s", role)
					continue
				}
				if want := role + "@demo.dialoog.nl"; u.Email != want {
					t.Errorf("%s demo user is %s, want %s", role, u.Email, want)
				}
			}
			for _, u := range res.Users {
				if u.PasswordHash != "" {
					t.Errorf("the result carries the password hash of %s", u.Email)
				}
			}
			st, err := svc.Stakeholders.GetStakeholder(ctx, officer, *partner.StakeholderID)
			if err != nil || st.Category != "community" {
				t.Errorf("the partner's stakeholder is %+v (%v), want a community stakeholder", st, err)
			}
		})

		t.Run("EveryDemoUserCanSignIn", func(t *testing.T) {
			for _, u := range res.Users {
				got, err := svc.Auth.Login(ctx, u.Email, services.DemoPassword)
				if err != nil {
					t.Errorf("sign in as %s: %v", u.Email, err)
					continue
				}
				if got.User.ID != u.ID || got.User.Role != u.Role {
					t.Errorf("signed in as %s (%s), want %s (%s)", got.User.Email, got.User.Role, u.Email, u.Role)
				}
			}
		})

		t.Run("StakeholdersCoverTheRegister", func(t *testing.T) {
			stakeholders := read(t, officer).stakeholders(models.StakeholderFilter{})
			categories, kinds, stances := map[string]bool{}, map[string]bool{}, map[string]bool{}
			cells := map[[2]int]bool{}
			for _, st := range stakeholders {
				categories[st.Category], kinds[st.Kind], stances[st.Stance] = true, true, true
				cells[[2]int{st.Influence, st.Interest}] = true
				if st.Country != "NL" || len(st.Tags) == 0 || st.OwnerID == nil || st.Email == "" {
					t.Errorf("%s: country %q, tags %v, owner %v, email %q; want NL, tags, an owner and an email", st.Name, st.Country, st.Tags, st.OwnerID, st.Email)
				}
				contacts := read(t, officer).contacts(models.ContactFilter{StakeholderID: st.ID})
				if len(contacts) == 0 {
					t.Errorf("%s has no contacts", st.Name)
				}
				for _, c := range contacts {
					if c.Role == "" || c.Email == "" {
						t.Errorf("contact %s of %s: role %q, email %q", c.Name, st.Name, c.Role, c.Email)
					}
				}
			}
			missing(t, "category", models.Categories, categories)
			missing(t, "kind", models.StakeholderKinds, kinds)
			missing(t, "stance", models.Stances, stances)
			if len(cells) < 12 {
				t.Errorf("stakeholders sit in %d cells of the power/interest grid, want a spread over at least 12", len(cells))
			}
		})

		t.Run("DialoguesCoverTheYear", func(t *testing.T) {
			dialogues := read(t, officer).dialogues(models.DialogueFilter{})
			formats, levels, months := map[string]bool{}, map[string]bool{}, map[string]bool{}
			yearAgo := time.Now().AddDate(-1, 0, -1)
			for _, d := range dialogues {
				formats[d.Format], levels[d.EngagementLevel] = true, true
				months[d.HeldAt.Format("2006-01")] = true
				if len(d.StakeholderIDs) == 0 || len(d.UserIDs) == 0 || len(d.Topics) == 0 {
					t.Errorf("%q: %d stakeholders, %d users and topics %v present; want some of each", d.Title, len(d.StakeholderIDs), len(d.UserIDs), d.Topics)
				}
				if !d.HeldAt.Before(time.Now()) || d.HeldAt.Before(yearAgo) {
					t.Errorf("%q held at %v, want within the last year", d.Title, d.HeldAt)
				}
			}
			missing(t, "format", models.DialogueFormats, formats)
			missing(t, "engagement level", models.EngagementLevels, levels)
			if len(months) < 12 {
				t.Errorf("dialogues in %d months, want every month of the year", len(months))
			}
		})

		t.Run("ConcernsInEveryStatus", func(t *testing.T) {
			concerns := read(t, officer).concerns(models.ConcernFilter{})
			statuses, severities, topics := map[string]bool{}, map[string]bool{}, map[string]bool{}
			confidential := 0
			now := time.Now()
			for _, c := range concerns {
				statuses[c.Status], severities[c.Severity], topics[c.Topic] = true, true, true
				if c.Confidential {
					confidential++
				}
				// every step taken has a time, after the step before, and in the past
				steps := []*time.Time{&c.RaisedAt, c.AcknowledgedAt, c.RespondedAt, c.ClosedAt}
				reached := slices.Index(models.ConcernStatuses, c.Status)
				for i := 1; i < len(steps); i++ {
					if (steps[i] != nil) != (i <= reached) {
						t.Errorf("%q is %s but step %s has time %v", c.Title, c.Status, models.ConcernStatuses[i], steps[i])
						continue
					}
					if steps[i] != nil && (!steps[i].After(*steps[i-1]) || steps[i].After(now)) {
						t.Errorf("%q: %s at %v, after the step before (%v) and before now, please", c.Title, models.ConcernStatuses[i], steps[i], steps[i-1])
					}
				}
				if reached >= 2 && (c.Response == "" || c.Decision == "") {
					t.Errorf("%q is %s without a response or decision", c.Title, c.Status)
				}
			}
			missing(t, "concern status", models.ConcernStatuses, statuses)
			missing(t, "severity", models.Severities, severities)
			if len(topics) < 8 || len(topics) > 12 {
				t.Errorf("concerns on %d topics (%v), want about ten", len(topics), topics)
			}
			if confidential < 2 {
				t.Errorf("%d confidential concerns, want a few", confidential)
			}
		})

		t.Run("SomeCommitmentsOverdue", func(t *testing.T) {
			overdue := true
			page := read(t, officer).commitments(models.CommitmentFilter{Overdue: &overdue})
			if len(page) < 3 {
				t.Fatalf("%d overdue commitments, want some", len(page))
			}
			for _, c := range page {
				if !c.Overdue {
					t.Errorf("%q listed as overdue but not marked so", c.Title)
				}
			}
			commitments := read(t, officer).commitments(models.CommitmentFilter{})
			concerns := map[string]models.Concern{}
			for _, c := range read(t, officer).concerns(models.ConcernFilter{}) {
				concerns[c.ID] = c
			}
			statuses, linked := map[string]bool{}, 0
			for _, c := range commitments {
				statuses[c.Status] = true
				if c.ConcernID != nil {
					linked++
					// owed to whoever raised the concern it answers
					if concern := concerns[*c.ConcernID]; concern.StakeholderID != c.StakeholderID || concern.RaisedAt.After(c.CreatedAt) {
						t.Errorf("%q answers %q, raised by another stakeholder or after it was made", c.Title, concern.Title)
					}
				}
				if (c.Status == "done") != (c.DoneAt != nil) {
					t.Errorf("%q is %s with done_at %v", c.Title, c.Status, c.DoneAt)
				}
				if c.PartnerVerdict != nil && (c.Status != "done" || !c.Shared || c.VerdictAt == nil || c.VerdictAt.Before(*c.DoneAt)) {
					t.Errorf("%q has a verdict but is %s, shared %v, verdict at %v after done at %v", c.Title, c.Status, c.Shared, c.VerdictAt, c.DoneAt)
				}
			}
			missing(t, "commitment status", models.CommitmentStatuses, statuses)
			if linked == 0 || linked == len(commitments) {
				t.Errorf("%d of %d commitments answer a concern, want many but not all", linked, len(commitments))
			}
		})

		t.Run("PartnerSeesOnlyTheirSharedCommitments", func(t *testing.T) {
			shared := true
			want := read(t, officer).commitments(models.CommitmentFilter{StakeholderID: *partner.StakeholderID, Shared: &shared})
			got := read(t, services.ActorOf(partner)).commitments(models.CommitmentFilter{})
			if len(got) < 3 || len(got) != len(want) {
				t.Fatalf("the partner sees %d commitments, want their %d shared ones (at least 3)", len(got), len(want))
			}
			accepted, disputed, awaiting, withNews := 0, 0, 0, 0
			for _, c := range got {
				if c.StakeholderID != *partner.StakeholderID || !c.Shared || c.OwnerID != nil || c.ConcernID != nil {
					t.Errorf("the partner sees %q: stakeholder %s, shared %v, owner %v, concern %v", c.Title, c.StakeholderID, c.Shared, c.OwnerID, c.ConcernID)
				}
				switch {
				case c.Status == "done" && c.PartnerVerdict == nil:
					awaiting++
				case c.PartnerVerdict != nil && *c.PartnerVerdict == "accepted":
					accepted++
				case c.PartnerVerdict != nil && *c.PartnerVerdict == "disputed":
					disputed++
					if c.VerdictReason == "" {
						t.Errorf("%q disputed without a reason", c.Title)
					}
				}
				updates := read(t, services.ActorOf(partner)).updates(c.ID)
				for _, u := range updates {
					if !u.Shared {
						t.Errorf("the partner sees an internal update on %q", c.Title)
					}
				}
				if len(updates) > 0 {
					withNews++
				}
			}
			if accepted == 0 || disputed == 0 || awaiting == 0 {
				t.Errorf("partner list: %d accepted, %d disputed, %d done awaiting a verdict; want each", accepted, disputed, awaiting)
			}
			if withNews < 3 {
				t.Errorf("%d of the partner's commitments have shared updates, want several", withNews)
			}
			// an internal reader sees internal notes beside the shared ones
			internal := 0
			for _, c := range want {
				for _, u := range read(t, officer).updates(c.ID) {
					if !u.Shared {
						internal++
					}
				}
			}
			if internal == 0 {
				t.Error("no internal updates on the partner's commitments")
			}
		})

		t.Run("OverviewShowsTheYear", func(t *testing.T) {
			ov, err := svc.Overview.Overview(ctx, director)
			if err != nil {
				t.Fatal(err)
			}
			if ov.OverdueCommitments == 0 || ov.DisputedCommitments == 0 || ov.OpenConcerns == 0 {
				t.Errorf("overview: %d overdue, %d disputed, %d open concerns; want some of each", ov.OverdueCommitments, ov.DisputedCommitments, ov.OpenConcerns)
			}
			if len(ov.ConcernsByTopic) < 8 {
				t.Errorf("concerns by topic has %d topics, want about ten", len(ov.ConcernsByTopic))
			}
			if len(ov.CommitmentsByOwner) < 3 {
				t.Errorf("commitments by owner has %d owners, want several", len(ov.CommitmentsByOwner))
			}
			answered := 0
			for _, m := range ov.Responsiveness {
				if m.Raised > 0 && m.MedianDaysToAck != nil {
					answered++
				}
			}
			if answered < 10 {
				t.Errorf("responsiveness has %d months with figures, want nearly every month", answered)
			}
		})

		t.Run("SearchFindsDemoRecords", func(t *testing.T) {
			// search_text is written by the demo itself; these find it through
			// the same queries the app runs
			if sts := read(t, officer).stakeholders(models.StakeholderFilter{Q: "cooperatie"}); len(sts) == 0 {
				t.Error(`no stakeholder found for "cooperatie" (AgroDelta Coöperatie)`)
			}
			if cs := read(t, officer).concerns(models.ConcernFilter{Q: "venstertijden"}); len(cs) == 0 {
				t.Error(`no concern found for "venstertijden" (in a decision)`)
			}
			if ds := read(t, officer).dialogues(models.DialogueFilter{Q: "klankbordgroep"}); len(ds) < 5 {
				t.Errorf(`%d dialogues found for "klankbordgroep", want the series`, len(ds))
			}
			if cs := read(t, officer).commitments(models.CommitmentFilter{Q: "kreekkade"}); len(cs) == 0 {
				t.Error(`no commitment found for "kreekkade"`)
			}
		})

		t.Run("EveryRecordAudited", func(t *testing.T) {
			commitments := read(t, officer).commitments(models.CommitmentFilter{ListParams: models.ListParams{Limit: 3}})
			for _, c := range commitments {
				events := read(t, director).audit(models.AuditFilter{RecordID: c.ID})
				if len(events) != 1 || events[0].Action != "create" || events[0].ActorID != nil {
					t.Errorf("audit of %q: %+v, want one create by the system", c.Title, events)
				}
			}
		})

		t.Run("SecondSeedLeavesTheStoreAlone", func(t *testing.T) {
			again, err := svc.SeedDemo(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.Seeded || again.Stakeholders != 0 || len(again.Users) != 0 {
				t.Errorf("second seed: %+v, want Seeded false and nothing stored", again)
			}
			sts := read(t, officer).stakeholders(models.StakeholderFilter{})
			us := read(t, officer).users(models.UserFilter{})
			if len(sts) != res.Stakeholders || len(us) != len(res.Users) {
				t.Errorf("after the second seed: %d stakeholders and %d users, want %d and %d", len(sts), len(us), res.Stakeholders, len(res.Users))
			}
		})

		// Last, since it writes: saving every record unchanged through its
		// service checks it against the rules a user's input must meet, and
		// recomputes its search text, which must be what the demo wrote.
		t.Run("EveryRecordAsTheServicesWouldWriteIt", func(t *testing.T) {
			for _, r := range read(t, officer).stakeholders(models.StakeholderFilter{}) {
				u, err := svc.Stakeholders.UpdateStakeholder(ctx, officer, r.ID, nil, models.StakeholderChanges{})
				sameSearchText(t, "stakeholder "+r.Name, r.SearchText, u.SearchText, err)
				for _, c := range read(t, officer).contacts(models.ContactFilter{StakeholderID: r.ID}) {
					u, err := svc.Contacts.UpdateContact(ctx, officer, c.ID, nil, models.ContactChanges{})
					sameSearchText(t, "contact "+c.Name, c.SearchText, u.SearchText, err)
				}
			}
			for _, r := range read(t, officer).dialogues(models.DialogueFilter{}) {
				u, err := svc.Dialogues.UpdateDialogue(ctx, officer, r.ID, nil, models.DialogueChanges{})
				sameSearchText(t, "dialogue "+r.Title, r.SearchText, u.SearchText, err)
			}
			for _, r := range read(t, officer).concerns(models.ConcernFilter{}) {
				u, err := svc.Concerns.UpdateConcern(ctx, officer, r.ID, nil, models.ConcernChanges{})
				sameSearchText(t, "concern "+r.Title, r.SearchText, u.SearchText, err)
			}
			for _, r := range read(t, officer).commitments(models.CommitmentFilter{}) {
				u, err := svc.Commitments.UpdateCommitment(ctx, officer, r.ID, nil, models.CommitmentChanges{})
				sameSearchText(t, "commitment "+r.Title, r.SearchText, u.SearchText, err)
			}
		})
	})
}

// TestSeedDemoOnlyIntoAnEmptyRegister: the first admin alone does not make
// a register (serve creates them before seeding), one stakeholder does.
func TestSeedDemoOnlyIntoAnEmptyRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
		if _, _, err := svc.Users.EnsureAdmin(ctx, "admin@dialoog.local", "Administrator", "adminadmin12"); err != nil {
			t.Fatal(err)
		}
		res, err := svc.SeedDemo(ctx)
		if err != nil || !res.Seeded {
			t.Fatalf("seed next to the first admin: %+v, %v; want seeded", res.Seeded, err)
		}

		other := storetest.Open(t, db.Dialect)
		svc = services.New(other, services.Options{BcryptCost: bcrypt.MinCost})
		name := "Buurtvereniging De Wijk"
		if _, err := svc.Stakeholders.CreateStakeholder(ctx, services.System, models.StakeholderChanges{Name: &name}); err != nil {
			t.Fatal(err)
		}
		res, err = svc.SeedDemo(ctx)
		if err != nil || res.Seeded {
			t.Fatalf("seed a register in use: %+v, %v; want left alone", res, err)
		}
		var users int64
		if err := other.Model(&models.User{}).Count(&users).Error; err != nil || users != 0 {
			t.Errorf("%d users after seeding a register in use (%v), want none", users, err)
		}
	})
}

// TestSeedDemoIsTheSameEachRun: the demo draws from a fixed seed, so two
// stores seeded at the same moment hold the same story.
func TestSeedDemoIsTheSameEachRun(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	story := func() []string {
		db := storetest.Open(t, "sqlite")
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost, Clock: func() time.Time { return at }})
		if _, err := svc.SeedDemo(ctx); err != nil {
			t.Fatal(err)
		}
		var lines []string
		err := db.Model(&models.Commitment{}).Order("due_on, title, status").
			Select("due_on || ' ' || status || ' ' || title").Scan(&lines).Error
		if err != nil {
			t.Fatal(err)
		}
		return lines
	}
	first, second := story(), story()
	if !slices.Equal(first, second) {
		t.Errorf("two seeds differ:\n%v\n%v", first, second)
	}
}

// reader lists records as one actor, failing the test on an error. The
// demo fits in one page of 200, so a second page is a failure too.
type reader struct {
	t     *testing.T
	ctx   context.Context
	svc   *services.Services
	actor services.Actor
}

const onePage = 200

func items[T any](t *testing.T, page models.Page[T], err error, limit int) []T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if page.NextCursor != "" && limit == onePage {
		t.Fatalf("more than %d %T", onePage, page.Items)
	}
	return page.Items
}

func (r reader) stakeholders(f models.StakeholderFilter) []models.Stakeholder {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Stakeholders.FindStakeholders(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) contacts(f models.ContactFilter) []models.Contact {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Contacts.FindContacts(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) dialogues(f models.DialogueFilter) []models.Dialogue {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Dialogues.FindDialogues(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) concerns(f models.ConcernFilter) []models.Concern {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Concerns.FindConcerns(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) commitments(f models.CommitmentFilter) []models.Commitment {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Commitments.FindCommitments(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) updates(commitmentID string) []models.CommitmentUpdate {
	r.t.Helper()
	page, err := r.svc.Commitments.FindUpdates(r.ctx, r.actor, commitmentID, models.ListParams{Limit: onePage})
	return items(r.t, page, err, onePage)
}

func (r reader) audit(f models.AuditFilter) []models.AuditEvent {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Audit.FindAuditEvents(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func (r reader) users(f models.UserFilter) []models.User {
	r.t.Helper()
	f.Limit = cmp.Or(f.Limit, onePage)
	page, err := r.svc.Users.FindUsers(r.ctx, r.actor, f)
	return items(r.t, page, err, f.Limit)
}

func missing(t *testing.T, what string, allowed []string, seen map[string]bool) {
	t.Helper()
	for _, v := range allowed {
		if !seen[v] {
			t.Errorf("no %s %q in the demo", what, v)
		}
	}
}

func sameSearchText(t *testing.T, what, demo, service string, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("save %s unchanged: %v", what, err)
		return
	}
	if demo != service {
		t.Errorf("%s: the demo wrote search text\n%q\nthe service writes\n%q", what, demo, service)
	}
}
