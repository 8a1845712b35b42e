package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the admin connection

	"dialoog/services"
)

// dataset is the generated register of one store, ready to be measured.
type dataset struct {
	Store       string
	URL         string `json:"-"`
	Scale       string
	Generated   bool          // made by this run (false: reused)
	GenerateIn  time.Duration // how long `dialoog demo --scale` took
	GeneratedAt time.Time
	MigrateIn   time.Duration // how long `dialoog migrate up` took
	SizeBytes   int64
	Rows        map[string]int64
}

// prepare makes sure the store holds a complete generated register of the
// scale, migrated to the current schema, with nothing left over from an
// earlier run's writes; it generates one only when there is none.
func prepare(ctx context.Context, o options, store string) (*dataset, error) {
	ds := &dataset{Store: store, Scale: o.scale}
	size, ok := services.ScaleSizes[o.scale]
	if !ok {
		return nil, fmt.Errorf("unknown scale %q", o.scale)
	}
	switch store {
	case "postgres":
		u, err := url.Parse(o.pgAdmin)
		if err != nil {
			return nil, err
		}
		u.Path = "/" + o.pgDB
		ds.URL = u.String()
		exists, err := pgDatabaseExists(ctx, o.pgAdmin, o.pgDB)
		if err != nil {
			return nil, fmt.Errorf("reach PostgreSQL at %s: %w", o.pgAdmin, err)
		}
		if exists {
			if complete, err := ds.complete(ctx, o, size); err != nil || !complete {
				logf("%s: the register in %s is not complete (%v); making it again", store, o.pgDB, err)
				exists = false
			}
		}
		if !exists {
			if err := pgRecreate(ctx, o.pgAdmin, o.pgDB); err != nil {
				return nil, err
			}
			if err := ds.generate(ctx, o); err != nil {
				return nil, err
			}
		}
	case "sqlite":
		if err := os.MkdirAll(filepath.Dir(o.sqliteFile), 0o755); err != nil {
			return nil, err
		}
		ds.URL = "sqlite://" + o.sqliteFile
		_, err := os.Stat(o.sqliteFile)
		exists := err == nil
		if exists {
			if complete, err := ds.complete(ctx, o, size); err != nil || !complete {
				logf("%s: the register in %s is not complete (%v); making it again", store, o.sqliteFile, err)
				exists = false
			}
		}
		if !exists {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				_ = os.Remove(o.sqliteFile + suffix)
			}
			if err := ds.generate(ctx, o); err != nil {
				return nil, err
			}
		}
	default:
		return nil, fmt.Errorf("unknown store %q", store)
	}
	if !ds.Generated {
		ds.recall(o)
	}
	return ds, ds.measureSize(ctx, o)
}

// complete migrates the register, removes what earlier runs wrote, and
// reports whether it holds exactly the generated sizes.
func (ds *dataset) complete(ctx context.Context, o options, size services.ScaleSize) (bool, error) {
	start := time.Now()
	cmd := exec.CommandContext(ctx, o.bin, "migrate", "up")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+ds.URL)
	if out, err := cmd.CombinedOutput(); err != nil {
		return false, fmt.Errorf("migrate: %v: %s", err, out)
	}
	ds.MigrateIn = time.Since(start)
	db, err := services.Open(ctx, ds.URL)
	if err != nil {
		return false, err
	}
	defer db.Close()
	if err := cleanUp(ctx, db); err != nil {
		return false, err
	}
	want := map[string]int{"stakeholders": size.Stakeholders, "contacts": size.Contacts, "dialogues": size.Dialogues,
		"concerns": size.Concerns, "commitments": size.Commitments}
	for table, n := range want {
		var got int64
		if err := db.WithContext(ctx).Table(table).Count(&got).Error; err != nil {
			return false, err
		}
		if got != int64(n) {
			return false, fmt.Errorf("%s has %d rows, want %d", table, got, n)
		}
	}
	var director int64
	db.WithContext(ctx).Table("users").Where("email = ?", "director@demo.dialoog.nl").Count(&director)
	return director == 1, nil
}

func (ds *dataset) generate(ctx context.Context, o options) error {
	logf("%s: generating the %s register (dialoog demo --scale %s)...", ds.Store, o.scale, o.scale)
	start := time.Now()
	cmd := exec.CommandContext(ctx, o.bin, "demo", "--scale", o.scale)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+ds.URL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("generate: %v: %s", err, out)
	}
	ds.GenerateIn, ds.Generated, ds.GeneratedAt = time.Since(start), true, time.Now()
	logf("%s: %s", ds.Store, strings.SplitN(string(out), "\n", 2)[0])
	// kept beside the register, so that a later run that reuses it can say
	// how long it took to make
	b, _ := json.Marshal(map[string]any{"took": ds.GenerateIn, "at": ds.GeneratedAt})
	note := generatedNote(o, ds.Store)
	if err := os.MkdirAll(filepath.Dir(note), 0o755); err != nil {
		return err
	}
	return os.WriteFile(note, b, 0o644)
}

func generatedNote(o options, store string) string {
	return filepath.Join("bench", "data", "generated-"+store+"-"+o.scale+".json")
}

// recall reads how long the reused register took to make, if known.
func (ds *dataset) recall(o options) {
	b, err := os.ReadFile(generatedNote(o, ds.Store))
	if err != nil {
		return
	}
	var note struct {
		Took time.Duration
		At   time.Time
	}
	if json.Unmarshal(b, &note) == nil {
		ds.GenerateIn, ds.GeneratedAt = note.Took, note.At
	}
}

