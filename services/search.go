package services

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"dialoog/models"
)

// fold lowers s and strips its accents, so that "cafe" finds "Café" on both
// stores: every searchable record keeps a folded copy of its text in
// search_text, and the query is folded the same way.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// searchText joins the searchable parts of a record into its folded text.
func searchText(parts ...string) string {
	return fold(strings.Join(parts, " \u001f "))
}

// likePattern makes a LIKE pattern that finds q anywhere, with LIKE's own
// wildcards in q taken literally (escaped with a backslash).
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(fold(strings.TrimSpace(q))) + "%"
}

// likeClause is the WHERE clause for a search column; both stores take ESCAPE.
func likeClause(column string) string {
	return column + ` LIKE ? ESCAPE '\'`
}

// searchWhere narrows q, a list of table, to the rows whose search_text holds
// text. PostgreSQL's trigram index serves the LIKE itself. On SQLite the LIKE
// reads the sort index until a page is full: quick for a common term, every
// row for a rare one. There the table's trigram index (table_fts, see
// migrations/sqlite/00004_search.sql) picks the rows instead when the term
// is rare: SQLite then starts from those rows and sorts them, which costs in
// proportion to how many there are, so a term with more than ftsMaxMatches
// keeps the LIKE. The index takes terms of three characters or more (a
// shorter one has no trigram) without LIKE's wildcards or backslash (FTS5
// takes LIKE without ESCAPE). SQLite tests the LIKE again on each row the
// index returns, so both ways find the same rows.
func searchWhere(q *gorm.DB, dialect, table, text string) *gorm.DB {
	like := func() *gorm.DB { return q.Where(likeClause(table+".search_text"), likePattern(text)) }
	term := fold(strings.TrimSpace(text))
	if dialect != "sqlite" || utf8.RuneCountInString(term) < 3 || strings.ContainsAny(term, `%_\`) {
		return like()
	}
	matches := "SELECT rowid FROM " + table + "_fts WHERE search_text LIKE ?"
	var n int
	err := q.Session(&gorm.Session{NewDB: true}).
		Raw("SELECT count(*) FROM ("+matches+" LIMIT ?)", "%"+term+"%", ftsMaxMatches+1).Scan(&n).Error
	if err != nil {
		// a broken index or a failing store fails the list, not silently the
		// other way round: tests would not see the index path break
		_ = q.AddError(err)
		return q
	}
	if n > ftsMaxMatches {
		return like()
	}
	return q.Where(table+".rowid IN ("+matches+")", "%"+term+"%")
}

// ftsMaxMatches is where reading the sort index with LIKE overtakes sorting
// the trigram index's matches, measured on a register of 500,000
// commitments (about 2,500 matches; counting this many costs some 10 ms).
const ftsMaxMatches = 2000

// cleanList trims each text, drops empty ones and duplicates, and keeps order.
func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// listContainsPattern is a LIKE pattern that finds value in a StringList
// column, ignoring case, on both stores (the column holds a JSON array as
// text, so the value is written as that text writes it).
func listContainsPattern(value string) string {
	js, _ := models.JSONText(strings.ToLower(strings.TrimSpace(value)))
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(js) + "%"
}
