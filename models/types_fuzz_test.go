package models

import "testing"

// ParseDate takes dates from JSON bodies, query parameters, cursors and CSV
// files. What it accepts is a real date in the years 1 to 9999, written
// exactly as it is stored, and it reads back the same.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-06-01", "2024-02-29", "2026-02-29", "2026-02-30", "0000-01-01", "0001-01-01",
		"9999-12-31", "10000-01-01", "2026-6-1", "2026-06-01T00:00:00Z", " 2026-06-01", "+2026-06-01", "2026-06-01\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if string(d) != s {
			t.Fatalf("ParseDate(%q) accepted it as %q: a date must be written as it is stored", s, d)
		}
		tm := d.Time()
		if tm.Year() < 1 || tm.Year() > 9999 || tm.Format(DateLayout) != s || DateOf(tm) != d {
			t.Fatalf("ParseDate(%q) = %q, which reads back as %v", s, d, tm)
		}
		if again, err := ParseDate(string(d)); err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %q, then %q, %v", s, d, again, err)
		}
	})
}
