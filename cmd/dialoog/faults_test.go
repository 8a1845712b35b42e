package main

// Fault tests: what the server does when its surroundings fail. They start
// real servers on real databases and take minutes, so they run with
// DIALOOG_FAULTS=1 (make faults; CI runs them too). Each one keeps the
// client's log of every write the server acknowledged and checks, in the
// database, that each of them is there.
//
// Time bounds here are correctness properties, not speed claims: a request
// that waits on a dead database without end ties up a connection of the
// load balancer and a goroutine of the server, so "no request takes longer
// than N seconds while the database is down" is part of failing well.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dialoog/services"
	"dialoog/services/storetest"
)

// hangBound is the longest any request may take while PostgreSQL is
// stopped, crashed or hung. Stopped or crashed, the server knows at once and
// answers 503 in milliseconds; hung, nothing tells it, and the request
// timeout (hungTimeout here, DIALOOG_REQUEST_TIMEOUT, 30 s by default) ends
// the wait with 503.
const (
	hangBound   = 5 * time.Second
	hungTimeout = 2 * time.Second
)

// PostgreSQL stopped, crashed and hung under load: requests fail fast with a
// 503 problem, /readyz says so, the server recovers by itself when the
// database is back, and no acknowledged write is lost.
func TestFaultPostgresDownAndUp(t *testing.T) {
	needFaults(t)
	pg := startCluster(t)
	// A hung database fails requests at the request timeout; a short one
	// keeps the test short. Stopped and crashed ones fail them at once.
	srv := startServer(t, pg.URL(), func(c *Config) { c.RequestTimeout = hungTimeout })
	admin, err := signIn(srv.base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := admin.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Omwonenden Havenweg", "category": "community"})
	if r.status != http.StatusCreated {
		t.Fatalf("create stakeholder: %s", r)
	}
	stakeholder, _ := r.json()["id"].(string)

	const workers = 8
	own := make([]string, workers) // each worker PATCHes its own commitment, so that no 412 can come of two of them
	for w := range own {
		r := admin.call(ctx, "POST", "/api/v1/commitments", map[string]any{"title": fmt.Sprintf("Toezegging %d", w), "stakeholder_id": stakeholder, "due_on": "2026-09-01"})
		if r.status != http.StatusCreated {
			t.Fatalf("create commitment: %s", r)
		}
		own[w], _ = r.json()["id"].(string)
	}

	var (
		acks    ackLog
		mu      sync.Mutex
		results []result
		probes  []result // /readyz every 100 ms
		wg      sync.WaitGroup
	)
	stop := make(chan struct{})
	// The client waits far longer than hangBound, so that a hang shows as
	// a long request rather than as a client timeout.
	client := newClient(srv.base, 60*time.Second)
	client.cookie, client.csrf = admin.cookie, admin.csrf
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				var r result
				switch i % 3 {
				case 0:
					r = client.call(ctx, "POST", "/api/v1/dialogues", meetingBody(stakeholder, fmt.Sprintf("Overleg %d-%d", w, i)))
					if r.status == http.StatusCreated {
						if m, err := meetingOf(r); err != nil {
							r.err = err
						} else {
							acks.meeting(m)
						}
					}
				case 1:
					value := fmt.Sprintf("stand %d-%d", w, i)
					r = client.call(ctx, "PATCH", "/api/v1/commitments/"+own[w], map[string]any{"description": value})
					if r.status == http.StatusOK {
						v, _ := r.json()["version"].(float64)
						acks.patch(patchAck{id: own[w], version: int(v), value: value})
					}
				default:
					r = client.call(ctx, "GET", "/api/v1/commitments?limit=20", nil)
				}
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
				if r.status == http.StatusServiceUnavailable {
					time.Sleep(20 * time.Millisecond) // as a client honouring Retry-After would, a little
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		probe := newClient(srv.base, 60*time.Second)
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			r := probe.call(ctx, "GET", "/readyz", nil)
			mu.Lock()
			probes = append(probes, r)
			mu.Unlock()
		}
	}()

	// waitReady polls /readyz until it answers 200 and returns how long that took.
	waitReady := func(from time.Time, bound time.Duration) time.Duration {
		probe := newClient(srv.base, 10*time.Second)
		for time.Since(from) < bound {
			if r := probe.call(ctx, "GET", "/readyz", nil); r.status == http.StatusOK {
				return time.Since(from)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("the server did not become ready within %v of the database coming back", bound)
		return 0
	}

	type window struct {
		name       string
		down, back time.Time // the database was unreachable from down to back
		recovered  time.Duration
	}
	var windows []window
	outage := func(name string, fail func() error, restore func() error) {
		time.Sleep(2 * time.Second) // load against a healthy database first
		if err := fail(); err != nil {
			t.Fatal(err)
		}
		w := window{name: name, down: time.Now()}
		time.Sleep(5 * time.Second)
		w.back = time.Now()
		if err := restore(); err != nil {
			t.Fatal(err)
		}
		w.recovered = waitReady(w.back, 30*time.Second)
		windows = append(windows, w)
	}
	outage("stopped (pg_ctl stop -m fast)", func() error { return pg.stop("fast") }, pg.start)
	outage("crashed (pg_ctl stop -m immediate)", func() error { return pg.stop("immediate") }, pg.start)
	outage("hung (every PostgreSQL process stopped with SIGSTOP)", func() error { pg.freeze(); return nil }, func() error { pg.thaw(); return nil })
	time.Sleep(2 * time.Second)
	close(stop)
	wg.Wait()

	// Every request ends within the bound with 2xx or a 503 problem.
	var all latencies
	for _, r := range results {
		all = append(all, r.took)
		switch {
		case r.err != nil:
			t.Errorf("a request failed: %s", r)
		case r.took > hangBound:
			t.Errorf("a request took longer than %v: %s", hangBound, r)
		case r.status == http.StatusServiceUnavailable:
			if !r.isProblem() || r.header.Get("Retry-After") == "" {
				t.Errorf("a 503 that is not a problem with Retry-After: %s %v", r, r.header)
			}
		case !r.ok():
			t.Errorf("neither 2xx nor 503: %s", r)
		}
	}
	for _, w := range windows {
		// Begun and ended while it was down, a request must answer 503; one
		// that straddles the fault or the return may end either way. Each
		// answer that arrives while it is down counts as the server saying
		// so: with a hung database, requests and /readyz take their timeout
		// to say it, and may all have begun before the hang.
		inside := func(r result) bool { return r.start.After(w.down) && r.start.Add(r.took).Before(w.back) }
		endsInside := func(r result) bool { end := r.start.Add(r.took); return end.After(w.down) && end.Before(w.back) }
		var during latencies
		var said, other int
		for _, r := range results {
			if inside(r) {
				during = append(during, r.took)
				if r.status != http.StatusServiceUnavailable {
					other++
				}
			}
			if endsInside(r) && r.status == http.StatusServiceUnavailable {
				said++
			}
		}
		if said == 0 || other > 0 {
			t.Errorf("%s: %d requests answered 503 while the database was down, and %d begun then answered otherwise", w.name, said, other)
		}
		ready, notReady := 0, 0
		for _, p := range probes {
			if inside(p) && p.status == http.StatusOK {
				ready++
			}
			if endsInside(p) && p.status == http.StatusServiceUnavailable {
				notReady++
			}
		}
		if notReady == 0 {
			t.Errorf("%s: /readyz never answered 503 while the database was down", w.name)
		}
		if ready > 0 {
			t.Errorf("%s: /readyz answered 200 %d times while the database was down", w.name, ready)
		}
		var after int
		for _, r := range results {
			if r.start.After(w.back.Add(w.recovered)) && r.ok() && r.method != "GET" {
				after++
			}
		}
		if after == 0 {
			t.Errorf("%s: no write succeeded after the database came back", w.name)
		}
		t.Logf("%s: %d requests while down, all 503: max %v, p99 %v; ready again %v after the database was started",
			w.name, len(during), during.max().Round(time.Millisecond), during.quantile(0.99).Round(time.Millisecond),
			w.recovered.Round(time.Millisecond))
	}
	for _, line := range srv.internalErrors() {
		t.Errorf("server: %s", line)
	}
	n := acks.verify(t, srv.db)
	t.Logf("%d requests in all (max %v); %d acknowledged writes (%d meetings, each a dialogue, a concern and a commitment; %d PATCHes), each found in the database",
		len(results), all.max().Round(time.Millisecond), n, len(acks.meetings), len(acks.patches))
}

// SIGTERM under load, to the built binary: the requests in flight (slow
// uploads, a large import, many small writes) finish with their normal
// answer, new connections are refused, the process exits 0 within its
// shutdown timeout, and every acknowledged write is stored. The server's own
// request log (JSON, one line per request) shows that no request it began
// was dropped: every request the client got no answer to, the server never
// saw.
func TestFaultSIGTERMUnderLoad(t *testing.T) {
	needFaults(t)
	bin := buildBinary(t)
	for _, store := range storetest.Stores() {
		t.Run(store, func(t *testing.T) {
			url := storetest.URL(t, store)
			p := startBinary(t, bin, url)
			admin, err := signIn(p.base)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			r := admin.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Ondernemersvereniging Zuid"})
			if r.status != http.StatusCreated {
				t.Fatalf("create stakeholder: %s", r)
			}
			stakeholder, _ := r.json()["id"].(string)

			// A new connection for every request: each either reaches the
			// server or is refused, with no idle keep-alive connection in
			// between to blur which.
			fresh := func(timeout time.Duration) *apiClient {
				c := newClient(p.base, timeout)
				c.http.Transport = &http.Transport{DisableKeepAlives: true}
				c.cookie, c.csrf = admin.cookie, admin.csrf
				return c
			}
			var (
				acks    ackLog
				mu      sync.Mutex
				results []result
				wg      sync.WaitGroup
				sigterm time.Time
			)
			record := func(r result) {
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
			}
			stop := make(chan struct{})
			const workers = 8
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c := fresh(30 * time.Second)
					for i := 0; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						var r result
						if i%2 == 0 {
							r = c.call(ctx, "POST", "/api/v1/dialogues", meetingBody(stakeholder, fmt.Sprintf("Overleg %d-%d", w, i)))
							if r.status == http.StatusCreated {
								if m, err := meetingOf(r); err == nil {
									acks.meeting(m)
								}
							}
						} else {
							r = c.call(ctx, "GET", "/api/v1/dialogues?limit=50", nil)
						}
						record(r)
						if r.err != nil {
							time.Sleep(20 * time.Millisecond)
						}
					}
				}()
			}

			// Slow uploads: the body of a meeting arrives over two seconds,
			// so the request is surely in flight when SIGTERM comes.
			const slow = 4
			slowResults := make(chan result, slow)
			for i := range slow {
				go func() {
					body, _ := json.Marshal(meetingBody(stakeholder, fmt.Sprintf("Langzaam %d", i)))
					slowResults <- fresh(60*time.Second).call(ctx, "POST", "/api/v1/dialogues", trickle(body, 2*time.Second))
				}()
			}
			// A large import, also streamed so that most of its rows are
			// read and written after SIGTERM.
			const rows = 3000
			var csv strings.Builder
			csv.WriteString("name;category;contact_name;contact_email\n")
			for i := range rows {
				fmt.Fprintf(&csv, "Bewonersgroep %04d;community;Contact %d;contact%d@example.nl\n", i, i, i)
			}
			importResult := make(chan result, 1)
			go func() {
				importResult <- fresh(120*time.Second).call(ctx, "POST", "/api/v1/stakeholders/import",
					trickle([]byte(csv.String()), 2*time.Second), "Content-Type", "text/csv")
			}()

			time.Sleep(700 * time.Millisecond)
			sigterm = time.Now()
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			// New connections after the listener closed are refused.
			var probes []result
			probe := fresh(10 * time.Second)
			probeDone := make(chan struct{})
			go func() {
				defer close(probeDone)
				for {
					select {
					case <-p.exited:
						return
					case <-time.After(50 * time.Millisecond):
					}
					probes = append(probes, probe.call(ctx, "GET", "/healthz", nil))
				}
			}()
			var exitErr error
			select {
			case <-p.exited:
				exitErr = p.cmd.Wait()
			case <-time.After(40 * time.Second):
				t.Fatal("the process did not exit within 40 s of SIGTERM (its shutdown timeout is 25 s)")
			}
			shutdown := time.Since(sigterm)
			close(stop)
			wg.Wait()
			<-probeDone
			if exitErr != nil {
				t.Errorf("exit after SIGTERM: %v\n%s", exitErr, p.tail())
			}

			for range slow {
				r := <-slowResults
				record(r)
				if r.status != http.StatusCreated || r.start.Add(r.took).Before(sigterm) {
					t.Errorf("a slow upload in flight at SIGTERM: %s", r)
				} else if m, err := meetingOf(r); err == nil {
					acks.meeting(m)
				}
			}
			imp := <-importResult
			record(imp)
			if imp.status != http.StatusOK || imp.json()["stakeholders_created"] != float64(rows) {
				t.Errorf("the import in flight at SIGTERM: %s", imp)
			}
			refused := 0
			for _, r := range probes {
				if r.start.After(sigterm.Add(500 * time.Millisecond)) { // by then the listener is closed
					if r.err == nil || !isRefused(r.err) {
						t.Errorf("a new connection after SIGTERM was not refused: %s", r)
					}
					refused++
				}
			}
			if refused == 0 {
				t.Errorf("no new connection was tried after SIGTERM")
			}

			// The client's view against the server's request log.
			seen := p.requestLog()
			var answered, dropped int
			for _, r := range results {
				status, logged := seen[r.id]
				switch {
				case r.err == nil:
					answered++
					if !logged || status != r.status {
						t.Errorf("answered %d but the server logged %d (%v): %s", r.status, status, logged, r)
					}
					if r.status != http.StatusOK && r.status != http.StatusCreated {
						t.Errorf("an unexpected answer: %s", r)
					}
				case logged:
					t.Errorf("the server handled a request (%d) whose answer never arrived: %s", status, r)
				case r.start.Before(sigterm) && !isRefused(r.err):
					t.Errorf("a request before SIGTERM failed: %s", r)
				default:
					dropped++ // refused: it never reached the server
				}
			}
			db, err := services.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			n := acks.verify(t, db)
			var imported int64
			db.Table("stakeholders").Where("name LIKE ?", "Bewonersgroep %").Count(&imported)
			if imported != rows {
				t.Errorf("the import answered 200 but %d of %d stakeholders are stored", imported, rows)
			}
			t.Logf("SIGTERM with %d slow uploads, a %d-row import and %d workers in flight: exit 0 after %v; %d requests answered, %d refused before the server saw them, %d new connections refused after SIGTERM; %d acknowledged meetings and the import all stored",
				slow, rows, workers, shutdown.Round(time.Millisecond), answered, dropped, refused, n)
		})
	}
}

