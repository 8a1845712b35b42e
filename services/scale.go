package services

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"dialoog/models"
)

// ScaleSize is how big a generated register is.
type ScaleSize struct {
	Name         string
	Sites        int
	Stakeholders int
	Contacts     int
	Dialogues    int
	Concerns     int
	Commitments  int
}

// ScaleSizes are the registers `dialoog demo --scale` makes: large is a big
// company with many sites after ten years of use; medium is a fifth of it,
// small a fiftieth.
var ScaleSizes = map[string]ScaleSize{
	"small":  {Name: "small", Sites: 3, Stakeholders: 200, Contacts: 600, Dialogues: 4_000, Concerns: 10_000, Commitments: 10_000},
	"medium": {Name: "medium", Sites: 12, Stakeholders: 2_000, Contacts: 6_000, Dialogues: 40_000, Concerns: 100_000, Commitments: 100_000},
	"large":  {Name: "large", Sites: 40, Stakeholders: 10_000, Contacts: 30_000, Dialogues: 200_000, Concerns: 500_000, Commitments: 500_000},
}

// ScaleResult says what GenerateScale stored.
type ScaleResult struct {
	Size ScaleSize
	// Rows counts the rows written per table, link tables and progress
	// updates included.
	Rows map[string]int
	// Users are the sign-ins to try first (password DemoPassword): one per
	// role, the partner with a shared action list of a few dozen lines.
	Users []models.User
	// AllUsers counts every generated user: a few per site, and a partner
	// for each site's residents' association.
	AllUsers int
}

// scaleSeed fixes every choice of the generator: the same size gives the
// same register every time; only the dates move with the clock, so that the
// ten years always end today.
const scaleSeed = 2015_03_02

// scaleYears is how far back the generated register reaches.
const scaleYears = 10

// GenerateScale fills an empty store with a generated register of the named
// size ("small", "medium" or "large"): Delta Proces Groep, a company with
// many sites, and ten years of its dialogue with their neighbours and
// everyone else (scale_data.go; the texts are the demo's). It exists to show
// how Dialoog behaves at the size a large company reaches, and is what
// `make bench` measures.
//
// Rows are written in bulk, COPY on PostgreSQL and multi-row INSERTs on
// SQLite, in one transaction: all of it or none. Unlike SeedDemo it writes
// no audit events for the generated rows: the audit trail records what
// people did, and for two million rows it would double the time and the size
// of the store for history nobody made. search_text is filled exactly as the
// services fill it, so search finds generated rows.
//
// Errors: Invalid for an unknown size; Conflict when the store is not empty
// (it holds stakeholders, or a user with a demo email).
func (s *Services) GenerateScale(ctx context.Context, size string) (ScaleResult, error) {
	sz, ok := ScaleSizes[size]
	if !ok {
		return ScaleResult{}, models.InvalidField("scale", "scale must be small, medium or large")
	}
	b := s.Users.base
	// every generated user has the demo password; bcrypt once, not per user
	hash, err := hashPassword(DemoPassword, s.Users.bcryptCost)
	if err != nil {
		return ScaleResult{}, translate(err)
	}
	g := newScaleGen(sz, b.now(), hash)
	err = withBulkSink(ctx, b.db, func(sink bulkSink) error {
		g.sink = sink
		return g.run(ctx)
	})
	b.wrote()
	if err != nil {
		return ScaleResult{}, translate(err)
	}
	// fresh statistics, so the planner knows the tables' new size at once
	if err := analyze(ctx, b.db); err != nil {
		return ScaleResult{}, translate(err)
	}
	return g.result(), nil
}

// analyze refreshes the planner's statistics; on PostgreSQL VACUUM also
// marks the new pages all-visible, which index-only scans need.
func analyze(ctx context.Context, db *DB) error {
	if db.Dialect != "postgres" {
		return db.WithContext(ctx).Exec("ANALYZE").Error
	}
	for _, t := range []string{"users", "stakeholders", "contacts", "dialogues", "dialogue_stakeholders",
		"dialogue_users", "concerns", "commitments", "commitment_updates"} {
		if err := db.WithContext(ctx).Exec("VACUUM (ANALYZE) " + t).Error; err != nil {
			return err
		}
	}
	return nil
}

// --- bulk writing ---

// bulkSink writes rows in bulk inside one transaction.
type bulkSink interface {
	insert(ctx context.Context, table string, cols []string, rows [][]any) error
	count(ctx context.Context, query string, args ...any) (int64, error) // query uses $1, $2...
	exec(ctx context.Context, query string, args ...any) error
	// indexes returns the name and definition of each index on tables that
	// no constraint needs, so that they can be built after the load.
	indexes(ctx context.Context, tables []string) ([][2]string, error)
}

// withBulkSink runs fn in one transaction on one connection of db.
func withBulkSink(ctx context.Context, db *DB, fn func(bulkSink) error) error {
	sqlDB, err := db.DB.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if db.Dialect == "postgres" {
		return conn.Raw(func(dc any) error {
			pc, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("bulk load: unexpected PostgreSQL driver %T", dc)
			}
			return pgx.BeginFunc(ctx, pc.Conn(), func(tx pgx.Tx) error { return fn(pgSink{tx}) })
		})
	}
	tx, err := conn.BeginTx(ctx, nil) // immediate: takes the write lock now
	if err != nil {
		return err
	}
	sink := &sqliteSink{tx: tx, stmts: map[string]*sql.Stmt{}}
	if err := fn(sink); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// pgSink writes with COPY, the fastest way into PostgreSQL.
type pgSink struct{ tx pgx.Tx }

func (p pgSink) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	_, err := p.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	return nil
}

func (p pgSink) count(ctx context.Context, query string, args ...any) (int64, error) {
	var n int64
	err := p.tx.QueryRow(ctx, query, args...).Scan(&n)
	return n, err
}

func (p pgSink) exec(ctx context.Context, query string, args ...any) error {
	_, err := p.tx.Exec(ctx, query, args...)
	return err
}

func (p pgSink) indexes(ctx context.Context, tables []string) ([][2]string, error) {
	rows, err := p.tx.Query(ctx, `SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename = ANY($1) AND NOT EXISTS (
			SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
		ORDER BY i.indexname`, tables)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var d [2]string
		err := r.Scan(&d[0], &d[1])
		return d, err
	})
}

