package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"dialoog/api"
	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

// testPassword is every test user's password.
const testPassword = "correct horse battery"

// env is one running API over a fresh store, with a user of every role and
// the stakeholder the partner speaks for.
type env struct {
	t       *testing.T
	db      *services.DB
	svc     *services.Services
	srv     *httptest.Server
	users   map[models.Role]models.User
	partner models.Stakeholder // the partner's own stakeholder
	other   models.Stakeholder // a stakeholder the partner has nothing to do with
}

// each runs fn against a fresh API on every store.
func each(t *testing.T, fn func(t *testing.T, e *env)) {
	storetest.Each(t, func(t *testing.T, db *services.DB) {
		fn(t, newEnv(t, db))
	})
}

func newEnv(t *testing.T, db *services.DB) *env {
	t.Helper()
	ctx := context.Background()
	svc := services.New(db, services.Options{BcryptCost: bcrypt.MinCost})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(api.New(svc, api.Config{}, log))
	t.Cleanup(srv.Close)
	e := &env{t: t, db: db, svc: svc, srv: srv, users: map[models.Role]models.User{}}
	var err error
	if e.partner, err = svc.Stakeholders.CreateStakeholder(ctx, services.System, models.StakeholderChanges{Name: ptr("Buurtvereniging De Wijk"), Category: ptr("community")}); err != nil {
		t.Fatal(err)
	}
	if e.other, err = svc.Stakeholders.CreateStakeholder(ctx, services.System, models.StakeholderChanges{Name: ptr("Milieudefensie Noord"), Category: ptr("ngo")}); err != nil {
		t.Fatal(err)
	}
	for _, role := range []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner} {
		in := models.NewUser{Email: string(role) + "@example.nl", Name: "Test " + string(role), Role: role, Password: testPassword}
		if role == models.RolePartner {
			in.StakeholderID = &e.partner.ID
		}
		u, err := svc.Users.CreateUser(ctx, services.System, in)
		if err != nil {
			t.Fatalf("create %s: %v", role, err)
		}
		e.users[role] = u
	}
	return e
}

// client talks to the API as one user.
type client struct {
	t      *testing.T
	http   *http.Client
	base   string
	csrf   string
	bearer string
}

// as signs in with the role's user through the login endpoint and returns a
// client that carries the session cookie and CSRF token.
func (e *env) as(role models.Role) *client {
	e.t.Helper()
	c := e.anonymous()
	r := c.do("POST", "/api/v1/auth/login", map[string]string{"email": e.users[role].Email, "password": testPassword})
	if r.Status != http.StatusOK {
		e.t.Fatalf("sign in as %s: %d %s", role, r.Status, r.Body)
	}
	c.csrf = r.json()["csrf_token"].(string)
	return c
}

// anonymous is a client that has not signed in.
func (e *env) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: e.t, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}, base: e.srv.URL}
}

// withToken is a client that uses a personal API token of the role's user.
func (e *env) withToken(role models.Role) *client {
	e.t.Helper()
	tok, err := e.svc.Tokens.CreateToken(context.Background(), services.ActorOf(e.users[role]), "test", nil)
	if err != nil {
		e.t.Fatal(err)
	}
	c := e.anonymous()
	c.bearer = tok.Secret
	return c
}

type response struct {
	t      *testing.T
	Status int
	Header http.Header
	Body   []byte
}

// do sends a request; body is sent as JSON unless it is a string or []byte,
// which are sent as they are. hdr are name, value pairs.
func (c *client) do(method, path string, body any, hdr ...string) *response {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.csrf != "" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return &response{t: c.t, Status: res.StatusCode, Header: res.Header, Body: data}
}

func (c *client) get(path string, hdr ...string) *response { return c.do("GET", path, nil, hdr...) }
func (c *client) post(path string, body any, hdr ...string) *response {
	return c.do("POST", path, body, hdr...)
}
func (c *client) patch(path string, body any, hdr ...string) *response {
	return c.do("PATCH", path, body, hdr...)
}
func (c *client) del(path string) *response { return c.do("DELETE", path, nil) }

// json decodes the body as an object.
func (r *response) json() map[string]any {
	r.t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		r.t.Fatalf("body is not a JSON object: %v: %s", err, r.Body)
	}
	return m
}

// items returns the items of a list response.
func (r *response) items() []map[string]any {
	r.t.Helper()
	var l struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(r.Body, &l); err != nil {
		r.t.Fatalf("body is not a list: %v: %s", err, r.Body)
	}
	return l.Items
}

// expect fails the test unless the status is want.
func (r *response) expect(want int) *response {
	r.t.Helper()
	if r.Status != want {
		r.t.Fatalf("status %d, want %d: %s", r.Status, want, r.Body)
	}
	return r
}

// problem checks a problem+json answer with this status and, if fields are
// given, that each of them is named in errors.
func (r *response) problem(status int, fields ...string) map[string]any {
	r.t.Helper()
	r.expect(status)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		r.t.Fatalf("Content-Type %q, want application/problem+json", ct)
	}
	p := r.json()
	if int(p["status"].(float64)) != status || p["title"] == "" || p["type"] == "" {
		r.t.Fatalf("problem body incomplete: %s", r.Body)
	}
	named := map[string]string{}
	if errs, ok := p["errors"].([]any); ok {
		for _, e := range errs {
			m := e.(map[string]any)
			named[m["field"].(string)] = m["message"].(string)
		}
	}
	for _, f := range fields {
		if _, ok := named[f]; !ok {
			r.t.Fatalf("errors do not name %q: %s", f, r.Body)
		}
	}
	return p
}

// fieldMessage returns the message for field in a problem body.
func fieldMessage(p map[string]any, field string) string {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		m := e.(map[string]any)
		if m["field"] == field {
			return m["message"].(string)
		}
	}
	return ""
}

func ptr[T any](v T) *T { return &v }

// str reads a string field of a decoded object.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}
