package api

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dialoog/models"
)

// The request and response types behind the schemas of openapi.json. Each
// schema's properties are compared with the type's JSON fields, so that a
// field added to a type and not to the description (or the other way round)
// fails a test.
var (
	oaRequestTypes = map[string]reflect.Type{
		"LoginRequest":         reflect.TypeFor[loginRequest](),
		"StakeholderCreate":    reflect.TypeFor[stakeholderRequest](),
		"StakeholderUpdate":    reflect.TypeFor[stakeholderRequest](),
		"ContactCreate":        reflect.TypeFor[contactRequest](),
		"ContactUpdate":        reflect.TypeFor[contactRequest](),
		"DialogueUpdate":       reflect.TypeFor[dialogueRequest](),
		"MeetingRequest":       reflect.TypeFor[meetingRequest](),
		"MeetingConcern":       reflect.TypeFor[concernRequest](),
		"MeetingCommitment":    reflect.TypeFor[meetingCommitmentRequest](),
		"ConcernCreate":        reflect.TypeFor[concernRequest](),
		"ConcernUpdate":        reflect.TypeFor[concernRequest](),
		"CommitmentCreate":     reflect.TypeFor[commitmentRequest](),
		"CommitmentUpdate":     reflect.TypeFor[commitmentRequest](),
		"VerdictRequest":       reflect.TypeFor[verdictRequest](),
		"ProgressUpdateCreate": reflect.TypeFor[updateRequest](),
		"UserCreate":           reflect.TypeFor[userCreateRequest](),
		"UserUpdate":           reflect.TypeFor[userUpdateRequest](),
		"TokenCreate":          reflect.TypeFor[tokenRequest](),
		"TokenRename":          reflect.TypeFor[tokenRenameRequest](),
	}
	oaResponseTypes = map[string]reflect.Type{
		"Problem":                   reflect.TypeFor[Problem](),
		"FieldError":                reflect.TypeFor[models.FieldError](),
		"LoginResponse":             reflect.TypeFor[loginResponse](),
		"Me":                        reflect.TypeFor[meResponse](),
		"StakeholderRef":            reflect.TypeFor[stakeholderRefResponse](),
		"Stakeholder":               reflect.TypeFor[stakeholderResponse](),
		"ImportResult":              reflect.TypeFor[importResponse](),
		"ImportDuplicate":           reflect.TypeFor[importDuplicateResponse](),
		"ImportProblem":             reflect.TypeFor[importProblem](),
		"Contact":                   reflect.TypeFor[contactResponse](),
		"ContactExport":             reflect.TypeFor[contactExportResponse](),
		"Dialogue":                  reflect.TypeFor[dialogueResponse](),
		"Meeting":                   reflect.TypeFor[meetingResponse](),
		"Concern":                   reflect.TypeFor[concernResponse](),
		"Commitment":                reflect.TypeFor[commitmentResponse](),
		"PartnerCommitment":         reflect.TypeFor[partnerCommitmentResponse](),
		"ProgressUpdate":            reflect.TypeFor[updateResponse](),
		"PartnerProgressUpdate":     reflect.TypeFor[partnerUpdateResponse](),
		"User":                      reflect.TypeFor[userResponse](),
		"Token":                     reflect.TypeFor[tokenResponse](),
		"NewToken":                  reflect.TypeFor[newTokenResponse](),
		"AuditEvent":                reflect.TypeFor[auditEventResponse](),
		"CalendarFeed":              reflect.TypeFor[calendarFeedResponse](),
		"Overview":                  reflect.TypeFor[overviewResponse](),
		"OwnerLoad":                 reflect.TypeFor[ownerLoadResponse](),
		"ConcernTopic":              reflect.TypeFor[topicResponse](),
		"MonthResponsiveness":       reflect.TypeFor[monthResponse](),
		"EngagementReport":          reflect.TypeFor[engagementReportResponse](),
		"StakeholderGroup":          reflect.TypeFor[groupResponse](),
		"SeverityResponsiveness":    reflect.TypeFor[severityResponse](),
		"KeyConcern":                reflect.TypeFor[keyConcernResponse](),
		"CommitmentTally":           reflect.TypeFor[tallyResponse](),
		"MaterialityTopic":          reflect.TypeFor[materialityResponse](),
		"StakeholderList":           reflect.TypeFor[listResponse[stakeholderResponse]](),
		"ContactList":               reflect.TypeFor[listResponse[contactResponse]](),
		"DialogueList":              reflect.TypeFor[listResponse[dialogueResponse]](),
		"ConcernList":               reflect.TypeFor[listResponse[concernResponse]](),
		"CommitmentList":            reflect.TypeFor[listResponse[commitmentResponse]](),
		"PartnerCommitmentList":     reflect.TypeFor[listResponse[partnerCommitmentResponse]](),
		"ProgressUpdateList":        reflect.TypeFor[listResponse[updateResponse]](),
		"PartnerProgressUpdateList": reflect.TypeFor[listResponse[partnerUpdateResponse]](),
		"UserList":                  reflect.TypeFor[listResponse[userResponse]](),
		"TokenList":                 reflect.TypeFor[listResponse[tokenResponse]](),
		"AuditEventList":            reflect.TypeFor[listResponse[auditEventResponse]](),
	}
	// oaUntyped are schemas with no Go type of their own: bodies written
	// with gin.H, and the field sets that request schemas are composed of
	// (checked through those).
	oaUntyped = []string{"Health", "Readiness", "Materiality", "StakeholderFields", "ContactFields", "DialogueFields",
		"ConcernFields", "CommitmentFields"}
)

