package api_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"dialoog/models"
	"dialoog/services"
)

// login signs in through the API with a fresh client, whatever the outcome.
func login(e *env, email, password string) (*client, *response) {
	c := e.anonymous()
	r := c.post("/api/v1/auth/login", map[string]string{"email": email, "password": password})
	if r.Status == http.StatusOK {
		c.csrf = str(r.json(), "csrf_token")
	}
	return c, r
}

// sessionCookie returns the session cookie a response sets.
func sessionCookie(t *testing.T, r *response) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "dialoog_session" {
			return c
		}
	}
	t.Fatalf("no session cookie set: %v", r.Header)
	return nil
}

// rowValues reads one row of a table as text, column by column.
func rowValues(t *testing.T, e *env, table, id string) map[string]string {
	t.Helper()
	row := map[string]any{}
	if err := e.db.Table(table).Where("id = ?", id).Take(&row).Error; err != nil {
		t.Fatalf("read %s %s: %v", table, id, err)
	}
	out := map[string]string{}
	for k, v := range row {
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		out[k] = fmt.Sprint(v)
	}
	return out
}

// noColumnHolds fails if any column of the row holds the secret.
func noColumnHolds(t *testing.T, e *env, table, id, secret string) {
	t.Helper()
	for col, v := range rowValues(t, e, table, id) {
		if strings.Contains(v, secret) {
			t.Fatalf("%s.%s holds the secret itself", table, col)
		}
	}
}

// noSecretsInAudit fails unless the record's audit trail exists and holds
// none of the secrets: directors read it.
func noSecretsInAudit(t *testing.T, e *env, recordID string, secrets ...string) {
	t.Helper()
	r := e.as(models.RoleDirector).get("/api/v1/audit-events?record_id=" + recordID).expect(http.StatusOK)
	if len(r.items()) == 0 {
		t.Fatalf("no audit event for %s", recordID)
	}
	for _, s := range secrets {
		if s == "" || strings.Contains(string(r.Body), s) {
			t.Fatalf("the audit trail holds a secret (%q): %s", s, r.Body)
		}
	}
}

func sameProblem(t *testing.T, what string, a, b map[string]any) {
	t.Helper()
	for _, k := range []string{"type", "title", "detail"} {
		if a[k] != b[k] {
			t.Fatalf("%s: %s %q differs from %q", what, k, a[k], b[k])
		}
	}
}

func TestLoginSetsHttpOnlyCookieAndAnswersUser(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.users[models.RoleOfficer]
		c, r := login(e, officer.Email, testPassword)
		r.expect(http.StatusOK)
		ck := sessionCookie(t, r)
		if !ck.HttpOnly || ck.Value == "" || ck.Path != "/" || ck.SameSite == http.SameSiteNoneMode {
			t.Fatalf("session cookie %+v", ck)
		}
		body := r.json()
		user, _ := body["user"].(map[string]any)
		if str(user, "id") != officer.ID || str(user, "role") != "officer" || str(user, "email") != officer.Email {
			t.Fatalf("login answered user %v", user)
		}
		for _, k := range []string{"password", "password_hash"} {
			if _, ok := user[k]; ok {
				t.Fatalf("login answers %q: %v", k, user)
			}
		}
		csrf := str(body, "csrf_token")
		if csrf == "" || csrf == ck.Value {
			t.Fatalf("csrf_token %q (cookie %q)", csrf, ck.Value)
		}
		// the store keeps a hash of the cookie, never the cookie itself
		var ids []string
		if err := e.db.Table("sessions").Where("user_id = ?", officer.ID).Pluck("id", &ids).Error; err != nil || len(ids) != 1 {
			t.Fatalf("sessions %v %v", ids, err)
		}
		noColumnHolds(t, e, "sessions", ids[0], ck.Value)

		me := c.get("/api/v1/auth/me").expect(http.StatusOK).json()
		if str(me["user"].(map[string]any), "id") != officer.ID || str(me, "csrf_token") != csrf {
			t.Fatalf("me answered %v, want the officer and csrf %q", me, csrf)
		}
		// the email is matched without regard to case and spaces
		_, r = login(e, "  "+strings.ToUpper(officer.Email), testPassword)
		r.expect(http.StatusOK)
	})
}

