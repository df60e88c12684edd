package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// placeholderWordLists are the word lists PlaceholderIn is checked with:
// the default, a profile's longer one, a short one (a small limit, so
// that more sections are told long early), a long word (a large limit)
// and none.
var placeholderWordLists = []*WordList{
	NewWordList(DefaultPlaceholders()),
	NewWordList(append(DefaultPlaceholders(), "unknown", "not known", "to be confirmed at the next core group")),
	NewWordList([]string{"TBC"}),
	NewWordList([]string{strings.Repeat("very long placeholder ", 6)}),
	NewWordList(nil),
}

// writtenPlaceholder is the whole-content answer PlaceholderIn must
// give: IsWrittenPlaceholder of all the section has written (Written:
// its content less sub-headings and tables, and its tables' cells but
// their header rows).
func writtenPlaceholder(s *Section, words *WordList) bool {
	prose, cells := s.Written()
	return IsWrittenPlaceholder(s.Heading, prose, cells, words)
}

// checkPlaceholderIn fails t unless every section of b answers
// PlaceholderIn and Placeholder as IsWrittenPlaceholder of all it has
// written does, asked in turn about every word list (twice, so that the
// kept answers are checked too).
func checkPlaceholderIn(t *testing.T, name string, b *Body) int {
	t.Helper()
	n := 0
	for round := 0; round < 2; round++ {
		for _, s := range b.Sections {
			for i, words := range placeholderWordLists {
				got := s.PlaceholderIn(words)
				if want := writtenPlaceholder(s, words); got != want {
					t.Errorf("%s: section %q, words %d: PlaceholderIn = %v, IsWrittenPlaceholder(Written) = %v; content %q",
						name, s.Heading, i, got, want, s.Content())
				}
				n++
			}
			if got, want := s.Placeholder(), writtenPlaceholder(s, defaultPlaceholderList); got != want {
				t.Errorf("%s: section %q: Placeholder = %v, IsWrittenPlaceholder(Written) = %v", name, s.Heading, got, want)
			}
		}
	}
	return n
}

// freshSections parses data as a body of kind k twice: PlaceholderIn is
// asked first of one (before any Content is read) and checked against the
// other's Content, so that neither answer is read from the other.
func checkFresh(t *testing.T, name string, k Kind, data []byte) {
	t.Helper()
	a := ParseBody(NewSource(name, data), k, 0)
	b := ParseBody(NewSource(name, data), k, 0)
	if len(a.Sections) != len(b.Sections) {
		t.Fatalf("%s: %d sections, then %d", name, len(a.Sections), len(b.Sections))
	}
	for i, s := range a.Sections {
		for j, words := range placeholderWordLists {
			if got, want := s.PlaceholderIn(words), writtenPlaceholder(b.Sections[i], words); got != want {
				t.Errorf("%s (%s): section %q, words %d: PlaceholderIn = %v, IsWrittenPlaceholder(Written) = %v",
					name, k, s.Heading, j, got, want)
			}
		}
	}
}

// TestPlaceholderInAgreesOnEveryTestRecord: every section of every record
// of the test data, read as its own kind and as every other, gets from
// PlaceholderIn the answer IsWrittenPlaceholder gives on all it has
// written.
func TestPlaceholderInAgreesOnEveryTestRecord(t *testing.T) {
	n := 0
	for path, data := range testRecords(t) {
		if doc, _ := Parse(path, data); doc != nil && doc.Body != nil {
			n += checkPlaceholderIn(t, path, doc.Body)
		}
		for _, k := range Kinds {
			checkFresh(t, path, k, data)
		}
	}
	if n < 10000 {
		t.Fatalf("only %d answers checked", n)
	}
}

// placeholderFragments are what random bodies are made of: headings and
// bold labels, placeholders and answers, deferrals, punctuation runs that
// trimming removes, comments, markup, entities, white space and long
// text, so that sections fall either side of every word list's limit.
var placeholderFragments = []string{
	"\n## Observations\n", "\n## Wishes and feelings\n", "\n## Contingency plan\n", "\n## Decisions\n",
	"\n## Incidents and injuries\n", "\n**Observations:** ", "\n**Meals and sleeping** - ", "\n# Title\n",
	"TBC", "tbc.", "(TBA)", "To follow", "to be confirmed", "N/A", "None", "none seen", "pending", "awaiting",
	"unknown", "at the next core group", "following the assessment", "ICPC 26/06", " - ", "—", "–", "?",
	"-----", strings.Repeat("-", 70), strings.Repeat("=", 200), "...", "<!-- a comment -->",
	"<!-- " + strings.Repeat("long comment ", 30) + "-->", "*", "**", "_", "`code`", "&amp;", "&#8212;", "\\*",
	" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "é", "ß", "x", "Mia", "12",
	strings.Repeat("word ", 5), strings.Repeat("word ", 12), strings.Repeat("a", 40), strings.Repeat("b ", 50),
	"\n- item\n", "\n1. item\n", "\n> quoted\n", "\n```\nfenced\n```\n", "\n    indented code\n",
	"\n| a | b |\n|---|---|\n| TBC | x |\n", "[link](http://example.org)", "<http://example.org>",
	"very long placeholder very long placeholder ",
	"\n### If Mia is not safe\n", "\n#### Who will act\n", "\n| If this happens | Who |\n|---|---|\n| | |\n",
	"\n| If | What |\n|---|---|\n| TBC | TBC |\n| Mia hungry | strategy discussion |\n", "\n| a |\n|---|\n| " + strings.Repeat("-", 300) + " TBC |\n",
	"\n| a | b |\n|---|---|\n| " + strings.Repeat("word ", 40) + " | TBC |\n", "T.B.C.", "XXXX", "TBC by SW", "tbc by Amy Cole at CG",
	"[Write the plan here]", "<contingency plan>", "Insert contingency plan here", "Enter details", "\\<details\\>",
}

