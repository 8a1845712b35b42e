package services

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// DemoPassword is the password of every demo user.
const DemoPassword = "dialoog-demo"

// DemoResult says what SeedDemo stored.
type DemoResult struct {
	Seeded                                         bool
	Stakeholders, Dialogues, Concerns, Commitments int
	Users                                          []models.User
}

// demoSeed fixes every random choice of the demo, so that each run tells the
// same story; only the dates move with the clock, so that the demo always
// shows the last twelve months.
const demoSeed = 2024_11_05

// demoLockKey is the PostgreSQL advisory lock that keeps two replicas
// started with DIALOOG_DEMO=1 from both seeding the same empty store.
const demoLockKey = 0x6469616c6f6f67 // "dialoog"

// SeedDemo fills an empty register with a believable Dutch organisation:
// Kreekhaven Chemie, a chemical plant next to a residential area (see
// demo_data.go), with a year of dialogues, concerns and commitments, and a
// demo user of each role. A store that already has stakeholders is left
// alone and Seeded is false.
//
// The records are written straight into the tables rather than through the
// service methods, because those stamp every step with "now", and a year of
// history needs its own times. Everything is one transaction: all of the demo
// or none of it. Every record gets its "create" audit event, by the system.
//
// Errors: Conflict when the store has no stakeholders but a demo user's
// email is taken; Unavailable or Internal when the store fails.
func (s *Services) SeedDemo(ctx context.Context) (DemoResult, error) {
	b := s.Users.base
	if seeded, err := registerInUse(b.read(ctx)); err != nil || seeded {
		return DemoResult{}, translate(err)
	}
	// bcrypt is slow on purpose: hash before the transaction, so that the
	// store's write lock is not held meanwhile.
	hashes := make(map[string]string, len(demoUsers))
	for _, u := range demoUsers {
		h, err := hashPassword(DemoPassword, s.Users.bcryptCost)
		if err != nil {
			return DemoResult{}, translate(err)
		}
		hashes[u.key] = h
	}
	demo := buildDemo(b.now(), hashes)

	var res DemoResult
	err := b.tx(ctx, func(tx *gorm.DB) error {
		if b.db.Dialect == "postgres" {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", demoLockKey).Error; err != nil {
				return err
			}
		}
		// SQLite takes its write lock at BEGIN (immediate transactions), so
		// on either store nobody can seed between this check and the inserts.
		if seeded, err := registerInUse(tx); err != nil || seeded {
			return err
		}
		if err := demo.checkEmailsFree(tx); err != nil {
			return err
		}
		if err := demo.store(tx, b); err != nil {
			return err
		}
		res = demo.result()
		return nil
	})
	return res, err
}

// registerInUse reports whether the store holds stakeholders, archived ones
// included: then it is somebody's register and the demo keeps out of it.
func registerInUse(db *gorm.DB) (bool, error) {
	var n int64
	err := db.Model(&models.Stakeholder{}).Count(&n).Error
	return n > 0, err
}

// demoSet is the whole demo, built in memory and then stored.
type demoSet struct {
	users        []models.User // in demoUsers order; the partner among them
	stakeholders []models.Stakeholder
	contacts     []models.Contact
	dialogues    []models.Dialogue
	concerns     []models.Concern
	commitments  []models.Commitment
	updates      []models.CommitmentUpdate
}

func (d *demoSet) checkEmailsFree(tx *gorm.DB) error {
	for _, u := range d.users {
		if err := emailFree(tx, u.Email, ""); err != nil {
			return models.Errorf(models.Conflict, "the store has no stakeholders, but a user with the demo email %s exists; the demo was not stored", u.Email)
		}
	}
	return nil
}

// store inserts the demo in dependency order: users and stakeholders refer
// to each other (owner, and the partner's stakeholder), so the internal users
// come first, then the stakeholders, then the partner.
func (d *demoSet) store(tx *gorm.DB, b base) error {
	var internal, partners []models.User
	for _, u := range d.users {
		if u.Role == models.RolePartner {
			partners = append(partners, u)
		} else {
			internal = append(internal, u)
		}
	}
	var dialogueStakeholders []models.DialogueStakeholder
	var dialogueUsers []models.DialogueUser
	for _, dl := range d.dialogues {
		for _, id := range dl.StakeholderIDs {
			dialogueStakeholders = append(dialogueStakeholders, models.DialogueStakeholder{DialogueID: dl.ID, StakeholderID: id})
		}
		for _, id := range dl.UserIDs {
			dialogueUsers = append(dialogueUsers, models.DialogueUser{DialogueID: dl.ID, UserID: id})
		}
	}
	// who was present is part of the dialogue's own audit event, as in
	// LogMeeting, so the link rows get none of their own
	if err := demoInsert(tx, b, "user", internal, func(r models.User) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "stakeholder", d.stakeholders, func(r models.Stakeholder) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "user", partners, func(r models.User) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "contact", d.contacts, func(r models.Contact) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "dialogue", d.dialogues, func(r models.Dialogue) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "dialogue_stakeholder", dialogueStakeholders, nil); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "dialogue_user", dialogueUsers, nil); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "concern", d.concerns, func(r models.Concern) string { return r.ID }); err != nil {
		return err
	}
	if err := demoInsert(tx, b, "commitment", d.commitments, func(r models.Commitment) string { return r.ID }); err != nil {
		return err
	}
	return demoInsert(tx, b, "commitment_update", d.updates, func(r models.CommitmentUpdate) string { return r.ID })
}