// sqliteSink writes with prepared multi-row INSERTs; SQLite takes at most
// 32766 parameters a statement.
type sqliteSink struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (s *sqliteSink) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := max(1, min(500, 32000/len(cols)))
	args := make([]any, 0, per*len(cols))
	for len(rows) > 0 {
		n := min(per, len(rows))
		key := fmt.Sprint(table, n)
		st, ok := s.stmts[key]
		if !ok {
			one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
			q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
				strings.TrimSuffix(strings.Repeat(one+",", n), ",")
			var err error
			if st, err = s.tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			s.stmts[key] = st
		}
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}

func (s *sqliteSink) count(ctx context.Context, query string, args ...any) (int64, error) {
	var n int64
	err := s.tx.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

func (s *sqliteSink) exec(ctx context.Context, query string, args ...any) error {
	_, err := s.tx.ExecContext(ctx, query, args...)
	return err
}

func (s *sqliteSink) indexes(ctx context.Context, tables []string) ([][2]string, error) {
	rows, err := s.tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN ('`+strings.Join(tables, "', '")+`') ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var d [2]string
		if err := rows.Scan(&d[0], &d[1]); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// scaleTable is a table being filled: its columns and the rows not yet written.
type scaleTable struct {
	name string
	cols []string
	rows [][]any
	n    int
}

var scaleColumns = map[string][]string{
	"users": {"id", "email", "name", "role", "stakeholder_id", "password_hash", "locale", "active", "created_at", "updated_at", "version"},
	"stakeholders": {"id", "name", "kind", "category", "influence", "interest", "stance", "email", "phone", "website", "address",
		"country", "tags", "owner_id", "description", "search_text", "created_at", "updated_at", "version"},
	"contacts":              {"id", "stakeholder_id", "name", "role", "email", "phone", "search_text", "created_at", "updated_at", "version"},
	"dialogues":             {"id", "title", "held_at", "format", "purpose", "engagement_level", "location", "summary", "topics", "created_by", "search_text", "archived_at", "created_at", "updated_at", "version"},
	"dialogue_stakeholders": {"dialogue_id", "stakeholder_id"},
	"dialogue_users":        {"dialogue_id", "user_id"},
	"concerns": {"id", "stakeholder_id", "contact_id", "dialogue_id", "title", "description", "topic", "severity", "status", "response",
		"decision", "confidential", "raised_at", "acknowledged_at", "responded_at", "closed_at", "search_text", "archived_at", "created_at", "updated_at", "version"},
	"commitments": {"id", "title", "description", "stakeholder_id", "concern_id", "dialogue_id", "owner_id", "due_on", "status", "shared",
		"done_at", "partner_verdict", "verdict_reason", "verdict_at", "verdict_by", "search_text", "archived_at", "created_at", "updated_at", "version"},
	"commitment_updates": {"id", "commitment_id", "author_id", "text", "shared", "created_at"},
}

// scaleStreamOrder is the order the streamed tables are flushed in, so that
// every row's references are written before it.
var scaleStreamOrder = []string{"dialogues", "dialogue_stakeholders", "dialogue_users", "concerns", "commitments", "commitment_updates"}

// --- the generator ---

type scaleSite struct {
	name, region, province string
	wijken                 []string
	users                  map[string]string // demoUser key → user id
	byCategory             map[string][]int  // stakeholder indexes, the partner's left out
	all                    []int
	partner                int // the residents' association with a partner sign-in
	partnerUser            string
	partnerFrom            time.Time
}

type scaleStakeholder struct {
	id, name, category string
	site               int
	contacts           []string
}

// scaleSeries is a demo dialogue series, with the categories of who attends.
type scaleSeries struct {
	*demoSeries
	categories []string
	weight     int
	community  bool // residents attend: a partner may be there
}

// scaleEvent is a dialogue (series >= 0) or a concern that came in outside
// any dialogue (series < 0), with how many concerns and commitments it gets.
type scaleEvent struct {
	at                    time.Time
	site                  int32
	series                int16
	concerns, commitments int16
	partner               bool
}

type scaleGen struct {
	r     *rand.Rand
	size  ScaleSize
	now   time.Time
	today models.Date
	start time.Time
	hash  string
	sink  bulkSink

	sites        []scaleSite
	stakeholders []scaleStakeholder
	users        []models.User
	signIns      []models.User
	series       []scaleSeries
	seriesWeight int
	events       []scaleEvent
	tables       map[string]*scaleTable
	buffered     int
	names        map[string]bool
	emails       map[string]bool
	pending      []scalePendingStakeholder
	stIndex      map[string]int    // stakeholder id → index
	folded       map[string]string // searchText memo: the texts repeat
	siteText     map[[2]string]string
}

func newScaleGen(sz ScaleSize, now time.Time, hash string) *scaleGen {
	// The register ends at the start of today, so that a run on the same day
	// makes the same register whatever the hour: the draws never depend on
	// how far today has got.
	now = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	g := &scaleGen{
		r: rand.New(rand.NewPCG(scaleSeed, uint64(len(sz.Name)))), size: sz, now: now, today: models.DateOf(now),
		start: now.AddDate(-scaleYears, 0, 0), hash: hash, tables: map[string]*scaleTable{},
		names: map[string]bool{}, emails: map[string]bool{}, folded: map[string]string{}, siteText: map[[2]string]string{},
	}
	for name, cols := range scaleColumns {
		g.tables[name] = &scaleTable{name: name, cols: cols}
	}
	return g
}

func (g *scaleGen) run(ctx context.Context) error {
	if n, err := g.sink.count(ctx, "SELECT COUNT(*) FROM stakeholders"); err != nil || n > 0 {
		if err == nil {
			err = models.Errorf(models.Conflict, "the store already holds a register; a generated one needs an empty store")
		}
		return err
	}
	g.plan()
	// An index is built far faster at once over the loaded rows than row by
	// row while loading (the trigram indexes most of all), so the loaded
	// tables' own indexes are dropped now and made again at the end, in the
	// same transaction: nobody sees the tables without them.
	indexes, err := g.sink.indexes(ctx, scaleIndexedTables)
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if err := g.sink.exec(ctx, "DROP INDEX "+ix[0]); err != nil {
			return err
		}
	}
	for _, u := range g.users {
		if n, err := g.sink.count(ctx, "SELECT COUNT(*) FROM users WHERE email = $1", u.Email); err != nil || n > 0 {
			if err == nil {
				err = models.Errorf(models.Conflict, "a user with the demo email %s exists; a generated register needs an empty store", u.Email)
			}
			return err
		}
	}
	// internal users first: stakeholders name their owner, partners their stakeholder
	for _, u := range g.users {
		if u.Role != models.RolePartner {
			g.addUser(u)
		}
	}
	if err := g.flush(ctx, "users"); err != nil {
		return err
	}
	g.writeStakeholders()
	if err := g.flush(ctx, "stakeholders", "contacts"); err != nil {
		return err
	}
	for _, u := range g.users {
		if u.Role == models.RolePartner {
			g.addUser(u)
		}
	}
	if err := g.flush(ctx, "users"); err != nil {
		return err
	}
	for i := range g.events {
		g.event(&g.events[i])
		if g.buffered >= 20_000 {
			if err := g.flush(ctx, scaleStreamOrder...); err != nil {
				return err
			}
		}
		if i%10_000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	if err := g.flush(ctx, scaleStreamOrder...); err != nil {
		return err
	}
	if _, ok := g.sink.(pgSink); ok {
		// room to sort in, for this transaction's index builds alone
		if err := g.sink.exec(ctx, "SET LOCAL maintenance_work_mem = '256MB'"); err != nil {
			return err
		}
	}
	for _, ix := range indexes {
		if err := g.sink.exec(ctx, ix[1]); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix[0], err)
		}
	}
	return nil
}

