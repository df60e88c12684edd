package lint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// NoAnswer reports whether text gives no answer: it is empty or a
// placeholder (IsPlaceholder), or it says only that the thing asked for was
// not done or is written elsewhere (NotDone: "Not seen", "Not
// ascertained", "No reason", "See notes", "As before"). 1.8 §3 asks for "a
// clear reason why not" and C06 §03 for wishes and feelings "ascertained":
// words saying they were not are neither.
func (p *Profile) NoAnswer(text string) bool {
	return p.IsPlaceholder(text) || p.NotDone(text)
}

// SaysOnlyNonVerbal reports whether a wishes and feelings section says
// only that the child does not speak: every sentence of what it has
// written (a short section) is no answer (NoAnswer) or one of the
// profile's non_verbal words, with at most a name or two and the words
// around a subject ("is", "has", "N/A", "as") beside it: "Ellie is
// non-verbal.", "N/A - Ellie is non-verbal", "Not ascertained as Leo has
// no speech". C06 §03 asks for the child's wishes and feelings
// "ascertained", and 1.8 §1 a plan "appropriate for those with
// disabilities": a child who does not speak has wishes and feelings,
// ascertained by other means (observation, signs, pictures, those who
// know the child). A section that goes on to say what they showed ("Ellie
// is non-verbal; she smiled and reached for Mum") is an answer; a short
// pointer to another document ("see her communication passport",
// pointerAt) is not.
func (p *Profile) SaysOnlyNonVerbal(s *schema.Section) bool {
	if s == nil {
		return false
	}
	prose, cells := s.Written()
	if len(prose) > nonVerbalLimit || len(cells) > 0 {
		return false
	}
	pw := p.readyWords()
	if pw.nonVerbalKeys != nil && isASCIIText(prose) && !containsAnyFold(prose, pw.nonVerbalKeys) {
		return false // no phrase's word is there: most sections
	}
	phrases := pw.nonVerbal
	said := false
	for _, sent := range clauses(prose) {
		ws := words(sent)
		if len(ws) == 0 || p.NoAnswer(sent) {
			continue
		}
		// A pointer elsewhere ("see her communication passport", "please
		// refer to the school's report") says nothing of what the child
		// showed: left out, and a clause that is only one is no answer.
		if at := pointerAt(ws); at >= 0 {
			if ws = ws[:at]; len(ws) == 0 {
				continue
			}
		}
		at, n := -1, 0
		for i := range ws {
			for _, ph := range phrases {
				if len(ph) > n && i+len(ph) <= len(ws) && slices.Equal(ws[i:i+len(ph)], ph) {
					at, n = i, len(ph)
				}
			}
			if at >= 0 {
				break
			}
		}
		if at < 0 {
			return false
		}
		others := 0
		for i, w := range ws {
			if (i < at || i >= at+n) && !nonVerbalFiller[w] {
				others++
			}
		}
		if others > 2 {
			return false // a name or two: "Ellie Brook is non-verbal"
		}
		said = true
	}
	return said
}

// isASCIIText reports whether s is all ASCII, where a word of it lower-cases
// only to ASCII letters as strings.ToLower does.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsAnyFold reports whether ASCII text holds one of keys (lower case),
// in any case.
func containsAnyFold(text string, keys []string) bool {
	for _, k := range keys {
		for i := 0; i+len(k) <= len(text); i++ {
			if text[i]|0x20 == k[0] && strings.EqualFold(text[i:i+len(k)], k) {
				return true
			}
		}
	}
	return false
}

// pointerAt returns where words ws end with a short pointer to another
// document ("see her communication passport", "refer to the school's
// report", "as per her EHCP", "details in her communication plan"): a
// pointing word and at most pointerLimit words after it. -1 when they do
// not; a pointer that goes on to say what the other document says ("see
// her passport, which says she signs yes with a thumbs up") is longer.
func pointerAt(ws []string) int {
	for i := max(0, len(ws)-pointerLimit-2); i < len(ws); i++ {
		switch ws[i] {
		case "see", "refer", "per", "details":
			if i > 0 && seeingSubject[ws[i-1]] {
				continue // "you could see she was scared": seeing, not pointing
			}
			if len(ws)-i-1 <= pointerLimit {
				if ws[i] == "per" && i > 0 && ws[i-1] == "as" || ws[i] == "refer" && i > 0 && ws[i-1] == "please" {
					i--
				}
				return i
			}
		}
	}
	return -1
}

// seeingSubject are the words before "see" that make it someone seeing
// ("I could see", "you can see", "to see").
var seeingSubject = map[string]bool{
	"i": true, "we": true, "you": true, "they": true, "he": true, "she": true, "could": true,
	"can": true, "cannot": true, "couldn't": true, "can't": true, "would": true, "will": true,
	"to": true, "did": true, "didn't": true, "not": true, "clearly": true, "also": true,
}