// demoInsert stores rows in batches and writes a "create" audit event for
// each, unless id is nil (link rows, audited with their dialogue).
func demoInsert[T any](tx *gorm.DB, b base, recordType string, rows []T, id func(T) string) error {
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(&rows, 100).Error; err != nil {
		return fmt.Errorf("store demo %ss: %w", recordType, err)
	}
	if id == nil {
		return nil
	}
	for _, r := range rows {
		if err := b.audit(tx, System, "create", recordType, id(r), nil, r); err != nil {
			return err
		}
	}
	return nil
}

func (d *demoSet) result() DemoResult {
	users := slices.Clone(d.users)
	for i := range users {
		users[i].PasswordHash = "" // the result is printed; no secrets in it
	}
	return DemoResult{Seeded: true, Stakeholders: len(d.stakeholders), Dialogues: len(d.dialogues),
		Concerns: len(d.concerns), Commitments: len(d.commitments), Users: users}
}

// demoBuilder turns the tables of demo_data.go into records. It draws from
// one seeded source, in a fixed order, so the demo is the same every run.
type demoBuilder struct {
	r     *rand.Rand
	now   time.Time
	today models.Date
	set   demoSet

	userID      map[string]string             // demoUser key → id
	stakeholder map[string]models.Stakeholder // key → record
	contactIDs  map[string][]string           // stakeholder id → contact ids
	partnerID   string                        // the partner's stakeholder
	partnerUser string
	partnerFrom time.Time // when the partner got their account

	timesUsed map[string]int  // concern template title → times raised
	raisedBy  map[string]bool // stakeholder id + title: raised before
}

// buildDemo makes the whole demo in memory. hashes are the password hashes
// by demoUser key.
func buildDemo(now time.Time, hashes map[string]string) *demoSet {
	g := &demoBuilder{
		r: rand.New(rand.NewPCG(demoSeed, demoSeed>>7)), now: now, today: models.DateOf(now),
		userID: map[string]string{}, stakeholder: map[string]models.Stakeholder{}, contactIDs: map[string][]string{},
		timesUsed: map[string]int{}, raisedBy: map[string]bool{},
	}
	g.users(hashes)
	g.stakeholders()
	g.partner(hashes)
	for _, it := range demoPartnerItems {
		// the hand-made list already has these; the association raising
		// them a second time would read as a copy
		if it.replaces != "" {
			g.raisedBy[g.partnerID+it.replaces] = true
		}
	}
	g.dialogues()
	g.partnerActionList()
	g.looseConcerns()
	return &g.set
}

// --- randomness and time ---

func (g *demoBuilder) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }
func (g *demoBuilder) chance(p float64) bool  { return g.r.Float64() < p }

func demoPick[T any](g *demoBuilder, xs []T) T { return xs[g.r.IntN(len(xs))] }

// day is a time on the calendar day daysAgo days before now.
func (g *demoBuilder) day(daysAgo, hour, minute int) time.Time {
	d := g.now.AddDate(0, 0, -daysAgo)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, time.UTC)
}

// past reports whether t has happened, with an hour to spare so that nothing
// in the demo is stamped a moment from now.
func (g *demoBuilder) past(t time.Time) bool { return t.Before(g.now.Add(-time.Hour)) }

// clampPast keeps t at least an hour before now.
func (g *demoBuilder) clampPast(t time.Time) time.Time {
	if g.past(t) {
		return t
	}
	return g.now.Add(-time.Hour - time.Duration(g.between(0, 180))*time.Minute)
}

// officeHours moves a time the organisation did something (answered,
// finished, noted) into its working hours: nobody acknowledges a concern at
// three in the night or on a Sunday. Working hours are 07:00 to 16:00 UTC,
// which is office time in the Netherlands.
func officeHours(t time.Time) time.Time {
	switch {
	case t.Hour() < 7:
		t = time.Date(t.Year(), t.Month(), t.Day(), 7+t.Hour(), t.Minute(), 0, 0, time.UTC)
	case t.Hour() >= 16:
		t = time.Date(t.Year(), t.Month(), t.Day()+1, t.Hour()-9, t.Minute(), 0, 0, time.UTC)
	}
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, 2)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func days(n float64) time.Duration {
	return time.Duration(n * 24 * float64(time.Hour)).Truncate(time.Minute)
}