// scaleIndexedTables are the tables whose indexes are built after the load.
var scaleIndexedTables = []string{"stakeholders", "contacts", "dialogues", "dialogue_stakeholders", "dialogue_users",
	"concerns", "commitments", "commitment_updates"}

func (g *scaleGen) add(table string, row ...any) {
	t := g.tables[table]
	t.rows = append(t.rows, row)
	t.n++
	g.buffered++
}

func (g *scaleGen) flush(ctx context.Context, tables ...string) error {
	for _, name := range tables {
		t := g.tables[name]
		if len(t.rows) == 0 {
			continue
		}
		if err := g.sink.insert(ctx, t.name, t.cols, t.rows); err != nil {
			return err
		}
		g.buffered -= len(t.rows)
		t.rows = t.rows[:0]
	}
	return nil
}

func (g *scaleGen) result() ScaleResult {
	res := ScaleResult{Size: g.size, Rows: map[string]int{}, Users: slices.Clone(g.signIns), AllUsers: len(g.users)}
	for name, t := range g.tables {
		res.Rows[name] = t.n
	}
	for i := range res.Users {
		res.Users[i].PasswordHash = ""
	}
	return res
}

// --- randomness, ids and text ---

func (g *scaleGen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }
func (g *scaleGen) chance(p float64) bool  { return g.r.Float64() < p }

func scalePick[T any](g *scaleGen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// skewed picks from xs with the first ones far likelier: in a register a few
// stakeholders take up most of the dialogue.
func scaleSkewed[T any](g *scaleGen, xs []T) T {
	u := g.r.Float64()
	return xs[int(u*u*float64(len(xs)))]
}

// id is a UUID v7 of time t, its random bits drawn from the seeded source,
// so that ids sort by when the record was made and a run is repeatable.
func (g *scaleGen) id(t time.Time) string {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[8:], g.r.Uint64())
	r := g.r.Uint64()
	binary.BigEndian.PutUint64(u[:8], uint64(t.UnixMilli())<<16|r&0x0fff)
	u[6] = 0x70 | u[6]&0x0f // version 7
	u[8] = 0x80 | u[8]&0x3f // RFC 9562 variant
	return u.String()
}

// search is searchText, remembered: the generated texts repeat a lot.
func (g *scaleGen) search(parts ...string) string {
	key := strings.Join(parts, "\u001e")
	if s, ok := g.folded[key]; ok {
		return s
	}
	s := searchText(parts...)
	if len(g.folded) < 200_000 {
		g.folded[key] = s
	}
	return s
}

// atSite moves a demo text to a site: Kreekhaven Chemie's texts name its town.
func (g *scaleGen) atSite(site int, text string) string {
	if !strings.Contains(text, "Kreekhaven") {
		return text
	}
	key := [2]string{g.sites[site].name, text}
	if s, ok := g.siteText[key]; ok {
		return s
	}
	s := strings.ReplaceAll(text, "Kreekhaven Chemie", scaleSiteCompany(g.sites[site].name))
	s = strings.ReplaceAll(s, "Kreekhaven", g.sites[site].name)
	g.siteText[key] = s
	return s
}

// scaleFormat fills a name or description format with the words it uses;
// fmt reports the words it did not use, which are cut off.
func scaleFormat(format string, args []any) string {
	s := fmt.Sprintf(format, args...)
	if i := strings.Index(s, "%!(EXTRA"); i >= 0 {
		s = s[:i]
	}
	return s
}

