package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

type machine struct {
	CPU, Memory, Kernel, Go, PostgreSQL, PostgreSQLSettings, Pgbench string
	Cores                                                            int
	LoadBefore, LoadAfter                                            string
}

type report struct {
	Machine           machine
	Started, Finished time.Time
	Stores            []storeResult
}

func describeMachine(ctx context.Context, o options) machine {
	m := machine{Cores: runtime.NumCPU(), Go: runtime.Version(), LoadBefore: loadAverage()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				var kb int64
				fmt.Sscan(strings.TrimSpace(rest), &kb)
				m.Memory = fmt.Sprintf("%.1f GB", float64(kb)/1024/1024)
			}
		}
		f.Close()
	}
	if out, err := exec.Command("uname", "-sr").Output(); err == nil {
		m.Kernel = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("pgbench", "--version").Output(); err == nil {
		m.Pgbench = strings.TrimSpace(string(out))
	}
	if db, err := sql.Open("pgx", o.pgAdmin); err == nil {
		defer db.Close()
		_ = db.QueryRowContext(ctx, "SHOW server_version").Scan(&m.PostgreSQL)
		rows, err := db.QueryContext(ctx, `SELECT name, setting, COALESCE(unit, '') FROM pg_settings WHERE name IN
			('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'synchronous_commit', 'random_page_cost') ORDER BY name`)
		if err == nil {
			var parts []string
			for rows.Next() {
				var n, v, u string
				if rows.Scan(&n, &v, &u) == nil {
					parts = append(parts, n+"="+v+u)
				}
			}
			rows.Close()
			m.PostgreSQLSettings = strings.Join(parts, ", ")
		}
	}
	return m
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:3], " ")
}

const (
	beginMark = "<!-- bench:begin: written by `make bench`; edit the text around it, not this -->"
	endMark   = "<!-- bench:end -->"
)

// write puts the figures into o.out between the marks, keeping the text
// around them, and the raw figures into o.jsonOut.
func (r report) write(o options) error {
	if o.jsonOut != "" {
		if err := os.MkdirAll(filepath.Dir(o.jsonOut), 0o755); err != nil {
			return err
		}
		b, _ := json.MarshalIndent(r, "", "  ")
		if err := os.WriteFile(o.jsonOut, b, 0o644); err != nil {
			return err
		}
	}
	gen := r.markdown(o)
	old, err := os.ReadFile(o.out)
	doc := "# Benchmarks\n\n" + beginMark + "\n" + gen + endMark + "\n"
	if err == nil {
		s := string(old)
		i, j := strings.Index(s, beginMark), strings.Index(s, endMark)
		if i >= 0 && j > i {
			doc = s[:i] + beginMark + "\n" + gen + s[j:]
		}
	}
	if err := os.WriteFile(o.out, []byte(doc), 0o644); err != nil {
		return err
	}
	logf("wrote %s", o.out)
	return nil
}

func (r report) markdown(o options) string {
	var b strings.Builder
	m := r.Machine
	fmt.Fprintf(&b, "Measured %s to %s (UTC) by `make bench`", r.Started.UTC().Format("2006-01-02 15:04"), r.Finished.UTC().Format("15:04"))
	fmt.Fprintf(&b, "; each figure is the median of %d runs of %v after %v of warm-up, at each concurrency.\n\n", o.runs, o.duration, o.warmup)
	b.WriteString("| machine | |\n| --- | --- |\n")
	fmt.Fprintf(&b, "| CPU | %s, %d cores (`nproc`) |\n| memory | %s |\n| kernel | %s |\n| Go | %s |\n", m.CPU, m.Cores, m.Memory, m.Kernel, m.Go)
	fmt.Fprintf(&b, "| PostgreSQL | %s, on the same machine, over loopback; %s |\n| pgbench | %s |\n", m.PostgreSQL, m.PostgreSQLSettings, m.Pgbench)
	fmt.Fprintf(&b, "| load average (1, 5, 15 min) | %s before, %s after |\n\n", m.LoadBefore, m.LoadAfter)

	b.WriteString("| store | register | rows | size | generated in | `migrate up` |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, s := range r.Stores {
		d := s.Data
		gen := "reused"
		switch {
		case d.Generated:
			gen = d.GenerateIn.Round(100 * time.Millisecond).String()
		case d.GenerateIn > 0:
			gen = fmt.Sprintf("%s (reused; made %s)", d.GenerateIn.Round(100*time.Millisecond), d.GeneratedAt.UTC().Format("2006-01-02 15:04"))
		}
		fmt.Fprintf(&b, "| %s | %s | %d stakeholders, %d contacts, %d dialogues, %d concerns, %d commitments, %d progress updates | %.0f MB | %s | %s |\n",
			d.Store, d.Scale, d.Rows["stakeholders"], d.Rows["contacts"], d.Rows["dialogues"], d.Rows["concerns"],
			d.Rows["commitments"], d.Rows["commitment_updates"], float64(d.SizeBytes)/1e6, gen, d.MigrateIn.Round(100*time.Millisecond))
	}
	for _, s := range r.Stores {
		title := map[string]string{"postgres": "PostgreSQL", "sqlite": "SQLite"}[s.Data.Store]
		fmt.Fprintf(&b, "\n#### %s, %s register\n\n", title, s.Data.Scale)
		fmt.Fprintf(&b, "Database limit: %s. Server memory: %.0f MB resident at most over the whole run.\n\n", s.LimitNote, s.PeakRSSMB)
		b.WriteString("| request | conc | Dialoog req/s | p50 ms | p95 ms | p99 ms | DB limit/s | Dialoog ÷ limit | server RSS MB |\n")
		b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, sc := range s.Scenarios {
			for i, c := range sc.ByConc {
				name := ""
				if i == 0 {
					name = sc.Name
				}
				limit, ratio := "–", "–"
				if c.Limit > 0 {
					limit, ratio = fmt.Sprintf("%.0f", c.Limit), fmt.Sprintf("%.0f%%", 100*c.Throughput/c.Limit)
				}
				errs := ""
				if c.Errors > 0 {
					errs = fmt.Sprintf(" (%d errors)", c.Errors)
				}
				if c.Throughput == 0 {
					// not one request finished within the measured time
					fmt.Fprintf(&b, "| %s | %d | 0%s: each took longer than %v | – | – | – | %s | – | %.0f |\n",
						name, c.Conc, errs, o.duration, limit, c.RSSMB)
					continue
				}
				fmt.Fprintf(&b, "| %s | %d | %.0f%s | %.2f | %.2f | %.2f | %s | %s | %.0f |\n",
					name, c.Conc, c.Throughput, errs, c.P50, c.P95, c.P99, limit, ratio, c.RSSMB)
			}
		}
	}
	b.WriteString("\nThe statements behind each read, as the services issued them (and as the limit ran them):\n\n")
	for _, s := range r.Stores {
		if s.Data.Store != "postgres" {
			continue
		}
		b.WriteString("<details><summary>PostgreSQL statements per request</summary>\n\n")
		for _, sc := range s.Scenarios {
			stmts := s.SQL[sc.Key]
			if len(stmts) == 0 {
				continue
			}
			fmt.Fprintf(&b, "%s:\n\n```sql\n", sc.Name)
			for _, st := range stmts {
				b.WriteString(strings.Join(strings.Fields(st.SQL), " ") + ";\n")
			}
			b.WriteString("```\n\n")
		}
		b.WriteString("</details>\n\n")
	}
	return b.String()
}