// --- people and organisations ---

func (g *demoBuilder) newUser(u demoUser, hash string, created time.Time) models.User {
	return models.User{ID: newID(), Email: u.email, Name: u.name, Role: u.role, PasswordHash: hash,
		Locale: "nl", Active: true, CreatedAt: created, UpdatedAt: created, Version: 1}
}

// users makes the internal users; they exist before the register does.
func (g *demoBuilder) users(hashes map[string]string) {
	for i, u := range demoUsers {
		if u.role == models.RolePartner {
			continue
		}
		row := g.newUser(u, hashes[u.key], g.day(400, 9, i*5))
		g.userID[u.key] = row.ID
		g.set.users = append(g.set.users, row)
	}
}

// partner makes the partner user, once their stakeholder exists; they joined
// when the shared action list started, a few weeks after the register.
func (g *demoBuilder) partner(hashes map[string]string) {
	g.partnerID = g.stakeholder[demoPartnerStakeholder].ID
	for i, u := range demoUsers {
		if u.role != models.RolePartner {
			continue
		}
		row := g.newUser(u, hashes[u.key], g.day(345, 19, 30))
		row.StakeholderID = &g.partnerID
		g.userID[u.key], g.partnerUser, g.partnerFrom = row.ID, row.ID, row.CreatedAt
		// keep demoUsers order, so the result lists the roles as the table does
		g.set.users = slices.Insert(g.set.users, min(i, len(g.set.users)), row)
	}
}

func (g *demoBuilder) stakeholders() {
	for i, spec := range demoStakeholders {
		created := g.day(395-i/3, 10, (i%6)*10)
		st := models.Stakeholder{
			ID: newID(), Name: spec.name, Kind: spec.kind, Category: spec.category,
			Influence: spec.influence, Interest: spec.interest, Stance: spec.stance,
			Address: spec.address, Country: "NL", Tags: models.StringList(cleanList(spec.tags)),
			OwnerID: ptr(g.userID[spec.owner]), Description: spec.description,
			CreatedAt: created, UpdatedAt: created, Version: 1,
		}
		domain := spec.domain
		if domain == "" {
			domain = "example.nl" // a person: their own mail address
			st.Email = demoMailbox(spec.contacts[0].name, domain)
		} else {
			st.Email = "info@" + domain
			st.Website = "https://www." + domain
		}
		// the same text as applyStakeholder makes, so that search finds demo rows
		st.SearchText = searchText(st.Name, st.Description, st.Email, st.Address, strings.Join(st.Tags, " "))
		g.set.stakeholders = append(g.set.stakeholders, st)
		g.stakeholder[spec.key] = st

		for j, c := range spec.contacts {
			at := created.Add(time.Duration(j+1) * time.Minute)
			ct := models.Contact{ID: newID(), StakeholderID: st.ID, Name: c.name, Role: c.role,
				Email: demoMailbox(c.name, domain), CreatedAt: at, UpdatedAt: at, Version: 1}
			ct.SearchText = searchText(ct.Name, ct.Role, ct.Email) // as applyContact
			g.set.contacts = append(g.set.contacts, ct)
			g.contactIDs[st.ID] = append(g.contactIDs[st.ID], ct.ID)
		}
	}
}

// demoMailbox makes the address a Dutch organisation would give a person:
// initial and surname, "Joke Mulder" → j.mulder@domain.
func demoMailbox(name, domain string) string {
	words := strings.Fields(fold(name))
	local := words[0][:1] + "."
	for _, w := range words[1:] {
		local += strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r
			}
			return -1
		}, w)
	}
	return local + "@" + domain
}

// --- dialogues and what was said in them ---

// session is a dialogue being built, with what its concerns may be about.
type demoSession struct {
	index   int // in set.dialogues
	daysAgo int // before moving it off the weekend
	series  *demoSeries
	topics  []string
	present []models.Stakeholder
}