func nullable(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// --- planning: sites, people, stakeholders, and when everything happens ---

func (g *scaleGen) plan() {
	g.planSeries()
	g.planSites()
	g.planUsers()
	g.planStakeholders()
	g.planEvents()
}

func (g *scaleGen) planSeries() {
	category := map[string]string{}
	for _, st := range demoStakeholders {
		category[st.key] = st.category
	}
	for i := range demoSeriesList {
		sr := &demoSeriesList[i]
		ss := scaleSeries{demoSeries: sr, weight: sr.count}
		keys := slices.Concat(sr.present, sr.sometimes)
		for _, v := range sr.rotate {
			keys = append(keys, v.stakeholder)
		}
		for _, k := range keys {
			if c := category[k]; !slices.Contains(ss.categories, c) {
				ss.categories = append(ss.categories, c)
			}
		}
		ss.community = slices.Contains(ss.categories, "community")
		if len(sr.rotate) > 0 {
			ss.weight *= 4 // calls, mails and visits are the bulk of a big register
		}
		g.series = append(g.series, ss)
		g.seriesWeight += ss.weight
	}
}

func (g *scaleGen) planSites() {
	used := map[string]bool{}
	for i := range g.size.Sites {
		name := "Kreekhaven" // the demo's plant is the first site
		for i > 0 && (name == "" || used[name]) {
			name = scalePick(g, scalePlaceHeads) + scalePick(g, scalePlaceTails)
		}
		used[name] = true
		reg := scaleRegions[(i/5)%len(scaleRegions)]
		w := slices.Clone(scaleWijken)
		g.r.Shuffle(len(w), func(a, b int) { w[a], w[b] = w[b], w[a] })
		g.sites = append(g.sites, scaleSite{name: name, region: reg.name, province: reg.province, wijken: w[:6],
			users: map[string]string{}, byCategory: map[string][]int{}})
	}
}

// planUsers makes the sign-ins: the demo's four well-known ones, an
// environment manager, HSE, logistics and HR person per site, a director per
// region, and a partner per site (made with the stakeholders).
func (g *scaleGen) planUsers() {
	created := g.start.AddDate(0, 0, -45)
	mk := func(email, name string, role models.Role) models.User {
		g.emails[email] = true
		return models.User{ID: g.id(created), Email: email, Name: name, Role: role, PasswordHash: g.hash, Locale: "nl",
			Active: true, CreatedAt: created, UpdatedAt: created, Version: 1}
	}
	well := map[string]demoUser{}
	for _, u := range demoUsers {
		well[u.key] = u
	}
	admin := mk(well["admin"].email, well["admin"].name, models.RoleAdmin)
	g.users = append(g.users, admin)
	g.signIns = append(g.signIns, admin)
	directors := map[string]string{}
	for i := range g.sites {
		site := &g.sites[i]
		if _, ok := directors[site.region]; !ok {
			var d models.User
			if i == 0 {
				d = mk(well["director"].email, well["director"].name, models.RoleDirector)
				g.signIns = append(g.signIns, d)
			} else {
				d = g.newColleague(mk, models.RoleDirector)
			}
			g.users = append(g.users, d)
			directors[site.region] = d.ID
		}
		site.users["director"] = directors[site.region]
		for _, key := range []string{"officer", "hse", "logistics", "hr"} {
			var u models.User
			if i == 0 {
				u = mk(well[key].email, well[key].name, models.RoleOfficer)
				if key == "officer" {
					g.signIns = append(g.signIns, u)
				}
			} else {
				u = g.newColleague(mk, models.RoleOfficer)
			}
			g.users = append(g.users, u)
			site.users[key] = u.ID
		}
	}
}

func (g *scaleGen) newColleague(mk func(email, name string, role models.Role) models.User, role models.Role) models.User {
	for {
		name := scalePick(g, scaleFirstNames) + " " + scalePick(g, scaleSurnames)
		email := demoMailbox(name, "demo.dialoog.nl")
		if !g.emails[email] {
			return mk(email, name, role)
		}
	}
}

func (g *scaleGen) addUser(u models.User) {
	g.add("users", u.ID, u.Email, u.Name, string(u.Role), nullable(u.StakeholderID), u.PasswordHash, u.Locale, u.Active,
		u.CreatedAt, u.UpdatedAt, u.Version)
}

// planStakeholders spreads the stakeholders over the sites: first the ones
// every site has once (its municipality, works council...), among them the
// residents' association whose partner signs in, then the rest by category.
func (g *scaleGen) planStakeholders() {
	perSite := g.size.Stakeholders / g.size.Sites
	for si := range g.sites {
		n := perSite
		if si < g.size.Stakeholders%g.size.Sites {
			n++
		}
		site := &g.sites[si]
		// the partner's association, named after the first neighbourhood
		site.partner = g.newStakeholder(si, "community", scaleKinds["community"][0])
		for _, cat := range scaleCategoryShare {
			for _, k := range scaleKinds[cat.category] {
				if k.perSite && len(site.all) < n {
					g.newStakeholder(si, cat.category, k)
				}
			}
		}
		for len(site.all) < n {
			cat := g.category()
			g.newStakeholder(si, cat, g.kindOf(cat))
		}
	}
	g.planContacts()
	g.planPartners()
}

func (g *scaleGen) category() string {
	x := g.r.IntN(1000)
	for _, c := range scaleCategoryShare {
		if x < c.share {
			return c.category
		}
		x -= c.share
	}
	return "other"
}

func (g *scaleGen) kindOf(cat string) scaleStakeholderKind {
	kinds := scaleKinds[cat]
	total := 0
	for _, k := range kinds {
		if !k.perSite {
			total += k.weight
		}
	}
	x := g.r.IntN(total)
	for _, k := range kinds {
		if k.perSite {
			continue
		}
		if x < k.weight {
			return k
		}
		x -= k.weight
	}
	return kinds[0]
}

// nameArgs are the words a stakeholder kind's name and description take.
func (g *scaleGen) nameArgs(si int) []any {
	site := g.sites[si]
	return []any{site.name, scalePick(g, site.wijken), scalePick(g, scaleSurnames), scalePick(g, scaleStreets), site.region,
		scalePick(g, scaleFirstNames), scalePick(g, scaleSchools), scalePick(g, scaleParties), site.province, scalePick(g, scaleNetworks)}
}

// newStakeholder plans a stakeholder of kind k at site si, under a name not
// used before, and returns its index.
func (g *scaleGen) newStakeholder(si int, cat string, k scaleStakeholderKind) int {
	var args []any
	var name string
	for try := 0; ; try++ {
		args = g.nameArgs(si)
		if si < len(g.sites) && len(g.sites[si].all) == 0 {
			args[1] = g.sites[si].wijken[0] // the partner's association
		}
		name = scaleFormat(k.name, args)
		switch {
		case try >= 12:
			name = fmt.Sprintf("%s (%s %d)", name, g.sites[si].name, try)
		case try >= 6:
			name = fmt.Sprintf("%s (%s)", name, g.sites[si].name)
		}
		if !g.names[name] {
			break
		}
	}
	g.names[name] = true
	idx := len(g.stakeholders)
	g.stakeholders = append(g.stakeholders, scaleStakeholder{name: name, category: cat, site: si})
	site := &g.sites[si]
	site.all = append(site.all, idx)
	if len(site.all) > 1 { // the first is the partner's, kept out of the draw
		site.byCategory[cat] = append(site.byCategory[cat], idx)
	}
	g.pending = append(g.pending, scalePendingStakeholder{idx: idx, kind: k, args: args})
	return idx
}

// scalePendingStakeholder is a planned stakeholder whose row is made once
// its contacts are known.
type scalePendingStakeholder struct {
	idx  int
	kind scaleStakeholderKind
	args []any
	nc   int // contacts
}

func (g *scaleGen) planContacts() {
	total := 0
	for i := range g.pending {
		p := &g.pending[i]
		if p.kind.kind == "person" {
			p.nc = 1
		} else {
			p.nc = g.between(1, 5)
		}
		total += p.nc
	}
	for total != g.size.Contacts {
		p := &g.pending[g.r.IntN(len(g.pending))]
		if p.kind.kind == "person" {
			continue
		}
		switch {
		case total < g.size.Contacts && p.nc < 6:
			p.nc++
			total++
		case total > g.size.Contacts && p.nc > 1:
			p.nc--
			total--
		}
	}
}

// planPartners gives each site's residents' association a partner sign-in;
// the first site's is the demo's partner@demo.dialoog.nl. They joined the
// shared action list three years ago, give or take.
func (g *scaleGen) planPartners() {
	for si := range g.sites {
		site := &g.sites[si]
		st := &g.stakeholders[site.partner]
		from := g.now.AddDate(-3, 0, g.between(-120, 120))
		var u models.User
		if si == 0 {
			var pu demoUser
			for _, d := range demoUsers {
				if d.role == models.RolePartner {
					pu = d
				}
			}
			u = models.User{Email: pu.email, Name: pu.name}
		} else {
			name := scalePick(g, scaleFirstNames) + " " + scalePick(g, scaleSurnames)
			email := demoMailbox(name, scaleDomain(st.name))
			for g.emails[email] {
				name = scalePick(g, scaleFirstNames) + " " + scalePick(g, scaleSurnames)
				email = demoMailbox(name, scaleDomain(st.name))
			}
			u = models.User{Email: email, Name: name}
		}
		g.emails[u.Email] = true
		u.ID, u.Role, u.PasswordHash, u.Locale, u.Active = g.id(from), models.RolePartner, g.hash, "nl", true
		u.CreatedAt, u.UpdatedAt, u.Version = from, from, 1
		g.users = append(g.users, u)
		site.partnerUser, site.partnerFrom = u.ID, from
		if si == 0 {
			g.signIns = append(g.signIns, u)
		}
	}
}

// scaleDomain is the made-up web domain of an organisation.
func scaleDomain(name string) string {
	d := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, fold(name))
	return d[:min(len(d), 40)] + ".example.nl"
}

