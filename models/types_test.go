package models

import "testing"

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"2026-02-28", true},
		{"2024-02-29", true},
		{"0001-01-01", true},
		{"9999-12-31", true},
		{"2026-02-29", false},
		{"2026-02-30", false},
		{"2026-13-01", false},
		{"2026-00-10", false},
		{"2026-04-31", false},
		{"0000-01-01", false}, // PostgreSQL has no year 0
		{"2026-5-1", false},
		{"20260501", false},
		{"01-05-2026", false},
		{"tomorrow", false},
		{"", false},
		{" 2026-01-01", false},
		{"2026-01-01T00:00:00Z", false},
		{"+2026-01-01", false},
	} {
		d, err := ParseDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDate(%q): err %v, want ok=%v", tc.in, err, tc.ok)
		}
		if tc.ok && string(d) != tc.in {
			t.Errorf("ParseDate(%q) = %q", tc.in, d)
		}
	}
}

func TestStringListValue(t *testing.T) {
	for _, tc := range []struct {
		in   StringList
		want string
	}{
		{nil, "[]"},
		{StringList{}, "[]"},
		{StringList{"R&D", "<b>"}, `["R&D","<b>"]`}, // as written, so that a filter finds them
		{StringList{`say "hi"`}, `["say \"hi\""]`},
		{StringList{"Énergie"}, `["Énergie"]`},
	} {
		v, err := tc.in.Value()
		if err != nil || v != tc.want {
			t.Errorf("%q.Value() = %v, %v; want %s", tc.in, v, err, tc.want)
		}
		var back StringList
		if err := back.Scan(v); err != nil || len(back) != len(tc.in) {
			t.Errorf("Scan(%v) = %q, %v", v, back, err)
		}
	}
}