// TestPlaceholderInAgreesOnRandomBodies: random bodies of every kind,
// made of placeholderFragments, get from PlaceholderIn the answer
// IsWrittenPlaceholder gives on all they have written.
func TestPlaceholderInAgreesOnRandomBodies(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2))
	for i := 0; i < 6000; i++ {
		var sb strings.Builder
		for n := rng.IntN(40); n >= 0; n-- {
			sb.WriteString(placeholderFragments[rng.IntN(len(placeholderFragments))])
		}
		k := Kinds[rng.IntN(len(Kinds))]
		src, b := parseBody(k, sb.String())
		checkPlaceholderIn(t, src.Path, b)
		checkFresh(t, "random", k, []byte(sb.String()))
	}
}

// TestPlaceholderInTellsLongEarly: a long section is told not to be a
// placeholder from its first part; a short one, and one whose length is
// only punctuation around a placeholder, is read to its end.
func TestPlaceholderInTellsLongEarly(t *testing.T) {
	long := "## Observations\n" + strings.Repeat("Mia showed me her room. ", 200) + "\n"
	_, b := parseBody(KindVisit, long)
	limit := placeholderLimit(DefaultPlaceholders())
	if _, told := b.Sections[0].text.readShort(limit); !told {
		t.Errorf("a section of %d bytes is not told long", len(long))
	}
	for _, body := range []string{
		"## Observations\nTBC\n",
		"## Observations\nTBC " + strings.Repeat("-", 2000) + "\n",
		"## Observations\n" + strings.Repeat("... ", 500) + "TBC\n",
		"## Observations\n<!-- " + strings.Repeat("comment ", 500) + "-->\nTBC\n",
	} {
		_, b := parseBody(KindVisit, body)
		s := b.Sections[0]
		if c, long := s.text.readShort(limit); long || c != s.Content() {
			t.Errorf("%.40q... is told long", body)
		}
		if !s.PlaceholderIn(defaultPlaceholderList) {
			t.Errorf("%.40q... is not a placeholder", body)
		}
	}
}

// TestPlaceholderInShortSectionOverLimit: a section read to its end
// whose content is still longer than any placeholder (most visit
// sections) is told so on its bytes: not a placeholder, and its content
// is not kept, but read when asked for, the same as before.
func TestPlaceholderInShortSectionOverLimit(t *testing.T) {
	words := defaultPlaceholderList
	limit := words.limit + len("Observations") + leadInLimit // the heading may open the content
	para := "Mia showed me her room and the picture she had drawn at school for her mum, then we talked about her week at school and at home. She said she likes her new teacher and that she wants to stay for the after-school club."
	if !nonSpaceOver(para, limit) || len(para) >= 2*limit {
		t.Fatalf("the paragraph (%d bytes) is not between the limit %d and what readShort reads at once", len(para), limit)
	}
	for _, body := range []string{
		"## Observations\n" + para + "\n",
		"**Observations:** " + para + "\n",
	} {
		_, b := parseBody(KindVisit, body)
		s := b.Sections[0]
		if s.PlaceholderIn(words) {
			t.Errorf("%.40q...: a placeholder", body)
		}
		if s.text.contentKnown.Load() {
			t.Errorf("%.40q...: content read to tell a long section", body)
		}
		if got := s.Content(); got != para {
			t.Errorf("%.40q...: Content = %q, want %q", body, got, para)
		}
	}
}

// TestPlaceholderInAtTheLimit: placeholders with a deferral of digits
// ("pending 2611...") either side of the most letters and digits a
// placeholder can have, headed and labelled, answer as WordList.Has of
// the whole content: the count that tells a section long at once is
// exact at the limit.
func TestPlaceholderInAtTheLimit(t *testing.T) {
	for _, words := range placeholderWordLists[:2] {
		limit := words.limit
		placeholders := 0
		for k := limit - 12; k <= limit+3; k++ {
			for _, form := range []string{"## Observations\n%s\n", "**Observations:** %s\n", "**Observations** - %s.\n", "## Observations\n**TBC** %s\n"} {
				body := strings.Replace(form, "%s", "pending "+strings.Repeat("1", k), 1)
				_, b := parseBody(KindVisit, body)
				if len(b.Sections) == 0 {
					t.Fatalf("%q: no section", body)
				}
				checkFresh(t, "at the limit", KindVisit, []byte(body))
				if b.Sections[0].PlaceholderIn(words) {
					placeholders++
				}
			}
		}
		if placeholders == 0 || placeholders == 16*4 {
			t.Errorf("limit %d: %d placeholders of %d: the test does not reach the limit", limit, placeholders, 16*4)
		}
	}
}
