package main

// The tools of the fault tests (faults_test.go) and the backup tests: a
// throw-away PostgreSQL cluster, the server started in-process through
// serve(), and an HTTP client that never calls t.Fatal, so that load
// goroutines can use it and keep a log of what the server acknowledged.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dialoog/services"
)

// Fault tests are slow and start their own servers and databases; they run
// with DIALOOG_FAULTS=1 (make faults, and CI), not on every go test.
func needFaults(t *testing.T) {
	t.Helper()
	if os.Getenv("DIALOOG_FAULTS") != "1" {
		t.Skip("fault test: set DIALOOG_FAULTS=1 (make faults)")
	}
}

// mustTools is true where a missing PostgreSQL program is a failure rather
// than a reason to skip: in CI and under make faults.
func mustTools() bool {
	return os.Getenv("DIALOOG_FAULTS") == "1" || os.Getenv("DIALOOG_REQUIRE_POSTGRES") == "1"
}

// pgBin finds a PostgreSQL program: in DIALOOG_PG_BIN, in the newest
// /usr/lib/postgresql/N/bin, or on the PATH.
func pgBin(t testing.TB, name string) string {
	t.Helper()
	var dirs []string
	if d := os.Getenv("DIALOOG_PG_BIN"); d != "" {
		dirs = append(dirs, d)
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(found, func(i, j int) bool { return pgMajor(found[i]) > pgMajor(found[j]) })
	dirs = append(dirs, found...)
	for _, d := range dirs {
		if p := filepath.Join(d, name); isExecutable(p) {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if mustTools() {
		t.Fatalf("%s not found (set DIALOOG_PG_BIN to PostgreSQL's bin folder)", name)
	}
	t.Skipf("SKIPPED: %s not found (set DIALOOG_PG_BIN to PostgreSQL's bin folder)", name)
	return ""
}

func pgMajor(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// pgCluster is a throw-away PostgreSQL server: its own data folder in a
// temporary folder and its own port. The shared server on 5432 is never
// touched. initdb refuses to run as root, so as root the cluster's programs
// run as the postgres OS user.
type pgCluster struct {
	t    testing.TB
	bin  string // the folder of pg_ctl
	dir  string // holds data/, the log and the socket
	port int
	cred *syscall.Credential
}

func startCluster(t testing.TB) *pgCluster {
	t.Helper()
	c := &pgCluster{t: t, bin: filepath.Dir(pgBin(t, "pg_ctl"))}
	dir, err := os.MkdirTemp("", "dialoog-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = dir
	t.Cleanup(func() {
		c.thaw()
		_ = c.ctl("stop", "-m", "immediate", "-w", "-t", "30")
		os.RemoveAll(dir)
	})
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("SKIPPED: running as root and there is no postgres OS user for initdb: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	// --no-sync only speeds up initdb itself; the running server keeps
	// fsync on, so that a crash (stop -m immediate) tests real durability.
	if out, err := c.command(filepath.Join(c.bin, "initdb"), "-D", c.data(), "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.port = freePort(t)
	if err := c.start(); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *pgCluster) data() string { return filepath.Join(c.dir, "data") }

// URL is the cluster's own postgres database.
func (c *pgCluster) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
}

func (c *pgCluster) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = c.dir
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	return cmd
}

func (c *pgCluster) ctl(args ...string) error {
	args = append([]string{"-D", c.data()}, args...)
	out, err := c.command(filepath.Join(c.bin, "pg_ctl"), args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// start starts the server and waits until it accepts connections.
func (c *pgCluster) start() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=100", c.port, c.dir)
	return c.ctl("start", "-w", "-t", "60", "-l", filepath.Join(c.dir, "log"), "-o", opts)
}

// stop stops the server: "fast" ends every session and checkpoints;
// "immediate" is a crash, recovered from the WAL at the next start.
func (c *pgCluster) stop(mode string) error { return c.ctl("stop", "-w", "-t", "60", "-m", mode) }

// pids are the postmaster and every process it started.
func (c *pgCluster) pids() []int {
	b, err := os.ReadFile(filepath.Join(c.data(), "postmaster.pid"))
	if err != nil {
		return nil
	}
	pm, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		return nil
	}
	pids := []int{pm}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces, so cut at the last ')'
		s := string(stat)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			if f := strings.Fields(s[i+1:]); len(f) > 1 && f[1] == strconv.Itoa(pm) {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// freeze stops every process of the cluster (SIGSTOP): the server hangs,
// as one does behind a lost network or a stuck disk; thaw lets it go on.
func (c *pgCluster) freeze() {
	for _, pid := range c.pids() {
		_ = syscall.Kill(pid, syscall.SIGSTOP)
	}
}

func (c *pgCluster) thaw() {
	for _, pid := range c.pids() {
		_ = syscall.Kill(pid, syscall.SIGCONT)
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

const (
	faultAdminEmail    = "beheer@example.nl"
	faultAdminPassword = "fault-test-password"
)

// testServer is serve() running in this process, as in production but for
// the listener on a free port of 127.0.0.1.
type testServer struct {
	base   string
	db     *services.DB
	logs   *safeBuffer
	cancel context.CancelFunc
	done   chan error
}

// startServer serves databaseURL; opts change the configuration first.
func startServer(t testing.TB, databaseURL string, opts ...func(*Config)) *testServer {
	t.Helper()
	db, err := services.Open(context.Background(), databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	logs := &safeBuffer{}
	cfg := Config{DatabaseURL: databaseURL, Addr: "127.0.0.1:0", AdminEmail: faultAdminEmail, AdminPassword: faultAdminPassword}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &testServer{db: db, logs: logs, cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	log := slog.New(slog.NewTextHandler(logs, nil))
	slog.SetDefault(log) // fail() logs 5xx causes through the default logger, as main sets it
	go func() { s.done <- serve(ctx, cfg, db, log, ready) }()
	select {
	case addr := <-ready:
		s.base = "http://" + addr
	case err := <-s.done:
		cancel()
		db.Close()
		t.Fatalf("serve ended: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// internalErrors are the log lines of 500s, to say why a test saw one.
func (s *testServer) internalErrors() []string {
	var out []string
	for _, line := range strings.Split(s.logs.String(), "\n") {
		if strings.Contains(line, "code=internal") || strings.Contains(line, "panic") {
			out = append(out, line)
		}
	}
	return out
}

// stop shuts the server down as SIGTERM would; a second call does nothing.
func (s *testServer) stop(t testing.TB) {
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(40 * time.Second):
		t.Errorf("serve did not stop")
	}
	s.db.Close()
}

// result is one request's outcome, as a client saw it.
type result struct {
	method, path string
	id           string // X-Request-ID sent
	start        time.Time
	took         time.Duration
	status       int
	header       http.Header
	body         []byte
	err          error
}

func (r result) String() string {
	if r.err != nil {
		return fmt.Sprintf("%s %s: %v (after %v)", r.method, r.path, r.err, r.took.Round(time.Millisecond))
	}
	b := r.body
	if len(b) > 300 {
		b = b[:300]
	}
	return fmt.Sprintf("%s %s: %d in %v: %s", r.method, r.path, r.status, r.took.Round(time.Millisecond), b)
}

func (r result) ok() bool { return r.err == nil && r.status >= 200 && r.status < 300 }

// json decodes the body; an undecodable body gives an empty map.
func (r result) json() map[string]any {
	var m map[string]any
	_ = json.Unmarshal(r.body, &m)
	return m
}

// isProblem reports whether the answer is an application/problem+json body
// with the status it was sent with.
func (r result) isProblem() bool {
	if !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") {
		return false
	}
	st, _ := r.json()["status"].(float64)
	return int(st) == r.status
}

// apiClient talks to one server as one signed-in user. It carries the
// session cookie itself, not in a cookie jar, so that the same session can
// be taken to another replica on another port.
type apiClient struct {
	base    string
	http    *http.Client
	cookie  string
	csrf    string
	mu      sync.Mutex
	counter int
	prefix  string
}

func newClient(base string, timeout time.Duration) *apiClient {
	return &apiClient{base: base, http: &http.Client{Timeout: timeout}, prefix: fmt.Sprintf("c%d", time.Now().UnixNano()%1e6)}
}

// signIn signs in with the first admin through the login endpoint.
func signIn(base string) (*apiClient, error) {
	c := newClient(base, 30*time.Second)
	r := c.call(context.Background(), "POST", "/api/v1/auth/login", map[string]string{"email": faultAdminEmail, "password": faultAdminPassword})
	if !r.ok() {
		return nil, fmt.Errorf("sign in: %s", r)
	}
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == "dialoog_session" {
			c.cookie = ck.Value
		}
	}
	c.csrf, _ = r.json()["csrf_token"].(string)
	if c.cookie == "" || c.csrf == "" {
		return nil, fmt.Errorf("sign in gave no session: %s", r)
	}
	return c, nil
}

// at is the same session against another server.
func (c *apiClient) at(base string) *apiClient {
	return &apiClient{base: base, http: c.http, cookie: c.cookie, csrf: c.csrf, prefix: c.prefix + "x"}
}

func (c *apiClient) nextID() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counter++
	return fmt.Sprintf("%s-%d", c.prefix, c.counter)
}

// call sends one request; body is JSON unless it is an io.Reader. hdr are
// name, value pairs. It never fails the test: the result says what happened.
func (c *apiClient) call(ctx context.Context, method, path string, body any, hdr ...string) result {
	r := result{method: method, path: path, id: c.nextID(), start: time.Now()}
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case io.Reader:
		rd = b
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			r.err = err
			return r
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		r.err = err
		return r
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-Request-ID", r.id)
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "dialoog_session", Value: c.cookie})
	}
	if c.csrf != "" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		r.took, r.err = time.Since(r.start), err
		return r
	}
	r.body, err = io.ReadAll(res.Body)
	res.Body.Close()
	r.took, r.status, r.header, r.err = time.Since(r.start), res.StatusCode, res.Header, err
	return r
}

// meetingBody is a whole meeting: a dialogue with one concern and one
// commitment made in answer to it.
func meetingBody(stakeholderID, title string) map[string]any {
	return map[string]any{
		"title": title, "held_at": "2026-05-01T10:00:00Z", "format": "meeting", "stakeholder_ids": []string{stakeholderID},
		"concerns":    []any{map[string]any{"title": "Geluid 's nachts " + title, "severity": "medium"}},
		"commitments": []any{map[string]any{"title": "Geluidsmeting " + title, "due_on": "2026-07-01", "concern_index": 0}},
	}
}

// meetingAck is a meeting the server answered 201 to, with the ids it gave.
type meetingAck struct{ dialogue, concern, commitment string }

func meetingOf(r result) (meetingAck, error) {
	var m struct {
		ID       string `json:"id"`
		Concerns []struct {
			ID string `json:"id"`
		} `json:"concerns"`
		Commitments []struct {
			ID string `json:"id"`
		} `json:"commitments"`
	}
	if err := json.Unmarshal(r.body, &m); err != nil || m.ID == "" || len(m.Concerns) != 1 || len(m.Commitments) != 1 {
		return meetingAck{}, fmt.Errorf("a 201 to a meeting without its ids: %s", r)
	}
	return meetingAck{m.ID, m.Concerns[0].ID, m.Commitments[0].ID}, nil
}

// patchAck is a PATCH the server answered 200 to: the value written and
// the version it said the record now has.
type patchAck struct {
	id      string
	version int
	value   string
}

// ackLog is the client's record of every write the server acknowledged.
type ackLog struct {
	mu           sync.Mutex
	meetings     []meetingAck
	patches      []patchAck
	stakeholders []string
}

func (l *ackLog) meeting(m meetingAck) {
	l.mu.Lock()
	l.meetings = append(l.meetings, m)
	l.mu.Unlock()
}
func (l *ackLog) patch(p patchAck) { l.mu.Lock(); l.patches = append(l.patches, p); l.mu.Unlock() }
func (l *ackLog) stakeholder(id string) {
	l.mu.Lock()
	l.stakeholders = append(l.stakeholders, id)
	l.mu.Unlock()
}

// verify checks, in the database itself, that every acknowledged write is
// there: each meeting whole, each stakeholder, and each acknowledged PATCH
// as an update in the audit trail with the version and value answered.
// It returns how many acknowledged write requests it checked.
func (l *ackLog) verify(t *testing.T, db *services.DB) int {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	missing := 0
	count := func(table string, ids []string) int {
		n := 0
		for i := 0; i < len(ids); i += 500 {
			var c int64
			if err := db.Table(table).Where("id IN ?", ids[i:min(i+500, len(ids))]).Count(&c).Error; err != nil {
				t.Fatalf("count %s: %v", table, err)
			}
			n += int(c)
		}
		return n
	}
	var dl, cn, cm []string
	for _, m := range l.meetings {
		dl, cn, cm = append(dl, m.dialogue), append(cn, m.concern), append(cm, m.commitment)
	}
	for _, c := range []struct {
		table string
		ids   []string
	}{{"dialogues", dl}, {"concerns", cn}, {"commitments", cm}, {"stakeholders", l.stakeholders}} {
		if n := count(c.table, c.ids); n != len(c.ids) {
			t.Errorf("%s: %d acknowledged, %d stored", c.table, len(c.ids), n)
			missing += len(c.ids) - n
		}
	}
	byRecord := map[string][]patchAck{}
	for _, p := range l.patches {
		byRecord[p.id] = append(byRecord[p.id], p)
	}
	for id, acks := range byRecord {
		var afters []string
		if err := db.Table("audit_events").Where("record_id = ? AND action = 'update'", id).Pluck("after", &afters).Error; err != nil {
			t.Fatal(err)
		}
		stored := map[int]string{}
		for _, a := range afters {
			var rec struct {
				Version     int    `json:"version"`
				Description string `json:"description"`
			}
			if err := json.Unmarshal([]byte(a), &rec); err != nil {
				t.Fatalf("audit after of %s: %v", id, err)
			}
			stored[rec.Version] = rec.Description
		}
		for _, p := range acks {
			if v, ok := stored[p.version]; !ok || v != p.value {
				t.Errorf("acknowledged PATCH of %s to version %d (%q) is not in the audit trail (found %q)", id, p.version, p.value, v)
				missing++
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d acknowledged writes are missing", missing)
	}
	return len(l.meetings) + len(l.stakeholders) + len(l.patches)
}

// latencies summarises request durations.
type latencies []time.Duration

func (l latencies) max() time.Duration {
	var m time.Duration
	for _, d := range l {
		m = max(m, d)
	}
	return m
}

func (l latencies) quantile(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := append(latencies(nil), l...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

// isRefused reports whether a request failed before the server read it:
// the connection was refused, or reset before any answer.
func isRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "connection reset")
}

// buildBinary builds the program as make build does, into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dialoog")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is the built program, serving.
type process struct {
	cmd    *exec.Cmd
	base   string
	out    *safeBuffer
	exited chan struct{} // closed when its output ends, that is when it exits
}

// startBinary runs `dialoog serve` on databaseURL with JSON logs, on a free
// port of 127.0.0.1, and waits until it serves.
func startBinary(t *testing.T, bin, databaseURL string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, "serve"), out: &safeBuffer{}, exited: make(chan struct{})}
	p.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "DATABASE_URL=" + databaseURL,
		"DIALOOG_ADDR=127.0.0.1:0", "DIALOOG_LOG_FORMAT=json",
		"DIALOOG_ADMIN_EMAIL=" + faultAdminEmail, "DIALOOG_ADMIN_PASSWORD=" + faultAdminPassword}
	p.cmd.Dir = t.TempDir()
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
			_ = p.cmd.Wait()
		}
	})
	addr := make(chan string, 1)
	go func() {
		defer close(p.exited)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			p.out.Write(append(append([]byte(nil), line...), '\n'))
			var m struct{ Msg, Addr string }
			if json.Unmarshal(line, &m) == nil && m.Msg == "serving" {
				addr <- m.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		p.base = "http://" + a
	case <-p.exited:
		t.Fatalf("dialoog exited before serving:\n%s", p.tail())
	case <-time.After(60 * time.Second):
		t.Fatalf("dialoog did not serve within 60 s:\n%s", p.tail())
	}
	return p
}

// tail is the end of the program's output, for failure messages.
func (p *process) tail() string {
	s := p.out.String()
	return s[max(0, len(s)-3000):]
}

// requestLog maps each request id in the program's request log to the
// status it answered.
func (p *process) requestLog() map[string]int {
	seen := map[string]int{}
	for _, line := range strings.Split(p.out.String(), "\n") {
		var m struct {
			Msg       string `json:"msg"`
			RequestID string `json:"request_id"`
			Status    int    `json:"status"`
		}
		if json.Unmarshal([]byte(line), &m) == nil && m.Msg == "request" {
			seen[m.RequestID] = m.Status
		}
	}
	return seen
}