// dialogues spreads every series over the last year and fills each session
// with the concerns raised and the commitments made.
func (g *demoBuilder) dialogues() {
	var sessions []demoSession
	for si := range demoSeriesList {
		sr := &demoSeriesList[si]
		n := sr.count
		if len(sr.rotate) > 0 {
			n = len(sr.rotate)
		}
		// each series starts at its own point in its cycle, the points
		// spread by the golden ratio, so that together the series cover
		// every month evenly up to last week
		phase := math.Mod(float64(si)*0.618034, 1)
		for i := range n {
			sessions = append(sessions, g.session(sr, i, n, phase))
		}
	}
	// Concerns and commitments are drawn in the order the sessions were
	// held, so that the year reads forward. The order ignores the move off
	// the weekend, which depends on today's weekday: the demo must draw the
	// same choices whatever day it is seeded.
	slices.SortStableFunc(sessions, func(a, b demoSession) int { return b.daysAgo - a.daysAgo })
	for _, ss := range sessions {
		g.sessionConcerns(ss)
		g.followUp(ss)
	}
}

// session makes the i-th of n dialogues of a series, spread evenly over the
// year with some jitter, on a weekday, in office hours or in the evening.
func (g *demoBuilder) session(sr *demoSeries, i, n int, phase float64) demoSession {
	daysAgo := 362 - int((float64(i)+phase)*358/float64(n)) + g.between(-6, 6)
	daysAgo = max(3, min(daysAgo, 362))
	ss := demoSession{series: sr, daysAgo: daysAgo, topics: g.someOf(sr.topics)}
	switch g.now.AddDate(0, 0, -daysAgo).Weekday() {
	case time.Saturday:
		daysAgo++
	case time.Sunday:
		daysAgo--
	}
	hour, minute := g.between(7, 14), demoPick(g, []int{0, 30})
	if sr.evening {
		hour, minute = 18, 30 // half past seven in the evening, Dutch winter time
	}
	held := g.day(daysAgo, hour, minute)

	title := sr.title
	var present []string
	if len(sr.rotate) > 0 {
		v := sr.rotate[i]
		present, ss.topics = []string{v.stakeholder}, v.topics
		title = fmt.Sprintf(sr.title, g.stakeholder[v.stakeholder].Name)
	} else {
		present = slices.Clone(sr.present)
		for _, k := range sr.sometimes {
			if g.chance(0.5) {
				present = append(present, k)
			}
		}
		if n > 1 {
			title += " – " + demoDutchMonths[held.Month()-1] + " " + fmt.Sprint(held.Year())
		}
	}
	users := slices.Clone(sr.users)
	if !slices.Contains(users, "officer") && g.chance(0.3) {
		users = append(users, "officer")
	}

	// logged the same day, after the meeting
	created := g.clampPast(held.Add(time.Duration(g.between(60, 240)) * time.Minute))
	d := models.Dialogue{ID: newID(), Title: title, HeldAt: held, Format: sr.format, Purpose: sr.purpose,
		EngagementLevel: sr.level, Location: sr.location, Summary: sr.summaries[i%len(sr.summaries)],
		Topics: models.StringList(ss.topics), CreatedAt: created, UpdatedAt: created, Version: 1}
	for _, k := range present {
		st := g.stakeholder[k]
		ss.present = append(ss.present, st)
		d.StakeholderIDs = append(d.StakeholderIDs, st.ID)
	}
	for _, k := range users {
		d.UserIDs = append(d.UserIDs, g.userID[k])
	}
	logger := users[0]
	if slices.Contains(users, "officer") {
		logger = "officer" // the officer keeps the register
	}
	d.CreatedBy = ptr(g.userID[logger])
	d.SearchText = searchText(d.Title, d.Purpose, d.Location, d.Summary, strings.Join(d.Topics, " ")) // as applyDialogue
	ss.index = len(g.set.dialogues)
	g.set.dialogues = append(g.set.dialogues, d)
	return ss
}

// someOf returns the first topic, which is the series' main subject, and
// one to three of the others, in their order.
func (g *demoBuilder) someOf(topics []string) []string {
	if len(topics) <= 2 {
		return slices.Clone(topics)
	}
	others := min(len(topics)-1, g.between(1, 3))
	idx := g.r.Perm(len(topics) - 1)[:others]
	slices.Sort(idx)
	out := []string{topics[0]}
	for _, j := range idx {
		out = append(out, topics[j+1])
	}
	return out
}

// demoConcernsPerSession is how many concerns a session of each format
// raises, at least and at most: a hearing many, an email one or none.
var demoConcernsPerSession = map[string][2]int{
	"meeting": {1, 3}, "hearing": {3, 5}, "workshop": {1, 3}, "survey": {2, 3}, "site_visit": {1, 2},
	"call": {0, 1}, "email": {1, 1}, "online": {1, 2}, "other": {1, 2},
}