func TestLoginWrongPasswordAndUnknownEmailAlike(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		c, r := login(e, e.users[models.RoleDirector].Email, "not the password")
		wrong := r.problem(http.StatusUnauthorized)
		if _, set := r.Header["Set-Cookie"]; set {
			t.Fatalf("a failed sign-in sets a cookie: %v", r.Header)
		}
		c.get("/api/v1/auth/me").problem(http.StatusUnauthorized)
		_, r = login(e, "nobody@example.nl", testPassword)
		unknown := r.problem(http.StatusUnauthorized)
		sameProblem(t, "unknown email", unknown, wrong)
		if str(wrong, "detail") == "" {
			t.Fatalf("no detail: %v", wrong)
		}
	})
}

func TestLoginLockedAfterTooManyFailures(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		email := e.users[models.RoleDirector].Email
		failures := 0
		for ; failures < 100; failures++ {
			_, r := login(e, email, "guess "+strconv.Itoa(failures))
			if r.Status == http.StatusTooManyRequests {
				break
			}
			r.problem(http.StatusUnauthorized)
		}
		if failures == 0 || failures == 100 {
			t.Fatalf("locked after %d failures", failures)
		}
		for _, addr := range []string{email, strings.ToUpper(email)} {
			_, r := login(e, addr, testPassword)
			r.problem(http.StatusTooManyRequests)
			if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || s <= 0 {
				t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
			}
			if _, set := r.Header["Set-Cookie"]; set {
				t.Fatalf("a locked sign-in sets a cookie")
			}
		}
		if n := e.countRows(t, "sessions", "user_id = ?", e.users[models.RoleDirector].ID); n != 0 {
			t.Fatalf("%d sessions opened while locked", n)
		}
		// the lock is on that email alone
		_, r := login(e, e.users[models.RoleOfficer].Email, testPassword)
		r.expect(http.StatusOK)
	})
}

func TestAuthCSRFRequiredForCookieWrites(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		_, other := login(e, e.users[models.RoleDirector].Email, testPassword)
		otherCSRF := str(other.expect(http.StatusOK).json(), "csrf_token")
		st := fxNewStakeholder(t, e)
		item := "/api/v1/stakeholders/" + st.ID
		updates := "/api/v1/commitments/" + fxNewCommitment(t, e, true, true, "open", false).ID + "/updates"
		before := map[string]int64{}
		for _, table := range []string{"stakeholders", "api_tokens", "commitment_updates", "audit_events"} {
			before[table] = e.countRows(t, table)
		}
		for name, token := range map[string]string{"without": "", "wrong": "not-the-token", "another session's": otherCSRF} {
			c := *officer
			c.csrf = token
			c.post("/api/v1/stakeholders", map[string]any{"name": "Nieuw"}).problem(http.StatusForbidden)
			c.patch(item, map[string]any{"stance": "critical"}).problem(http.StatusForbidden)
			c.del(item).problem(http.StatusForbidden)
			c.post("/api/v1/tokens", map[string]any{"name": "ci"}).problem(http.StatusForbidden)
			c.post(updates, map[string]any{"text": "Hallo"}).problem(http.StatusForbidden)
			if v := e.versionOf(t, "stakeholders", st.ID); v != st.Version {
				t.Fatalf("%s CSRF token: stakeholder version %d, want %d", name, v, st.Version)
			}
			for table, n := range before {
				if got := e.countRows(t, table); got != n {
					t.Fatalf("%s CSRF token: %s went from %d to %d rows", name, table, n, got)
				}
			}
			c.get(item).expect(http.StatusOK) // reading needs no token
		}
		officer.patch(item, map[string]any{"stance": "critical"}).expect(http.StatusOK)
		officer.del(item).expect(http.StatusNoContent)
	})
}

