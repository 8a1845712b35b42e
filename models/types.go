package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// DateLayout is how a calendar date is written everywhere: in JSON, in the
// database and in query parameters.
const DateLayout = "2006-01-02"

// Date is a calendar date without a time of day, "YYYY-MM-DD". Kept as a
// string so that it compares correctly on both stores (PostgreSQL DATE, SQLite
// TEXT) and never shifts with a time zone.
type Date string

// ParseDate checks that s is a real calendar date, in the years 1 to 9999
// (PostgreSQL has no year 0).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return "", err
	}
	if t.Year() < 1 {
		return "", fmt.Errorf("date %q is before the year 1", s)
	}
	return Date(t.Format(DateLayout)), nil
}

// DateOf returns the calendar date of t in UTC.
func DateOf(t time.Time) Date { return Date(t.UTC().Format(DateLayout)) }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time {
	t, _ := time.Parse(DateLayout, string(d))
	return t
}

// Scan reads a DATE (PostgreSQL returns time.Time) or TEXT (SQLite) column.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		*d = Date(x.Format(DateLayout))
	case string:
		*d = Date(x[:min(len(x), 10)])
	case []byte:
		*d = Date(string(x[:min(len(x), 10)]))
	default:
		return fmt.Errorf("cannot scan %T into Date", v)
	}
	return nil
}

// Value writes the date as its text form, which both stores accept.
func (d Date) Value() (driver.Value, error) { return string(d), nil }

// StringList is a list of short texts (tags, topics) kept as a JSON array in a
// text column, the same on both stores.
type StringList []string

// Scan reads the JSON text of the column.
func (l *StringList) Scan(v any) error {
	var b []byte
	switch x := v.(type) {
	case string:
		b = []byte(x)
	case []byte:
		b = x
	case nil:
		*l = StringList{}
		return nil
	default:
		return fmt.Errorf("cannot scan %T into StringList", v)
	}
	out := StringList{}
	if err := json.Unmarshal(b, &out); err != nil {
		return err
	}
	*l = out
	return nil
}

// Value writes the list as JSON text; an empty list is "[]", never NULL.
func (l StringList) Value() (driver.Value, error) {
	if l == nil {
		return "[]", nil
	}
	return JSONText(l)
}

// JSONText writes v as JSON without escaping <, > and &, so that a list
// filter can find "R&D" in the stored text as it was written.
func JSONText(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// Page is one page of a list and the cursor of the next, empty on the last.
type Page[T any] struct {
	Items      []T
	NextCursor string
}

// ListParams are the paging and sorting asked for by the client.
type ListParams struct {
	Limit  int
	Cursor string
	Sort   string // a field name, "-" in front for descending
}