func (g *demoBuilder) sessionConcerns(ss demoSession) {
	d := g.set.dialogues[ss.index]
	span := demoConcernsPerSession[d.Format]
	inSession := map[string]bool{}
	for range g.between(span[0], span[1]) {
		topic, raiser, spec, ok := g.pickConcern(ss, inSession)
		if !ok {
			return
		}
		inSession[spec.title] = true
		g.timesUsed[spec.title]++
		g.raisedBy[raiser.ID+spec.title] = true
		c := g.concern(raiser, &d, topic, spec.title, spec.description, spec.severity, d.HeldAt)
		g.progress(&c, spec.response, spec.decision)
		g.set.concerns = append(g.set.concerns, c)
		g.answer(c, spec)
	}
}

// pickConcern draws a concern for a session: a topic of the session, someone
// present who would raise a concern on it, and a concern of that topic they
// have not raised before, preferring the ones raised least so that the year
// covers them all.
func (g *demoBuilder) pickConcern(ss demoSession, taken map[string]bool) (string, models.Stakeholder, demoConcern, bool) {
	var topics []string
	raisers := map[string][]models.Stakeholder{}
	for _, t := range ss.topics {
		for _, st := range ss.present {
			if len(g.eligible(t, st, taken)) > 0 {
				raisers[t] = append(raisers[t], st)
			}
		}
		if len(raisers[t]) > 0 {
			topics = append(topics, t)
		}
	}
	if len(topics) == 0 {
		return "", models.Stakeholder{}, demoConcern{}, false
	}
	topic := demoPick(g, topics)
	if subject := ss.topics[0]; len(raisers[subject]) > 0 && g.chance(0.4) {
		topic = subject // a series is mostly about its main subject
	}
	raiser := demoPick(g, raisers[topic])
	var best []demoConcern
	fewest := -1
	for _, c := range g.eligible(topic, raiser, taken) {
		switch n := g.timesUsed[c.title]; {
		case fewest < 0 || n < fewest:
			best, fewest = []demoConcern{c}, n
		case n == fewest:
			best = append(best, c)
		}
	}
	return topic, raiser, demoPick(g, best), true
}

// eligible lists the concerns on topic that st would raise and has not.
func (g *demoBuilder) eligible(topic string, st models.Stakeholder, taken map[string]bool) []demoConcern {
	var out []demoConcern
	for _, c := range demoConcerns[topic] {
		who, ok := demoConcernRaisers[c.title]
		if !ok {
			who = demoTopicRaisers[topic]
		}
		if slices.Contains(who, st.Category) && !taken[c.title] && !g.raisedBy[st.ID+c.title] {
			out = append(out, c)
		}
	}
	return out
}

// concern makes a concern as raised; progress moves it on.
func (g *demoBuilder) concern(raiser models.Stakeholder, d *models.Dialogue, topic, title, description, severity string, raised time.Time) models.Concern {
	created := raised
	c := models.Concern{ID: newID(), StakeholderID: raiser.ID, Title: title, Description: description,
		Topic: topic, Severity: severity, Status: "open", RaisedAt: raised, Version: 1}
	if d != nil {
		c.DialogueID, created = &d.ID, d.CreatedAt
	}
	if ids := g.contactIDs[raiser.ID]; len(ids) > 0 && g.chance(0.65) {
		c.ContactID = ptr(demoPick(g, ids))
	}
	// the same severity every time a concern is raised would look canned;
	// and what one stakeholder calls urgent, the next finds a detail
	switch roll := g.r.Float64(); {
	case roll < 0.3:
		c.Severity = models.Severities[max(0, slices.Index(models.Severities, severity)-1)]
	case roll < 0.38:
		c.Severity = models.Severities[min(len(models.Severities)-1, slices.Index(models.Severities, severity)+1)]
	}
	c.CreatedAt, c.UpdatedAt = created, created
	return c
}

// progress moves a concern through its steps as far as time and chance take
// it. Answers got quicker over the year (a year ago they took about three
// times as long), which is what the overview's responsiveness chart should
// show; severe concerns are acknowledged sooner. Without a response the
// concern stops at acknowledged.
func (g *demoBuilder) progress(c *models.Concern, response, decision string) {
	age := g.now.Sub(c.RaisedAt).Hours() / 24
	slow := 0.4 + 0.8*age/365
	ackDays := float64(g.between(4, 192)) / 24
	if c.Severity == "high" || c.Severity == "critical" {
		ackDays /= 3
	}
	// where the concern would stop if time allowed: some are stuck
	furthest := "closed"
	switch roll := g.r.Float64(); {
	case roll < 0.1:
		furthest = "open"
	case roll < 0.18:
		furthest = "acknowledged"
	case roll < 0.42:
		furthest = "responded"
	}
	if response == "" && furthest != "open" {
		furthest = "acknowledged"
	}
	ack := officeHours(c.RaisedAt.Add(days(ackDays * slow)))
	resp := officeHours(ack.Add(days(float64(g.between(2, 21)) * slow)))
	closed := officeHours(resp.Add(days(float64(g.between(4, 40)))))
	advance(c, furthest, ack, resp, closed, g.past)
	if c.RespondedAt != nil {
		c.Response, c.Decision = response, decision
	}
	c.SearchText = searchText(c.Title, c.Description, c.Topic, c.Response, c.Decision) // as applyConcern
}