// TestOpenAPISchemasMatchTypes compares each schema with its Go type: the
// property names with the JSON field names, both ways; the types; which
// properties are required (responses: every field without omitempty) and
// which may be null (responses: pointers sent as null); and for requests, that every
// validation rule of a field is stated in its schema.
func TestOpenAPISchemasMatchTypes(t *testing.T) {
	doc := oaLoad(t)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for name := range schemas {
		_, req := oaRequestTypes[name]
		_, res := oaResponseTypes[name]
		if !req && !res && !slices.Contains(oaUntyped, name) {
			t.Errorf("schema %s has no Go type in oaRequestTypes or oaResponseTypes", name)
		}
	}
	for name, typ := range oaRequestTypes {
		t.Run(name, func(t *testing.T) { oaCompare(t, doc, name, typ, true) })
	}
	for name, typ := range oaResponseTypes {
		t.Run(name, func(t *testing.T) { oaCompare(t, doc, name, typ, false) })
	}
}

func oaCompare(t *testing.T, doc map[string]any, name string, typ reflect.Type, request bool) {
	schema, ok := oaResolve(doc, map[string]any{"$ref": "#/components/schemas/" + name})
	if !ok {
		t.Fatalf("no schema %s", name)
	}
	props := oaProperties(doc, schema)
	required := oaRequired(doc, schema)
	fields := oaFields(typ)

	var missing, extra []string
	for _, f := range fields {
		if _, ok := props[f.name]; !ok {
			missing = append(missing, f.name)
		}
	}
	for p := range props {
		if !slices.ContainsFunc(fields, func(f oaField) bool { return f.name == p }) {
			extra = append(extra, p)
		}
	}
	slices.Sort(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("schema %s and %s differ: fields missing from the schema %v; properties the type lacks %v",
			name, typ, missing, extra)
	}

	if request && schema["additionalProperties"] != false && schema["unevaluatedProperties"] != false {
		t.Errorf("schema %s must refuse unknown fields (additionalProperties or unevaluatedProperties false), as bind does", name)
	}

	for _, f := range fields {
		prop, ok := props[f.name]
		if !ok {
			continue
		}
		where := name + "." + f.name
		oaCheckType(t, doc, where, f.typ, prop)
		prop, _ = oaResolve(doc, prop)
		if request {
			oaCheckRules(t, doc, where, f, prop, slices.Contains(required, f.name))
			continue
		}
		switch inRequired := slices.Contains(required, f.name); {
		case !f.omitempty && !inRequired:
			t.Errorf("%s: the field is always sent, so the schema must list it in required", where)
		case f.omitempty && inRequired:
			t.Errorf("%s: the field is left out when empty (omitempty), so the schema must not require it", where)
		}
		// a nil pointer is sent as null, unless omitempty leaves it out
		nullable := (f.typ.Kind() == reflect.Pointer && !f.omitempty) || f.typ == reflect.TypeFor[json.RawMessage]()
		if oaNullable(prop) != nullable {
			t.Errorf("%s: the schema allows null = %v, the Go field can be null = %v", where, oaNullable(prop), nullable)
		}
	}
}

