package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
)

// cite formats the rule's citations for a message: "Stoke-on-Trent C06
// §01; Oxfordshire 1.8 §1". It cites only the procedures the profile
// follows: a Stoke-on-Trent reader is not sent to Oxfordshire's manual.
func cite(pass *lint.Pass) string {
	var cites []lint.Citation
	for _, c := range pass.Rule.Cites {
		switch {
		case c.Source == Stoke && pass.Profile.Base == lint.ProfileOxfordshire,
			c.Source == Oxon && pass.Profile.Base == lint.ProfileStoke:
			continue
		}
		cites = append(cites, c)
	}
	if len(cites) == 0 {
		cites = pass.Rule.Cites
	}
	return lint.JoinCitations(cites)
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
