package checks

import (
	"bytes"
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
comments are not read. Words inside quotation marks ("...", “...”, '...',
‘...’) are what someone said, not the worker's description, and do not
count: Jamie said "I was naughty". An apostrophe (child's, didn't) opens
no quotation, and a quotation left open at the end of its paragraph is not
one. A label said of "it" ("it was difficult to get a word in", "Mum
found it challenging") or of sleep ("disturbed sleep", "his sleep was
disturbed") does not describe the child and does not count.

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
	labels := labelMatchers(pass.Profile.Words.NonSpecificLabels)
	if len(labels) == 0 {
		return nil
	}
	var f labelFinder
	for _, v := range pass.Visits() {
		if v.Doc.Body == nil {
			continue
		}
		quoted := quotedSpans(v.Doc.Source.Data, v.Doc.BodyStart)
		for _, run := range v.Doc.Body.Text {
			for _, m := range f.find(run.Text, labels) {
				if inSpans(quoted, run.Offset+m[0]) {
					continue // someone's own words, quoted
				}
				if notOfTheChild(run.Text, m[0], m[1]) {
					continue // "it was difficult to", "disturbed sleep"
				}
				word := strings.Join(strings.Fields(run.Text[m[0]:m[1]]), " ")
				pass.Reportf(v.Doc, run.Offset+m[0],
					"%q is a non-specific label: describe factually what the child did and said that led you to write it (%s)",
					word, cite(pass))
			}
		}
	}
	return nil
}

// A labelMatcher finds one label: its words, in any case, separated by any
// white space (a line break included). The meaning is that of the regular
// expression re, (?i)word1\s+word2...; for a label of ASCII words the
// finder matches the words itself, which gives the same matches (Go's \s is
// ASCII white space, and in text without the two non-ASCII letters that
// fold to ASCII ones, K and ſ, no other byte can match an ASCII letter) at a
// fraction of the cost.
type labelMatcher struct {
	words []string // lower case; nil when a word is not ASCII (re is used)
	re    *regexp.Regexp
}

// labelMatchers compiles a list of labels once.
func labelMatchers(labels []string) []labelMatcher {
	key := strings.Join(labels, "\x00")
	if v, ok := compiledLabels.Load(key); ok {
		return v.([]labelMatcher)
	}
	out := compileLabels(labels)
	compiledLabels.Store(key, out)
	return out
}

var compiledLabels sync.Map // the labels, joined: []labelMatcher

func compileLabels(labels []string) []labelMatcher {
	var out []labelMatcher
	seen := map[string]bool{}
	for _, l := range labels {
		words := strings.Fields(strings.ToLower(l))
		key := strings.Join(words, " ")
		if len(words) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		m := labelMatcher{re: regexp.MustCompile(`(?i)` + strings.Join(quoted, `\s+`))}
		if isASCII(key) {
			m.words = words
		}
		out = append(out, m)
	}
	return out
}

// A labelFinder finds labels in text; it keeps its buffers from one text to
// the next, so one finder serves one goroutine.
type labelFinder struct {
	lower []byte
	all   [][2]int
}

// find returns the [start, end) byte ranges of text where a label stands
// as a whole word: not preceded or followed by a letter, a digit, an
// underscore or a hyphen ("undisturbed" and "non-disturbed" do not count).
// Overlapping matches keep the earliest, then the longest. The result is
// valid until the next call.
func (f *labelFinder) find(text string, labels []labelMatcher) [][2]int {
	f.all = f.all[:0]
	// Lower-case the ASCII letters only: the copy keeps every byte offset.
	f.lower = append(f.lower[:0], text...)
	for i, c := range f.lower {
		if 'A' <= c && c <= 'Z' {
			f.lower[i] = c + 'a' - 'A'
		}
	}
	folds := strings.ContainsRune(text, '\u212a') || strings.ContainsRune(text, '\u017f')
	for _, l := range labels {
		if l.words == nil || folds {
			for _, m := range l.re.FindAllStringIndex(text, -1) {
				f.add(text, m[0], m[1])
			}
			continue
		}
		for from := 0; from < len(f.lower); {
			i := bytes.Index(f.lower[from:], []byte(l.words[0]))
			if i < 0 {
				break
			}
			start := from + i
			if end, ok := matchWords(f.lower, start, l.words); ok {
				f.add(text, start, end)
				from = end
			} else {
				from = start + 1
			}
		}
	}
	sort.Slice(f.all, func(i, j int) bool {
		if f.all[i][0] != f.all[j][0] {
			return f.all[i][0] < f.all[j][0]
		}
		return f.all[i][1] > f.all[j][1]
	})
	out := f.all[:0]
	end := -1
	for _, m := range f.all {
		if m[0] < end {
			continue
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

func (f *labelFinder) add(text string, start, end int) {
	if wordEdge(text, start, end) {
		f.all = append(f.all, [2]int{start, end})
	}
}

// matchWords reports whether lower holds words at start, separated by runs
// of ASCII white space, and where the match ends. words[0] is known to be
// there.
func matchWords(lower []byte, start int, words []string) (int, bool) {
	i := start + len(words[0])
	for _, w := range words[1:] {
		j := i
		for j < len(lower) && isRegexpSpace(lower[j]) {
			j++
		}
		if j == i || !bytes.HasPrefix(lower[j:], []byte(w)) {
			return 0, false
		}
		i = j + len(w)
	}
	return i, true
}

// isRegexpSpace is Go's regular expression class \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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

// quotedSpans returns the [start, end) byte ranges of data, from offset
// from on, that lie inside quotation marks: "...", “...”, '...', ‘...’ and
// «...». A quotation does not run past the end of its paragraph (a blank
// line or a heading); one left open there is not a quotation. A straight
// quote opens after a space, a bracket or a dash, or at the start of a line,
// and closes before one or before punctuation; an apostrophe between two
// letters (child's, didn't) neither opens nor closes. A ’ closes a ‘ only
// when no letter follows it (didn’t stays inside the quotation).
func quotedSpans(data []byte, from int) [][2]int {
	var out [][2]int
	type open struct {
		close rune
		at    int
	}
	var stack []open
	lineStart := true
	blank := true
	endPara := func() { stack = stack[:0] }
	for i := max(0, from); i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == '\n' {
			if blank {
				endPara()
			}
			lineStart, blank = true, true
			i += n
			continue
		}
		if lineStart && r == '#' {
			endPara()
		}
		if !unicode.IsSpace(r) {
			blank = false
		}
		lineStart = false
		prev, _ := utf8.DecodeLastRune(data[:i])
		next, _ := utf8.DecodeRune(data[i+n:])
		if i == 0 {
			prev = ' '
		}
		if i+n >= len(data) {
			next = ' '
		}
		opensAfter := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/*_>", prev)
		closesBefore := unicode.IsSpace(next) || unicode.IsPunct(next) || next == utf8.RuneError
		top := rune(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1].close
		}
		switch {
		case len(stack) > 0 && r == top && (r != '\'' && r != '’' || !unicode.IsLetter(next)) && (r != '"' || !opensAfter || closesBefore):
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			out = append(out, [2]int{o.at, i})
		case r == '“':
			stack = append(stack, open{'”', i + n})
		case r == '‘':
			stack = append(stack, open{'’', i + n})
		case r == '«':
			stack = append(stack, open{'»', i + n})
		case (r == '"' || r == '\'') && opensAfter && !unicode.IsSpace(next):
			stack = append(stack, open{r, i + n})
		}
		i += n
	}
	// Sorted and merged (a quotation inside another lies within it), for
	// inSpans' binary search.
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// inSpans reports whether off lies inside one of spans (sorted, disjoint).
func inSpans(spans [][2]int, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > off })
	return i < len(spans) && spans[i][0] <= off
}

// notOfTheChild reports whether the label at text[start:end] plainly does
// not describe the child: said of "it" ("it was difficult to get a word
// in", "Mum found it challenging"), or of sleep ("disturbed sleep", "a
// disturbed night", "his sleep was disturbed"). The record is still
// expected to say what happened; these are not labels on the child.
func notOfTheChild(text string, start, end int) bool {
	// Only the few words either side matter: look at a window, so that a
	// long text with many labels stays linear.
	before := strings.Fields(strings.ToLower(text[max(0, start-48):start]))
	after := strings.Fields(strings.ToLower(text[end:min(len(text), end+24)]))
	last := func(n int) string {
		if len(before) < n {
			return ""
		}
		return strings.Join(before[len(before)-n:], " ")
	}
	for _, p := range []string{"it was", "it is", "it's", "it’s", "it has been", "it had been", "it can be",
		"found it", "finds it", "find it", "finding it", "sleep was", "sleep is", "sleep has been",
		"sleep had been", "night was", "nights were", "nights have been"} {
		if n := len(strings.Fields(p)); last(n) == p {
			return true
		}
	}
	if len(after) > 0 {
		switch strings.Trim(after[0], ".,;:!?)") {
		case "sleep", "sleeping", "night", "nights", "sleeper":
			return true
		}
	}
	return false
}