// oaCheckType checks that the schema's type fits the Go type, and that a
// nested struct is the schema's $ref of the same Go type.
func oaCheckType(t *testing.T, doc map[string]any, where string, typ reflect.Type, raw map[string]any) {
	t.Helper()
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	oaCheckRef(t, where, typ, raw)
	prop, _ := oaResolve(doc, raw)
	if typ == reflect.TypeFor[json.RawMessage]() {
		return // any JSON
	}
	if typ == reflect.TypeFor[time.Time]() {
		if prop["format"] != "date-time" {
			t.Errorf("%s: a time must have format date-time, has %v", where, prop["format"])
		}
	}
	want := ""
	switch typ.Kind() {
	case reflect.String:
		want = "string"
	case reflect.Bool:
		want = "boolean"
	case reflect.Int, reflect.Int32, reflect.Int64:
		want = "integer"
	case reflect.Float32, reflect.Float64:
		want = "number"
	case reflect.Slice, reflect.Array:
		want = "array"
	case reflect.Map:
		want = "object"
	case reflect.Struct:
		if typ == reflect.TypeFor[time.Time]() {
			want = "string"
		}
	}
	if want != "" && !slices.Contains(oaTypes(prop), want) {
		t.Errorf("%s: the Go type %s wants schema type %s, the schema has %v", where, typ, want, oaTypes(prop))
	}
	if typ.Kind() == reflect.Slice {
		items, _ := prop["items"].(map[string]any)
		if items == nil {
			t.Errorf("%s: an array without items", where)
			return
		}
		oaCheckType(t, doc, where+"[]", typ.Elem(), items)
	}
}

// oaCheckRef checks that a property holding a struct refers to the schema of
// that struct.
func oaCheckRef(t *testing.T, where string, typ reflect.Type, s map[string]any) {
	t.Helper()
	if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[time.Time]() {
		return
	}
	var refs []string
	for _, b := range oaBranches(s) {
		if ref, ok := b["$ref"].(string); ok {
			refs = append(refs, ref)
			if oaTypeOf(strings.TrimPrefix(ref, "#/components/schemas/")) == typ {
				return
			}
		}
	}
	t.Errorf("%s: the Go type %s wants a $ref to its schema, the schema refers to %v", where, typ, refs)
}

func oaTypeOf(name string) reflect.Type {
	if typ, ok := oaRequestTypes[name]; ok {
		return typ
	}
	return oaResponseTypes[name]
}

// oaCheckRules checks that each validation rule of a request field is stated
// in its schema: a client reading the description must not meet a 422 it
// could not have known of. The schema may be stricter than the validator
// (the services check more), never looser.
func oaCheckRules(t *testing.T, doc map[string]any, where string, f oaField, prop map[string]any, required bool) {
	t.Helper()
	s := prop
	typ := f.typ
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	kind := typ.Kind()
	for _, rule := range strings.Split(f.validate, ",") {
		name, param, _ := strings.Cut(rule, "=")
		switch name {
		case "", "omitempty":
		case "dive":
			items, _ := s["items"].(map[string]any)
			if items == nil {
				t.Errorf("%s: validated per item, but has no items", where)
				return
			}
			s, _ = oaResolve(doc, items)
			where += "[]"
			kind = typ.Elem().Kind()
		case "required":
			if !required {
				t.Errorf("%s: required by the validator, not in the schema's required", where)
			}
		case "max":
			n, _ := strconv.ParseFloat(param, 64)
			key := map[reflect.Kind]string{reflect.String: "maxLength", reflect.Slice: "maxItems"}[kind]
			if key == "" {
				key = "maximum"
			}
			if v, ok := s[key].(float64); !ok || v > n {
				t.Errorf("%s: max=%s wants %s of at most %s, the schema has %v", where, param, key, param, s[key])
			}
		case "min":
			n, _ := strconv.ParseFloat(param, 64)
			key := map[reflect.Kind]string{reflect.String: "minLength", reflect.Slice: "minItems"}[kind]
			if key == "" {
				key = "minimum"
			}
			if v, ok := s[key].(float64); !ok || v < n {
				t.Errorf("%s: min=%s wants %s of at least %s, the schema has %v", where, param, key, param, s[key])
			}
		case "scale":
			if s["minimum"] != 1.0 || s["maximum"] != 5.0 {
				t.Errorf("%s: scale wants minimum 1 and maximum 5, the schema has %v and %v", where, s["minimum"], s["maximum"])
			}
		case "enum":
			var got []string
			for _, v := range oaList(s["enum"]) {
				if v, ok := v.(string); ok {
					got = append(got, v)
				}
			}
			if !slices.Equal(got, enums[param]) {
				t.Errorf("%s: enum=%s wants %v, the schema has %v", where, param, enums[param], got)
			}
		case "uuid", "email":
			if !oaHasFormat(s, name) {
				t.Errorf("%s: %s wants format %s", where, name, name)
			}
		case "uuid_or_empty", "email_or_empty":
			format := strings.TrimSuffix(name, "_or_empty")
			empty := slices.ContainsFunc(oaBranches(s), func(b map[string]any) bool { return b["maxLength"] == 0.0 })
			if !oaHasFormat(s, format) || !empty {
				t.Errorf("%s: %s wants format %s or an empty string", where, name, format)
			}
		case "datetime":
			format := "date-time"
			if param == models.DateLayout {
				format = "date"
			}
			if !oaHasFormat(s, format) {
				t.Errorf("%s: datetime=%s wants format %s", where, param, format)
			}
		default:
			t.Errorf("%s: no check for the rule %q; add one to oaCheckRules", where, rule)
		}
	}
}