// pointerLimit is the most words after a pointing word (pointerAt).
const pointerLimit = 5

// nonVerbalLimit is the longest section SaysOnlyNonVerbal reads: one that
// only says the child does not speak is a sentence or two.
const nonVerbalLimit = 300

// nonVerbalFiller are the words around a subject and a non_verbal phrase
// that add nothing: "N/A - Ellie is non-verbal", "not ascertained as he
// has no speech".
var nonVerbalFiller = map[string]bool{
	"is": true, "was": true, "are": true, "has": true, "he": true, "she": true, "they": true,
	"child": true, "the": true, "yp": true, "n": true, "a": true, "na": true, "as": true,
	"so": true, "and": true, "due": true, "to": true, "being": true, "therefore": true,
	"not": true, "applicable": true, "ascertained": true, "unable": true, "could": true,
	"ascertain": true, "because": true, "completely": true, "fully": true, "currently": true,
	"wishes": true, "feelings": true, "views": true,
}

// GivesNoWhy reports whether text, written where a record must say why
// (an ignore's reason, the exceptional circumstances for ending a plan
// early), says nothing a reviewer could check: NoAnswer ("TBC", "See
// notes", "As discussed"), a single word ("ok", "x", "Yes", "Agreed"), or
// an assent followed by no answer ("Yes - see minutes"). Two words that
// are neither say something ("Emigrated permanently").
func (p *Profile) GivesNoWhy(text string) bool {
	if p.NoAnswer(text) {
		return true
	}
	w := words(text)
	lettered := 0
	for _, x := range w {
		if strings.IndexFunc(x, unicode.IsLetter) >= 0 {
			lettered++
		}
	}
	if lettered < 2 {
		return true
	}
	if slices.Contains(assents, w[0]) {
		// What follows the assent's own word in text.
		i := strings.Index(strings.ToLower(text), w[0]) + len(w[0])
		return p.NoAnswer(text[i:])
	}
	return false
}

// assents open an answer that only says yes: "Yes - see minutes".
var assents = []string{"yes", "y", "agreed", "confirmed", "discussed", "noted", "ok", "okay", "approved"}

// NotDone reports whether text says only that the thing asked for was not
// done or is written elsewhere: one of the profile's not_done answers
// (Words.NotDone), case, spaces and surrounding punctuation ignored, as a
// placeholder is (schema.IsPlaceholder: "Not discussed at this visit",
// "Not seen today", "See notes - to be agreed at core group"), perhaps
// after whom it is about ("Leo not seen", "He was not seen": notDoneSubject).
// Text that goes on to say why ("Not seen: Leo was in hospital") is an
// answer. Empty text is not NotDone (it is a placeholder).
func (p *Profile) NotDone(text string) bool {
	if strings.IndexFunc(text, isLetterOrDigit) < 0 {
		return false
	}
	notDone := p.readyWords().notDone
	if notDone.Has(text) {
		return true
	}
	return afterSubject(text, func(rest string) bool {
		return strings.IndexFunc(rest, isLetterOrDigit) >= 0 && notDone.Has(rest)
	})
}

// SectionNoAnswer reports whether a section gives no answer: it is empty
// or a placeholder (schema.Section.PlaceholderIn the profile's
// placeholders), or says only that the thing was not done (the profile's
// not_done answers: "Not ascertained.", "Not discussed today."), perhaps
// after its heading repeated ("Wishes and feelings not ascertained").
// Long sections are not read to their end.
func (p *Profile) SectionNoAnswer(s *schema.Section) bool {
	w := p.readyWords()
	return s.PlaceholderIn(w.placeholders) || s.PlaceholderIn(w.notDone)
}

