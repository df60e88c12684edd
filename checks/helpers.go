package checks

import (
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
