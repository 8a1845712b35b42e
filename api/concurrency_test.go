package api_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"dialoog/models"
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
