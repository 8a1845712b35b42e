package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"dialoog/services"
	"dialoog/services/storetest"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestMigrateAndUserAdd(t *testing.T) {
	for _, store := range storetest.Stores() {
		t.Run(store, func(t *testing.T) {
			ctx := context.Background()
			env := envOf(map[string]string{"DATABASE_URL": storetest.URL(t, store), "DIALOOG_PASSWORD": "a-long-enough-password"})
			var out bytes.Buffer
			if err := run(ctx, []string{"migrate", "status"}, env, &out); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "pending") {
				t.Fatalf("status before migrating: %s", out.String())
			}
			out.Reset()
			if err := run(ctx, []string{"migrate", "up"}, env, &out); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			if err := run(ctx, []string{"migrate", "status"}, env, &out); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out.String(), "pending") || !strings.Contains(out.String(), "applied") {
				t.Fatalf("status after migrating: %s", out.String())
			}
			out.Reset()
			if err := run(ctx, []string{"user", "add", "Els@Example.nl", "Els de Vries", "officer"}, env, &out); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "els@example.nl") {
				t.Fatalf("user add said: %s", out.String())
			}
			if err := run(ctx, []string{"user", "add", "els@example.nl", "Els", "officer"}, env, &out); err == nil {
				t.Fatal("adding the same email twice worked")
			}
			if err := run(ctx, []string{"user", "add", "x@example.nl", "X", "emperor"}, env, &out); err == nil || !strings.Contains(err.Error(), "role") {
				t.Fatalf("an unknown role: %v", err)
			}
			if err := run(ctx, []string{"frobnicate"}, env, &out); err == nil {
				t.Fatal("an unknown command worked")
			}
		})
	}
}

// serve bootstraps the first admin with a generated password, printed once,
// serves, and on cancel (SIGTERM) stops cleanly.
func TestServeBootstrapsAndShutsDown(t *testing.T) {
	for _, store := range storetest.Stores() {
		t.Run(store, func(t *testing.T) {
			db, err := services.Open(context.Background(), storetest.URL(t, store))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var logs safeBuffer
			log := slog.New(slog.NewTextHandler(&logs, nil))
			cfg := Config{Addr: "127.0.0.1:0", AdminEmail: "beheer@example.nl"}
			ctx, cancel := context.WithCancel(context.Background())
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() { done <- serve(ctx, cfg, db, log, ready) }()
			var addr string
			select {
			case addr = <-ready:
			case err := <-done:
				t.Fatalf("serve ended: %v", err)
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not start")
			}
			if err := healthcheck(context.Background(), addr); err != nil {
				t.Fatalf("healthcheck of a ready server: %v", err)
			}
			line := logs.String()
			i := strings.Index(line, "password=")
			if i < 0 {
				t.Fatalf("no generated password in the log: %s", line)
			}
			password := strings.Fields(line[i+len("password="):])[0]
			body := `{"email":"beheer@example.nl","password":"` + password + `"}`
			res, err := http.Post("http://"+addr+"/api/v1/auth/login", "application/json", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("sign in with the printed password: %d", res.StatusCode)
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("shutdown: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("serve did not stop")
			}
			if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
				t.Fatal("still serving after shutdown")
			}
			if err := healthcheck(context.Background(), addr); err == nil {
				t.Fatal("healthcheck passed with no server")
			}
		})
	}
}
