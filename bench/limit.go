package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"dialoog/services"
)

// statement is one SQL statement as the services sent it: the text with its
// placeholders, and the values.
type statement struct {
	SQL  string
	Vars []any `json:"-"`
}

// recorder captures the statements the services run, through GORM's
// callbacks, while it is on.
type recorder struct {
	mu    sync.Mutex
	on    bool
	stmts []statement
}

func newRecorder(db *gorm.DB) (*recorder, error) {
	r := &recorder{}
	rec := func(tx *gorm.DB) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.on && tx.Error == nil {
			r.stmts = append(r.stmts, statement{SQL: tx.Statement.SQL.String(), Vars: append([]any(nil), tx.Statement.Vars...)})
		}
	}
	cb := db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("bench:record", rec),
		cb.Row().After("gorm:row").Register("bench:record", rec),
		cb.Raw().After("gorm:raw").Register("bench:record", rec),
	} {
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// capture returns what fn made the services run, leaving out the writes a
// read may make now and then (a session extended once a minute).
func (r *recorder) capture(fn func() error) ([]statement, error) {
	r.mu.Lock()
	r.on, r.stmts = true, nil
	r.mu.Unlock()
	err := fn()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on = false
	var out []statement
	for _, s := range r.stmts {
		if verb := strings.ToUpper(strings.Fields(strings.TrimSpace(s.SQL) + " x")[0]); verb == "UPDATE" || verb == "INSERT" || verb == "DELETE" {
			continue
		}
		out = append(out, s)
	}
	return out, err
}

var placeholder = regexp.MustCompile(`\$(\d+)`)

// pgbench runs the statements as one pgbench transaction, prepared, with
// the services' values passed as parameters, at conc clients for d, and
// returns transactions a second.
func pgbench(ctx context.Context, dbURL, dir string, stmts []statement, conc int, d time.Duration) (float64, error) {
	var script strings.Builder
	var defs []string
	for i, s := range stmts {
		text := placeholder.ReplaceAllStringFunc(s.SQL, func(m string) string {
			return fmt.Sprintf(":s%d_%s", i, m[1:])
		})
		for j, v := range s.Vars {
			val, err := pgText(v)
			if err != nil {
				return 0, err
			}
			defs = append(defs, "-D", fmt.Sprintf("s%d_%d=%s", i, j+1, val))
		}
		script.WriteString(strings.Join(strings.Fields(text), " ") + ";\n")
	}
	file := filepath.Join(dir, "pgbench.sql")
	if err := os.WriteFile(file, []byte(script.String()), 0o644); err != nil {
		return 0, err
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		return 0, err
	}
	args := []string{"-n", "-M", "prepared", "-c", strconv.Itoa(conc), "-j", strconv.Itoa(min(conc, 2)),
		"-T", strconv.Itoa(int(d.Seconds())), "-f", file, "-h", u.Hostname(), "-p", cmpOr(u.Port(), "5432")}
	if u.User != nil {
		args = append(args, "-U", u.User.Username())
	}
	args = append(args, defs...)
	args = append(args, strings.TrimPrefix(u.Path, "/"))
	out, err := exec.CommandContext(ctx, "pgbench", args...).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("pgbench: %v: %s", err, out)
	}
	if strings.Contains(string(out), "actually processed: 0\n") {
		return 0, fmt.Errorf("pgbench ran no transaction: %s\nscript:\n%s%v", out, script.String(), defs)
	}
	m := regexp.MustCompile(`tps = ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("pgbench said no tps: %s\nscript:\n%s%v", out, script.String(), defs)
	}
	if strings.Contains(string(out), "number of failed transactions: ") && !strings.Contains(string(out), "number of failed transactions: 0 ") {
		return 0, fmt.Errorf("pgbench transactions failed: %s", out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// pgText writes a parameter as PostgreSQL reads it in text form.
func pgText(v any) (string, error) {
	if dv, ok := v.(driver.Valuer); ok {
		x, err := dv.Value()
		if err != nil {
			return "", err
		}
		v = x
	}
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano), nil
	case string:
		return x, nil
	case []byte:
		return string(x), nil
	case bool:
		return strconv.FormatBool(x), nil
	case int, int32, int64, uint64, float64:
		return fmt.Sprint(x), nil
	case nil:
		return "", fmt.Errorf("a NULL parameter cannot be given to pgbench")
	}
	return "", fmt.Errorf("parameter of type %T", v)
}

// sqliteLoop runs the statements in a Go loop over the same SQLite file,
// through the same driver and pool Dialoog uses, at conc workers for d, and
// returns loops a second: SQLite's own limit on the work.
func sqliteLoop(ctx context.Context, db *services.DB, stmts []statement, conc int, d time.Duration) (float64, error) {
	sqlDB, err := db.DB.DB()
	if err != nil {
		return 0, err
	}
	var n atomic.Int64
	var firstErr atomic.Value
	until := time.Now().Add(d)
	// what is still running at the end is cut off and not counted
	run, cancel := context.WithDeadline(ctx, until)
	defer cancel()
	var wg sync.WaitGroup
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for run.Err() == nil {
				for _, s := range stmts {
					if err := drain(run, sqlDB, s); err != nil {
						if run.Err() == nil {
							firstErr.CompareAndSwap(nil, err)
						}
						return
					}
				}
				if time.Now().Before(until) {
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if err, ok := firstErr.Load().(error); ok {
		return 0, err
	}
	return float64(n.Load()) / d.Seconds(), nil
}

func drain(ctx context.Context, db *sql.DB, s statement) error {
	rows, err := db.QueryContext(ctx, s.SQL, s.Vars...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}
