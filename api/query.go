package api

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"dialoog/models"
)

// query reads a list's query parameters, collecting every problem, and
// refuses parameters the list does not know: a misspelt filter must not
// silently return everything.
type query struct {
	c     *gin.Context
	known map[string]bool
	errs  []models.FieldError
}

func newQuery(c *gin.Context) *query { return &query{c: c, known: map[string]bool{}} }

func (q *query) bad(name, msg string) {
	q.errs = append(q.errs, models.FieldError{Field: name, Message: name + " " + msg})
}

func (q *query) str(name string) string {
	q.known[name] = true
	v := strings.TrimSpace(q.c.Query(name))
	if strings.ContainsRune(v, 0) || !utf8.ValidString(v) {
		// PostgreSQL refuses such text outright
		q.bad(name, "must be UTF-8 text without NUL characters")
		return ""
	}
	if len(v) > 500 {
		q.bad(name, "must be at most 500 characters")
		return ""
	}
	return v
}

func (q *query) id(name string) string {
	v := q.str(name)
	if v == "" {
		return ""
	}
	u, err := uuid.Parse(v)
	if err != nil || u.String() != strings.ToLower(v) {
		q.bad(name, "must be a UUID")
		return ""
	}
	return u.String()
}

func (q *query) enum(name, list string) string {
	v := q.str(name)
	if v != "" && !models.IsOneOf(v, enums[list]) {
		q.bad(name, "must be one of "+strings.Join(enums[list], ", "))
		return ""
	}
	return v
}

func (q *query) boolean(name string) *bool {
	v := q.str(name)
	if v == "" {
		return nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		q.bad(name, "must be true or false")
		return nil
	}
	return &b
}

func (q *query) date(name string) *models.Date {
	v := q.str(name)
	if v == "" {
		return nil
	}
	d, err := models.ParseDate(v)
	if err != nil {
		q.bad(name, "must be a real date written as YYYY-MM-DD")
		return nil
	}
	return &d
}

// time takes an RFC 3339 time, or a date meaning its midnight UTC.
func (q *query) time(name string) *time.Time {
	v := q.str(name)
	if v == "" {
		return nil
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return &t
	}
	if d, err := models.ParseDate(v); err == nil {
		t := d.Time()
		return &t
	}
	q.bad(name, "must be a date (YYYY-MM-DD) or an RFC 3339 time")
	return nil
}

// page reads limit, cursor and sort; the sort names are checked by the service.
func (q *query) page() models.ListParams {
	p := models.ListParams{Cursor: q.str("cursor"), Sort: q.str("sort")}
	if v := q.str("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			q.bad("limit", "must be a whole number from 1 to 200")
		}
		p.Limit = n
	}
	return p
}

// err reports every problem found, and every parameter nobody asked for.
func (q *query) err() error {
	for name := range q.c.Request.URL.Query() {
		if !q.known[name] {
			q.bad(name, "is not a filter of this list")
		}
	}
	if len(q.errs) == 0 {
		return nil
	}
	return models.InvalidFields(q.errs...)
}
