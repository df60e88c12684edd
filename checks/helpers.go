package checks

import (
	"slices"
	"strings"

	"github.com/caselint/caselint/lint"
)

// cite formats the rule's citations for a message: "Stoke-on-Trent C06
// §01; Oxfordshire 1.8 §1". It cites only the procedures the profile
// follows, and the procedure-neutral sources (lint.CitationsUnder): a
// Stoke-on-Trent reader is not sent to Oxfordshire's manual.
func cite(pass *lint.Pass) string {
	return lint.JoinCitations(pass.Profile.Citations(pass.Rule.Cites))
}

// citeOnly cites those of the rule's citations of source at paragraphs,
// for a finding that only they require. When the profile does not follow
// source (a local profile's own number), or none matches, it cites as cite
// does.
func citeOnly(pass *lint.Pass, source string, paragraphs ...string) string {
	if !pass.Profile.Follows(source) {
		return cite(pass)
	}
	var cs []lint.Citation
	for _, c := range pass.Rule.Cites {
		if c.Source == source && slices.Contains(paragraphs, c.Paragraph) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return cite(pass)
	}
	return lint.JoinCitations(cs)
}

// citeExcept cites as cite does, less the paragraph of source that a
// finding does not enforce.
func citeExcept(pass *lint.Pass, source, paragraph string) string {
	var cs []lint.Citation
	for _, c := range pass.Profile.Citations(pass.Rule.Cites) {
		if c.Source != source || c.Paragraph != paragraph {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return cite(pass)
	}
	return lint.JoinCitations(cs)
}

// joinWithAnd joins items as English: "a", "a and b", "a, b and c".
func joinWithAnd(items []string) string { return joinWords(items, "and") }

// joinWords joins items as English with the conjunction conj ("and",
// "or"): "a", "a or b", "a, b or c"; "no one" when there are none and conj
// is "or".
func joinWords(items []string, conj string) string {
	switch len(items) {
	case 0:
		if conj == "or" {
			return "no one"
		}
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// normWord lower-cases text, collapses its spaces and trims punctuation
// that does not change its meaning.
func normWord(text string) string {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	return strings.TrimRight(t, ".!;:")
}

// inList reports whether text, normalised, is one of words.
func inList(text string, words []string) bool {
	t := normWord(text)
	for _, w := range words {
		if t == w {
			return true
		}
	}
	return false
}
