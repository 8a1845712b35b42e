package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dialoog/services"
	"dialoog/services/storetest"
)

// A backup taken while writes go on restores, by the README's procedure,
// to a working register that is the register as it was at one moment:
// every write acknowledged before the backup began is in it, none begun
// after it ended, every meeting is whole, every row has what it refers to,
// and each record's version agrees with its audit trail.
func TestBackupWhileWritingRestores(t *testing.T) {
	for _, store := range storetest.Stores() {
		t.Run(store, func(t *testing.T) {
			ctx := context.Background()
			url := storetest.URL(t, store)
			var pgDump, pgRestore string
			if store == "postgres" {
				pgDump, pgRestore = pgBin(t, "pg_dump"), pgBin(t, "pg_restore")
			}
			srv := startServer(t, url)
			admin, err := signIn(srv.base)
			if err != nil {
				t.Fatal(err)
			}
			r := admin.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Natuurvereniging De Kreek"})
			if r.status != http.StatusCreated {
				t.Fatal(r)
			}
			stakeholder, _ := r.json()["id"].(string)
			// A commitment deleted before the others leaves a gap in the
			// rowids: were the copy to renumber them, SQLite's trigram index of
			// q (which finds rows by rowid) would point at the wrong rows.
			r = admin.call(ctx, "POST", "/api/v1/commitments", map[string]any{"title": "Vergissing", "stakeholder_id": stakeholder, "due_on": "2026-11-01"})
			if r.status != http.StatusCreated {
				t.Fatal(r)
			}
			if err := srv.db.Exec("DELETE FROM commitments WHERE id = ?", r.json()["id"]).Error; err != nil {
				t.Fatal(err)
			}
			const workers = 4
			own := make([]string, workers)
			for w := range own {
				r := admin.call(ctx, "POST", "/api/v1/commitments", map[string]any{"title": fmt.Sprintf("Herstel %d", w), "stakeholder_id": stakeholder, "due_on": "2026-11-01"})
				if r.status != http.StatusCreated {
					t.Fatal(r)
				}
				own[w], _ = r.json()["id"].(string)
			}

			type timedMeeting struct {
				meetingAck
				start, acked time.Time
			}
			var (
				mu       sync.Mutex
				meetings []timedMeeting
				wg       sync.WaitGroup
			)
			stop := make(chan struct{})
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c := admin.at(srv.base)
					for i := 0; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						if i%2 == 1 {
							c.call(ctx, "PATCH", "/api/v1/commitments/"+own[w], map[string]any{"description": fmt.Sprintf("stap %d", i)})
							continue
						}
						r := c.call(ctx, "POST", "/api/v1/dialogues", meetingBody(stakeholder, fmt.Sprintf("Backup %d-%d", w, i)))
						if r.status != http.StatusCreated {
							t.Errorf("a write during the backup: %s", r)
							continue
						}
						m, err := meetingOf(r)
						if err != nil {
							t.Error(err)
							continue
						}
						mu.Lock()
						meetings = append(meetings, timedMeeting{m, r.start, r.start.Add(r.took)})
						mu.Unlock()
					}
				}()
			}

			time.Sleep(700 * time.Millisecond)
			file := filepath.Join(t.TempDir(), "dialoog-backup")
			begun := time.Now()
			if store == "sqlite" {
				var out bytes.Buffer
				if err := run(ctx, []string{"backup", file}, envOf(map[string]string{"DATABASE_URL": url}), &out); err != nil {
					t.Fatalf("dialoog backup: %v", err)
				}
			} else {
				if out, err := exec.Command(pgDump, "--format=custom", "--file="+file, url).CombinedOutput(); err != nil {
					t.Fatalf("pg_dump: %v\n%s", err, out)
				}
			}
			ended := time.Now()
			time.Sleep(300 * time.Millisecond)
			close(stop)
			wg.Wait()
			during := 0
			for _, m := range meetings {
				if m.acked.After(begun) && m.start.Before(ended) {
					during++
				}
			}

			// Restore as the README says.
			restored := url
			if store == "sqlite" {
				srv.stop(t) // stop Dialoog
				path := strings.TrimPrefix(url, "sqlite://")
				for _, f := range []string{path, path + "-wal", path + "-shm"} {
					if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
						t.Fatal(err)
					}
				}
				if err := copyFile(file, path); err != nil {
					t.Fatal(err)
				}
			} else {
				restored = storetest.URL(t, "postgres") // an empty database
				if out, err := exec.Command(pgRestore, "--no-owner", "--exit-on-error", "--dbname="+restored, file).CombinedOutput(); err != nil {
					t.Fatalf("pg_restore: %v\n%s", err, out)
				}
			}
			back := startServer(t, restored)
			probe := newClient(back.base, 10*time.Second)
			if r := probe.call(ctx, "GET", "/readyz", nil); r.status != http.StatusOK {
				t.Fatalf("readyz on the restored register: %s", r)
			}
			c, err := signIn(back.base)
			if err != nil {
				t.Fatalf("sign in on the restored register: %v", err)
			}
			listed := 0
			for cursor := ""; ; {
				r := c.call(ctx, "GET", "/api/v1/dialogues?limit=200"+cursor, nil)
				if r.status != http.StatusOK {
					t.Fatalf("list dialogues: %s", r)
				}
				var page struct {
					Items      []map[string]any `json:"items"`
					NextCursor *string          `json:"next_cursor"`
				}
				if err := json.Unmarshal(r.body, &page); err != nil {
					t.Fatal(err)
				}
				listed += len(page.Items)
				if page.NextCursor == nil {
					break
				}
				cursor = "&cursor=" + *page.NextCursor
			}
			for _, path := range []string{"/api/v1/commitments?limit=200", "/api/v1/concerns?limit=200", "/api/v1/overview", "/api/v1/audit-events?limit=200"} {
				if r := c.call(ctx, "GET", path, nil); r.status != http.StatusOK {
					t.Errorf("%s on the restored register: %s", path, r)
				}
			}
			for w, id := range own {
				r := c.call(ctx, "GET", fmt.Sprintf("/api/v1/commitments?q=herstel+%d", w), nil)
				var page struct {
					Items []struct{ ID string } `json:"items"`
				}
				if err := json.Unmarshal(r.body, &page); err != nil || r.status != http.StatusOK || len(page.Items) != 1 || page.Items[0].ID != id {
					t.Errorf("q=herstel %d on the restored register finds %s, want %s only", w, r, id)
				}
			}
			if r := c.call(ctx, "POST", "/api/v1/dialogues", meetingBody(stakeholder, "Na het herstel")); r.status != http.StatusCreated {
				t.Errorf("a write on the restored register: %s", r)
			}

			db := back.db
			exists := func(table, id string) bool {
				var n int64
				if err := db.Table(table).Where("id = ?", id).Count(&n).Error; err != nil {
					t.Fatal(err)
				}
				return n == 1
			}
			var before, after, present int
			for _, m := range meetings {
				in := exists("dialogues", m.dialogue)
				if in != exists("concerns", m.concern) || in != exists("commitments", m.commitment) {
					t.Errorf("meeting %s is in the backup in part", m.dialogue)
				}
				switch {
				case m.acked.Before(begun):
					before++
					if !in {
						t.Errorf("meeting %s, acknowledged before the backup began, is not in it", m.dialogue)
					}
				case m.start.After(ended):
					after++
					if in {
						t.Errorf("meeting %s, begun after the backup ended, is in it", m.dialogue)
					}
				}
				if in {
					present++
				}
			}
			if listed != present {
				t.Errorf("the list shows %d dialogues; the backup holds %d of the test's", listed, present)
			}
			for _, q := range []string{
				"SELECT COUNT(*) FROM commitments c LEFT JOIN stakeholders s ON s.id = c.stakeholder_id WHERE s.id IS NULL",
				"SELECT COUNT(*) FROM concerns c LEFT JOIN stakeholders s ON s.id = c.stakeholder_id WHERE s.id IS NULL",
				"SELECT COUNT(*) FROM commitments c LEFT JOIN concerns n ON n.id = c.concern_id WHERE c.concern_id IS NOT NULL AND n.id IS NULL",
				"SELECT COUNT(*) FROM dialogue_stakeholders x LEFT JOIN dialogues d ON d.id = x.dialogue_id WHERE d.id IS NULL",
				"SELECT COUNT(*) FROM dialogues d WHERE NOT EXISTS (SELECT 1 FROM dialogue_stakeholders x WHERE x.dialogue_id = d.id)",
				"SELECT COUNT(*) FROM dialogues d WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.record_id = CAST(d.id AS TEXT) AND a.action = 'create')",
				"SELECT COUNT(*) FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE u.id IS NULL",
			} {
				var n int64
				if err := db.Raw(q).Scan(&n).Error; err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if n != 0 {
					t.Errorf("%d rows without what they refer to: %s", n, q)
				}
			}
			for _, id := range own {
				var version, updates int64
				db.Table("commitments").Select("version").Where("id = ?", id).Scan(&version)
				db.Table("audit_events").Where("record_id = ? AND action = 'update'", id).Count(&updates)
				if version != 1+updates {
					t.Errorf("commitment %s is at version %d but its audit trail holds %d updates: the backup is not one moment", id, version, updates)
				}
			}
			if before == 0 || present == 0 {
				t.Errorf("the test proves little: %d meetings before the backup, %d in it", before, present)
			}
			t.Logf("%s: backup in %v while %d workers wrote (%d meetings acknowledged during it); restored: %d meetings acknowledged before it all there, %d begun after it all absent, %d in it, each whole and consistent with its audit trail",
				store, ended.Sub(begun).Round(time.Millisecond), workers, during, before, after, present)
		})
	}
}

// dialoog backup refuses what it cannot do well.
func TestBackupCommand(t *testing.T) {
	ctx := context.Background()
	env := envOf(map[string]string{"DATABASE_URL": storetest.URL(t, "sqlite")})
	var out bytes.Buffer
	if err := run(ctx, []string{"migrate", "up"}, env, &out); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"backup"}, env, &out); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Fatalf("backup without a file: %v", err)
	}
	file := filepath.Join(t.TempDir(), "kopie.db")
	if err := run(ctx, []string{"backup", file}, env, &out); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"backup", file}, env, &out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("a backup over an existing file: %v", err)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".*partial")); len(matches) > 0 {
		t.Fatalf("a partial backup was left behind: %v", matches)
	}
	for _, store := range storetest.Stores() {
		if store != "postgres" {
			continue
		}
		env := envOf(map[string]string{"DATABASE_URL": storetest.URL(t, store)})
		err := run(ctx, []string{"backup", filepath.Join(t.TempDir(), "x")}, env, &out)
		if !errors.Is(err, services.ErrBackupPostgres) {
			t.Fatalf("backup on PostgreSQL: %v, want the pg_dump advice", err)
		}
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