// writeStakeholders makes the stakeholder and contact rows; all were in the
// register before its first dialogue, imported in the month before.
func (g *scaleGen) writeStakeholders() {
	for _, p := range g.pending {
		st := &g.stakeholders[p.idx]
		k := p.kind
		site := &g.sites[st.site]
		created := g.start.AddDate(0, 0, -g.between(1, 30)).Add(time.Duration(g.between(0, 480)) * time.Minute)
		st.id = g.id(created)
		email, website, phone, domain := "", "", "", ""
		if k.kind == "person" {
			domain = "example.nl"
			email = demoMailbox(st.name, domain)
		} else {
			domain = scaleDomain(st.name)
			email, website = "info@"+domain, "https://www."+domain
			phone = fmt.Sprintf("0%d-%06d", g.between(10, 599), g.r.IntN(1_000_000))
		}
		address := fmt.Sprintf("%s %d, %04d %c%c %s", scalePick(g, scaleStreets), g.between(1, 180), g.between(1000, 9999),
			'A'+rune(g.r.IntN(26)), 'A'+rune(g.r.IntN(26)), site.name)
		tags := models.StringList(cleanList(append(slices.Clone(k.tags), site.name)))
		tagText, _ := tags.Value()
		descr := scaleFormat(k.descr, p.args)
		owner := site.users["officer"]
		g.add("stakeholders", st.id, st.name, k.kind, st.category, g.between(k.inf[0], k.inf[1]), g.between(k.intr[0], k.intr[1]),
			scalePick(g, k.stance), email, phone, website, address, "NL", tagText, owner, descr,
			searchText(st.name, descr, email, address, strings.Join(tags, " ")), created, created, 1)
		for j := range p.nc {
			name, role := st.name, k.roles[0]
			if k.kind != "person" {
				name = scalePick(g, scaleFirstNames) + " " + scalePick(g, scaleSurnames)
				role = k.roles[j%len(k.roles)]
			}
			if st.id != "" && p.idx == site.partner && j == 0 && st.site == 0 {
				name = "Joke Mulder" // the demo partner, chair of her association
			}
			at := created.Add(time.Duration(j+1) * time.Minute)
			ce := demoMailbox(name, domain)
			cphone := ""
			if g.chance(0.5) {
				cphone = fmt.Sprintf("06-%08d", g.r.IntN(100_000_000))
			}
			id := g.id(at)
			st.contacts = append(st.contacts, id)
			g.add("contacts", id, st.id, name, role, ce, cphone, searchText(name, role, ce), at, at, 1)
		}
	}
	g.stIndex = make(map[string]int, len(g.stakeholders))
	for i, st := range g.stakeholders {
		g.stIndex[st.id] = i
	}
	// the partners speak for their association
	for si := range g.sites {
		for i := range g.users {
			if g.users[i].ID == g.sites[si].partnerUser {
				g.users[i].StakeholderID = ptr(g.stakeholders[g.sites[si].partner].id)
			}
		}
	}
	for i := range g.signIns {
		for _, u := range g.users {
			if u.ID == g.signIns[i].ID {
				g.signIns[i] = u
			}
		}
	}
	g.pending = nil
}

// planEvents decides when every dialogue is held and every loose concern
// comes in, growing over the years as the register came into use, and how
// many concerns and commitments each brings, to the exact totals of the size.
func (g *scaleGen) planEvents() {
	loose := g.size.Concerns / 20
	span := float64(scaleYears*365 - 3)
	when := func() time.Time {
		// density rising linearly from 0.5 to 1.5: a register used more each year
		u := g.r.Float64()
		x := -0.5 + math.Sqrt(0.25+2*u)
		return g.start.Add(time.Duration(x * span * 24 * float64(time.Hour)))
	}
	for range g.size.Dialogues {
		g.events = append(g.events, g.dialogueEvent(when()))
	}
	for range loose {
		at := when()
		at = time.Date(at.Year(), at.Month(), at.Day(), g.between(6, 21), g.between(0, 59), 0, 0, time.UTC)
		g.events = append(g.events, scaleEvent{at: g.clampPast(at), site: int32(g.r.IntN(len(g.sites))), series: -1, concerns: 1})
	}
	slices.SortStableFunc(g.events, func(a, b scaleEvent) int { return a.at.Compare(b.at) })

	// concerns: a few per dialogue by format, then evened out to the total
	var dialogues, looseEvents []int
	for i, e := range g.events {
		if e.series >= 0 {
			dialogues = append(dialogues, i)
		} else {
			looseEvents = append(looseEvents, i)
		}
	}
	sum := 0
	for _, i := range dialogues {
		span := scaleConcernSpan[g.series[g.events[i].series].format]
		g.events[i].concerns = int16(g.between(span[0], span[1]))
		sum += int(g.events[i].concerns)
	}
	g.even(dialogues, sum, g.size.Concerns-loose, func(e *scaleEvent) *int16 { return &e.concerns }, 8)
	// commitments: most answered concerns lead to one, many sessions to a follow-up
	sum = 0
	for _, i := range looseEvents {
		if g.chance(0.6) {
			g.events[i].commitments = 1
			sum++
		}
	}
	target := g.size.Commitments - sum
	sum = 0
	for _, i := range dialogues {
		e := &g.events[i]
		for range e.concerns {
			if g.chance(0.75) {
				e.commitments++
			}
		}
		if g.chance(0.45) {
			e.commitments++
		}
		sum += int(e.commitments)
	}
	g.even(dialogues, sum, target, func(e *scaleEvent) *int16 { return &e.commitments }, 9)

	// each partner's association is at a few dozen of its site's meetings
	for si := range g.sites {
		var cands []int
		for _, i := range dialogues {
			if e := g.events[i]; int(e.site) == si && g.series[e.series].community && len(g.series[e.series].rotate) == 0 {
				cands = append(cands, i)
			}
		}
		g.r.Shuffle(len(cands), func(a, b int) { cands[a], cands[b] = cands[b], cands[a] })
		for _, i := range cands[:min(30, len(cands))] {
			g.events[i].partner = true
		}
	}
}

