package checks

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// NonSpecificLabel: a visit record describes the child with a non-specific
// label instead of what the child did and said.
var NonSpecificLabel = &lint.Rule{
	ID:       "non-specific-label",
	Title:    "A visit record describes the child with a non-specific label",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "Factual reports of the child's presentation and behaviour (these should be specific and avoid non-specific labels such as 'disturbed')"},
	},
	Text: `The record of contact with the child must give factual reports of the child's
presentation and behaviour: specific, and avoiding non-specific labels such
as "disturbed". A label says what the writer concluded; the record must say
what the child did and said, so that the next reader can judge for
themselves.

The rule fires on each use, as a whole word in any case, of a word or phrase
of the profile's non_specific_labels list (disturbed, challenging,
inappropriate, unsettled, attention seeking, manipulative, naughty,
difficult, hyper, and whatever the config adds) in the body of a visit
record. A word that only contains one ("undisturbed") does not count;
comments are not read.

The finding points at the line and column of the word.`,
	Bad: `## Presentation and behaviour
Mia was disturbed during the visit.`,
	Good: `## Presentation and behaviour
Mia hid under the table when her stepfather came in and would not come out
or speak until he had left the room; she then told me "he shouts at my mum".`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Run:      runNonSpecificLabel,
}

func runNonSpecificLabel(pass *lint.Pass) error {
	if pass.Case.Plan == nil {
		return nil
	}
	labels := labelPatterns(pass.Profile.Words.NonSpecificLabels)
	if len(labels) == 0 {
		return nil
	}
	for _, v := range visitsUntil(pass) {
		if v.Doc.Body == nil {
			continue
		}
		for _, run := range v.Doc.Body.Text {
			for _, m := range findLabels(run.Text, labels) {
				word := strings.Join(strings.Fields(run.Text[m[0]:m[1]]), " ")
				pass.Reportf(v.Doc, run.Offset+m[0],
					"%q is a non-specific label: describe factually what the child did and said that led you to write it (%s)",
					word, cite(pass))
			}
		}
	}
	return nil
}

// labelPatterns compiles each label to a case-insensitive pattern in which
// the label's words may be separated by any white space (a line break
// included). The patterns of a list are compiled once.
func labelPatterns(labels []string) []*regexp.Regexp {
	key := strings.Join(labels, "\x00")
	if v, ok := compiledLabels.Load(key); ok {
		return v.([]*regexp.Regexp)
	}
	out := compileLabels(labels)
	compiledLabels.Store(key, out)
	return out
}

var compiledLabels sync.Map // the labels, joined: []*regexp.Regexp

func compileLabels(labels []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	seen := map[string]bool{}
	for _, l := range labels {
		words := strings.Fields(strings.ToLower(l))
		key := strings.Join(words, " ")
		if len(words) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		out = append(out, regexp.MustCompile(`(?i)`+strings.Join(words, `\s+`)))
	}
	return out
}

// findLabels returns the [start, end) byte ranges of text where a label
// stands as a whole word: not preceded or followed by a letter, a digit, an
// underscore or a hyphen ("undisturbed" and "non-disturbed" do not count).
// Overlapping matches keep the earliest, then the longest.
func findLabels(text string, labels []*regexp.Regexp) [][2]int {
	var all [][2]int
	// Most text holds no label: in ASCII text (most of it), a label's
	// pattern can only match where its first word stands, in any case, so
	// a text without the word is not searched.
	lower, ascii := asciiLower(text)
	for _, re := range labels {
		if w := firstWord(re); ascii && w != "" && !strings.Contains(lower, w) {
			continue
		}
		for _, m := range re.FindAllStringIndex(text, -1) {
			if wordEdge(text, m[0], m[1]) {
				all = append(all, [2]int{m[0], m[1]})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i][0] != all[j][0] {
			return all[i][0] < all[j][0]
		}
		return all[i][1] > all[j][1]
	})
	var out [][2]int
	end := -1
	for _, m := range all {
		if m[0] < end {
			continue
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

func wordEdge(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isLabelWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if isLabelWordRune(r) {
			return false
		}
	}
	return true
}

func isLabelWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'
}

// asciiLower returns text in lower case and true when text is all ASCII.
func asciiLower(text string) (string, bool) {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	return strings.ToLower(text), true
}

var firstWords sync.Map // pattern text: its first word

// firstWord returns the first word of a label's pattern when it is plain
// lower-case ASCII, else "".
func firstWord(re *regexp.Regexp) string {
	src := re.String()
	if w, ok := firstWords.Load(src); ok {
		return w.(string)
	}
	w, _, _ := strings.Cut(strings.TrimPrefix(src, "(?i)"), `\s+`)
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			w = ""
			break
		}
	}
	firstWords.Store(src, w)
	return w
}
