package services

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

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