// scaleConcernSpan is how many concerns a dialogue of each format brings, at
// least and at most.
var scaleConcernSpan = map[string][2]int{
	"meeting": {1, 4}, "hearing": {3, 7}, "workshop": {1, 4}, "survey": {2, 5}, "site_visit": {1, 3},
	"call": {0, 3}, "email": {1, 3}, "online": {1, 4}, "other": {1, 3},
}

// even moves field of random events up or down by one until the sum is target.
func (g *scaleGen) even(idx []int, sum, target int, field func(*scaleEvent) *int16, most int16) {
	for sum != target && len(idx) > 0 {
		f := field(&g.events[idx[g.r.IntN(len(idx))]])
		switch {
		case sum < target && *f < most:
			*f++
			sum++
		case sum > target && *f > 0:
			*f--
			sum--
		}
	}
}

func (g *scaleGen) dialogueEvent(at time.Time) scaleEvent {
	x := g.r.IntN(g.seriesWeight)
	si := 0
	for i, s := range g.series {
		if x < s.weight {
			si = i
			break
		}
		x -= s.weight
	}
	sr := g.series[si]
	switch at.Weekday() {
	case time.Saturday:
		at = at.AddDate(0, 0, -1)
	case time.Sunday:
		at = at.AddDate(0, 0, 1)
	}
	hour, minute := g.between(7, 14), scalePick(g, []int{0, 30})
	if sr.evening {
		hour, minute = 18, 30
	}
	held := time.Date(at.Year(), at.Month(), at.Day(), hour, minute, 0, 0, time.UTC)
	if !g.past(held) {
		held = held.AddDate(0, 0, -3)
	}
	return scaleEvent{at: held, site: int32(g.r.IntN(len(g.sites))), series: int16(si)}
}

func (g *scaleGen) past(t time.Time) bool { return t.Before(g.now.Add(-time.Hour)) }

func (g *scaleGen) clampPast(t time.Time) time.Time {
	if g.past(t) {
		return t
	}
	return g.now.Add(-time.Hour - time.Duration(g.between(0, 180))*time.Minute)
}

// --- streaming: each event becomes its rows ---

func (g *scaleGen) event(e *scaleEvent) {
	if e.series < 0 {
		g.looseConcern(e)
		return
	}
	site := &g.sites[e.site]
	sr := g.series[e.series]

	// who came
	var present []int
	if e.partner {
		present = append(present, site.partner)
	}
	want := 1
	if len(sr.rotate) == 0 {
		want = max(1, len(sr.present)+g.between(0, len(sr.sometimes)))
	}
	for tries := 0; len(present) < want && tries < 3*want+3; tries++ {
		pool := site.byCategory[scalePick(g, sr.categories)]
		if len(pool) == 0 {
			continue
		}
		if st := scaleSkewed(g, pool); !slices.Contains(present, st) {
			present = append(present, st)
		}
	}
	if len(present) == 0 {
		present = append(present, scaleSkewed(g, site.all[1:]))
	}
	var topics []string
	if len(sr.rotate) > 0 {
		v := sr.rotate[g.r.IntN(len(sr.rotate))]
		topics = v.topics
	} else {
		topics = g.someOf(sr.topics)
	}
	var users []string
	for _, k := range sr.users {
		if id := site.users[k]; !slices.Contains(users, id) {
			users = append(users, id)
		}
	}
	creator := users[0]
	if id := site.users["officer"]; slices.Contains(users, id) {
		creator = id
	} else if g.chance(0.3) {
		users, creator = append(users, id), id
	}

	held := e.at
	title := g.atSite(int(e.site), sr.title)
	if len(sr.rotate) > 0 {
		title = fmt.Sprintf(title, g.stakeholders[present[0]].name)
	} else {
		if title == sr.title {
			title += " " + site.name
		}
		title += " – " + demoDutchMonths[held.Month()-1] + " " + fmt.Sprint(held.Year())
	}
	created := g.clampPast(held.Add(time.Duration(g.between(60, 240)) * time.Minute))
	id := g.id(created)
	purpose, location := g.atSite(int(e.site), sr.purpose), g.atSite(int(e.site), sr.location)
	summary := g.atSite(int(e.site), sr.summaries[g.r.IntN(len(sr.summaries))])
	topicList := models.StringList(topics)
	topicText, _ := topicList.Value()
	g.add("dialogues", id, title, held, sr.format, purpose, sr.level, location, summary, topicText, creator,
		searchText(title, purpose, location, summary, strings.Join(topics, " ")), nil, created, created, 1)
	for _, st := range present {
		g.add("dialogue_stakeholders", id, g.stakeholders[st].id)
	}
	for _, u := range users {
		g.add("dialogue_users", id, u)
	}

	// what was raised, and what was promised
	type raised struct {
		id, stakeholder, topic string
		spec                   demoConcern
		made                   time.Time
	}
	var concerns []raised
	for range e.concerns {
		topic := topics[0]
		if len(topics) > 1 && !g.chance(0.4) {
			topic = scalePick(g, topics)
		}
		raiser := g.raiser(present, topic, e.partner)
		spec := g.concernSpec(topic, g.stakeholders[raiser].category)
		c := g.concern(site, raiser, &id, topic, spec, held, created, false)
		concerns = append(concerns, raised{c.ID, c.StakeholderID, topic, spec, g.promisedAt(c)})
	}
	for j := range int(e.commitments) {
		if j < len(concerns) && concerns[j].spec.commitment != "" {
			c := concerns[j]
			g.commitment(site, c.stakeholder, &c.id, &id, site.users[demoTopicOwners[c.topic]],
				c.spec.commitment, c.spec.commitmentText, c.made, g.between(21, 120))
			continue
		}
		f := scaleGenericFollowUp
		if len(sr.followUps) > 0 && g.chance(0.7) {
			f = scalePick(g, sr.followUps)
		}
		owner := site.users[sr.users[0]]
		g.commitment(site, g.stakeholders[present[0]].id, nil, &id, owner, g.atSite(int(e.site), f.title),
			g.atSite(int(e.site), f.description), created, g.between(14, 45))
	}
}

