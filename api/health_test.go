package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dialoog/api"
	"dialoog/models"
	"dialoog/services"
	"dialoog/services/storetest"
)

func TestHealthAndReadiness(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		anon := e.anonymous()
		anon.get("/healthz").expect(http.StatusOK)
		if r := anon.get("/readyz").expect(http.StatusOK).json(); r["schema"] != "current" {
			t.Fatalf("readyz: %v", r)
		}

		t.Run("DatabaseDown", func(t *testing.T) {
			sqlDB, err := e.db.DB.DB()
			if err != nil {
				t.Fatal(err)
			}
			sqlDB.Close()
			anon.get("/readyz").expect(http.StatusServiceUnavailable)
			anon.get("/healthz").expect(http.StatusOK) // the process still lives
			// A request that needs the store fails cleanly, never with a 500.
			if r := anon.post("/api/v1/auth/login", map[string]string{"email": "a@b.nl", "password": "whatever-long"}); r.Status != http.StatusServiceUnavailable {
				t.Fatalf("login with the store down: %d %s", r.Status, r.Body)
			}
		})
	})
}

// A replica whose schema is behind must not take traffic.
func TestReadyzSchemaBehind(t *testing.T) {
	for _, store := range storetest.Stores() {
		t.Run(store, func(t *testing.T) {
			db, err := services.Open(context.Background(), storetest.URL(t, store))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			srv := httptest.NewServer(api.New(services.New(db, services.Options{}), api.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil))))
			defer srv.Close()
			res, err := http.Get(srv.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "behind") {
				t.Fatalf("readyz on an unmigrated store: %d %s", res.StatusCode, body)
			}
			if _, err := db.MigrateUp(context.Background()); err != nil {
				t.Fatal(err)
			}
			res, err = http.Get(srv.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("readyz after migrating: %d", res.StatusCode)
			}
		})
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		for range 3 {
			officer.get("/api/v1/stakeholders").expect(http.StatusOK)
		}
		officer.get("/api/v1/stakeholders/not-an-id").expect(http.StatusNotFound)
		body := string(e.anonymous().get("/metrics").expect(http.StatusOK).Body)
		for _, want := range []string{
			`dialoog_http_requests_total{method="GET",route="/api/v1/stakeholders",status="200"} 3`,
			`dialoog_http_requests_total{method="GET",route="/api/v1/stakeholders/:id",status="404"} 1`,
			`dialoog_http_request_duration_seconds_bucket{method="GET",route="/api/v1/stakeholders",status="200",le="+Inf"} 3`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

func TestUnknownPathsAndMethods(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		anon := e.anonymous()
		anon.get("/api/v1/nothing-here").problem(http.StatusNotFound)
		e.as(models.RoleOfficer).do("PUT", "/api/v1/stakeholders", map[string]string{}).problem(http.StatusMethodNotAllowed)
		// Outside /api the single-page app answers, so that its routes survive a reload.
		r := anon.get("/stakeholders/some-page").expect(http.StatusOK)
		if !strings.Contains(r.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("app route answered %q", r.Header.Get("Content-Type"))
		}
	})
}
