package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/api"
	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// Concurrent writers must queue for the store, not fail: on SQLite that means
// no "database is locked" reaches a client, and no write is acknowledged that
// is not stored.
func TestConcurrentWritersAllStored(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		const writers, each = 8, 15
		officer := e.as(models.RoleOfficer)
		var (
			mu    sync.Mutex
			acked []string
			wg    sync.WaitGroup
		)
		errs := make(chan string, writers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					r := officer.post("/api/v1/dialogues", map[string]any{
						"title": fmt.Sprintf("Gesprek %d-%d", w, i), "held_at": "2026-05-01T10:00:00Z",
						"stakeholder_ids": []string{e.partner.ID},
						"concerns":        []any{map[string]any{"title": "Zorg", "severity": "low"}},
						"commitments":     []any{map[string]any{"title": "Toezegging", "due_on": "2026-06-01", "concern_index": 0}},
					})
					if r.Status != http.StatusCreated {
						errs <- fmt.Sprintf("%d %s", r.Status, r.Body)
						continue
					}
					mu.Lock()
					acked = append(acked, str(r.json(), "id"))
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for msg := range errs {
			t.Errorf("a concurrent write failed: %s", msg)
		}
		var stored int64
		if err := e.db.Table("dialogues").Where("id IN ?", acked).Count(&stored).Error; err != nil {
			t.Fatal(err)
		}
		if int(stored) != len(acked) || len(acked) != writers*each {
			t.Fatalf("acknowledged %d, stored %d, sent %d", len(acked), stored, writers*each)
		}
		var concerns, commitments int64
		e.db.Table("concerns").Where("dialogue_id IN ?", acked).Count(&concerns)
		e.db.Table("commitments").Where("dialogue_id IN ?", acked).Count(&commitments)
		if concerns != stored || commitments != stored {
			t.Fatalf("%d dialogues but %d concerns and %d commitments", stored, concerns, commitments)
		}
	})
}

// PATCHes of one record at the same time take turns: without If-Match each
// one applies (none answers 412, which needs a precondition the client did
// not set), and each raises the version by exactly one, so none is lost.
func TestConcurrentPatchesTakeTurns(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		const writers, each = 6, 5
		officer := e.as(models.RoleOfficer)
		id := str(officer.post("/api/v1/commitments", map[string]any{"title": "Samen", "stakeholder_id": e.partner.ID,
			"due_on": "2026-06-01"}).expect(http.StatusCreated).json(), "id")
		var (
			mu       sync.Mutex
			versions = map[float64]bool{}
			wg       sync.WaitGroup
		)
		errs := make(chan string, writers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					r := officer.patch("/api/v1/commitments/"+id, map[string]any{"description": fmt.Sprintf("%d-%d", w, i)})
					if r.Status != http.StatusOK {
						errs <- fmt.Sprintf("%d %s", r.Status, r.Body)
						continue
					}
					v := r.json()["version"].(float64)
					mu.Lock()
					if versions[v] {
						errs <- fmt.Sprintf("version %v answered twice", v)
					}
					versions[v] = true
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for msg := range errs {
			t.Errorf("a concurrent PATCH: %s", msg)
		}
		if v := officer.get("/api/v1/commitments/" + id).expect(http.StatusOK).json()["version"]; v != float64(1+writers*each) {
			t.Fatalf("version %v after %d PATCHes", v, writers*each)
		}
	})
}

// A request that waits on the database longer than the request timeout
// fails with 503 at the timeout rather than waiting on: here another
// transaction holds the record's lock, as a long or stuck one would.
// (cmd/dialoog's fault test does the same with PostgreSQL itself hung.)
func TestRequestTimeoutEndsAWait(t *testing.T) {
	for _, store := range storetest.Stores() {
		if store != "postgres" {
			continue // on SQLite the driver waits out its busy timeout whatever the context says
		}
		t.Run(store, func(t *testing.T) {
			db := storetest.Open(t, store)
			svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
			srv := httptest.NewServer(api.New(svc, api.Config{RequestTimeout: 300 * time.Millisecond}, slog.New(slog.NewTextHandler(io.Discard, nil))))
			defer srv.Close()
			e := &env{t: t, db: db, svc: svc, srv: srv}
			ctx := context.Background()
			admin, err := svc.Users.CreateUser(ctx, services.System, models.NewUser{Email: "a@example.nl", Name: "A", Role: models.RoleAdmin, Password: testPassword})
			if err != nil {
				t.Fatal(err)
			}
			e.users = map[models.Role]models.User{models.RoleAdmin: admin}
			c := e.withToken(models.RoleAdmin)
			sh := str(c.post("/api/v1/stakeholders", map[string]any{"name": "Wachtend"}).expect(http.StatusCreated).json(), "id")
			id := str(c.post("/api/v1/commitments", map[string]any{"title": "Vast", "stakeholder_id": sh, "due_on": "2026-06-01"}).expect(http.StatusCreated).json(), "id")

			tx := db.Begin()
			if err := tx.Exec("SELECT 1 FROM commitments WHERE id = ? FOR UPDATE", id).Error; err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			r := c.patch("/api/v1/commitments/"+id, map[string]any{"description": "na het wachten"})
			took := time.Since(start)
			tx.Rollback()
			r.problem(http.StatusServiceUnavailable)
			if took > 3*time.Second {
				t.Fatalf("the request waited %v with a 300 ms timeout", took)
			}
			c.patch("/api/v1/commitments/"+id, map[string]any{"description": "na het wachten"}).expect(http.StatusOK)
		})
	}
}
