// Command dialoog runs Dialoog: the API and the web app in one binary.
//
//	dialoog [serve]            run the server (migrates first)
//	dialoog migrate up|status  apply or list the schema migrations
//	dialoog user add EMAIL NAME ROLE [STAKEHOLDER_ID]   add a user (password from DIALOOG_PASSWORD or generated)
//	dialoog demo               fill an empty store with the demo organisation
//	dialoog demo --scale small|medium|large   fill an empty store with a generated ten-year register
//	dialoog healthcheck        exit 0 when the server on DIALOOG_ADDR is ready (for containers)
//	dialoog backup FILE        copy a live SQLite register to a new file (PostgreSQL: pg_dump)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"dialoog/api"
	"dialoog/frontend"
	"dialoog/models"
	"dialoog/services"
)

func main() {
	tuneGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dialoog:", err)
		os.Exit(1)
	}
}

// tuneGC sets the garbage collector for a server whose live heap is small
// (tens of MB) while every request allocates its answer anew: at Go's
// default GOGC=100 it collects dozens of times a second under load. 400
// spends a few tens of MB on a third more requests a second (BENCHMARKS.md);
// the soft limit keeps the heap in bounds whatever comes. GOGC and
// GOMEMLIMIT in the environment still decide.
func tuneGC(env func(string) string) {
	if env("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if env("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
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
	case "backup":
		return backup(ctx, db, args, out)
	case "demo":
		fs := flag.NewFlagSet("demo", flag.ContinueOnError)
		fs.SetOutput(out)
		scale := fs.String("scale", "", "generate a register of this size instead: small, medium or large")
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return fmt.Errorf("demo takes no arguments but --scale; got %q", fs.Args())
		}
		if _, err := db.MigrateUp(ctx); err != nil {
			return err
		}
		if *scale != "" {
			return generateScale(ctx, services.New(db, services.Options{}), db.Dialect, *scale, out)
		}
		return seedDemo(ctx, services.New(db, services.Options{}), out)
	}
	return fmt.Errorf("unknown command %q; use serve, migrate, user add, demo, backup or healthcheck", cmd)
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
	svc := services.New(db, services.Options{OverviewTTL: cfg.OverviewTTL})
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
		Handler:           api.New(svc, api.Config{SecureCookies: cfg.SecureCookies, Frontend: frontend.Dist(), RequestTimeout: cfg.RequestTimeout}, log),
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

func generateScale(ctx context.Context, svc *services.Services, store, scale string, out io.Writer) error {
	if _, ok := services.ScaleSizes[scale]; !ok {
		return fmt.Errorf("--scale must be small, medium or large, not %q", scale)
	}
	start := time.Now()
	res, err := svc.GenerateScale(ctx, scale)
	if err != nil {
		return fmt.Errorf("generate the %s register: %w", scale, err)
	}
	r := res.Rows
	fmt.Fprintf(out, "demo --scale %s on %s in %v: %d stakeholders, %d contacts, %d dialogues, %d concerns, %d commitments, %d progress updates, %d users\n",
		scale, store, time.Since(start).Round(100*time.Millisecond), r["stakeholders"], r["contacts"], r["dialogues"],
		r["concerns"], r["commitments"], r["commitment_updates"], res.AllUsers)
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
