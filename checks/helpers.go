package checks

import (
	"strings"
	"unicode"

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

// isPlaceholder reports whether text is empty or only one of the profile's
// placeholder words (TBC, N/A, to follow, ...), ignoring case, surrounding
// space and trailing full stops.
func isPlaceholder(pass *lint.Pass, text string) bool {
	// Text with more letters than the longest placeholder is none: most
	// section contents, which are not worth normalising.
	longest := 0
	for _, w := range pass.Profile.Words.Placeholders {
		longest = max(longest, len(w))
	}
	if moreLetters(text, longest) {
		return false
	}
	t := normWord(text)
	if t == "" {
		return true
	}
	for _, w := range pass.Profile.Words.Placeholders {
		if t == w {
			return true
		}
	}
	return false
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

// moreLetters reports whether text has more than n characters that
// normWord keeps (neither white space nor the punctuation it trims),
// reading no more of it than it must.
func moreLetters(text string, n int) bool {
	for _, r := range text {
		if unicode.IsSpace(r) || strings.ContainsRune(".!;:", r) {
			continue
		}
		if n--; n < 0 {
			return true
		}
	}
	return false
}