func TestAuthMeAndLogout(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		partner := e.users[models.RolePartner]
		c, r := login(e, partner.Email, testPassword)
		secret := sessionCookie(t, r.expect(http.StatusOK)).Value
		me := c.get("/api/v1/auth/me").expect(http.StatusOK).json()
		if str(me, "csrf_token") != c.csrf || str(me["user"].(map[string]any), "stakeholder_id") != e.partner.ID {
			t.Fatalf("me %v", me)
		}
		// another site cannot sign the user out: logout needs the CSRF token too
		e.anonymous().post("/api/v1/auth/logout", nil, "Cookie", "dialoog_session="+secret).problem(http.StatusForbidden)
		c.get("/api/v1/auth/me").expect(http.StatusOK)
		out := c.post("/api/v1/auth/logout", nil).expect(http.StatusNoContent)
		if ck := sessionCookie(t, out); ck.MaxAge >= 0 || ck.Value != "" {
			t.Fatalf("logout does not clear the cookie: %+v", ck)
		}
		c.get("/api/v1/auth/me").problem(http.StatusUnauthorized)
		// the session itself is over, not just forgotten by this browser
		e.anonymous().get("/api/v1/auth/me", "Cookie", "dialoog_session="+secret).problem(http.StatusUnauthorized)
		if n := e.countRows(t, "sessions", "user_id = ?", partner.ID); n != 0 {
			t.Fatalf("%d sessions left after logout", n)
		}
		// a token-authenticated request has no session, so no CSRF token
		me = e.withToken(models.RolePartner).get("/api/v1/auth/me").expect(http.StatusOK).json()
		if v, ok := me["csrf_token"]; !ok || v != nil {
			t.Fatalf("me by token: csrf_token %v", v)
		}
	})
}

func TestTokenSecretShownOnceAndOnlyHashKept(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		r := officer.post("/api/v1/tokens", map[string]any{"name": "export"}).expect(http.StatusCreated)
		tok := r.json()
		secret, id := str(tok, "token"), str(tok, "id")
		if secret == "" || id == "" || str(tok, "user_id") != e.users[models.RoleOfficer].ID {
			t.Fatalf("token answer %v", tok)
		}
		if !strings.HasPrefix(secret, str(tok, "prefix")) || len(str(tok, "prefix")) >= len(secret)/2 {
			t.Fatalf("prefix %q of %q", str(tok, "prefix"), secret)
		}
		for _, path := range []string{"/api/v1/tokens/" + id, "/api/v1/tokens"} {
			got := officer.get(path).expect(http.StatusOK)
			if strings.Contains(string(got.Body), secret) || strings.Contains(string(got.Body), `"token"`) {
				t.Fatalf("GET %s shows the secret again: %s", path, got.Body)
			}
		}
		noColumnHolds(t, e, "api_tokens", id, secret)
		noSecretsInAudit(t, e, id, secret, rowValues(t, e, "api_tokens", id)["token_hash"])

		// Bearer requests need no CSRF token
		bearer := e.anonymous()
		bearer.bearer = secret
		me := bearer.get("/api/v1/auth/me").expect(http.StatusOK).json()
		if str(me["user"].(map[string]any), "id") != e.users[models.RoleOfficer].ID {
			t.Fatalf("token acts as %v", me)
		}
		made := bearer.post("/api/v1/stakeholders", map[string]any{"name": "Via API"}).expect(http.StatusCreated).json()
		bearer.patch("/api/v1/stakeholders/"+str(made, "id"), map[string]any{"stance": "neutral"}).expect(http.StatusOK)
		bearer.del("/api/v1/stakeholders/" + str(made, "id")).expect(http.StatusNoContent)

		officer.del("/api/v1/tokens/" + id).expect(http.StatusNoContent)
		bearer.get("/api/v1/auth/me").problem(http.StatusUnauthorized)
		bearer.post("/api/v1/stakeholders", map[string]any{"name": "Na intrekken"}).problem(http.StatusUnauthorized)
		if got := officer.get("/api/v1/tokens/" + id).expect(http.StatusOK).json(); got["revoked_at"] == nil {
			t.Fatalf("revoked token shows no revoked_at: %v", got)
		}
	})
}