// trickle is a body that sends half of b, waits, and sends the rest.
func trickle(b []byte, wait time.Duration) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		half := len(b) / 2
		if _, err := pw.Write(b[:half]); err != nil {
			return
		}
		time.Sleep(wait)
		_, _ = pw.Write(b[half:])
		pw.Close()
	}()
	return pr
}

// Two replicas on one PostgreSQL, as behind a load balancer: they migrate at
// the same time, a session made on one works on the other, and PATCHes of
// the same records through both lose no update: each 200 raises the version
// by one, a stale If-Match answers 412, and every acknowledged write is in
// the audit trail with the version it was answered with.
func TestFaultTwoReplicas(t *testing.T) {
	needFaults(t)
	url := storetest.URL(t, "postgres")
	ctx := context.Background()

	// Both replicas start at once: goose's lock lets one migrate and the
	// other wait, never both.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := services.Open(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer db.Close()
			_, errs[i] = db.MigrateUp(ctx)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("migrating from two replicas at once: %v", err)
		}
	}
	a, b := startServer(t, url), startServer(t, url)

	t.Run("SessionOnEitherReplica", func(t *testing.T) {
		onA, err := signIn(a.base)
		if err != nil {
			t.Fatal(err)
		}
		onB := onA.at(b.base)
		if r := onB.call(ctx, "GET", "/api/v1/auth/me", nil); r.status != http.StatusOK {
			t.Fatalf("a session made on A, on B: %s", r)
		}
		if r := onB.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Gemeente Havenstad", "category": "government"}); r.status != http.StatusCreated {
			t.Fatalf("a write on B with A's session and CSRF token: %s", r)
		}
		if r := onB.call(ctx, "POST", "/api/v1/auth/logout", nil); r.status != http.StatusNoContent {
			t.Fatalf("sign out on B: %s", r)
		}
		if r := onA.call(ctx, "GET", "/api/v1/auth/me", nil); r.status != http.StatusUnauthorized {
			t.Fatalf("after signing out on B, A still knows the session: %s", r)
		}
	})

	admin, err := signIn(a.base)
	if err != nil {
		t.Fatal(err)
	}
	r := admin.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Dorpsraad Oosterweg"})
	if r.status != http.StatusCreated {
		t.Fatal(r)
	}
	stakeholder, _ := r.json()["id"].(string)
	newCommitment := func(title string) string {
		r := admin.call(ctx, "POST", "/api/v1/commitments", map[string]any{"title": title, "stakeholder_id": stakeholder, "due_on": "2026-10-01"})
		if r.status != http.StatusCreated {
			t.Fatal(r)
		}
		id, _ := r.json()["id"].(string)
		return id
	}
	clients := []*apiClient{admin.at(a.base), admin.at(b.base)}
	for _, c := range clients {
		c.http = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	}

	// finalState reads a record's version and description from the database.
	finalState := func(id string) (int, string) {
		var row struct {
			Version     int
			Description string
		}
		if err := a.db.Table("commitments").Select("version, description").Where("id = ?", id).Take(&row).Error; err != nil {
			t.Fatal(err)
		}
		return row.Version, row.Description
	}
	// checkChain checks one record's acknowledged writes: no two answered
	// with the same version (that would be a lost update), and the record
	// as stored is the last of them.
	checkChain := func(t *testing.T, id string, acks []patchAck, failed int) {
		t.Helper()
		byVersion := map[int]patchAck{}
		last := patchAck{version: 1}
		for _, p := range acks {
			if q, dup := byVersion[p.version]; dup {
				t.Errorf("%s: two writes acknowledged as version %d (%q and %q): one of them is lost", id, p.version, q.value, p.value)
			}
			byVersion[p.version] = p
			if p.version > last.version {
				last = p
			}
		}
		version, description := finalState(id)
		if failed == 0 && (version != 1+len(acks) || version != last.version) {
			t.Errorf("%s: version %d after %d acknowledged writes (last acknowledged %d)", id, version, len(acks), last.version)
		}
		if version == last.version && len(acks) > 0 && description != last.value {
			t.Errorf("%s: stored %q, but the last acknowledged write was %q", id, description, last.value)
		}
	}

	t.Run("IfMatchOnBothReplicas", func(t *testing.T) {
		const records, writers, rounds = 3, 8, 30
		ids := make([]string, records)
		for i := range ids {
			ids[i] = newCommitment(fmt.Sprintf("Gedeeld record %d", i))
		}
		var (
			acks              ackLog
			mu                sync.Mutex
			stale, failed     int
			wrongVersion      []string
			byRecord          = map[string][]patchAck{}
			readFrom, writeTo [2]int
		)
		var wg sync.WaitGroup
		for g := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range rounds {
					id := ids[(g+i)%records]
					rc, wc := (g+i)%2, (g+i/2)%2 // read on one replica, often write on the other
					r := clients[rc].call(ctx, "GET", "/api/v1/commitments/"+id, nil)
					if r.status != http.StatusOK {
						mu.Lock()
						failed++
						mu.Unlock()
						t.Errorf("read: %s", r)
						continue
					}
					v, _ := r.json()["version"].(float64)
					value := fmt.Sprintf("schrijver %d ronde %d", g, i)
					r = clients[wc].call(ctx, "PATCH", "/api/v1/commitments/"+id, map[string]any{"description": value},
						"If-Match", fmt.Sprintf(`"%d"`, int(v)))
					mu.Lock()
					readFrom[rc]++
					writeTo[wc]++
					switch r.status {
					case http.StatusOK:
						nv, _ := r.json()["version"].(float64)
						if int(nv) != int(v)+1 || r.header.Get("ETag") != fmt.Sprintf(`"%d"`, int(nv)) {
							wrongVersion = append(wrongVersion, fmt.Sprintf("If-Match %d answered version %d, ETag %s", int(v), int(nv), r.header.Get("ETag")))
						}
						p := patchAck{id: id, version: int(nv), value: value}
						acks.patch(p)
						byRecord[id] = append(byRecord[id], p)
					case http.StatusPreconditionFailed:
						stale++
						if !r.isProblem() {
							t.Errorf("a 412 that is not a problem: %s", r)
						}
					default:
						failed++
						t.Errorf("neither 200 nor 412: %s", r)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		for _, w := range wrongVersion {
			t.Error(w)
		}
		for _, id := range ids {
			checkChain(t, id, byRecord[id], failed)
		}
		acks.verify(t, a.db)
		if stale == 0 {
			t.Errorf("no PATCH was stale: the test did not make them race")
		}
		t.Logf("%d PATCHes with If-Match on %d records through two replicas (reads %v, writes %v): %d acknowledged, each +1 and in the audit trail; %d stale answered 412",
			writers*rounds, records, readFrom, writeTo, len(acks.patches), stale)
	})

	t.Run("WithoutIfMatch", func(t *testing.T) {
		const writers, rounds = 8, 20
		id := newCommitment("Iedereen tegelijk")
		var (
			acks          ackLog
			mu            sync.Mutex
			stale, failed int
			mine          []patchAck
		)
		var wg sync.WaitGroup
		for g := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range rounds {
					value := fmt.Sprintf("zonder If-Match %d-%d", g, i)
					r := clients[(g+i)%2].call(ctx, "PATCH", "/api/v1/commitments/"+id, map[string]any{"description": value})
					mu.Lock()
					switch r.status {
					case http.StatusOK:
						nv, _ := r.json()["version"].(float64)
						p := patchAck{id: id, version: int(nv), value: value}
						acks.patch(p)
						mine = append(mine, p)
					case http.StatusPreconditionFailed:
						stale++
					default:
						failed++
						t.Errorf("neither 200 nor 412: %s", r)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		checkChain(t, id, mine, failed)
		acks.verify(t, a.db)
		if stale > 0 {
			t.Errorf("%d PATCHes without If-Match answered 412: the client set no precondition, so its write should wait its turn, not fail", stale)
		}
		t.Logf("%d PATCHes without If-Match on one record through two replicas: %d acknowledged, versions 2..%d with none twice, each in the audit trail",
			writers*rounds, len(acks.patches), len(acks.patches)+1)
	})
}

// SQLite under many concurrent writers: meetings, stakeholders, PATCHes,
// progress notes and sign-ins through the API; a second connection pool on
// the same file adding users, as `dialoog user add` does from another
// process; and a large import whose upload takes longer than SQLite's busy
// timeout. No client sees a 5xx or "database is locked", and every
// acknowledged write is stored.
func TestFaultSQLiteConcurrentWriters(t *testing.T) {
	needFaults(t)
	url := storetest.URL(t, "sqlite")
	srv := startServer(t, url)
	admin, err := signIn(srv.base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := admin.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": "Visserijcoöperatie Noord"})
	if r.status != http.StatusCreated {
		t.Fatal(r)
	}
	stakeholder, _ := r.json()["id"].(string)

	const (
		workers  = 16
		duration = 8 * time.Second
		rows     = 4000 // some 350 KB: the import starts its transaction before the upload is done
	)
	own := make([]string, workers)
	for w := range own {
		r := admin.call(ctx, "POST", "/api/v1/commitments", map[string]any{"title": fmt.Sprintf("Toezegging %d", w), "stakeholder_id": stakeholder, "due_on": "2026-09-01"})
		if r.status != http.StatusCreated {
			t.Fatal(r)
		}
		own[w], _ = r.json()["id"].(string)
	}
	var (
		acks    ackLog
		mu      sync.Mutex
		results []result
		notes   []string
		users   []string
		wg      sync.WaitGroup
	)
	record := func(r result) {
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	}
	client := admin.at(srv.base)
	client.http = &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers + 4}}
	deadline := time.Now().Add(duration)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				var r result
				switch i % 5 {
				case 0:
					r = client.call(ctx, "POST", "/api/v1/dialogues", meetingBody(stakeholder, fmt.Sprintf("Overleg %d-%d", w, i)))
					if r.status == http.StatusCreated {
						if m, err := meetingOf(r); err == nil {
							acks.meeting(m)
						}
					}
				case 1:
					r = client.call(ctx, "POST", "/api/v1/stakeholders", map[string]any{"name": fmt.Sprintf("Schrijver %d-%d", w, i)})
					if r.status == http.StatusCreated {
						id, _ := r.json()["id"].(string)
						acks.stakeholder(id)
					}
				case 2:
					value := fmt.Sprintf("stand %d-%d", w, i)
					r = client.call(ctx, "PATCH", "/api/v1/commitments/"+own[w], map[string]any{"description": value})
					if r.status == http.StatusOK {
						v, _ := r.json()["version"].(float64)
						acks.patch(patchAck{id: own[w], version: int(v), value: value})
					}
				case 3:
					r = client.call(ctx, "POST", "/api/v1/commitments/"+own[w]+"/updates", map[string]any{"text": fmt.Sprintf("voortgang %d-%d", w, i)})
					if r.status == http.StatusCreated {
						id, _ := r.json()["id"].(string)
						mu.Lock()
						notes = append(notes, id)
						mu.Unlock()
					}
				default:
					r = client.call(ctx, "GET", "/api/v1/commitments?limit=50&sort=-due_on", nil)
				}
				record(r)
			}
		}()
	}
	// Sign-ins write a session each.
	wg.Add(1)
	go func() {
		defer wg.Done()
		anon := newClient(srv.base, 60*time.Second)
		for time.Now().Before(deadline) {
			record(anon.call(ctx, "POST", "/api/v1/auth/login", map[string]string{"email": faultAdminEmail, "password": faultAdminPassword}))
		}
	}()
	// Another connection pool on the same file, as another process would be.
	wg.Add(1)
	go func() {
		defer wg.Done()
		db, err := services.Open(ctx, url)
		if err != nil {
			t.Error(err)
			return
		}
		defer db.Close()
		for i := 0; time.Now().Before(deadline); i++ {
			email := fmt.Sprintf("medewerker%d@example.nl", i)
			var out strings.Builder
			if err := addUser(ctx, db, []string{"add", email, "Medewerker", "officer"}, func(string) string { return "a-long-enough-password" }, &out); err != nil {
				t.Errorf("user add from a second pool: %v", err)
				return
			}
			mu.Lock()
			users = append(users, email)
			mu.Unlock()
			time.Sleep(100 * time.Millisecond)
		}
	}()
	// A large import whose upload takes 12 s, longer than SQLite's busy
	// timeout (10 s), while everyone else goes on writing.
	var csv strings.Builder
	csv.WriteString("name,category,description,contact_name,contact_email\n")
	for i := range rows {
		fmt.Fprintf(&csv, "Importgroep %04d,community,Omwonenden van de haven aan de noordkant,Contact %d,contact%d@example.nl\n", i, i, i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(500 * time.Millisecond)
		r := client.call(ctx, "POST", "/api/v1/stakeholders/import", trickle([]byte(csv.String()), 12*time.Second), "Content-Type", "text/csv")
		record(r)
		if r.status != http.StatusOK || r.json()["stakeholders_created"] != float64(rows) {
			t.Errorf("the slow import: %s", r)
		}
	}()
	wg.Wait()

	var lat latencies
	byStatus := map[int]int{}
	for _, r := range results {
		lat = append(lat, r.took)
		byStatus[r.status]++
		switch {
		case r.err != nil:
			t.Errorf("a request failed: %s", r)
		case r.status >= 500 || strings.Contains(strings.ToLower(string(r.body)), "locked") || strings.Contains(string(r.body), "SQLITE_BUSY"):
			t.Errorf("a writer was turned away: %s", r)
		case !r.ok():
			t.Errorf("unexpected answer: %s", r)
		}
	}
	for _, line := range srv.internalErrors() {
		t.Errorf("server: %s", line)
	}
	n := acks.verify(t, srv.db)
	var count int64
	srv.db.Table("commitment_updates").Where("id IN ?", notes).Count(&count)
	if int(count) != len(notes) {
		t.Errorf("%d progress notes acknowledged, %d stored", len(notes), count)
	}
	srv.db.Table("users").Where("email IN ?", users).Count(&count)
	if int(count) != len(users) {
		t.Errorf("%d users added from the second pool, %d stored", len(users), count)
	}
	srv.db.Table("stakeholders").Where("name LIKE ?", "Importgroep %").Count(&count)
	if count != rows {
		t.Errorf("the import stored %d of %d stakeholders", count, rows)
	}
	t.Logf("%d requests from %d writers over %v (statuses %v; p50 %v, p99 %v, max %v); %d acknowledged API writes + %d progress notes + %d users from a second pool + a %d-row import with a 12 s upload, all stored",
		len(results), workers+1, duration, byStatus, lat.quantile(0.5).Round(time.Millisecond), lat.quantile(0.99).Round(time.Millisecond),
		lat.max().Round(time.Millisecond), n, len(notes), len(users), rows)
}