var scaleGenericFollowUp = demoFollowUp{"Schriftelijk terugkomen op de gestelde vragen",
	"De vragen uit het gesprek schriftelijk beantwoorden en de antwoorden in Dialoog vastleggen."}

var scaleGenericAnswer = demoFollowUp{"Melder informeren over de uitkomst",
	"Brief of e-mail aan de melder met wat er is onderzocht en wat er met de melding gebeurt."}

// someOf returns the first topic, the series' main subject, and one to
// three of the others.
func (g *scaleGen) someOf(topics []string) []string {
	if len(topics) <= 2 {
		return topics
	}
	out := []string{topics[0]}
	for _, j := range g.r.Perm(len(topics) - 1)[:min(len(topics)-1, g.between(1, 3))] {
		out = append(out, topics[j+1])
	}
	return out
}

// raiser picks who raised a concern on topic: a partner's association does
// often, otherwise someone present who would.
func (g *scaleGen) raiser(present []int, topic string, partner bool) int {
	if partner && g.chance(0.6) {
		return present[0]
	}
	var fit []int
	for _, st := range present {
		if slices.Contains(demoTopicRaisers[topic], g.stakeholders[st].category) {
			fit = append(fit, st)
		}
	}
	if len(fit) == 0 {
		return scalePick(g, present)
	}
	return scalePick(g, fit)
}

func (g *scaleGen) concernSpec(topic, category string) demoConcern {
	specs := demoConcerns[topic]
	var fit []demoConcern
	for _, c := range specs {
		who, ok := demoConcernRaisers[c.title]
		if !ok {
			who = demoTopicRaisers[topic]
		}
		if slices.Contains(who, category) {
			fit = append(fit, c)
		}
	}
	if len(fit) == 0 {
		fit = specs
	}
	return scalePick(g, fit)
}

// looseConcern is a concern that came in by phone, mail or the counsellor.
func (g *scaleGen) looseConcern(e *scaleEvent) {
	site := &g.sites[e.site]
	topic := scalePick(g, demoTopics)
	pool := site.all[1:]
	var fit []int
	for _, st := range pool {
		if slices.Contains(demoTopicRaisers[topic], g.stakeholders[st].category) {
			fit = append(fit, st)
			if len(fit) > 40 {
				break
			}
		}
	}
	if len(fit) == 0 {
		fit = pool
	}
	raiser := scaleSkewed(g, fit)
	spec := g.concernSpec(topic, g.stakeholders[raiser].category)
	spec.description = strings.TrimSuffix(spec.description, ".") + " (binnengekomen " + scalePick(g, scaleLooseChannels) + ")."
	c := g.concern(site, raiser, nil, topic, spec, e.at, e.at, g.chance(0.15))
	if e.commitments > 0 {
		f := demoFollowUp{spec.commitment, spec.commitmentText}
		if f.title == "" {
			f = scaleGenericAnswer
		}
		g.commitment(site, c.StakeholderID, &c.ID, nil, site.users[demoTopicOwners[topic]], f.title, f.description,
			g.promisedAt(c), g.between(14, 90))
	}
}

// concern writes a concern as raised and moved on as far as time and chance
// took it. Answers got quicker over the years; severe concerns are seen
// sooner; nearly everything older than a year is closed.
func (g *scaleGen) concern(site *scaleSite, raiser int, dialogueID *string, topic string, spec demoConcern, raised, created time.Time, confidential bool) models.Concern {
	st := g.stakeholders[raiser]
	c := models.Concern{ID: g.id(created), StakeholderID: st.id, DialogueID: dialogueID, Title: spec.title,
		Description: g.atSite(st.site, spec.description), Topic: topic, Severity: spec.severity, Status: "open",
		Confidential: confidential || g.chance(0.005), RaisedAt: raised, CreatedAt: created, UpdatedAt: created, Version: 1}
	if len(st.contacts) > 0 && g.chance(0.65) {
		c.ContactID = ptr(scalePick(g, st.contacts))
	}
	switch roll := g.r.Float64(); {
	case roll < 0.3:
		c.Severity = models.Severities[max(0, slices.Index(models.Severities, spec.severity)-1)]
	case roll < 0.38:
		c.Severity = models.Severities[min(len(models.Severities)-1, slices.Index(models.Severities, spec.severity)+1)]
	}
	age := g.now.Sub(raised).Hours() / 24
	slow := 0.5 + 0.9*min(age, 3650)/3650
	ackDays := float64(g.between(4, 192)) / 24
	if c.Severity == "high" || c.Severity == "critical" {
		ackDays /= 3
	}
	furthest := "closed"
	roll := g.r.Float64()
	stuck := [3]float64{0.1, 0.18, 0.42} // open, acknowledged, responded
	if age > 365 {
		stuck = [3]float64{0.005, 0.015, 0.08}
	}
	switch {
	case roll < stuck[0]:
		furthest = "open"
	case roll < stuck[1]:
		furthest = "acknowledged"
	case roll < stuck[2]:
		furthest = "responded"
	}
	if spec.response == "" && furthest != "open" {
		furthest = "acknowledged"
	}
	ack := officeHours(raised.Add(days(ackDays * slow)))
	resp := officeHours(ack.Add(days(float64(g.between(2, 21)) * slow)))
	closed := officeHours(resp.Add(days(float64(g.between(4, 40)))))
	advance(&c, furthest, ack, resp, closed, g.past)
	if c.RespondedAt != nil {
		c.Response, c.Decision = g.atSite(st.site, spec.response), g.atSite(st.site, spec.decision)
	}
	var archived any
	if c.Status == "closed" && age > 5*365 && g.chance(0.01) {
		archived = c.ClosedAt.AddDate(1, 0, 0) // cleared away in a yearly tidy-up
	}
	g.add("concerns", c.ID, c.StakeholderID, nullable(c.ContactID), nullable(c.DialogueID), c.Title, c.Description, c.Topic,
		c.Severity, c.Status, c.Response, c.Decision, c.Confidential, c.RaisedAt, nullTime(c.AcknowledgedAt),
		nullTime(c.RespondedAt), nullTime(c.ClosedAt), g.search(c.Title, c.Description, c.Topic, c.Response, c.Decision),
		archived, c.CreatedAt, c.UpdatedAt, c.Version)
	return c
}