func TestTokenOfAnotherUserIsNotFound(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		director := e.withToken(models.RoleDirector)
		var id string
		for _, tk := range e.as(models.RoleDirector).get("/api/v1/tokens").expect(http.StatusOK).items() {
			id = str(tk, "id")
		}
		missing := "/api/v1/tokens/0b8e3f8e-8d3b-4a55-9a55-6f1f0c6a0002"
		for _, role := range []models.Role{models.RoleOfficer, models.RolePartner} {
			c := e.as(role)
			sameProblem(t, string(role)+" GET", c.get("/api/v1/tokens/"+id).problem(http.StatusNotFound), c.get(missing).problem(http.StatusNotFound))
			sameProblem(t, string(role)+" DELETE", c.del("/api/v1/tokens/"+id).problem(http.StatusNotFound), c.del(missing).problem(http.StatusNotFound))
			for _, tk := range c.get("/api/v1/tokens").expect(http.StatusOK).items() {
				if str(tk, "id") == id {
					t.Fatalf("%s lists the director's token", role)
				}
			}
			c.get("/api/v1/tokens?user_id=" + e.users[models.RoleDirector].ID).problem(http.StatusForbidden)
			director.get("/api/v1/auth/me").expect(http.StatusOK) // still valid
		}
		admin := e.as(models.RoleAdmin)
		admin.get("/api/v1/tokens/" + id).expect(http.StatusOK)
		if items := admin.get("/api/v1/tokens?user_id=" + e.users[models.RoleDirector].ID).expect(http.StatusOK).items(); len(items) != 1 {
			t.Fatalf("admin lists the director's tokens as %v", items)
		}
		admin.del("/api/v1/tokens/" + id).expect(http.StatusNoContent)
		director.get("/api/v1/auth/me").problem(http.StatusUnauthorized)
	})
}

func TestAuthDeactivatedUserIsLockedOut(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		u := fxNewUser(t, e, models.RoleOfficer)
		session, r := login(e, u.Email, testPassword)
		r.expect(http.StatusOK)
		token := e.anonymous()
		token.bearer = fxNewToken(t, e, u).Secret
		session.get("/api/v1/stakeholders").expect(http.StatusOK)
		token.get("/api/v1/stakeholders").expect(http.StatusOK)

		admin := e.as(models.RoleAdmin)
		admin.del("/api/v1/users/" + u.ID).expect(http.StatusNoContent)
		if got := admin.get("/api/v1/users/" + u.ID).expect(http.StatusOK).json(); got["active"] != false || got["deactivated_at"] == nil {
			t.Fatalf("deactivated user reads as %v", got)
		}
		session.get("/api/v1/stakeholders").problem(http.StatusUnauthorized)
		session.post("/api/v1/stakeholders", map[string]any{"name": "Na deactivering"}).problem(http.StatusUnauthorized)
		token.get("/api/v1/stakeholders").problem(http.StatusUnauthorized)
		_, r = login(e, u.Email, testPassword)
		deactivated := r.problem(http.StatusUnauthorized)
		_, r = login(e, u.Email, "not the password")
		sameProblem(t, "deactivated user's sign-in", deactivated, r.problem(http.StatusUnauthorized))
	})
}

func TestAuthLastActiveAdminStays(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		admin := e.users[models.RoleAdmin]
		c := e.as(models.RoleAdmin)
		self := "/api/v1/users/" + admin.ID
		refused := func(r *response) {
			t.Helper()
			r.problem(http.StatusConflict)
			u := rowValues(t, e, "users", admin.ID)
			if u["role"] != "admin" || u["version"] != strconv.Itoa(admin.Version) {
				t.Fatalf("the last admin changed: %v", u)
			}
		}
		refused(c.del(self))
		refused(c.patch(self, map[string]any{"role": "officer"}))
		refused(c.patch(self, map[string]any{"active": false}))

		// a deactivated admin does not count
		newAdmin := map[string]any{"email": "tweede@example.nl", "name": "Tweede", "role": "admin", "password": testPassword}
		second := str(c.post("/api/v1/users", newAdmin).expect(http.StatusCreated).json(), "id")
		c.del("/api/v1/users/" + second).expect(http.StatusNoContent)
		refused(c.patch(self, map[string]any{"role": "director"}))

		// with another active admin, one may step down; then the other is the last
		newAdmin["email"] = "derde@example.nl"
		third := str(c.post("/api/v1/users", newAdmin).expect(http.StatusCreated).json(), "id")
		t3, r := login(e, "derde@example.nl", testPassword)
		r.expect(http.StatusOK)
		t3.patch(self, map[string]any{"role": "officer"}).expect(http.StatusOK)
		t3.del("/api/v1/users/" + third).problem(http.StatusConflict)
		t3.patch("/api/v1/users/"+third, map[string]any{"role": "officer"}).problem(http.StatusConflict)
		c.get("/api/v1/users").problem(http.StatusUnauthorized) // demoted: signed out
	})
}