// advance takes c through acknowledged, responded and closed at the given
// times, each step only once its time is past, and no further than
// furthest. The demo and the generated registers share it.
func advance(c *models.Concern, furthest string, ack, resp, closed time.Time, past func(time.Time) bool) {
	for _, step := range []struct {
		status string
		at     time.Time
		field  **time.Time
	}{{"acknowledged", ack, &c.AcknowledgedAt}, {"responded", resp, &c.RespondedAt}, {"closed", closed, &c.ClosedAt}} {
		if furthest == "open" || !past(step.at) {
			return
		}
		*step.field = ptr(step.at)
		c.Status, c.UpdatedAt = step.status, step.at
		c.Version++
		if step.status == furthest {
			return
		}
	}
}

// answer makes the commitment a concern led to, if it led to one: most that
// were answered did, a few were promised while still being looked into.
func (g *demoBuilder) answer(c models.Concern, spec demoConcern) {
	if spec.commitment == "" {
		return
	}
	made := c.RaisedAt.Add(2 * time.Hour)
	p := 0.15 // promised on the spot
	switch {
	case c.RespondedAt != nil:
		made, p = *c.RespondedAt, 0.85
	case c.AcknowledgedAt != nil:
		made, p = *c.AcknowledgedAt, 0.4
	}
	if !g.chance(p) {
		return
	}
	cm := models.Commitment{ID: newID(), Title: spec.commitment, Description: spec.commitmentText,
		StakeholderID: c.StakeholderID, ConcernID: &c.ID, DialogueID: c.DialogueID,
		OwnerID: ptr(g.userID[demoTopicOwners[c.Topic]])}
	g.commit(cm, made, g.between(21, 120))
}

// followUp makes the commitment a session itself led to (minutes, a report),
// owed to the first stakeholder present, for nearly half the sessions.
func (g *demoBuilder) followUp(ss demoSession) {
	if len(ss.series.followUps) == 0 || !g.chance(0.4) {
		return
	}
	d := g.set.dialogues[ss.index]
	f := demoPick(g, ss.series.followUps)
	cm := models.Commitment{ID: newID(), Title: f.title, Description: f.description,
		StakeholderID: ss.present[0].ID, DialogueID: &d.ID, OwnerID: ptr(g.userID[ss.series.users[0]])}
	g.commit(cm, d.CreatedAt, g.between(14, 45))
}

// commit decides where a commitment stands now, given when it was made and
// how long it was given: most past their due date were kept, some were
// cancelled, and some are still open: those are the overdue ones.
func (g *demoBuilder) commit(cm models.Commitment, made time.Time, dueDays int) {
	due := made.AddDate(0, 0, dueDays)
	cm.CreatedAt, cm.UpdatedAt, cm.DueOn, cm.Version = made, made, models.DateOf(due), 1
	st := g.stakeholderByID(cm.StakeholderID)
	switch {
	case cm.StakeholderID == g.partnerID:
		cm.Shared = g.chance(0.85)
	case slices.Contains([]string{"community", "government", "ngo"}, st.Category):
		cm.Shared = g.chance(0.3)
	default:
		cm.Shared = g.chance(0.1)
	}

	status := "open"
	roll := g.r.Float64()
	if cm.DueOn < g.today {
		switch {
		case roll < 0.82:
			status = "done"
		case roll < 0.88:
			status = "cancelled"
		case roll < 0.95:
			status = "in_progress"
		}
	} else {
		status = statusUnderway(roll, g.now, made, due)
	}
	end := settle(g.r, &cm, status, made, due, g.clampPast)
	if status == "done" && cm.Shared && cm.StakeholderID == g.partnerID {
		g.verdict(&cm, "", "")
	}
	cm.SearchText = searchText(cm.Title, cm.Description) // as applyCommitment
	g.set.commitments = append(g.set.commitments, cm)
	g.notes(cm, end)
}

// statusUnderway is where a commitment not yet due stands, from roll and how
// much of its time has passed. The demo and the generated registers share it.
func statusUnderway(roll float64, now, made, due time.Time) string {
	elapsed := now.Sub(made).Hours() / due.Sub(made).Hours()
	switch {
	case elapsed > 0.3 && roll < 0.1:
		return "done"
	case elapsed > 0.3 && roll < 0.65, elapsed <= 0.3 && roll < 0.3:
		return "in_progress"
	}
	return "open"
}

