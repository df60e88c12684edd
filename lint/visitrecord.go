package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// VisitSection returns the section of a visit record's body that holds the
// visit section name ("wishes", "presentation", ...): one under an accepted
// heading, or else one whose heading names the child where the accepted
// heading says "child's", "the child" or nothing ("Harley's wishes and
// feelings", "Mason's presentation and behaviour", "Lily's meals and
// sleep", "James' wishes and feelings", "What Jayden said", "Voice of
// Mia"). A worker writing by hand names the child; the heading means the
// same. Another person's name ("Mum's views") is not the child's, and is
// not read as the child's section. It returns nil when there is no such
// section.
func (c *Case) VisitSection(b *schema.Body, name string) *schema.Section {
	if b == nil {
		return nil
	}
	if sec := b.Section(name); sec != nil {
		return sec
	}
	child := strings.ToLower(strings.TrimSpace(c.Child().Name))
	if child == "" {
		return nil
	}
	for _, sec := range b.Sections {
		if sec.Name != "" && sec.Name != name {
			continue // an accepted heading of another section
		}
		h := strings.ReplaceAll(schema.WithoutNumbering(sec.Heading), "\u2019", "'")
		for _, cand := range childHeadings(h, child) {
			if schema.CanonicalSection(schema.KindVisit, cand) == name {
				return sec
			}
		}
	}
	return nil
}

// childHeadings returns the headings h stands for when it names the child
// (lower case): with the child's name read as "child's" or "the child",
// and, when h opens with the child's name as a possessive, h without it
// ("lily's meals and sleep": "meals and sleep"). None when h does not name
// the child as a whole word.
func childHeadings(h, child string) []string {
	var out []string
	for _, p := range []string{child + "'s ", child + "' "} {
		if strings.HasPrefix(h, p) {
			out = append(out, strings.TrimSpace(h[len(p):]))
		}
	}
	var b strings.Builder
	named := false
	for i := 0; i < len(h); {
		j := i + len(child)
		if strings.HasPrefix(h[i:], child) && !letterBefore(h, i) {
			rest := h[j:]
			switch {
			case strings.HasPrefix(rest, "'s") && !letterAt(rest, 2):
				b.WriteString("child's")
				i, named = j+2, true
				continue
			case strings.HasPrefix(rest, "'") && !letterAt(rest, 1):
				b.WriteString("child's")
				i, named = j+1, true
				continue
			case !letterAt(rest, 0) && !strings.HasPrefix(rest, "'"):
				b.WriteString("the child")
				i, named = j, true
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(h[i:])
		b.WriteRune(r)
		i += n
	}
	if named {
		out = append(out, b.String())
	}
	return out
}

// letterBefore reports whether the rune before s[i] is a letter or digit.
func letterBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// letterAt reports whether s holds a letter or digit at byte i.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// childsViews are words of headings under which practitioners record the
// child's wishes and feelings when they do not use an accepted heading:
// C06 prescribes no sections for a visit record.
var childsViews = []string{"wishes", "feelings", "voice of the child", "child's voice", "child's views",
	"views of the child", "what the child said", "child's view"}

// WishesSection returns the section of a visit record that records the
// child's wishes and feelings: the "wishes" section (VisitSection), or else
// the first section whose heading names wishes, feelings, views or voice
// ("## Feelings", "## Jayden's worries and wishes") and no one else's
// ("## Mum's feelings", "## Parents' wishes" are not the child's), or is
// the child's direct work ("## Direct work", "## Direct work with
// Jayden": directWork). It
// returns nil when there is none. incomplete-visit-record and
// missing-wishes-and-feelings both ask it.
func (c *Case) WishesSection(b *schema.Body) *schema.Section {
	if sec := c.VisitSection(b, "wishes"); sec != nil {
		return sec
	}
	if b == nil {
		return nil
	}
	child := strings.ToLower(strings.TrimSpace(c.Child().Name))
	for _, sec := range b.Sections {
		if sec.Name != "" {
			continue // an accepted heading of another section
		}
		h := strings.ReplaceAll(schema.WithoutNumbering(sec.Heading), "\u2019", "'")
		if child != "" {
			for _, cand := range childHeadings(h, child) {
				h = cand // the child's name read as "child's" / "the child"
			}
		}
		if namesSomeoneElse(h) {
			continue
		}
		for _, w := range childsViews {
			if strings.Contains(h, w) {
				return sec
			}
		}
		if directWork[strings.TrimRight(strings.TrimSpace(h), ":")] {
			return sec
		}
	}
	return nil
}

// directWork are the headings of direct work with the child, where
// practitioners record the child's views from the work done with them
// ("three houses", a worry monster): the wishes section when the record
// has no other. Direct work with someone else ("Direct work with Mum") is
// not the child's, nor is the child's "lived experience", the worker's
// account of the child's daily life rather than the child's own wishes
// and feelings.
var directWork = map[string]bool{
	"direct work": true, "direct work with the child": true, "direct work with child": true,
	"direct work session": true, "direct work with the child session": true, "child's direct work": true,
}

// namesSomeoneElse reports whether a heading (lower case, the child's own
// name already read as "child's") holds a possessive other than the
// child's: "mum's feelings", "parents' wishes".
func namesSomeoneElse(h string) bool {
	for _, w := range strings.Fields(h) {
		w = strings.Trim(w, ".,;:()[]&/")
		if w == "child's" || w == "children's" || w == "childs" {
			continue
		}
		if strings.HasSuffix(w, "'s") || (strings.HasSuffix(w, "s'") && len(w) > 2) {
			return true
		}
	}
	return false
}