// oaField is one JSON field of a Go type.
type oaField struct {
	name      string
	typ       reflect.Type
	omitempty bool
	validate  string
}

// oaFields lists the JSON fields of a struct as encoding/json sees them,
// with the fields of embedded structs promoted.
func oaFields(typ reflect.Type) []oaField {
	var out []oaField
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			out = append(out, oaFields(f.Type)...)
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, oaField{name: name, typ: f.Type, omitempty: strings.Contains(opts, "omitempty"),
			validate: f.Tag.Get("validate")})
	}
	return out
}

// oaProperties gathers the properties of a schema, with those of the
// schemas it is composed of (allOf).
func oaProperties(doc, s map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, part := range oaList(s["allOf"]) {
		p, _ := part.(map[string]any)
		if r, ok := oaResolve(doc, p); ok {
			for k, v := range oaProperties(doc, r) {
				out[k] = v
			}
		}
	}
	props, _ := s["properties"].(map[string]any)
	for k, v := range props {
		out[k], _ = v.(map[string]any)
	}
	return out
}

func oaRequired(doc, s map[string]any) []string {
	var out []string
	for _, part := range oaList(s["allOf"]) {
		p, _ := part.(map[string]any)
		if r, ok := oaResolve(doc, p); ok {
			out = append(out, oaRequired(doc, r)...)
		}
	}
	for _, v := range oaList(s["required"]) {
		out = append(out, v.(string))
	}
	return out
}

// oaTypes returns a schema's type, which OpenAPI 3.1 may give as a list.
func oaTypes(s map[string]any) []string {
	switch v := s["type"].(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, x.(string))
		}
		return out
	}
	return nil
}

// oaNullable reports whether the schema allows null: type ["string",
// "null"], or anyOf [{"$ref": ...}, {"type": "null"}].
func oaNullable(s map[string]any) bool {
	return slices.ContainsFunc(oaBranches(s), func(b map[string]any) bool { return slices.Contains(oaTypes(b), "null") })
}

// oaHasFormat reports whether the schema, or one of its branches, has the format.
func oaHasFormat(s map[string]any, format string) bool {
	return slices.ContainsFunc(oaBranches(s), func(b map[string]any) bool { return b["format"] == format })
}

// oaBranches returns the schema and its anyOf and oneOf branches.
func oaBranches(s map[string]any) []map[string]any {
	out := []map[string]any{s}
	for _, key := range []string{"anyOf", "oneOf"} {
		for _, b := range oaList(s[key]) {
			if b, ok := b.(map[string]any); ok {
				out = append(out, b)
			}
		}
	}
	return out
}

func oaList(v any) []any {
	l, _ := v.([]any)
	return l
}

// oaResolve follows a local $ref.
func oaResolve(doc, s map[string]any) (map[string]any, bool) {
	for range 10 {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, s != nil
		}
		var cur any = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			m, _ := cur.(map[string]any)
			cur = m[part]
		}
		s, _ = cur.(map[string]any)
	}
	return nil, false
}

func oaLoad(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(OpenAPISpec(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	return doc
}
