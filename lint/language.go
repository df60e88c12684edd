package lint

import (
	"regexp"
	"strings"
	"unicode"
)

// bracketNote is a note in brackets: "(translated)", "[to follow]".
var bracketNote = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)

// CopyInLanguage reports whether a copy of the plan whose language case.md
// writes as given suits a reader whose language is want (Stoke-on-Trent
// C06 §02: "a written copy of the plan in their first language"). A reader
// with no recorded language is suited by any copy; a copy with no recorded
// language is taken to be in English. The reader's language is found among
// the words of the copy's, outside any note in brackets: "Polish",
// "Polish and English", "English/Polish" and "Polish (translated)" suit a
// Polish reader, "English (Polish translation requested)" does not, nor
// "Polish (to follow)": a bracketed note that defers is kept. A
// language whose clause says the copy is not given yet (the profile's
// deferrals: "Polish - to follow", "Polish translation requested", "not
// Polish"), or that a clause of only such words follows ("Polish, TBC"),
// is not given. A reader of two languages ("Polish/English", "Urdu and
// English") is suited by either; a note in brackets after the reader's
// language is not a language ("Polish (interpreter needed)").
func (p *Profile) CopyInLanguage(given, want string) bool {
	want = strings.TrimSpace(want)
	if want == "" {
		return true
	}
	given = strings.TrimSpace(given)
	if given == "" {
		given = "English"
	}
	if i := strings.Index(want, "("); i > 0 {
		want = want[:i]
	}
	deferrals := p.readyWords().deferrals
	// As most copies are written: the one language wanted, in one word
	// ("English", "english"), which is no deferral.
	if isOneWord(given) && strings.EqualFold(given, strings.TrimSpace(want)) && !hasPhrase(phrase(given), deferrals...) {
		return true
	}
	// A note in brackets is left out, unless it defers: "Polish
	// (translated)" is Polish, "Polish (to follow)" is not given, and
	// "English (Polish translation requested)" gives English only.
	given = bracketNote.ReplaceAllStringFunc(given, func(m string) string {
		if hasPhrase(phrase(m), deferrals...) {
			return "/" + m[1:len(m)-1] + "/"
		}
		return " "
	})
	clauses := languageClauses(given)
	// A clause of only deferral words ("to follow") defers the clause
	// before it: "Polish, to follow".
	deferred := make([]bool, len(clauses))
	for i, cl := range clauses {
		if onlyDeferral(cl, deferrals) {
			deferred[i] = true
			if i > 0 {
				deferred[i-1] = true
			}
		}
	}
	for _, alt := range languageClauses(strings.ToLower(want)) {
		w := strings.Join(words(alt), " ")
		if w == "" {
			continue
		}
		for i, cl := range clauses {
			ph := " " + strings.Join(words(cl), " ") + " "
			if !deferred[i] && containsSpaced(ph, w) && !hasPhrase(ph, deferrals...) {
				return true
			}
		}
	}
	return false
}

// languageClauses splits a language as case.md writes it at "/", ",", ";",
// "&", " - ", ":", " and " and " or ": "Polish and English", "Polish,
// to follow".
func languageClauses(s string) []string {
	return strings.FieldsFunc(languageBreaks.Replace(" "+s+" "), func(r rune) bool { return r == '/' })
}

// languageBreaks writes what parts a language's clauses as "/"
// (languageClauses).
var languageBreaks = strings.NewReplacer(" and ", "/", " AND ", "/", " And ", "/", " or ", "/", " Or ", "/", ",", "/", ";", "/",
	"&", "/", " - ", "/", " – ", "/", ":", "/")

// isOneWord reports whether s is one word of letters, and not empty.
func isOneWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// copyFiller are words of a copy's language that name no language and no
// deferral: "translation", "copy", "the".
var copyFiller = map[string]bool{
	"copy": true, "copies": true, "translation": true, "version": true, "the": true, "a": true, "an": true,
	"of": true, "in": true, "plan": true, "to": true, "be": true, "is": true, "being": true, "it": true,
	"for": true, "yet": true, "still": true,
}

// onlyDeferral reports whether a clause says only that something is not
// given yet ("to follow", "TBC", "translation requested").
func onlyDeferral(cl string, deferrals []string) bool {
	ph := " " + strings.Join(words(cl), " ") + " "
	if !hasPhrase(ph, deferrals...) {
		return false
	}
	for _, d := range deferrals {
		ph = strings.ReplaceAll(ph, " "+d+" ", "  ")
	}
	for _, w := range strings.Fields(ph) {
		if !copyFiller[w] {
			return false
		}
	}
	return true
}
