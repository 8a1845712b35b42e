package api_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"dialoog/models"
)

// fixture is one live record of each kind, made through the API, for the
// tests that need something to point at or to change.
type fixture struct {
	sh, sh2    string // stakeholders
	contact    string // a contact of sh
	dialogue   string // a dialogue with sh present
	concern    string // a concern of sh
	commitment string // a commitment owed to sh
	shared     string // a shared, done commitment owed to the partner's stakeholder
	officerID  string
	partnerID  string
}

const unknownID = "0190a5e8-7c3b-7d2e-9f4a-1b2c3d4e5f60" // well formed, never stored

func newFixture(t *testing.T, e *env) fixture {
	t.Helper()
	o := e.as(models.RoleOfficer)
	f := fixture{officerID: e.users[models.RoleOfficer].ID, partnerID: e.users[models.RolePartner].ID}
	f.sh = str(o.post("/api/v1/stakeholders", map[string]any{"name": "Fixture Stichting"}).expect(http.StatusCreated).json(), "id")
	f.sh2 = str(o.post("/api/v1/stakeholders", map[string]any{"name": "Fixture Tweede"}).expect(http.StatusCreated).json(), "id")
	f.contact = str(o.post("/api/v1/stakeholders/"+f.sh+"/contacts", map[string]any{"name": "Anna Jansen"}).expect(http.StatusCreated).json(), "id")
	f.dialogue = str(o.post("/api/v1/dialogues", map[string]any{"title": "Fixture overleg", "held_at": "2026-01-10T10:00:00Z",
		"stakeholder_ids": []string{f.sh}}).expect(http.StatusCreated).json(), "id")
	f.concern = str(o.post("/api/v1/concerns", map[string]any{"title": "Fixture zorg", "stakeholder_id": f.sh}).expect(http.StatusCreated).json(), "id")
	f.commitment = str(o.post("/api/v1/commitments", map[string]any{"title": "Fixture toezegging", "stakeholder_id": f.sh,
		"due_on": "2026-06-01"}).expect(http.StatusCreated).json(), "id")
	f.shared = str(o.post("/api/v1/commitments", map[string]any{"title": "Gedeelde toezegging", "stakeholder_id": e.partner.ID,
		"due_on": "2026-06-01", "shared": true, "status": "done"}).expect(http.StatusCreated).json(), "id")
	return f
}

// fill replaces the placeholders of a path or body with the fixture's ids.
func (f fixture) fill(s string) string {
	return strings.NewReplacer("{sh}", f.sh, "{sh2}", f.sh2, "{ct}", f.contact, "{dl}", f.dialogue, "{cn}", f.concern,
		"{cm}", f.commitment, "{shared}", f.shared, "{officer}", f.officerID, "{partner}", f.partnerID,
		"{unknown}", unknownID).Replace(s)
}

// storeTables are every table a write can touch; versioned ones also have
// their versions summed, so that a PATCH that went through shows.
var storeTables = []struct {
	name      string
	versioned bool
}{
	{"stakeholders", true}, {"contacts", true}, {"dialogues", true}, {"dialogue_stakeholders", false},
	{"dialogue_users", false}, {"concerns", true}, {"commitments", true}, {"commitment_updates", false},
	{"users", true}, {"api_tokens", false}, {"audit_events", false},
}

// storeState counts the rows of every table (and sums the versions), to show
// that a refused request changed nothing.
func storeState(t *testing.T, e *env) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, tb := range storeTables {
		var n int64
		if err := e.db.Raw("SELECT COUNT(*) FROM " + tb.name).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[tb.name] = n
		if tb.versioned {
			if err := e.db.Raw("SELECT COALESCE(SUM(version), 0) FROM " + tb.name).Scan(&n).Error; err != nil {
				t.Fatal(err)
			}
			out[tb.name+".version"] = n
		}
		if tb.name == "commitments" || tb.name == "stakeholders" || tb.name == "concerns" {
			if err := e.db.Raw("SELECT COUNT(*) FROM " + tb.name + " WHERE archived_at IS NOT NULL").Scan(&n).Error; err != nil {
				t.Fatal(err)
			}
			out[tb.name+".archived"] = n
		}
	}
	return out
}

func sameState(t *testing.T, before, after map[string]int64) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("a refused request changed the store: %s was %d, is %d", k, v, after[k])
		}
	}
}

// itemVersion reads the version of the record at path, or -1 if it cannot be read.
func itemVersion(c *client, path string) float64 {
	r := c.get(path)
	if r.Status != http.StatusOK {
		return -1
	}
	v, _ := r.json()["version"].(float64)
	return v
}

type badRequest struct {
	name   string
	as     models.Role // officer unless set
	method string
	path   string // placeholders: see fixture.fill
	body   string // raw, placeholders filled; "" sends no body for GET/DELETE
	hdr    []string
	status int
	field  string // named in errors
	msg    string // the field's message, word for word
}