func (ds *dataset) measureSize(ctx context.Context, o options) error {
	db, err := services.Open(ctx, ds.URL)
	if err != nil {
		return err
	}
	defer db.Close()
	ds.Rows = map[string]int64{}
	for _, t := range []string{"stakeholders", "contacts", "dialogues", "dialogue_stakeholders", "dialogue_users",
		"concerns", "commitments", "commitment_updates", "users"} {
		var n int64
		if err := db.WithContext(ctx).Table(t).Count(&n).Error; err != nil {
			return err
		}
		ds.Rows[t] = n
	}
	if ds.Store == "postgres" {
		return db.WithContext(ctx).Raw("SELECT pg_database_size(current_database())").Scan(&ds.SizeBytes).Error
	}
	st, err := os.Stat(o.sqliteFile)
	if err == nil {
		ds.SizeBytes = st.Size()
	}
	return err
}

// benchTitle starts the title of every meeting the benchmark logs, so that
// cleanUp finds them again.
const benchTitle = "Benchmark-overleg"

// cleanUp removes what the write benchmark and the sign-ins left, so that
// every run measures the same register; on PostgreSQL it vacuums after, so
// that index-only scans stay index-only.
func cleanUp(ctx context.Context, db *services.DB) error {
	idText := "id"
	if db.Dialect == "postgres" {
		idText = "id::text"
	}
	bench := "SELECT id FROM dialogues WHERE title LIKE '" + benchTitle + "%'"
	stmts := []string{
		"DELETE FROM audit_events WHERE action = 'sign_in'",
		"DELETE FROM audit_events WHERE record_id IN (SELECT " + idText + " FROM dialogues WHERE title LIKE '" + benchTitle + "%')",
		"DELETE FROM audit_events WHERE record_id IN (SELECT " + idText + " FROM concerns WHERE dialogue_id IN (" + bench + "))",
		"DELETE FROM audit_events WHERE record_id IN (SELECT " + idText + " FROM commitments WHERE dialogue_id IN (" + bench + "))",
		"DELETE FROM commitment_updates WHERE commitment_id IN (SELECT id FROM commitments WHERE dialogue_id IN (" + bench + "))",
		"DELETE FROM commitments WHERE dialogue_id IN (" + bench + ")",
		"DELETE FROM concerns WHERE dialogue_id IN (" + bench + ")",
		"DELETE FROM dialogue_stakeholders WHERE dialogue_id IN (" + bench + ")",
		"DELETE FROM dialogue_users WHERE dialogue_id IN (" + bench + ")",
		"DELETE FROM dialogues WHERE title LIKE '" + benchTitle + "%'",
		"DELETE FROM sessions",
	}
	var removed int64
	for _, s := range stmts {
		res := db.WithContext(ctx).Exec(s)
		if res.Error != nil {
			return fmt.Errorf("clean up: %s: %w", s, res.Error)
		}
		removed += res.RowsAffected
	}
	if removed > 0 && db.Dialect == "postgres" {
		for _, t := range []string{"audit_events", "commitments", "concerns", "dialogues", "dialogue_stakeholders", "dialogue_users", "sessions"} {
			if err := db.WithContext(ctx).Exec("VACUUM (ANALYZE) " + t).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

func pgDatabaseExists(ctx context.Context, admin, name string) (bool, error) {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_database WHERE datname = $1", name).Scan(&n)
	return n > 0, err
}

func pgRecreate(ctx context.Context, admin, name string) error {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "CREATE DATABASE "+name)
	return err
}

// server is a running `dialoog serve`.
type server struct {
	cmd  *exec.Cmd
	base string
	rss  *rssSampler
	done chan error
}

func startServer(ctx context.Context, o options, ds *dataset, extraEnv ...string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(o.bin, "serve")
	// One JSON line per request, as in production, written to nowhere: the
	// cost of logging is the server's, the cost of a disk is not measured.
	cmd.Env = append(os.Environ(), "DATABASE_URL="+ds.URL, "DIALOOG_ADDR="+addr, "DIALOOG_LOG_FORMAT=json")
	cmd.Env = append(cmd.Env, extraEnv...)
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, base: "http://" + addr, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(s.base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-s.done:
			return nil, fmt.Errorf("the server stopped: %v", err)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("the server at %s was not ready within a minute", addr)
		}
	}
	s.rss = newRSSSampler(cmd.Process.Pid)
	return s, nil
}

func (s *server) stop() {
	if s.rss != nil {
		s.rss.close()
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// rssSampler reads the server's resident memory ten times a second and
// keeps the highest seen since the last reset.
type rssSampler struct {
	mu   sync.Mutex
	peak int64
	all  int64
	stop chan struct{}
}

func newRSSSampler(pid int) *rssSampler {
	r := &rssSampler{stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := readRSS(pid); kb > 0 {
				r.mu.Lock()
				r.peak, r.all = max(r.peak, kb), max(r.all, kb)
				r.mu.Unlock()
			}
			select {
			case <-r.stop:
				return
			case <-t.C:
			}
		}
	}()
	return r
}

func (r *rssSampler) reset() {
	r.mu.Lock()
	r.peak = 0
	r.mu.Unlock()
}

// since is the peak since the last reset, in MB.
func (r *rssSampler) since() float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return float64(r.peak) / 1024
}

func (r *rssSampler) overall() float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return float64(r.all) / 1024
}

func (r *rssSampler) close() { close(r.stop) }

func readRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}
