// Command dialoog runs Dialoog: the API and the web app in one binary.
//
//	dialoog [serve]            run the server (migrates first)
//	dialoog migrate up|status  apply or list the schema migrations
//	dialoog user add EMAIL NAME ROLE [STAKEHOLDER_ID]   add a user (password from DIALOOG_PASSWORD or generated)
//	dialoog demo               fill an empty store with the demo organisation
//	dialoog healthcheck        exit 0 when the server on DIALOOG_ADDR is ready (for containers)
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"dialoog/api"
	"dialoog/frontend"
	"dialoog/models"
	"dialoog/services"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dialoog:", err)
		os.Exit(1)
	}
}

// run is the whole program; main only gives it the process's world.
func run(ctx context.Context, args []string, env func(string) string, out io.Writer) error {
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	var handler slog.Handler = slog.NewTextHandler(out, nil)
	if cfg.LogFormat == "json" {
		handler = slog.NewJSONHandler(out, nil)
	}
	log := slog.New(handler)
	slog.SetDefault(log)

	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	if cmd == "healthcheck" {
		return healthcheck(ctx, cfg.Addr)
	}
	db, err := services.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()

	switch cmd {
	case "serve":
		return serve(ctx, cfg, db, log, nil)
	case "migrate":
		return migrate(ctx, db, args, out)
	case "user":
		return addUser(ctx, db, args, env, out)
	case "demo":
		if _, err := db.MigrateUp(ctx); err != nil {
			return err
		}
		return seedDemo(ctx, services.New(db, services.Options{}), out)
	}
	return fmt.Errorf("unknown command %q; use serve, migrate, user add, demo or healthcheck", cmd)
}

// serve migrates, bootstraps, and serves until ctx ends; then it stops taking
// new connections and lets the requests in flight finish. ready, if not nil,
// receives the address once the server listens.
func serve(ctx context.Context, cfg Config, db *services.DB, log *slog.Logger, ready chan<- string) error {
	applied, err := db.MigrateUp(ctx)
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		log.Info("migrated", "store", db.Dialect, "versions", applied)
	}
	svc := services.New(db, services.Options{})
	created, password, err := svc.Users.EnsureAdmin(ctx, cfg.AdminEmail, "Administrator", cfg.AdminPassword)
	if err != nil {
		return fmt.Errorf("create the first admin: %w", err)
	}
	if created && cfg.AdminPassword == "" {
		log.Warn("first admin created with a generated password; change it after signing in", "email", cfg.AdminEmail, "password", password)
	} else if created {
		log.Info("first admin created", "email", cfg.AdminEmail)
	}
	if cfg.Demo {
		if err := seedDemo(ctx, svc, os.Stdout); err != nil {
			return err
		}
	}

	srv := &http.Server{
		Handler:           api.New(svc, api.Config{SecureCookies: cfg.SecureCookies, Frontend: frontend.Dist()}, log),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String(), "store", db.Dialect)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func migrate(ctx context.Context, db *services.DB, args []string, out io.Writer) error {
	sub := "up"
	if len(args) > 0 {
		sub = args[0]
	}
	switch sub {
	case "up":
		applied, err := db.MigrateUp(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: applied %d migration(s) %v\n", db.Dialect, len(applied), applied)
		return nil
	case "status":
		st, err := db.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		for _, m := range st {
			state := "pending"
			if m.Applied {
				state = "applied"
			}
			fmt.Fprintf(out, "%05d  %-8s %s\n", m.Version, state, m.Name)
		}
		return nil
	}
	return fmt.Errorf("unknown migrate command %q; use up or status", sub)
}

func addUser(ctx context.Context, db *services.DB, args []string, env func(string) string, out io.Writer) error {
	if len(args) < 4 || args[0] != "add" {
		return errors.New("usage: dialoog user add EMAIL NAME ROLE [STAKEHOLDER_ID]")
	}
	if _, err := db.MigrateUp(ctx); err != nil {
		return err
	}
	in := models.NewUser{Email: args[1], Name: args[2], Role: models.Role(args[3]), Password: env("DIALOOG_PASSWORD")}
	if len(args) > 4 {
		in.StakeholderID = &args[4]
	}
	generated := in.Password == ""
	if generated {
		in.Password = services.RandomPassword()
	}
	u, err := services.New(db, services.Options{}).Users.AddUser(ctx, in)
	if err != nil {
		var me *models.Error
		if errors.As(err, &me) && len(me.Fields) > 0 {
			return fmt.Errorf("%s", me.Fields[0].Message)
		}
		return err
	}
	fmt.Fprintf(out, "added %s (%s) as %s\n", u.Email, u.Name, u.Role)
	if generated {
		fmt.Fprintf(out, "password: %s\n", in.Password)
	}
	return nil
}

func seedDemo(ctx context.Context, svc *services.Services, out io.Writer) error {
	res, err := svc.SeedDemo(ctx)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	if !res.Seeded {
		fmt.Fprintln(out, "demo: the store already holds a register; left it as it is")
		return nil
	}
	fmt.Fprintf(out, "demo: %d stakeholders, %d dialogues, %d concerns, %d commitments\n", res.Stakeholders, res.Dialogues, res.Concerns, res.Commitments)
	fmt.Fprintln(out, "demo sign-ins (password for each):", services.DemoPassword)
	for _, u := range res.Users {
		fmt.Fprintf(out, "  %-9s %s\n", u.Role, u.Email)
	}
	return nil
}

// healthcheck asks the local server's /readyz; containers without a shell
// or curl use it as their health check.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/readyz", nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: %s", res.Status)
	}
	return nil
}