func validationCases() []badRequest {
	const sh, dl, cn, cm = "/api/v1/stakeholders", "/api/v1/dialogues", "/api/v1/concerns", "/api/v1/commitments"
	dlg := func(extra string) string {
		return `{"title":"Overleg","held_at":"2026-03-01T19:30:00+01:00","stakeholder_ids":["{sh}"]` + extra + `}`
	}
	con := func(extra string) string { return `{"title":"Stof","stakeholder_id":"{sh}"` + extra + `}` }
	com := func(extra string) string {
		return `{"title":"Meting","stakeholder_id":"{sh}","due_on":"2026-05-01"` + extra + `}`
	}
	usr := func(extra string) string {
		return `{"email":"nieuw@example.nl","name":"Nieuw","role":"officer","password":"lang genoeg wachtwoord"` + extra + `}`
	}
	long := func(n int) string { return strings.Repeat("x", n) }
	const dateMsg = " must be a real date written as YYYY-MM-DD"
	const timeMsg = " must be a time in RFC 3339 form, such as 2026-03-01T14:00:00Z"
	const kinds = "kind must be one of organisation, group, person"
	const cats = "category must be one of community, employee, customer, supplier, investor, government, ngo, media, academia, other"
	const stances = "stance must be one of supportive, neutral, critical, unknown"
	const formats = "format must be one of meeting, workshop, call, site_visit, hearing, survey, email, online, other"
	const levels = "engagement_level must be one of inform, consult, involve, collaborate, empower"
	const sevs = "severity must be one of low, medium, high, critical"
	const cstat = "status must be one of open, acknowledged, responded, closed"
	const mstat = "status must be one of open, in_progress, done, cancelled"
	const roles = "role must be one of admin, officer, director, partner"
	const limitMsg = "limit must be a whole number from 1 to 200"
	const cursorMsg = "cursor is not valid for this list; start again without it"
	forged := func(js string) string { return base64.RawURLEncoding.EncodeToString([]byte(js)) }

	return []badRequest{
		// the body cannot be read
		{name: "MalformedJSON", method: "POST", path: sh, body: `{"name": "x",`, status: 400},
		{name: "MalformedJSONSyntax", method: "POST", path: sh, body: `{"name" "x"}`, status: 400},
		{name: "MalformedJSONPatch", method: "PATCH", path: sh + "/{sh}", body: `{"name": }`, status: 400},
		{name: "EmptyBody", method: "POST", path: sh, body: ``, status: 400},
		{name: "EmptyBodyPatch", method: "PATCH", path: cm + "/{cm}", body: ` `, status: 400},
		{name: "TwoJSONValues", method: "POST", path: sh, body: `{"name":"a"} {"name":"b"}`, status: 400},
		{name: "TrailingGarbage", method: "POST", path: sh, body: `{"name":"a"} x`, status: 400},
		{name: "ArrayNotObject", method: "POST", path: sh, body: `[{"name":"a"}]`, status: 400},
		{name: "StringNotObject", method: "POST", path: dl, body: `"a meeting"`, status: 400},
		{name: "ArrayNotObjectPatch", method: "PATCH", path: cn + "/{cn}", body: `[]`, status: 400},
		{name: "BodyOver1MB", method: "POST", path: sh, body: `{"name":"a","description":"` + long(maxBodyForTest+10) + `"}`, status: 413},
		{name: "BodyOver1MBPatch", method: "PATCH", path: sh + "/{sh}", body: `{"description":"` + long(maxBodyForTest+10) + `"}`, status: 413},
		{name: "ContentTypeText", method: "POST", path: sh, body: `{"name":"a"}`, hdr: []string{"Content-Type", "text/plain"}, status: 415},
		{name: "ContentTypeForm", method: "POST", path: sh, body: `name=a`, hdr: []string{"Content-Type", "application/x-www-form-urlencoded"}, status: 415},
		{name: "ContentTypeGarbage", method: "PATCH", path: sh + "/{sh}", body: `{"name":"a"}`, hdr: []string{"Content-Type", ";;;"}, status: 415},
		{name: "ContentTypeXML", method: "POST", path: cm, body: `<commitment/>`, hdr: []string{"Content-Type", "application/xml"}, status: 415},

		// fields the resource does not have, and values of the wrong type
		{name: "UnknownField", method: "POST", path: sh, body: `{"name":"a","nmae":"b"}`, status: 422, field: "nmae", msg: "nmae is not a field of this resource"},
		{name: "UnknownFieldPatch", method: "PATCH", path: cm + "/{cm}", body: `{"owner":"x"}`, status: 422, field: "owner", msg: "owner is not a field of this resource"},
		{name: "UnknownFieldInternal", method: "PATCH", path: sh + "/{sh}", body: `{"version":7}`, status: 422, field: "version", msg: "version is not a field of this resource"},
		{name: "StringForInfluence", method: "POST", path: sh, body: `{"name":"a","influence":"high"}`, status: 422, field: "influence", msg: "influence must be a whole number"},
		{name: "FractionForInfluence", method: "PATCH", path: sh + "/{sh}", body: `{"influence":2.5}`, status: 422, field: "influence", msg: "influence must be a whole number"},
		{name: "NumberForName", method: "POST", path: sh, body: `{"name":42}`, status: 422, field: "name", msg: "name must be a string"},
		{name: "ObjectForTags", method: "POST", path: sh, body: `{"name":"a","tags":{"x":1}}`, status: 422, field: "tags", msg: "tags must be an array"},
		{name: "StringForTags", method: "PATCH", path: sh + "/{sh}", body: `{"tags":"a,b"}`, status: 422, field: "tags", msg: "tags must be an array"},
		{name: "StringForShared", method: "POST", path: cm, body: com(`,"shared":"yes"`), status: 422, field: "shared", msg: "shared must be true or false"},
		{name: "NumberForDueOn", method: "POST", path: cm, body: com(`,"due_on":20260501`), status: 422, field: "due_on", msg: "due_on must be a string"},
		{name: "StringForStakeholderIDs", method: "POST", path: dl, body: dlg(`,"stakeholder_ids":"{sh}"`), status: 422, field: "stakeholder_ids", msg: "stakeholder_ids must be an array"},
		{name: "StringForConfidential", method: "POST", path: cn, body: con(`,"confidential":"true"`), status: 422, field: "confidential", msg: "confidential must be true or false"},

		// text no store keeps
		{name: "NULInName", method: "POST", path: sh, body: `{"name":"a\u0000b"}`, status: 422, field: "name", msg: "name must not contain NUL characters"},
		{name: "NULInTag", method: "PATCH", path: sh + "/{sh}", body: `{"tags":["ok","\u0000"]}`, status: 422, field: "tags[1]", msg: "tags[1] must not contain NUL characters"},
		{name: "NULInMeetingConcern", method: "POST", path: dl, body: dlg(`,"concerns":[{"title":"ok"},{"title":"\u0000"}]`), status: 422, field: "concerns[1].title", msg: "concerns[1].title must not contain NUL characters"},
		{name: "NULInDialogueTitle", method: "POST", path: dl, body: dlg(`,"title":"x\u0000"`), status: 422, field: "title", msg: "title must not contain NUL characters"},
		{name: "NULInQuery", method: "GET", path: cn + "?q=a%00", status: 422, field: "q", msg: "q must be UTF-8 text without NUL characters"},
		{name: "BadUTF8InQuery", method: "GET", path: sh + "?tag=%FF", status: 422, field: "tag", msg: "tag must be UTF-8 text without NUL characters"},
		{name: "CursorNUL", method: "GET", path: sh + "?cursor=" + forged(`{"s":"name","v":"\u0000","id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},

		// values outside their list
		{name: "Kind", method: "POST", path: sh, body: `{"name":"a","kind":"company"}`, status: 422, field: "kind", msg: kinds},
		{name: "KindEmpty", method: "POST", path: sh, body: `{"name":"a","kind":""}`, status: 422, field: "kind", msg: kinds},
		{name: "KindPatch", method: "PATCH", path: sh + "/{sh}", body: `{"kind":"Organisation"}`, status: 422, field: "kind", msg: kinds},
		{name: "Category", method: "POST", path: sh, body: `{"name":"a","category":"press"}`, status: 422, field: "category", msg: cats},
		{name: "Stance", method: "POST", path: sh, body: `{"name":"a","stance":"hostile"}`, status: 422, field: "stance", msg: stances},
		{name: "Format", method: "POST", path: dl, body: dlg(`,"format":"party"`), status: 422, field: "format", msg: formats},
		{name: "FormatPatch", method: "PATCH", path: dl + "/{dl}", body: `{"format":"zoom"}`, status: 422, field: "format", msg: formats},
		{name: "EngagementLevel", method: "POST", path: dl, body: dlg(`,"engagement_level":"manipulate"`), status: 422, field: "engagement_level", msg: levels},
		{name: "Severity", method: "POST", path: cn, body: con(`,"severity":"urgent"`), status: 422, field: "severity", msg: sevs},
		{name: "SeverityPatch", method: "PATCH", path: cn + "/{cn}", body: `{"severity":"HIGH"}`, status: 422, field: "severity", msg: sevs},
		{name: "ConcernStatus", method: "POST", path: cn, body: con(`,"status":"pending"`), status: 422, field: "status", msg: cstat},
		{name: "ConcernStatusPatch", method: "PATCH", path: cn + "/{cn}", body: `{"status":"done"}`, status: 422, field: "status", msg: cstat},
		{name: "CommitmentStatus", method: "POST", path: cm, body: com(`,"status":"finished"`), status: 422, field: "status", msg: mstat},
		{name: "CommitmentStatusPatch", method: "PATCH", path: cm + "/{cm}", body: `{"status":"closed"}`, status: 422, field: "status", msg: mstat},
		{name: "Role", as: models.RoleAdmin, method: "POST", path: "/api/v1/users", body: usr(`,"role":"superuser"`), status: 422, field: "role", msg: roles},
		{name: "RolePatch", as: models.RoleAdmin, method: "PATCH", path: "/api/v1/users/{officer}", body: `{"role":"root"}`, status: 422, field: "role", msg: roles},
		{name: "Locale", as: models.RoleAdmin, method: "POST", path: "/api/v1/users", body: usr(`,"locale":"fr"`), status: 422, field: "locale", msg: "locale must be one of en, nl"},
		{name: "LocalePatch", method: "PATCH", path: "/api/v1/users/{officer}", body: `{"locale":"de"}`, status: 422, field: "locale", msg: "locale must be one of en, nl"},
		{name: "Verdict", as: models.RolePartner, method: "POST", path: cm + "/{shared}/verdict", body: `{"verdict":"maybe"}`, status: 422, field: "verdict", msg: "verdict must be one of accepted, disputed"},
		{name: "VerdictMissing", as: models.RolePartner, method: "POST", path: cm + "/{shared}/verdict", body: `{"reason":"x"}`, status: 422, field: "verdict", msg: "verdict is required"},

		// the 1-to-5 scale
		{name: "InfluenceZero", method: "POST", path: sh, body: `{"name":"a","influence":0}`, status: 422, field: "influence", msg: "influence must be between 1 and 5"},
		{name: "InfluenceSix", method: "POST", path: sh, body: `{"name":"a","influence":6}`, status: 422, field: "influence", msg: "influence must be between 1 and 5"},
		{name: "InfluenceNegative", method: "PATCH", path: sh + "/{sh}", body: `{"influence":-3}`, status: 422, field: "influence", msg: "influence must be between 1 and 5"},
		{name: "InterestZero", method: "POST", path: sh, body: `{"name":"a","interest":0}`, status: 422, field: "interest", msg: "interest must be between 1 and 5"},
		{name: "InterestSix", method: "PATCH", path: sh + "/{sh}", body: `{"interest":6}`, status: 422, field: "interest", msg: "interest must be between 1 and 5"},

		// dates and times that do not exist
		{name: "DueOnFeb30", method: "POST", path: cm, body: com(`,"due_on":"2026-02-30"`), status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnMonth13", method: "POST", path: cm, body: com(`,"due_on":"2026-13-01"`), status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnTomorrow", method: "POST", path: cm, body: com(`,"due_on":"tomorrow"`), status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnShort", method: "POST", path: cm, body: com(`,"due_on":"2026-5-1"`), status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnTime", method: "PATCH", path: cm + "/{cm}", body: `{"due_on":"2026-05-01T00:00:00Z"}`, status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnDutch", method: "PATCH", path: cm + "/{cm}", body: `{"due_on":"01-05-2026"}`, status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "DueOnYearZero", method: "POST", path: cm, body: com(`,"due_on":"0000-01-01"`), status: 422, field: "due_on", msg: "due_on" + dateMsg},
		{name: "HeldAtFeb30", method: "POST", path: dl, body: dlg(`,"held_at":"2026-02-30T10:00:00Z"`), status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtHour25", method: "POST", path: dl, body: dlg(`,"held_at":"2026-03-01T25:00:00Z"`), status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtNoZone", method: "POST", path: dl, body: dlg(`,"held_at":"2026-03-01T19:30:00"`), status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtDateOnly", method: "PATCH", path: dl + "/{dl}", body: `{"held_at":"2026-03-01"}`, status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtWords", method: "PATCH", path: dl + "/{dl}", body: `{"held_at":"last tuesday"}`, status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtYear10000", method: "POST", path: dl, body: dlg(`,"held_at":"9999-12-31T23:30:00-05:00"`), status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "HeldAtYearZero", method: "POST", path: dl, body: dlg(`,"held_at":"0000-01-01T00:30:00+01:00"`), status: 422, field: "held_at", msg: "held_at" + timeMsg},
		{name: "RaisedAtFeb30", method: "POST", path: cn, body: con(`,"raised_at":"2026-02-30T10:00:00Z"`), status: 422, field: "raised_at", msg: "raised_at" + timeMsg},
		{name: "RaisedAtMinute61", method: "PATCH", path: cn + "/{cn}", body: `{"raised_at":"2026-03-01T10:61:00Z"}`, status: 422, field: "raised_at", msg: "raised_at" + timeMsg},

		// formats
		{name: "Email", method: "POST", path: sh, body: `{"name":"a","email":"not-an-email"}`, status: 422, field: "email", msg: "email must be an email address"},
		{name: "EmailPatch", method: "PATCH", path: sh + "/{sh}", body: `{"email":"a@"}`, status: 422, field: "email", msg: "email must be an email address"},
		{name: "EmailContact", method: "POST", path: sh + "/{sh}/contacts", body: `{"name":"a","email":"anna at example"}`, status: 422, field: "email", msg: "email must be an email address"},
		{name: "EmailUser", as: models.RoleAdmin, method: "POST", path: "/api/v1/users", body: usr(`,"email":"nobody"`), status: 422, field: "email", msg: "email must be an email address"},
		{name: "CountryUnknown", method: "POST", path: sh, body: `{"name":"a","country":"XX"}`, status: 422, field: "country", msg: "country must be an ISO 3166-1 alpha-2 country code, such as NL"},
		{name: "CountryDigits", method: "PATCH", path: sh + "/{sh}", body: `{"country":"12"}`, status: 422, field: "country", msg: "country must be an ISO 3166-1 alpha-2 country code, such as NL"},
		{name: "CountryName", method: "POST", path: sh, body: `{"name":"a","country":"Netherlands"}`, status: 422, field: "country", msg: "country must be at most 2 characters"},
		{name: "UUIDInBody", method: "POST", path: cn, body: con(`,"stakeholder_id":"abc"`), status: 422, field: "stakeholder_id", msg: "stakeholder_id must be a UUID"},
		{name: "UUIDInList", method: "POST", path: dl, body: dlg(`,"stakeholder_ids":["{sh}","abc"]`), status: 422, field: "stakeholder_ids[1]", msg: "stakeholder_ids[1] must be a UUID"},

		// texts too long
		{name: "NameTooLong", method: "POST", path: sh, body: `{"name":"` + long(201) + `"}`, status: 422, field: "name", msg: "name must be at most 200 characters"},
		{name: "NameTooLongPatch", method: "PATCH", path: sh + "/{sh}", body: `{"name":"` + strings.Repeat("é", 201) + `"}`, status: 422, field: "name", msg: "name must be at most 200 characters"},
		{name: "DescriptionTooLong", method: "POST", path: sh, body: `{"name":"a","description":"` + long(10001) + `"}`, status: 422, field: "description", msg: "description must be at most 10000 characters"},
		{name: "TooManyTags", method: "POST", path: sh, body: `{"name":"a","tags":["` + strings.TrimSuffix(strings.Repeat(`t","`, 31), `","`) + `"]}`, status: 422, field: "tags", msg: "tags must have at most 30 items"},
		{name: "TagTooLong", method: "POST", path: sh, body: `{"name":"a","tags":["ok","` + long(51) + `"]}`, status: 422, field: "tags[1]", msg: "tags[1] must be at most 50 characters"},
		{name: "DialogueTitleTooLong", method: "POST", path: dl, body: dlg(`,"title":"` + long(301) + `"`), status: 422, field: "title", msg: "title must be at most 300 characters"},
		{name: "ConcernTitleTooLong", method: "PATCH", path: cn + "/{cn}", body: `{"title":"` + long(301) + `"}`, status: 422, field: "title", msg: "title must be at most 300 characters"},
		{name: "CommitmentTitleTooLong", method: "POST", path: cm, body: com(`,"title":"` + long(301) + `"`), status: 422, field: "title", msg: "title must be at most 300 characters"},
		{name: "ContactNameTooLong", method: "PATCH", path: "/api/v1/contacts/{ct}", body: `{"name":"` + long(201) + `"}`, status: 422, field: "name", msg: "name must be at most 200 characters"},
		{name: "UpdateTextTooLong", method: "POST", path: cm + "/{cm}/updates", body: `{"text":"` + long(5001) + `"}`, status: 422, field: "text", msg: "text must be at most 5000 characters"},

		// required on create
		{name: "StakeholderNameMissing", method: "POST", path: sh, body: `{"kind":"group"}`, status: 422, field: "name", msg: "name is required"},
		{name: "StakeholderNameBlank", method: "POST", path: sh, body: `{"name":"   "}`, status: 422, field: "name", msg: "name is required"},
		{name: "StakeholderNameNull", method: "POST", path: sh, body: `{"name":null}`, status: 422, field: "name", msg: "name is required"},
		{name: "StakeholderNameCleared", method: "PATCH", path: sh + "/{sh}", body: `{"name":""}`, status: 422, field: "name", msg: "name is required"},
		{name: "DialogueTitleMissing", method: "POST", path: dl, body: `{"held_at":"2026-03-01T19:30:00Z","stakeholder_ids":["{sh}"]}`, status: 422, field: "title", msg: "title is required"},
		{name: "DialogueHeldAtMissing", method: "POST", path: dl, body: `{"title":"Overleg","stakeholder_ids":["{sh}"]}`, status: 422, field: "held_at", msg: "held_at is required"},
		{name: "DialogueStakeholdersMissing", method: "POST", path: dl, body: `{"title":"Overleg","held_at":"2026-03-01T19:30:00Z"}`, status: 422, field: "stakeholder_ids", msg: "stakeholder_ids must name at least one stakeholder present"},
		{name: "DialogueStakeholdersEmpty", method: "POST", path: dl, body: dlg(`,"stakeholder_ids":[]`), status: 422, field: "stakeholder_ids", msg: "stakeholder_ids must name at least one stakeholder present"},
		{name: "DialogueStakeholdersCleared", method: "PATCH", path: dl + "/{dl}", body: `{"stakeholder_ids":[]}`, status: 422, field: "stakeholder_ids", msg: "stakeholder_ids must name at least one stakeholder present"},
		{name: "ConcernTitleMissing", method: "POST", path: cn, body: `{"stakeholder_id":"{sh}"}`, status: 422, field: "title", msg: "title is required"},
		{name: "ConcernStakeholderMissing", method: "POST", path: cn, body: `{"title":"Stof"}`, status: 422, field: "stakeholder_id", msg: "stakeholder_id is required"},
		{name: "CommitmentTitleMissing", method: "POST", path: cm, body: `{"stakeholder_id":"{sh}","due_on":"2026-05-01"}`, status: 422, field: "title", msg: "title is required"},
		{name: "CommitmentStakeholderMissing", method: "POST", path: cm, body: `{"title":"Meting","due_on":"2026-05-01"}`, status: 422, field: "stakeholder_id", msg: "stakeholder_id is required"},
		{name: "CommitmentDueOnMissing", method: "POST", path: cm, body: `{"title":"Meting","stakeholder_id":"{sh}"}`, status: 422, field: "due_on", msg: "due_on is required"},
		{name: "ContactNameMissing", method: "POST", path: sh + "/{sh}/contacts", body: `{"role":"voorzitter"}`, status: 422, field: "name", msg: "name is required"},
		{name: "UpdateTextMissing", method: "POST", path: cm + "/{cm}/updates", body: `{"shared":true}`, status: 422, field: "text", msg: "text is required"},
		{name: "UserEmailMissing", as: models.RoleAdmin, method: "POST", path: "/api/v1/users", body: `{"name":"N","role":"officer","password":"lang genoeg wachtwoord"}`, status: 422, field: "email", msg: "email is required"},
		{name: "TokenNameMissing", method: "POST", path: "/api/v1/tokens", body: `{}`, status: 422, field: "name", msg: "name is required"},

		// references to records that do not exist
		{name: "StakeholderOwnerUnknown", method: "POST", path: sh, body: `{"name":"a","owner_id":"{unknown}"}`, status: 422, field: "owner_id", msg: "owner_id must be an active internal user"},
		{name: "StakeholderOwnerPartner", method: "PATCH", path: sh + "/{sh}", body: `{"owner_id":"{partner}"}`, status: 422, field: "owner_id", msg: "owner_id must be an active internal user"},
		{name: "DialogueStakeholderUnknown", method: "POST", path: dl, body: dlg(`,"stakeholder_ids":["{sh}","{unknown}"]`), status: 422, field: "stakeholder_ids[1]", msg: "stakeholder_ids[1] must be an existing stakeholder"},
		{name: "DialogueUserUnknown", method: "POST", path: dl, body: dlg(`,"user_ids":["{unknown}"]`), status: 422, field: "user_ids[0]", msg: "user_ids[0] must be an active internal user"},
		{name: "DialogueStakeholderUnknownPatch", method: "PATCH", path: dl + "/{dl}", body: `{"stakeholder_ids":["{unknown}"]}`, status: 422, field: "stakeholder_ids[0]", msg: "stakeholder_ids[0] must be an existing stakeholder"},
		{name: "ConcernStakeholderUnknown", method: "POST", path: cn, body: con(`,"stakeholder_id":"{unknown}"`), status: 422, field: "stakeholder_id", msg: "stakeholder_id must be an existing stakeholder"},
		{name: "ConcernDialogueUnknown", method: "POST", path: cn, body: con(`,"dialogue_id":"{unknown}"`), status: 422, field: "dialogue_id", msg: "dialogue_id must be an existing dialogue"},
		{name: "ConcernContactUnknown", method: "POST", path: cn, body: con(`,"contact_id":"{unknown}"`), status: 422, field: "contact_id", msg: "contact_id must be a contact of the concern's stakeholder"},
		{name: "ConcernContactOfOther", method: "POST", path: cn, body: `{"title":"Stof","stakeholder_id":"{sh2}","contact_id":"{ct}"}`, status: 422, field: "contact_id", msg: "contact_id must be a contact of the concern's stakeholder"},
		{name: "ConcernStakeholderUnknownPatch", method: "PATCH", path: cn + "/{cn}", body: `{"stakeholder_id":"{unknown}"}`, status: 422, field: "stakeholder_id", msg: "stakeholder_id must be an existing stakeholder"},
		{name: "CommitmentStakeholderUnknown", method: "POST", path: cm, body: com(`,"stakeholder_id":"{unknown}"`), status: 422, field: "stakeholder_id", msg: "stakeholder_id must be an existing stakeholder"},
		{name: "CommitmentConcernUnknown", method: "POST", path: cm, body: com(`,"concern_id":"{unknown}"`), status: 422, field: "concern_id", msg: "concern_id must be an existing concern"},
		{name: "CommitmentDialogueUnknown", method: "POST", path: cm, body: com(`,"dialogue_id":"{unknown}"`), status: 422, field: "dialogue_id", msg: "dialogue_id must be an existing dialogue"},
		{name: "CommitmentOwnerUnknown", method: "POST", path: cm, body: com(`,"owner_id":"{unknown}"`), status: 422, field: "owner_id", msg: "owner_id must be an active internal user"},
		{name: "CommitmentOwnerPartnerPatch", method: "PATCH", path: cm + "/{cm}", body: `{"owner_id":"{partner}"}`, status: 422, field: "owner_id", msg: "owner_id must be an active internal user"},
		{name: "CommitmentStakeholderUnknownPatch", method: "PATCH", path: cm + "/{cm}", body: `{"stakeholder_id":"{unknown}"}`, status: 422, field: "stakeholder_id", msg: "stakeholder_id must be an existing stakeholder"},
		{name: "PartnerStakeholderUnknown", as: models.RoleAdmin, method: "POST", path: "/api/v1/users", body: usr(`,"role":"partner","stakeholder_id":"{unknown}"`), status: 422, field: "stakeholder_id", msg: "stakeholder_id must be an existing stakeholder"},

		// malformed and unknown ids in the path
		{name: "PathGetStakeholder", method: "GET", path: sh + "/not-a-uuid", status: 404},
		{name: "PathGetStakeholderUnknown", method: "GET", path: sh + "/{unknown}", status: 404},
		{name: "PathPatchStakeholder", method: "PATCH", path: sh + "/123", body: `{"name":"a"}`, status: 404},
		{name: "PathDeleteStakeholder", method: "DELETE", path: sh + "/x%27%3B%20DROP%20TABLE%20stakeholders%3B--", status: 404},
		{name: "PathContactsOfStakeholder", method: "GET", path: sh + "/nope/contacts", status: 404},
		{name: "PathAddContact", method: "POST", path: sh + "/nope/contacts", body: `{"name":"a"}`, status: 404},
		{name: "PathAddContactUnknown", method: "POST", path: sh + "/{unknown}/contacts", body: `{"name":"a"}`, status: 404},
		{name: "PathGetContact", method: "GET", path: "/api/v1/contacts/nope", status: 404},
		{name: "PathPatchContact", method: "PATCH", path: "/api/v1/contacts/{unknown}", body: `{"name":"a"}`, status: 404},
		{name: "PathGetDialogue", method: "GET", path: dl + "/1", status: 404},
		{name: "PathPatchDialogue", method: "PATCH", path: dl + "/nope", body: `{"title":"a"}`, status: 404},
		{name: "PathDeleteDialogue", method: "DELETE", path: dl + "/{unknown}", status: 404},
		{name: "PathGetConcern", method: "GET", path: cn + "/nope", status: 404},
		{name: "PathPatchConcern", method: "PATCH", path: cn + "/nope", body: `{"title":"a"}`, status: 404},
		{name: "PathDeleteConcern", method: "DELETE", path: cn + "/nope", status: 404},
		{name: "PathGetCommitment", method: "GET", path: cm + "/nope", status: 404},
		{name: "PathPatchCommitment", method: "PATCH", path: cm + "/nope", body: `{"title":"a"}`, status: 404},
		{name: "PathDeleteCommitment", method: "DELETE", path: cm + "/{unknown}", status: 404},
		{name: "PathUpdates", method: "GET", path: cm + "/nope/updates", status: 404},
		{name: "PathAddUpdate", method: "POST", path: cm + "/nope/updates", body: `{"text":"a"}`, status: 404},
		{name: "PathVerdict", as: models.RolePartner, method: "POST", path: cm + "/nope/verdict", body: `{"verdict":"accepted"}`, status: 404},
		{name: "PathGetUser", as: models.RoleAdmin, method: "GET", path: "/api/v1/users/nope", status: 404},
		{name: "PathPatchUser", as: models.RoleAdmin, method: "PATCH", path: "/api/v1/users/nope", body: `{"name":"a"}`, status: 404},
		{name: "PathDeleteUser", as: models.RoleAdmin, method: "DELETE", path: "/api/v1/users/nope", status: 404},
		{name: "PathGetToken", method: "GET", path: "/api/v1/tokens/nope", status: 404},
		{name: "PathDeleteToken", method: "DELETE", path: "/api/v1/tokens/nope", status: 404},

		// query parameters
		{name: "FilterOwnerID", method: "GET", path: cm + "?owner_id=abc", status: 422, field: "owner_id", msg: "owner_id must be a UUID"},
		{name: "FilterStakeholderIDCommitments", method: "GET", path: cm + "?stakeholder_id=123", status: 422, field: "stakeholder_id", msg: "stakeholder_id must be a UUID"},
		{name: "FilterStakeholderIDConcerns", method: "GET", path: cn + "?stakeholder_id=x", status: 422, field: "stakeholder_id", msg: "stakeholder_id must be a UUID"},
		{name: "FilterStakeholderIDDialogues", method: "GET", path: dl + "?stakeholder_id=%27%20OR%201%3D1", status: 422, field: "stakeholder_id", msg: "stakeholder_id must be a UUID"},
		{name: "FilterOwnerIDStakeholders", method: "GET", path: sh + "?owner_id=me", status: 422, field: "owner_id", msg: "owner_id must be a UUID"},
		{name: "FilterDialogueIDConcerns", method: "GET", path: cn + "?dialogue_id=1", status: 422, field: "dialogue_id", msg: "dialogue_id must be a UUID"},
		{name: "FilterStakeholderIDUsers", as: models.RoleAdmin, method: "GET", path: "/api/v1/users?stakeholder_id=x", status: 422, field: "stakeholder_id", msg: "stakeholder_id must be a UUID"},
		{name: "FilterActorIDAudit", as: models.RoleAdmin, method: "GET", path: "/api/v1/audit-events?actor_id=x", status: 422, field: "actor_id", msg: "actor_id must be a UUID"},
		{name: "FilterUserIDTokens", method: "GET", path: "/api/v1/tokens?user_id=x", status: 422, field: "user_id", msg: "user_id must be a UUID"},
		{name: "FilterStatus", method: "GET", path: cm + "?status=finished", status: 422, field: "status", msg: mstat},
		{name: "FilterConcernStatus", method: "GET", path: cn + "?status=in_progress", status: 422, field: "status", msg: cstat},
		{name: "FilterSeverity", method: "GET", path: cn + "?severity=urgent", status: 422, field: "severity", msg: sevs},
		{name: "FilterKind", method: "GET", path: sh + "?kind=company", status: 422, field: "kind", msg: kinds},
		{name: "FilterOverdue", method: "GET", path: cm + "?overdue=maybe", status: 422, field: "overdue", msg: "overdue must be true or false"},
		{name: "FilterArchived", method: "GET", path: sh + "?archived=ja", status: 422, field: "archived", msg: "archived must be true or false"},
		{name: "FilterDueBefore", method: "GET", path: cm + "?due_before=2026-02-30", status: 422, field: "due_before", msg: "due_before" + dateMsg},
		{name: "FilterDueBeforeYearZero", method: "GET", path: cm + "?due_before=0000-01-01", status: 422, field: "due_before", msg: "due_before" + dateMsg},
		{name: "FilterFrom", method: "GET", path: dl + "?from=gisteren", status: 422, field: "from", msg: "from must be a date (YYYY-MM-DD) or an RFC 3339 time"},
		{name: "UnknownParameter", method: "GET", path: sh + "?nmae=x", status: 422, field: "nmae", msg: "nmae is not a filter of this list"},
		{name: "UnknownParameterCommitments", method: "GET", path: cm + "?state=open", status: 422, field: "state", msg: "state is not a filter of this list"},
		{name: "UnknownParameterOverview", as: models.RoleDirector, method: "GET", path: "/api/v1/overview?year=2026", status: 422, field: "year", msg: "year is not a filter of this list"},
		{name: "LimitZero", method: "GET", path: sh + "?limit=0", status: 422, field: "limit", msg: limitMsg},
		{name: "Limit201", method: "GET", path: cm + "?limit=201", status: 422, field: "limit", msg: limitMsg},
		{name: "LimitWords", method: "GET", path: dl + "?limit=abc", status: 422, field: "limit", msg: limitMsg},
		{name: "LimitNegative", method: "GET", path: cn + "?limit=-1", status: 422, field: "limit", msg: limitMsg},
		{name: "LimitHuge", method: "GET", path: sh + "?limit=99999999999999999999", status: 422, field: "limit", msg: limitMsg},
		{name: "CursorGarbage", method: "GET", path: sh + "?cursor=abc", status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorNotBase64", method: "GET", path: cm + "?cursor=%25%25%25", status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorOtherSort", method: "GET", path: sh + "?cursor=" + forged(`{"s":"-name","v":"a","id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorBadID", method: "GET", path: sh + "?cursor=" + forged(`{"s":"name","v":"a","id":"1 OR 1=1"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorBadValueType", method: "GET", path: sh + "?cursor=" + forged(`{"s":"name","v":{"x":1},"id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorBadDate", method: "GET", path: cm + "?cursor=" + forged(`{"s":"due_on","v":"2026-02-30","id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorBadTime", method: "GET", path: dl + "?cursor=" + forged(`{"s":"-held_at","v":"yesterday","id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorInjection", method: "GET", path: cm + "?cursor=" + forged(`{"s":"due_on","v":"2026-01-01') OR 1=1 --","id":"`+unknownID+`"}`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "CursorNotJSON", method: "GET", path: cn + "?cursor=" + forged(`not json`), status: 422, field: "cursor", msg: cursorMsg},
		{name: "SortUnknown", method: "GET", path: sh + "?sort=password_hash", status: 422, field: "sort"},
		{name: "SortInjection", method: "GET", path: cm + "?sort=" + url.QueryEscape("due_on; DROP TABLE commitments"), status: 422, field: "sort"},
		{name: "SortNotOfList", method: "GET", path: dl + "?sort=due_on", status: 422, field: "sort"},
		{name: "SortDoubleMinus", method: "GET", path: cm + "?sort=--due_on", status: 422, field: "sort"},
	}
}

// maxBodyForTest is the body limit of the API (1 MB).
const maxBodyForTest = 1 << 20

func TestValidation(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		f := newFixture(t, e)
		clients := map[models.Role]*client{}
		for _, r := range []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner} {
			clients[r] = e.as(r)
		}
		for _, tc := range validationCases() {
			t.Run(tc.name, func(t *testing.T) {
				role := tc.as
				if role == "" {
					role = models.RoleOfficer
				}
				c := clients[role]
				c.t = t
				defer func() { c.t = e.t }()
				path := f.fill(tc.path)
				var body any
				if tc.method != "GET" && tc.method != "DELETE" {
					body = f.fill(tc.body)
				}
				readable := tc.method == "PATCH" && tc.status != http.StatusNotFound
				var version float64
				if readable {
					version = itemVersion(c, path)
				}
				before := storeState(t, e)
				r := c.do(tc.method, path, body, tc.hdr...)
				p := r.problem(tc.status)
				if d, _ := p["detail"].(string); d == "" {
					t.Errorf("problem has no detail: %s", r.Body)
				}
				if tc.field != "" {
					r.problem(tc.status, tc.field)
					got := fieldMessage(p, tc.field)
					if tc.msg != "" && got != tc.msg {
						t.Errorf("message for %s is %q, want %q", tc.field, got, tc.msg)
					}
					if !strings.HasPrefix(got, tc.field+" ") {
						t.Errorf("message %q does not begin with the field's name", got)
					}
				}
				sameState(t, before, storeState(t, e))
				if readable {
					if v := itemVersion(c, path); v != version {
						t.Errorf("version went from %v to %v after a refused PATCH", version, v)
					}
				}
			})
		}
	})
}

// TestValidationReportsEveryField checks that one request with several
// problems hears of all of them at once.
func TestValidationReportsEveryField(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		o := e.as(models.RoleOfficer)
		before := storeState(t, e)
		p := o.post("/api/v1/stakeholders", map[string]any{"kind": "company", "influence": 9, "email": "x"}).
			problem(http.StatusUnprocessableEntity, "kind", "influence", "email")
		if p["detail"] == "" {
			t.Fatalf("no detail: %v", p)
		}
		p = o.post("/api/v1/commitments", map[string]any{}).problem(http.StatusUnprocessableEntity, "title", "stakeholder_id", "due_on")
		_ = p
		sameState(t, before, storeState(t, e))
	})
}

// nastyValues are values no field expects; none of them may make the server fail.
var nastyValues = []string{
	`null`, `1e400`, `-1e400`, `-1`, `0`, `9223372036854775807`, `-9223372036854775809`, `1.5`, `true`, `[]`, `{}`,
	`""`, `" "`, `"\u0000"`, `"a\u0000b"`, `"\ud800"`, `"💩\u202eevil"`, `"ＮＬ"`, `"nl"`, `"' OR 1=1 --"`,
	`"0000-01-01"`, `"0000-01-01T00:00:00Z"`, `"9999-12-31T23:59:59-23:59"`, `"2026-01-01T00:00:00+24:00"`,
	`"-2026-01-01"`, `"2026-01-01T00:00:00.123456789123Z"`, `["\u0000"]`, `[null]`, `[1e400]`, `[{}]`,
	`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
	`"` + strings.Repeat("ä", 70000) + `"`,
	strings.Repeat(`{"a":`, 200) + `1` + strings.Repeat(`}`, 200),
	`"{unknown}"`, `"{sh}"`, `["{sh}","{sh}"]`, `["{unknown}"]`, `"{partner}"`,
}

// nastyBodies are whole bodies no endpoint expects.
var nastyBodies = []string{
	`null`, `1e400`, `"x"`, `[]`, `[{}]`, `{"":1}`, `{"a":1,"a":2}`, "\xff\xfe", `{"name":"\xff"}`,
	strings.Repeat(`[`, 20000) + strings.Repeat(`]`, 20000),
	strings.Repeat(`{"a":`, 20000) + `1` + strings.Repeat(`}`, 20000),
}

type writeEndpoint struct {
	as     models.Role
	method string
	path   string
	base   string   // a valid body the nasty value is put into
	fields []string // the fields to spoil
}

func TestNoServerErrorOnNastyInput(t *testing.T) {
	endpoints := []writeEndpoint{
		{models.RoleOfficer, "POST", "/api/v1/stakeholders", `{"name":"Nasty"}`,
			[]string{"name", "kind", "category", "influence", "interest", "stance", "email", "phone", "website", "address", "country", "tags", "owner_id", "description", "archived"}},
		{models.RoleOfficer, "PATCH", "/api/v1/stakeholders/{sh}", `{}`,
			[]string{"name", "kind", "influence", "country", "tags", "owner_id", "email"}},
		{models.RoleOfficer, "POST", "/api/v1/stakeholders/{sh}/contacts", `{"name":"Nasty"}`,
			[]string{"name", "role", "email", "phone", "notes"}},
		{models.RoleOfficer, "PATCH", "/api/v1/contacts/{ct}", `{}`, []string{"name", "email", "phone"}},
		{models.RoleOfficer, "POST", "/api/v1/dialogues", `{"title":"Nasty","held_at":"2026-03-01T10:00:00Z","stakeholder_ids":["{sh}"]}`,
			[]string{"title", "held_at", "format", "purpose", "engagement_level", "location", "summary", "topics", "stakeholder_ids", "user_ids", "concerns", "commitments"}},
		{models.RoleOfficer, "POST", "/api/v1/dialogues", `{"title":"Nasty","held_at":"2026-03-01T10:00:00Z","stakeholder_ids":["{sh}"],"concerns":[{"title":"c"}],"commitments":[{"title":"m","due_on":"2026-05-01","concern_index":0}]}`,
			[]string{"concerns.0.title", "concerns.0.severity", "concerns.0.raised_at", "concerns.0.stakeholder_id", "concerns.0.status",
				"commitments.0.concern_index", "commitments.0.due_on", "commitments.0.stakeholder_id", "commitments.0.owner_id", "commitments.0.status"}},
		{models.RoleOfficer, "PATCH", "/api/v1/dialogues/{dl}", `{}`, []string{"title", "held_at", "stakeholder_ids", "user_ids", "topics", "format"}},
		{models.RoleOfficer, "POST", "/api/v1/concerns", `{"title":"Nasty","stakeholder_id":"{sh}"}`,
			[]string{"title", "stakeholder_id", "contact_id", "dialogue_id", "topic", "severity", "status", "response", "decision", "confidential", "raised_at"}},
		{models.RoleOfficer, "PATCH", "/api/v1/concerns/{cn}", `{}`, []string{"title", "stakeholder_id", "contact_id", "status", "response", "raised_at", "topic"}},
		{models.RoleOfficer, "POST", "/api/v1/commitments", `{"title":"Nasty","stakeholder_id":"{sh}","due_on":"2026-05-01"}`,
			[]string{"title", "description", "stakeholder_id", "concern_id", "dialogue_id", "owner_id", "due_on", "status", "shared"}},
		{models.RoleOfficer, "PATCH", "/api/v1/commitments/{cm}", `{}`, []string{"title", "stakeholder_id", "owner_id", "due_on", "status", "shared", "concern_id"}},
		{models.RoleDirector, "PATCH", "/api/v1/commitments/{cm}", `{}`, []string{"owner_id", "due_on", "status"}},
		{models.RoleOfficer, "POST", "/api/v1/commitments/{cm}/updates", `{"text":"Nasty"}`, []string{"text", "shared"}},
		{models.RolePartner, "POST", "/api/v1/commitments/{shared}/updates", `{"text":"Nasty"}`, []string{"text", "shared"}},
		{models.RolePartner, "POST", "/api/v1/commitments/{shared}/verdict", `{"verdict":"disputed","reason":"Nasty"}`, []string{"verdict", "reason"}},
		{models.RoleAdmin, "POST", "/api/v1/users", `{"email":"nasty@example.nl","name":"Nasty","role":"officer","password":"lang genoeg wachtwoord"}`,
			[]string{"email", "name", "role", "stakeholder_id", "locale", "password"}},
		{models.RoleAdmin, "PATCH", "/api/v1/users/{officer}", `{}`, []string{"email", "name", "role", "stakeholder_id", "locale", "active"}},
		{models.RoleOfficer, "POST", "/api/v1/tokens", `{"name":"Nasty"}`, []string{"name", "expires_at"}},
		{"", "POST", "/api/v1/auth/login", `{"email":"officer@example.nl","password":"wrong password"}`, []string{"email", "password"}},
	}
	each(t, func(t *testing.T, e *env) {
		f := newFixture(t, e)
		clients := map[models.Role]*client{"": e.anonymous()}
		for _, r := range []models.Role{models.RoleAdmin, models.RoleOfficer, models.RoleDirector, models.RolePartner} {
			clients[r] = e.as(r)
		}
		check := func(c *client, method, path, body string) {
			t.Helper()
			r := c.do(method, path, body)
			if r.Status >= 500 {
				t.Errorf("%s %s %.300s: %d %s", method, path, body, r.Status, r.Body)
			}
		}
		for _, ep := range endpoints {
			c := clients[ep.as]
			c.t = t
			path := f.fill(ep.path)
			for _, b := range nastyBodies {
				check(c, ep.method, path, b)
			}
			for _, field := range ep.fields {
				for _, v := range nastyValues {
					check(c, ep.method, path, withField(f.fill(ep.base), field, f.fill(v)))
				}
			}
		}
	})
}

// TestNoServerErrorOnNastyQuery throws odd query values at every list.
func TestNoServerErrorOnNastyQuery(t *testing.T) {
	lists := map[string][]string{
		"/api/v1/stakeholders":               {"kind", "owner_id", "country", "tag", "q", "archived", "sort", "cursor", "limit"},
		"/api/v1/stakeholders/{sh}/contacts": {"q", "archived", "sort", "cursor", "limit"},
		"/api/v1/dialogues":                  {"stakeholder_id", "user_id", "format", "topic", "from", "to", "q", "sort", "cursor"},
		"/api/v1/concerns":                   {"stakeholder_id", "dialogue_id", "topic", "severity", "status", "confidential", "q", "sort", "cursor"},
		"/api/v1/commitments":                {"status", "owner_id", "stakeholder_id", "overdue", "due_before", "due_after", "partner_verdict", "q", "sort", "cursor", "shared"},
		"/api/v1/commitments/{cm}/updates":   {"cursor", "sort", "limit"},
		"/api/v1/users":                      {"role", "stakeholder_id", "active", "q", "sort", "cursor"},
		"/api/v1/tokens":                     {"user_id", "cursor", "sort"},
		"/api/v1/audit-events":               {"record_id", "record_type", "actor_id", "from", "to", "cursor", "sort"},
	}
	values := []string{"\x00", "a\x00", "%", "_", "\\", "'", `"`, "' OR 1=1 --", "0000-01-01", "-0001-01-01", "9999-12-31T23:59:59-23:59",
		"0000-01-01T00:00:00Z", "2026-01-01T00:00:00+24:00", "1e400", "-1", strings.Repeat("é", 600), "💩", "\xff", "[]", "{}", "null",
		base64.RawURLEncoding.EncodeToString([]byte(`{"s":"name","v":"\u0000","id":"` + unknownID + `"}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"s":"-held_at","v":"0000-01-01T00:00:00Z","id":"` + unknownID + `"}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"s":"due_on","v":"0000-01-01","id":"` + unknownID + `"}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"s":"-at","v":"9999-12-31T23:59:59-23:59","id":"` + unknownID + `"}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"s":"influence","v":1e300,"id":"` + unknownID + `"}`)),
	}
	each(t, func(t *testing.T, e *env) {
		f := newFixture(t, e)
		admin := e.as(models.RoleAdmin)
		for list, params := range lists {
			for _, p := range params {
				for _, v := range values {
					for _, accept := range []string{"application/json", "text/csv"} {
						path := f.fill(list) + "?" + p + "=" + url.QueryEscape(v)
						if r := admin.get(path, "Accept", accept); r.Status >= 500 {
							t.Errorf("GET %s: %d %s", path, r.Status, r.Body)
						}
					}
				}
			}
		}
	})
}

// withField sets one field of a JSON object body to a raw JSON value; a
// dotted name ("concerns.0.title") reaches into the nested rows.
func withField(body, field, raw string) string {
	parts := strings.Split(field, ".")
	if len(parts) == 1 {
		inner := strings.TrimSpace(body)
		inner = strings.TrimSuffix(strings.TrimPrefix(inner, "{"), "}")
		kv := fmt.Sprintf("%q:%s", field, raw)
		// a later duplicate key wins in encoding/json, so appending is enough
		if strings.TrimSpace(inner) == "" {
			return "{" + kv + "}"
		}
		return "{" + inner + "," + kv + "}"
	}
	// nested: replace the first element of the named array with a spoilt copy
	list, rest := parts[0], strings.Join(parts[2:], ".")
	i := strings.Index(body, `"`+list+`":[{`)
	if i < 0 {
		return body
	}
	start := i + len(`"`+list+`":[`)
	end := strings.Index(body[start:], "}") + start + 1
	return body[:start] + withField(body[start:end], rest, raw) + body[end:]
}
