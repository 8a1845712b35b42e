package services

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode"
)

func sortStrings(s []string) { sort.Strings(s) }

// unaudited fields never enter the audit trail: secrets, and derived text.
var unaudited = map[string]bool{"password_hash": true, "token_hash": true, "search_text": true}

// snapshot is a record as JSON with snake_case keys, for the audit trail.
func snapshot(v any) *string {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		s := string(b)
		return &s
	}
	out := make(map[string]any, len(m))
	for k, val := range m {
		if k = snake(k); !unaudited[k] {
			out[k] = val
		}
	}
	b, _ = json.Marshal(out)
	s := string(b)
	return &s
}

// snake turns a Go field name into its snake_case column name:
// StakeholderID → stakeholder_id.
func snake(name string) string {
	var sb strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && unicode.IsLower(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1]) && i > 0 && unicode.IsUpper(rs[i-1])
			if i > 0 && (prevLower || nextLower) {
				sb.WriteByte('_')
			}
			sb.WriteRune(unicode.ToLower(r))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// trim returns the trimmed value of p, or "" for nil.
func trim(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// nilIfEmpty turns "" into nil, for optional references.
func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
