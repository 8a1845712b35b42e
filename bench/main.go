// Command bench measures Dialoog on a large register, on PostgreSQL and on
// SQLite, and writes the results into BENCHMARKS.md. `make bench` runs it.
//
// For each store it prepares the generated register once (`dialoog demo
// --scale large`, kept in the database dialoog_bench and in
// bench/data/large.db, reused while complete), starts the server built by
// `make build`, signs in as the demo director, officer and partner, and
// drives each scenario over loopback HTTP at each concurrency: a warm-up,
// then a fixed time measured, repeated; the figures are the medians of the
// runs. For each read it then measures the database's own limit on the
// same work: the very statements the service issues for that request (the
// sign-in lookup included), captured from GORM and run by pgbench at the
// same concurrency on PostgreSQL, or by a Go loop over the same SQLite file
// and driver. The server's resident memory is sampled throughout.
//
// The machine is measured as it is; run it when nothing else does.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type options struct {
	bin        string
	stores     []string
	scale      string
	pgAdmin    string
	pgDB       string
	sqliteFile string
	warmup     time.Duration
	duration   time.Duration
	runs       int
	conc       []int
	only       string
	out        string
	jsonOut    string
}

func main() {
	var o options
	var stores, conc string
	flag.StringVar(&o.bin, "bin", "bin/dialoog", "the dialoog binary to measure")
	flag.StringVar(&stores, "stores", "postgres,sqlite", "stores to measure, in order")
	flag.StringVar(&o.scale, "scale", "large", "size of the generated register: small, medium or large")
	flag.StringVar(&o.pgAdmin, "pg", envOr("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"), "PostgreSQL server to make the bench database on")
	flag.StringVar(&o.pgDB, "pg-db", "dialoog_bench", "the PostgreSQL database that keeps the generated register")
	flag.StringVar(&o.sqliteFile, "sqlite-file", "", "the SQLite file that keeps the generated register (default bench/data/<scale>.db)")
	flag.DurationVar(&o.warmup, "warmup", time.Second, "warm-up before each measured run")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "length of each measured run")
	flag.IntVar(&o.runs, "runs", 3, "measured runs per scenario and concurrency; the medians are reported")
	flag.StringVar(&conc, "conc", "1,8,32", "concurrencies")
	flag.StringVar(&o.only, "only", "", "run only the scenarios whose key contains this (for trying things out)")
	flag.StringVar(&o.out, "out", "BENCHMARKS.md", "markdown file whose generated section is rewritten")
	flag.StringVar(&o.jsonOut, "json", "bench/data/results.json", "where the raw figures go")
	flag.Parse()
	o.stores = strings.Split(stores, ",")
	for _, c := range strings.Split(conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			log.Fatalf("bench: bad concurrency %q", c)
		}
		o.conc = append(o.conc, n)
	}
	if o.sqliteFile == "" {
		o.sqliteFile = "bench/data/" + o.scale + ".db"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		log.Fatalf("bench: %v", err)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func run(ctx context.Context, o options) error {
	// a copy of the binary, so that a `make clean` meanwhile cannot pull it away
	bin, err := os.ReadFile(o.bin)
	if err != nil {
		return fmt.Errorf("%s: %w (make build first)", o.bin, err)
	}
	dir, err := os.MkdirTemp("", "dialoog-bench-bin")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	o.bin = filepath.Join(dir, "dialoog")
	if err := os.WriteFile(o.bin, bin, 0o755); err != nil {
		return err
	}
	rep := report{Machine: describeMachine(ctx, o), Started: time.Now()}
	for _, store := range o.stores {
		sr, err := benchStore(ctx, o, store)
		if err != nil {
			return fmt.Errorf("%s: %w", store, err)
		}
		rep.Stores = append(rep.Stores, sr)
	}
	rep.Finished = time.Now()
	rep.Machine.LoadAfter = loadAverage()
	return rep.write(o)
}

// logf reports progress on stderr, so that a long run shows where it is.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