// promisedAt is when a commitment answering c was made: at the response, or
// while it was looked into, or on the spot.
func (g *scaleGen) promisedAt(c models.Concern) time.Time {
	switch {
	case c.RespondedAt != nil:
		return *c.RespondedAt
	case c.AcknowledgedAt != nil:
		return *c.AcknowledgedAt
	}
	return g.clampPast(c.RaisedAt.Add(2 * time.Hour))
}

// commitment writes a commitment made at made and due dueDays later, where
// it stands now, and its progress notes. Most past their due date were kept;
// the longer ago, the fewer are still open: those are the overdue ones.
func (g *scaleGen) commitment(site *scaleSite, stakeholderID string, concernID, dialogueID *string, owner, title, text string, made time.Time, dueDays int) {
	due := made.AddDate(0, 0, dueDays)
	cm := models.Commitment{ID: g.id(made), Title: title, Description: text, StakeholderID: stakeholderID,
		ConcernID: concernID, DialogueID: dialogueID, OwnerID: &owner, DueOn: models.DateOf(due), CreatedAt: made,
		UpdatedAt: made, Version: 1}
	partner := stakeholderID == g.stakeholders[site.partner].id
	switch cat := g.stakeholders[g.stIndex[stakeholderID]].category; {
	case partner:
		cm.Shared = g.chance(0.85)
	case cat == "community" || cat == "government" || cat == "ngo":
		cm.Shared = g.chance(0.3)
	default:
		cm.Shared = g.chance(0.1)
	}
	status, roll := "open", g.r.Float64()
	if cm.DueOn < g.today {
		late := g.now.Sub(due).Hours() / 24
		stuck := 0.12
		switch {
		case late > 365:
			stuck = 0.012
		case late > 120:
			stuck = 0.05
		}
		switch {
		case roll < stuck*0.6:
			status = "in_progress"
		case roll < stuck:
			status = "open"
		case roll < stuck+0.06:
			status = "cancelled"
		default:
			status = "done"
		}
	} else {
		status = statusUnderway(roll, g.now, made, due)
	}
	end := settle(g.r, &cm, status, made, due, g.clampPast)
	if partner && status == "done" && cm.Shared {
		g.verdict(site, &cm)
	}
	var archived any
	if status == "cancelled" && g.chance(0.2) {
		archived = end.AddDate(0, 1, 0)
		if !g.past(archived.(time.Time)) {
			archived = nil
		}
	}
	g.add("commitments", cm.ID, cm.Title, cm.Description, cm.StakeholderID, nullable(cm.ConcernID), nullable(cm.DialogueID),
		owner, string(cm.DueOn), cm.Status, cm.Shared, nullTime(cm.DoneAt), nullable(cm.PartnerVerdict), cm.VerdictReason,
		nullTime(cm.VerdictAt), nullable(cm.VerdictBy), g.search(cm.Title, cm.Description), archived, cm.CreatedAt,
		cm.UpdatedAt, cm.Version)
	g.notes(site, cm, end, partner)
}

// verdict has the partner judge a done commitment some days after: most
// accepted, a few disputed, the rest not (yet) judged.
func (g *scaleGen) verdict(site *scaleSite, cm *models.Commitment) {
	at := cm.DoneAt.Add(days(float64(g.between(2, 8))) + time.Duration(g.between(0, 600))*time.Minute)
	roll := g.r.Float64()
	if roll > 0.7 || !g.past(at) || at.Before(site.partnerFrom) {
		return
	}
	verdict, reason := "accepted", ""
	if roll < 0.08 {
		verdict, reason = "disputed", scalePick(g, scaleDisputes)
	}
	cm.PartnerVerdict, cm.VerdictReason, cm.VerdictAt, cm.VerdictBy = &verdict, reason, &at, &site.partnerUser
	cm.UpdatedAt = at
	cm.Version++
}

// notes writes a commitment's progress notes, fewer than on the demo's
// year: an old commitment that was simply done often has none. On a
// partner's commitments notes are shared and the partner sometimes replies.
func (g *scaleGen) notes(site *scaleSite, cm models.Commitment, end time.Time, partner bool) {
	if end.IsZero() {
		end = g.now.Add(-time.Hour)
	}
	type note struct {
		text   string
		shared bool
	}
	var ns []note
	shared := func() bool { return cm.Shared && g.chance(0.6) }
	switch cm.Status {
	case "open":
		if g.chance(0.3) {
			ns = append(ns, note{scalePick(g, demoNotesInternal), false})
		}
	case "in_progress":
		for range g.between(1, 2) {
			if shared() {
				ns = append(ns, note{scalePick(g, demoNotesShared), true})
			} else {
				ns = append(ns, note{scalePick(g, demoNotesInternal), false})
			}
		}
	case "done":
		if partner || g.chance(0.15) {
			ns = append(ns, note{scalePick(g, demoNotesInternal), false})
		}
		if partner || g.chance(0.4) {
			ns = append(ns, note{scalePick(g, demoNotesDone), cm.Shared})
		}
	case "cancelled":
		ns = append(ns, note{scalePick(g, demoNotesCancelled), cm.Shared})
	}
	span := end.Sub(cm.CreatedAt)
	var last time.Time
	for i, n := range ns {
		at := officeHours(cm.CreatedAt.Add(time.Duration(float64(span) * float64(i+1) / float64(len(ns)+1)).Truncate(time.Minute)))
		if cm.Status == "done" && i == len(ns)-1 {
			at = end
		}
		last = g.clampPast(at)
		g.add("commitment_updates", g.id(last), cm.ID, *cm.OwnerID, n.text, n.shared, last)
	}
	if partner && slices.ContainsFunc(ns, func(n note) bool { return n.shared }) && g.chance(0.35) {
		at := last.Add(days(float64(g.between(1, 3))))
		if g.past(at) && at.After(site.partnerFrom) {
			g.add("commitment_updates", g.id(at), cm.ID, site.partnerUser, scalePick(g, demoPartnerReplies), true, at)
		}
	}
}
