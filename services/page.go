package services

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// Lists page by keyset: a cursor holds the sort value and id of the last row
// seen, and the next page starts after it. A page costs the same whether it is
// the first or the thousandth, and rows inserted between two requests neither
// make a row repeat nor one go missing.

const (
	defaultLimit = 50
	maxLimit     = 200
)

type keyKind int

const (
	keyText keyKind = iota
	keyInt
	keyTime
	keyDate
)

// sortKey is one field a list may be sorted by.
type sortKey struct {
	column string
	kind   keyKind
	value  func(row any) any // the row's value of this key, for the cursor
}

// sortKeys names the fields a list may be sorted by; anything else is refused.
type sortKeys map[string]sortKey

type cursor struct {
	Sort  string `json:"s"`
	Value any    `json:"v"`
	ID    string `json:"id"`
}

// paginate runs q sorted by p.Sort (or def) and returns one page of rows.
// table qualifies the columns, since list queries may join.
func paginate[T any](q *gorm.DB, table string, keys sortKeys, def string, p models.ListParams, id func(T) string) (models.Page[T], error) {
	sortName := p.Sort
	if sortName == "" {
		sortName = def
	}
	desc := strings.HasPrefix(sortName, "-")
	key, ok := keys[strings.TrimPrefix(sortName, "-")]
	if !ok {
		return models.Page[T]{}, models.InvalidField("sort", "sort must be one of "+strings.Join(sortNames(keys), ", "))
	}
	limit := p.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)

	col := table + "." + key.column
	idCol := table + ".id"
	if p.Cursor != "" {
		c, err := decodeCursor(p.Cursor, sortName, key.kind)
		if err != nil {
			return models.Page[T]{}, err
		}
		op := ">"
		if desc {
			op = "<"
		}
		// A row value, not "col > v OR (col = v AND id > x)": both stores
		// turn the row value into the start of a range on the (col, id)
		// index, while the OR makes PostgreSQL read every row before the
		// cursor and throw them away, so that the thousandth page cost a
		// thousand first ones. Sort columns are NOT NULL, so both mean the same.
		q = q.Where(fmt.Sprintf("(%s, %s) %s (?, ?)", col, idCol, op), c.Value, c.ID)
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	var rows []T
	if err := q.Order(col + " " + dir).Order(idCol + " " + dir).Limit(limit + 1).Find(&rows).Error; err != nil {
		return models.Page[T]{}, translate(err)
	}
	page := models.Page[T]{Items: rows}
	if len(rows) > limit {
		page.Items = rows[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursor{Sort: sortName, Value: key.value(&last), ID: id(last)})
	}
	return page, nil
}

func sortNames(keys sortKeys) []string {
	names := make([]string, 0, 2*len(keys))
	for k := range keys {
		names = append(names, k, "-"+k)
	}
	sortStrings(names)
	return names
}

func encodeCursor(c cursor) string {
	if t, ok := c.Value.(time.Time); ok {
		c.Value = t.UTC().Format(time.RFC3339Nano)
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor back, checking that it belongs to this sort and
// that its value has the key's type; a forged or stale cursor is Invalid.
func decodeCursor(s, sortName string, kind keyKind) (cursor, error) {
	bad := models.InvalidField("cursor", "cursor is not valid for this list; start again without it")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Sort != sortName || !validID(c.ID) {
		return cursor{}, bad
	}
	switch kind {
	case keyText:
		if v, ok := c.Value.(string); !ok || strings.ContainsRune(v, 0) {
			return cursor{}, bad
		}
	case keyDate:
		v, ok := c.Value.(string)
		if !ok {
			return cursor{}, bad
		}
		if _, err := models.ParseDate(v); err != nil {
			return cursor{}, bad
		}
	case keyInt:
		f, ok := c.Value.(float64)
		if !ok || f != float64(int64(f)) {
			return cursor{}, bad
		}
		c.Value = int64(f)
	case keyTime:
		v, ok := c.Value.(string)
		if !ok {
			return cursor{}, bad
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return cursor{}, bad
		}
		c.Value = t.UTC()
	}
	return c, nil
}