// settle gives cm its status, and when it was done or cancelled (drawn from
// r within its time, kept in the past by clamp), with the versions those
// changes brought; it returns that end, zero when there is none. The demo
// and the generated registers share it.
func settle(r *rand.Rand, cm *models.Commitment, status string, made, due time.Time, clamp func(time.Time) time.Time) time.Time {
	span := due.Sub(made)
	var end time.Time
	switch status {
	case "done":
		end = officeHours(made.Add(time.Duration(float64(span) * (0.4 + 0.8*r.Float64())).Truncate(time.Minute)))
		end = clamp(maxTime(end, made.Add(24*time.Hour)))
		cm.DoneAt = ptr(end)
		cm.Version += 2 // open → in progress → done
	case "cancelled":
		end = clamp(officeHours(made.Add(time.Duration(float64(span) * (0.2 + 0.6*r.Float64())).Truncate(time.Minute))))
		cm.Version++
	case "in_progress":
		cm.Version++
	}
	cm.Status = status
	if !end.IsZero() {
		cm.UpdatedAt = end
	}
	return end
}

// verdict has the partner judge a done commitment a few days after it was
// done, unless that is still to come. verdict "" draws one: accepted or not
// yet given. Disputes come only from the hand-made list, since a dispute's
// reason must fit the commitment.
func (g *demoBuilder) verdict(cm *models.Commitment, verdict, reason string) {
	if verdict == "" {
		if !g.chance(0.5) {
			return
		}
		verdict = "accepted"
	}
	at := cm.DoneAt.Add(days(float64(g.between(2, 8))) + time.Duration(g.between(0, 600))*time.Minute)
	if !g.past(at) || at.Before(g.partnerFrom) {
		return
	}
	cm.PartnerVerdict, cm.VerdictReason, cm.VerdictAt, cm.VerdictBy = &verdict, reason, &at, &g.partnerUser
	cm.UpdatedAt = at
	cm.Version++
}

// notes writes the progress updates of a generated commitment between when
// it was made and end (done or cancelled; now for one still running). On a
// shared commitment some are shared, and the partner sometimes replies.
func (g *demoBuilder) notes(cm models.Commitment, end time.Time) {
	if end.IsZero() {
		end = g.now.Add(-time.Hour)
	}
	author := *cm.OwnerID
	shared := func() bool { return cm.Shared && g.chance(0.6) }
	var texts []models.CommitmentUpdate
	add := func(text string, shared bool) {
		texts = append(texts, models.CommitmentUpdate{Text: text, Shared: shared, AuthorID: author})
	}
	switch cm.Status {
	case "open":
		if g.chance(0.3) {
			add(demoPick(g, demoNotesInternal), false)
		}
	case "in_progress":
		for range g.between(1, 2) {
			if sh := shared(); sh {
				add(demoPick(g, demoNotesShared), true)
			} else {
				add(demoPick(g, demoNotesInternal), false)
			}
		}
	case "done":
		if g.chance(0.6) {
			add(demoPick(g, demoNotesInternal), false)
		}
		add(demoPick(g, demoNotesDone), cm.Shared)
	case "cancelled":
		add(demoPick(g, demoNotesCancelled), cm.Shared)
	}
	// spread them between made and end, in order; the closing note of a
	// done commitment is written when it was done
	span := end.Sub(cm.CreatedAt)
	for i, u := range texts {
		at := officeHours(cm.CreatedAt.Add(time.Duration(float64(span) * float64(i+1) / float64(len(texts)+1)).Truncate(time.Minute)))
		if cm.Status == "done" && i == len(texts)-1 {
			at = end
		}
		u.ID, u.CommitmentID, u.CreatedAt = newID(), cm.ID, g.clampPast(at)
		g.set.updates = append(g.set.updates, u)
	}
	// the partner replies on the last news, a day or two later
	sharedNews := slices.ContainsFunc(texts, func(u models.CommitmentUpdate) bool { return u.Shared })
	if cm.StakeholderID == g.partnerID && sharedNews && g.chance(0.35) {
		last := g.set.updates[len(g.set.updates)-1].CreatedAt
		at := last.Add(days(float64(g.between(1, 3))))
		if g.past(at) && at.After(g.partnerFrom) {
			g.set.updates = append(g.set.updates, models.CommitmentUpdate{ID: newID(), CommitmentID: cm.ID,
				AuthorID: g.partnerUser, Text: demoPick(g, demoPartnerReplies), Shared: true, CreatedAt: at})
		}
	}
}

func (g *demoBuilder) stakeholderByID(id string) models.Stakeholder {
	for _, st := range g.set.stakeholders {
		if st.ID == id {
			return st
		}
	}
	return models.Stakeholder{}
}

// --- the partner's action list ---