// SectionPlaceholder reports whether a section's text is empty or only a
// placeholder by the profile's words (IsPlaceholder of its content),
// answered once for the section (several rules ask about the same
// sections) and without reading long text to its end.
func (p *Profile) SectionPlaceholder(s *schema.Section) bool {
	return s.PlaceholderIn(p.readyWords().placeholders)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// afterSubject reports whether says holds of what follows the words that
// open text naming whom it is about, for some reading of them: one to
// three words, each a name (a capital letter first: "Leo", "Leo Smith",
// "Mum") or one of subjectWords ("he", "the child", "YP"), followed
// perhaps by "was", "were", "is", "has" or "been" ("Leo was not seen",
// "He has not been seen"). It is false when text does not open so.
func afterSubject(text string, says func(rest string) bool) bool {
	fields := strings.Fields(text)
	// Where each field ends in text.
	ends := make([]int, len(fields))
	at := 0
	for i, f := range fields {
		at += strings.Index(text[at:], f) + len(f)
		ends[i] = at
	}
	for k := 1; k <= 3 && k < len(fields); k++ {
		if !isSubjectWord(fields[k-1]) || k > 1 && strings.ContainsAny(fields[k-2], ",;:.") {
			return false // "Leo, Mum: not seen" names two
		}
		i := k
		for i < len(fields)-1 && i < k+2 && isAuxiliary(fields[i]) {
			i++
		}
		if says(text[ends[i-1]:]) {
			return true
		}
	}
	return false
}

// subjectWords name whom a short answer is about, as a name does.
var subjectWords = map[string]bool{
	"he": true, "she": true, "they": true, "child": true, "the": true, "young": true,
	"person": true, "yp": true, "cyp": true, "baby": true, "subject": true, "children": true,
}

// isSubjectWord reports whether a field of text may name whom an answer is
// about: one of subjectWords, or a word opening with a capital letter.
func isSubjectWord(f string) bool {
	w := strings.TrimRight(f, ",;:.")
	if w == "" || strings.IndexFunc(w, isLetterOrDigit) != 0 {
		return false
	}
	if subjectWords[strings.ToLower(w)] {
		return true
	}
	r := []rune(w)[0]
	return unicode.IsUpper(r) && !notWords[strings.ToLower(w)]
}

// notWords open a not_done answer: a capital there opens the answer, not a
// name ("Not seen", "No reason", "See notes", "As before").
var notWords = map[string]bool{"not": true, "no": true, "see": true, "as": true, "same": true, "wasn't": true}

// isAuxiliary reports whether f is a verb that may stand between a subject
// and a not_done answer ("Leo was not seen").
func isAuxiliary(f string) bool {
	switch strings.ToLower(strings.TrimRight(f, ",;:.")) {
	case "was", "were", "is", "has", "have", "been", "had":
		return true
	}
	return false
}

// SaysOnlyWhoAgreed reports whether text, written where a record must say
// what the circumstances were (a cessation's exceptional_circumstances),
// says only who agreed or decided: one of the profile's approvals
// ("agreed", "approved", "signed off"), and besides it only words naming
// who decided or where (approverWords: "chair", "team manager",
// "conference", "by", "with", "at") and names (capitalised words after
// one of those: "Agreed with TM Rob Jones"). "Agreed by chair" records a
// decision, not the circumstances that justified it (C06 §07 "unless
// there are exceptional circumstances"); "Agreed by chair as the family
// emigrated" says what they were.
func (p *Profile) SaysOnlyWhoAgreed(text string) bool {
	approvals := p.readyWords().approvals
	// The words as written, for their capitals.
	orig := strings.FieldsFunc(strings.Map(dropApostrophe, text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(orig) == 0 || len(orig) > 14 {
		return false
	}
	w := make([]string, len(orig))
	for i, o := range orig {
		w[i] = strings.ToLower(o)
	}
	approved := false
	name := false // the word before may open or be part of a name
	for i := 0; i < len(w); {
		if n := longestAt(w, i, approvals); n > 0 {
			approved, name = true, false
			i += n
			continue
		}
		r, _ := utf8.DecodeRuneInString(orig[i])
		switch {
		case approverWords[w[i]]:
			name = true
		case name && unicode.IsUpper(r):
		default:
			return false
		}
		i++
	}
	return approved
}

// longestAt returns the number of words of the longest of phrases that
// w holds at i, or 0.
func longestAt(w []string, i int, phrases [][]string) int {
	best := 0
	for _, ph := range phrases {
		if len(ph) > best && i+len(ph) <= len(w) && slices.Equal(w[i:i+len(ph)], ph) {
			best = len(ph)
		}
	}
	return best
}

// approverWords name who decides, or where, in a record of a decision:
// "Agreed by the independent chair", "Approved by TM", "Agreed at review
// conference with the core group".
var approverWords = map[string]bool{
	"by": true, "with": true, "at": true, "in": true, "the": true, "a": true, "and": true,
	"of": true, "all": true, "both": true, "yes": true, "was": true, "were": true, "has": true,
	"been": true, "is": true, "chair": true, "chairs": true, "chairperson": true,
	"independent": true, "iro": true, "conference": true, "icpc": true, "rcpc": true,
	"cp": true, "child": true, "protection": true, "review": true, "reviewing": true,
	"officer": true, "manager": true, "managers": true, "team": true, "tm": true,
	"service": true, "services": true, "head": true, "hos": true, "director": true,
	"group": true, "core": true, "professionals": true, "agencies": true, "agency": true,
	"multi": true, "meeting": true, "panel": true, "senior": true, "social": true,
	"worker": true, "sw": true, "lead": true, "lsw": true, "practice": true,
	"supervisor": true, "principal": true, "safeguarding": true, "partners": true,
	"members": true, "everyone": true, "family": true, "parents": true, "mr": true,
	"mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "unanimously": true,
	"decision": true, "management": true, "oversight": true, "legal": true, "planning": true,
	"strategy": true, "discussion": true, "line": true, "deputy": true, "assistant": true,
}
