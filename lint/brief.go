package lint

import "strings"

// quoteLimit is how many characters of a record's own words a message
// quotes when it quotes a sentence or a free-text field (docs/privacy.md:
// messages quote briefly). A visit's sentence that says "would not let me
// in" may go on to say what the child disclosed; the report (SARIF in code
// scanning, a CI log) needs only enough to find it, as an action without
// an id is named by its first 40 characters.
const quoteLimit = 40

// Brief returns text with its white space made single spaces and, when
// longer than quoteLimit characters, cut after the last whole word that
// fits, with "…": the words a message quotes from a record's free text.
func Brief(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	r := []rune(t)
	if len(r) <= quoteLimit {
		return t
	}
	cut := string(r[:quoteLimit])
	if r[quoteLimit] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i >= quoteLimit/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}
