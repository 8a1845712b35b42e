package services

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"dialoog/models"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Café", "cafe"},
		{"CAFÉ", "cafe"},
		{"Cafe\u0301", "cafe"}, // decomposed é
		{"café", "cafe"},
		{"Zürich", "zurich"},
		{"naïve", "naive"},
		{"ÅNGSTRÖM", "angstrom"},
		{"Ĳsselmeer", "ĳsselmeer"},
		{"São Tomé", "sao tome"},
		{"Ærø", "ærø"}, // no accent to strip, only case
		{"100% _x_", "100% _x_"},
		{"", ""},
	} {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLikePattern(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"cafe", "%cafe%"},
		{"Café", "%cafe%"},
		{"  CAFÉ  ", "%cafe%"},
		{"%", `%\%%`},
		{"_", `%\_%`},
		{`\`, `%\\%`},
		{`100%_x\y`, `%100\%\_x\\y%`},
		{"", "%%"},
	} {
		if got := likePattern(tc.in); got != tc.want {
			t.Errorf("likePattern(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// likeMatch is SQL's LIKE with ESCAPE '\', for checking patterns here.
func likeMatch(pattern, text string) bool {
	var re strings.Builder
	re.WriteString("(?s)^")
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\\' && i+1 < len(rs):
			i++
			re.WriteString(regexp.QuoteMeta(string(rs[i])))
		case r == '%':
			re.WriteString(".*")
		case r == '_':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString("$")
	return regexp.MustCompile(re.String()).MatchString(text)
}

func TestSearchFindsWhatItShould(t *testing.T) {
	for _, tc := range []struct {
		q, text string
		found   bool
	}{
		{"cafe", "Café De Hoek", true},
		{"CAFÉ", "het cafe op de hoek", true},
		{"café", "CAFE", true},
		{"hoek", "Café De Hoek", true},
		{"caf_", "Café De Hoek", false}, // _ is no wildcard
		{"c%e", "Café De Hoek", false},  // nor is %
		{"%", "Café De Hoek", false},
		{"%", "100% duurzaam", true},
		{"0%", "100% duurzaam", true},
		{"_", "snake_case", true},
		{"e_c", "snake_case", true},
		{"_", "snake case", false},
		{`\`, `a\b`, true},
		{`\`, `ab`, false},
		{"de hoek", "Café De Hoek", true},
		{"dehoek", "Café De Hoek", false},
	} {
		if got := likeMatch(likePattern(tc.q), searchText(tc.text, "other part")); got != tc.found {
			t.Errorf("q %q in %q: found %v, want %v", tc.q, tc.text, got, tc.found)
		}
	}
}

// TestListContainsPattern checks the tag and topic filter against the text a
// StringList is stored as, the way the stores compare it: LOWER(column) LIKE
// pattern.
func TestListContainsPattern(t *testing.T) {
	stored := func(tags ...string) string {
		v, err := models.StringList(tags).Value()
		if err != nil {
			t.Fatal(err)
		}
		return strings.ToLower(v.(string))
	}
	for _, tc := range []struct {
		filter string
		tags   []string
		found  bool
	}{
		{"water", []string{"Water", "Air quality"}, true},
		{"WATER", []string{"Water"}, true},
		{"air quality", []string{"Water", "Air quality"}, true},
		{"wat", []string{"Water"}, false},       // a whole tag, not a part
		{"water", []string{"waterways"}, false}, // idem
		{"r&d", []string{"R&D"}, true},
		{"<b>", []string{"<b>"}, true},
		{`say "hi"`, []string{`say "hi"`}, true},
		{`say`, []string{`say "hi"`}, false},
		{`back\slash`, []string{`back\slash`}, true},
		{"50%", []string{"50%"}, true},
		{"50%", []string{"500"}, false},
		{"a_b", []string{"a_b"}, true},
		{"a_b", []string{"axb"}, false},
		{"énergie", []string{"Énergie"}, true},
		{"  water ", []string{"Water"}, true},
		{"tab\there", []string{"tab\there"}, true},
		{"%", []string{"water"}, false},
	} {
		if got := likeMatch(listContainsPattern(tc.filter), stored(tc.tags...)); got != tc.found {
			t.Errorf("tag %q in %q: found %v, want %v (pattern %q)", tc.filter, stored(tc.tags...), got, tc.found, listContainsPattern(tc.filter))
		}
	}
}

func TestCleanList(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{nil, []string{}},
		{[]string{" noise ", "Noise", "", "  ", "traffic", "NOISE"}, []string{"noise", "traffic"}},
		{[]string{"b", "a", "B"}, []string{"b", "a"}},
	} {
		if got := cleanList(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("cleanList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
