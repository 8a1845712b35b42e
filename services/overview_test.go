package services_test

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// The responsiveness figures are computed in the store (window functions
// that find each month's middle concerns); this keeps them equal to the
// plain reading of the definition, a median over every concern of the month
// taken in Go, and equal on both stores. The demo's times fall on whole
// minutes, where a day count sits exactly on a rounding boundary, so any
// difference in how the days are reckoned would show.
func TestOverviewResponsivenessIsTheMedianOfEachMonth(t *testing.T) {
	now := time.Date(2026, 3, 17, 10, 30, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	got := map[string][]models.MonthResponsiveness{}
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{Clock: clock, BcryptCost: bcrypt.MinCost})
		if _, err := svc.SeedDemo(ctx); err != nil {
			t.Fatal(err)
		}
		// and a few at odd microseconds, as the services stamp them
		officer := services.Actor{Role: models.RoleOfficer}
		st, err := svc.Stakeholders.CreateStakeholder(ctx, officer, models.StakeholderChanges{Name: ptr("Buurtvereniging Het Veer")})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 7 {
			raised := now.AddDate(0, 0, -3*i-1).Add(-time.Duration(i*7919) * time.Microsecond)
			c, err := svc.Concerns.CreateConcern(ctx, officer, models.ConcernChanges{StakeholderID: &st.ID,
				Title: ptr("Stof op de auto's"), RaisedAt: &raised})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Concerns.UpdateConcern(ctx, officer, c.ID, nil, models.ConcernChanges{Status: ptr("acknowledged")}); err != nil {
				t.Fatal(err)
			}
		}

		ov, err := svc.Overview.Overview(ctx, services.Actor{Role: models.RoleDirector})
		if err != nil {
			t.Fatal(err)
		}
		want := medianPerMonth(t, db, now)
		if !reflect.DeepEqual(ov.Responsiveness, want) {
			t.Errorf("responsiveness\n got  %s\n want %s", showMonths(ov.Responsiveness), showMonths(want))
		}
		got[db.Dialect] = ov.Responsiveness
	})
	if pg, lite := got["postgres"], got["sqlite"]; pg != nil && lite != nil && !reflect.DeepEqual(pg, lite) {
		t.Errorf("the stores differ\n postgres %s\n sqlite   %s", showMonths(pg), showMonths(lite))
	}
}

// medianPerMonth is the definition: every concern raised in each of the last
// twelve months, the days to each step, their median rounded to a tenth.
func medianPerMonth(t *testing.T, db *services.DB, now time.Time) []models.MonthResponsiveness {
	t.Helper()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -11, 0)
	var rows []struct {
		RaisedAt       time.Time
		AcknowledgedAt *time.Time
		RespondedAt    *time.Time
	}
	if err := db.Table("concerns").Select("raised_at, acknowledged_at, responded_at").
		Where("archived_at IS NULL AND raised_at >= ?", first).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	type acc struct {
		raised       int
		ack, respond []float64
	}
	months := make([]acc, 12)
	for _, r := range rows {
		raised := r.RaisedAt.UTC()
		i := (raised.Year()-first.Year())*12 + int(raised.Month()) - int(first.Month())
		if i < 0 || i >= 12 {
			continue
		}
		months[i].raised++
		if r.AcknowledgedAt != nil {
			months[i].ack = append(months[i].ack, r.AcknowledgedAt.Sub(r.RaisedAt).Hours()/24)
		}
		if r.RespondedAt != nil {
			months[i].respond = append(months[i].respond, r.RespondedAt.Sub(r.RaisedAt).Hours()/24)
		}
	}
	median := func(xs []float64) *float64 {
		if len(xs) == 0 {
			return nil
		}
		slices.Sort(xs)
		m := xs[len(xs)/2]
		if len(xs)%2 == 0 {
			m = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
		}
		m = float64(int(m*10+0.5)) / 10
		return &m
	}
	out := make([]models.MonthResponsiveness, 12)
	for i, m := range months {
		out[i] = models.MonthResponsiveness{Month: first.AddDate(0, i, 0).Format("2006-01"), Raised: m.raised,
			MedianDaysToAck: median(m.ack), MedianDaysToRespond: median(m.respond)}
	}
	return out
}

func showMonths(ms []models.MonthResponsiveness) string {
	s := ""
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'f', 1, 64)
	}
	for _, m := range ms {
		s += m.Month + ":" + f(m.MedianDaysToAck) + "/" + f(m.MedianDaysToRespond) + " "
	}
	return s
}

// The overview is served from a short cache, but never older than a write
// made through the same services: whoever changes something sees it.
func TestOverviewCacheNeverHidesOwnWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		ctx := context.Background()
		svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost, OverviewTTL: time.Hour})
		officer, director := services.Actor{Role: models.RoleOfficer}, services.Actor{Role: models.RoleDirector}
		st, err := svc.Stakeholders.CreateStakeholder(ctx, officer, models.StakeholderChanges{Name: ptr("Wijkraad Noord")})
		if err != nil {
			t.Fatal(err)
		}
		open := func() int {
			t.Helper()
			ov, err := svc.Overview.Overview(ctx, director)
			if err != nil {
				t.Fatal(err)
			}
			return ov.CommitmentsByStatus["open"]
		}
		if n := open(); n != 0 {
			t.Fatalf("%d open commitments in an empty register", n)
		}
		due := models.Date("2030-01-01")
		if _, err := svc.Commitments.CreateCommitment(ctx, officer, models.CommitmentChanges{Title: ptr("Verslag sturen"),
			StakeholderID: &st.ID, DueOn: &due}); err != nil {
			t.Fatal(err)
		}
		if n := open(); n != 1 {
			t.Errorf("after a commitment was made: %d open, want 1", n)
		}
		// a change behind the services' back (another replica) waits for the TTL
		if err := db.Exec("UPDATE commitments SET status = 'done'").Error; err != nil {
			t.Fatal(err)
		}
		if n := open(); n != 1 {
			t.Errorf("served from the cache: %d open, want the cached 1", n)
		}
		fresh := services.New(db, services.Options{OverviewTTL: -1})
		ov, err := fresh.Overview.Overview(ctx, director)
		if err != nil || ov.CommitmentsByStatus["open"] != 0 {
			t.Errorf("uncached: %d open (%v), want 0", ov.CommitmentsByStatus["open"], err)
		}
	})
}

func ptr[T any](v T) *T { return &v }