func TestAuthPasswordRules(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		admin := e.as(models.RoleAdmin)
		short := strings.Repeat("k", services.MinPasswordLength-1)
		exact := strings.Repeat("k", services.MinPasswordLength)
		users := e.countRows(t, "users")
		user := map[string]any{"email": "kort@example.nl", "name": "Kort", "role": "director", "password": short}
		admin.post("/api/v1/users", user).problem(http.StatusUnprocessableEntity, "password")
		if n := e.countRows(t, "users"); n != users {
			t.Fatalf("a refused user was stored")
		}
		user["password"] = exact
		id := str(admin.post("/api/v1/users", user).expect(http.StatusCreated).json(), "id")

		hash := rowValues(t, e, "users", id)["password_hash"]
		if err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(exact)); err != nil {
			t.Fatalf("password_hash %q is not a bcrypt hash of the password: %v", hash, err)
		}
		noColumnHolds(t, e, "users", id, exact)
		noSecretsInAudit(t, e, id, exact, hash)

		c, r := login(e, "kort@example.nl", exact)
		r.expect(http.StatusOK)
		v := e.versionOf(t, "users", id)
		c.patch("/api/v1/users/"+id, map[string]any{"password": short, "current_password": exact}).problem(http.StatusUnprocessableEntity, "password")
		admin.patch("/api/v1/users/"+id, map[string]any{"password": short}).problem(http.StatusUnprocessableEntity, "password")
		if e.versionOf(t, "users", id) != v {
			t.Fatalf("a refused password change was stored")
		}
		_, r = login(e, "kort@example.nl", exact)
		r.expect(http.StatusOK)
	})
}

func TestAuthSelfService(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		for _, role := range []models.Role{models.RoleOfficer, models.RoleDirector, models.RolePartner} {
			u := e.users[role]
			c := e.as(role)
			self := "/api/v1/users/" + u.ID
			got := c.patch(self, map[string]any{"name": "Eigen Naam", "locale": "nl"}).expect(http.StatusOK).json()
			if str(got, "name") != "Eigen Naam" || str(got, "locale") != "nl" {
				t.Fatalf("%s changed self to %v", role, got)
			}
			v := e.versionOf(t, "users", u.ID)
			for _, change := range []map[string]any{
				{"role": "admin"},
				{"role": string(role), "name": "Zelfde rol"},
				{"active": false},
				{"email": "ander@example.nl"},
				{"stakeholder_id": e.other.ID},
			} {
				c.patch(self, change).problem(http.StatusForbidden)
			}
			c.del(self).problem(http.StatusForbidden)
			if row := rowValues(t, e, "users", u.ID); row["version"] != strconv.Itoa(v) || row["role"] != string(role) {
				t.Fatalf("%s changed their own access: %v", role, row)
			}

			const newPassword = "een nieuw wachtwoord"
			c.patch(self, map[string]any{"password": newPassword}).problem(http.StatusUnprocessableEntity, "current_password")
			c.patch(self, map[string]any{"password": newPassword, "current_password": "fout fout fout"}).
				problem(http.StatusUnprocessableEntity, "current_password")
			if e.versionOf(t, "users", u.ID) != v {
				t.Fatalf("%s: a refused password change was stored", role)
			}
			c.patch(self, map[string]any{"password": newPassword, "current_password": testPassword}).expect(http.StatusOK)
			_, r := login(e, u.Email, testPassword)
			r.problem(http.StatusUnauthorized)
			_, r = login(e, u.Email, newPassword)
			r.expect(http.StatusOK)
		}
	})
}