// partnerActionList writes the hand-made lines of the residents'
// association's shared action list, each answering a concern they raised in
// a session they attended.
func (g *demoBuilder) partnerActionList() {
	var sessions []models.Dialogue // with the association present, oldest first
	for _, d := range g.set.dialogues {
		if slices.Contains(d.StakeholderIDs, g.partnerID) {
			sessions = append(sessions, d)
		}
	}
	slices.SortFunc(sessions, func(a, b models.Dialogue) int { return a.HeldAt.Compare(b.HeldAt) })
	partner := g.stakeholder[demoPartnerStakeholder]

	var concern models.Concern
	for _, it := range demoPartnerItems {
		d := sessionBefore(sessions, g.day(it.madeDaysAgo, 23, 59))
		made := d.HeldAt.Add(2 * time.Hour) // promised in the session itself
		if !it.followUp {
			concern = g.concern(partner, &d, it.topic, it.concernTitle, it.concernText, it.severity, d.HeldAt)
			concern.Severity = it.severity
			g.scriptConcern(&concern, it, made)
		}
		cm := models.Commitment{ID: newID(), Title: it.title, Description: it.description, StakeholderID: partner.ID,
			ConcernID: ptr(concern.ID), DialogueID: &d.ID, OwnerID: ptr(g.userID[demoTopicOwners[concern.Topic]]),
			DueOn: models.DateOf(g.now.AddDate(0, 0, it.dueIn)), Status: it.status, Shared: true,
			CreatedAt: made, UpdatedAt: made, Version: 1}
		switch it.status {
		case "in_progress", "cancelled":
			cm.Version++
		case "done":
			cm.DoneAt = ptr(g.clampPast(officeHours(maxTime(g.day(it.doneDaysAgo, 14, 0), made.Add(24*time.Hour)))))
			cm.UpdatedAt, cm.Version = *cm.DoneAt, cm.Version+2
			if it.verdict != "" {
				g.verdict(&cm, it.verdict, it.reason)
			}
		}
		if it.status == "cancelled" && len(it.updates) > 0 {
			cm.UpdatedAt = g.day(it.updates[len(it.updates)-1].daysAgo, 11, 0)
		}
		cm.SearchText = searchText(cm.Title, cm.Description)
		g.set.commitments = append(g.set.commitments, cm)
		for i, u := range it.updates {
			at := g.clampPast(maxTime(g.day(u.daysAgo, 9+i%8, 15), made.Add(time.Hour)))
			g.set.updates = append(g.set.updates, models.CommitmentUpdate{ID: newID(), CommitmentID: cm.ID,
				AuthorID: g.userID[u.author], Text: u.text, Shared: u.shared || u.author == "partner", CreatedAt: at})
		}
		if it.followUp {
			continue
		}
		// the concern closes when the association accepts, or when the matter is settled otherwise
		if it.concernStatus == "closed" {
			closed := cm.UpdatedAt
			concern.ClosedAt, concern.Status, concern.UpdatedAt = &closed, "closed", closed
			concern.Version++
		}
		g.set.concerns = append(g.set.concerns, concern)
	}
}

// scriptConcern steps a partner item's concern to its set status: seen the
// next day, answered in the session's follow-up letter a few days on.
func (g *demoBuilder) scriptConcern(c *models.Concern, it demoPartnerItem, made time.Time) {
	ack := g.clampPast(officeHours(c.RaisedAt.Add(20 * time.Hour)))
	c.AcknowledgedAt, c.Status, c.UpdatedAt, c.Version = &ack, "acknowledged", ack, 2
	if it.concernStatus != "acknowledged" {
		resp := g.clampPast(officeHours(made.Add(3 * 24 * time.Hour)))
		c.RespondedAt, c.Status, c.UpdatedAt, c.Version = &resp, "responded", resp, 3
		c.Response, c.Decision = it.response, it.decision
	}
	c.SearchText = searchText(c.Title, c.Description, c.Topic, c.Response, c.Decision)
}

// sessionBefore returns the last session held before t, or the first one.
func sessionBefore(sessions []models.Dialogue, t time.Time) models.Dialogue {
	best := sessions[0]
	for _, d := range sessions {
		if d.HeldAt.Before(t) {
			best = d
		}
	}
	return best
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// looseConcerns writes the concerns that came in outside any dialogue.
func (g *demoBuilder) looseConcerns() {
	for i, lc := range demoLooseConcerns {
		st := g.stakeholder[lc.stakeholder]
		c := g.concern(st, nil, lc.topic, lc.title, lc.description, lc.severity, g.day(lc.daysAgo, 8+i, 40))
		c.Severity, c.Confidential = lc.severity, lc.confidential
		g.progress(&c, lc.response, lc.decision)
		g.set.concerns = append(g.set.concerns, c)
	}
}
