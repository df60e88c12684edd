package schema

import (
	"strings"
)

// An action written as a sentence in a list names its owner and its
// timescale in its own words, with no field for either:
//
//	- Claire Dunn will complete a safety plan with Nadia by 12 June 2026 (O1, O3)
//	- Complete a safety plan - Claire Dunn - 12/06/2026 (O1)
//	- Mum to attend all appointments by 30/06/2026 (O2)
//
// Where an action has no Due field, its timescale is read from its words
// (sentenceDue): a timescale that opens one of its parts (the words
// between dashes, commas, semicolons), or one opened by a word that says
// by when ("by", "before", "no later than", "within"), or a frequency
// ("weekly", "every 2 weeks", "each school day"), read as the Due field is
// (ParseTimescale) and standing at the end of its part or before a joining
// word. Where it has no Owner field, the phrases that may name its owner
// are kept (ownerPhrases): the subject of the sentence ("Claire Dunn will
// ...", "Mum to ..."), the agent of a passive one ("... to be completed by
// Claire Dunn"), and each part between dashes or commas; package lint
// takes the first that names the case's people (lint.Case.ActionOwner).
// Labelled fields, when present, win.

// actionSeparators part the words of an action: "Complete a safety plan -
// Claire Dunn - 12/06/2026". A line break is none: a list item's lines
// are one paragraph, wrapped anywhere ("Aisha\n  Patel will ...").
var actionSeparators = []string{" - ", " – ", " — ", ",", ";", "|", "\n- ", "\n– "}

// sepAt returns the length of the separator at s[i:], or 0.
func sepAt(s string, i int) int {
	switch s[i] {
	case ' ', ',', ';', '|', '\n':
	default:
		return 0
	}
	for _, sep := range actionSeparators {
		if strings.HasPrefix(s[i:], sep) {
			return len(sep)
		}
	}
	return 0
}

// actionParts returns the parts of s between separators, each trimmed of
// spaces and emphasis, as spans of s.
func actionParts(s string) []span {
	var out []span
	add := func(from, to int) {
		if sp := trimWords(s, span{from, to}); sp.end > sp.start {
			out = append(out, sp)
		}
	}
	from := 0
	for i := 0; i < len(s); {
		if n := sepAt(s, i); n > 0 {
			add(from, i)
			i += n
			from = i
			continue
		}
		i++
	}
	add(from, len(s))
	return out
}

// trimWords trims spaces, emphasis and the punctuation ending a sentence
// from both ends of sp.
func trimWords(s string, sp span) span {
	for sp.start < sp.end && strings.IndexByte(" \t\n*_", s[sp.start]) >= 0 {
		sp.start++
	}
	for sp.end > sp.start && strings.IndexByte(" \t\n*_.:", s[sp.end-1]) >= 0 {
		sp.end--
	}
	return sp
}

// wordStarts returns where each word of sp starts.
func wordStarts(s string, sp span) []int {
	var out []int
	for i := sp.start; i < sp.end; i++ {
		if s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			continue
		}
		if i == sp.start || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '\t' || s[i-1] == '(' {
			out = append(out, i)
		}
	}
	return out
}

// dueOpeners are the words that open a timescale in a sentence and say it
// is the action's, by the kind of timescale they may open: "by 12 June",
// "before the next core group", "within 10 working days".
var dueOpeners = map[TimescaleKind][]string{
	TimescaleDate:   {"by", "before", "no", "not", "due", "deadline", "w/c", "wc"},
	TimescaleWithin: {"within", "in", "no", "by"},
	TimescaleEvent:  {"by", "before", "at", "for", "prior"},
}

// sentenceDue finds the action's timescale in its words s: the first part
// of s, from a word on, that reads as a specified timescale (ParseTimescale)
// standing at the end of its part or before a joining word, and either
// opening the part, opened by a word that says by when (dueOpeners), or a
// frequency or "immediately". Failing that, it finds a date that is not one
// after such a word ("by 31/11/2026"), for the finding to say why. It
// returns the timescale's span in s.
func sentenceDue(s string) (span, bool) {
	parts := actionParts(s)
	type word struct {
		at    int // where the word starts in s
		first int // its first token in toks
	}
	var toks []string
	var words []word
	var partWords [][]word
	for _, p := range parts {
		// The words of the part tokenised one by one, once: a word's
		// tokens do not depend on its neighbours (timescaleTokens reads
		// marks between letters or digits).
		starts := wordStarts(s, p)
		ws := make([]word, len(starts))
		for k, i := range starts {
			e := p.end
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			ws[k] = word{at: i, first: len(toks)}
			toks = appendWordTokens(toks, s[i:e])
		}
		// A part's tokens end where the next part's begin.
		words = append(words, ws...)
		partWords = append(partWords, ws)
	}
	ends := make([]int, len(parts)) // the token after each part's last
	{
		n := 0
		for pi, ws := range partWords {
			n += len(ws)
			if n < len(words) {
				ends[pi] = words[n].first
			} else {
				ends[pi] = len(toks)
			}
		}
	}
	for pi, p := range parts {
		for k, w := range partWords[pi] {
			ts := toks[w.first:ends[pi]]
			if len(ts) == 0 || k > 0 && !mayOpenTimescale(ts) {
				continue
			}
			t, next, ok := readTimescaleNext(ts)
			if !ok || t.Kind == TimescaleDone {
				continue
			}
			opens := k == 0
			if next < len(ts) && !isJoin(ts[next]) && ts[next] != ")" &&
				!(opens && t.Kind == TimescaleFrequency) { // "Weekly visits - Sam Doe"
				continue // "the weekly parenting group"
			}
			if !opens && !dueOpener(ts, t.Kind) && !(t.Kind == TimescaleDate && ts[0] == "on" && scheduled[wordBefore(s, w.at)]) {
				continue // "the incident on 3 June"
			}
			cand := trimWords(s, span{w.at, p.end})
			if !ParseTimescale(s[cand.start:cand.end], nil).Specified() {
				continue
			}
			return cand, true
		}
	}
	// A date that is not one, after a word that says by when: "by
	// 31/11/2026" is reported as not a date, not as no timescale.
	for pi, p := range parts {
		for _, w := range partWords[pi] {
			ts := toks[w.first:ends[pi]]
			if len(ts) < 2 || !inList(ts[0], dueOpeners[TimescaleDate]) {
				continue
			}
			if t, _, ok := readDate(ts, 1); !ok && t.Why != "" {
				return trimWords(s, span{w.at, p.end}), true
			}
		}
	}
	return span{}, false
}

// appendWordTokens appends the tokens of one word of a sentence (and
// the spaces after it) to toks: timescaleTokens, without its work for a
// plain word of ASCII letters and digits, as most are.
func appendWordTokens(toks []string, w string) []string {
	end := len(w)
	for end > 0 && (w[end-1] == ' ' || w[end-1] == '\n' || w[end-1] == '\t') {
		end--
	}
	plain := end > 0
	lower := true
	for i := 0; i < end && plain; i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			lower = false
		default:
			plain = false
		}
	}
	if !plain {
		return append(toks, timescaleTokens(w)...)
	}
	if lower {
		return append(toks, w[:end])
	}
	return append(toks, strings.ToLower(w[:end]))
}

// timescaleStarts are the words a timescale read inside a sentence may
// open with (sentenceDue): the words readTimescale passes over, those
// dueOpener asks for, and those a frequency or "immediately" opens with.
var timescaleStarts = map[string]bool{
	"by": true, "before": true, "no": true, "not": true, "due": true, "deadline": true,
	"w/c": true, "wc": true, "on": true, "within": true, "in": true, "at": true, "for": true,
	"prior": true, "until": true, "till": true, "from": true, "starting": true, "complete": true,
	"completed": true, "done": true, "and": true, "then": true, "target": true, "with": true,
	"immediately": true, "immediate": true, "straight": true, "straightaway": true,
	"forthwith": true, "today": true, "now": true, "same": true, "every": true, "each": true,
	"per": true, "all": true, "half": true, "bi": true, "twice": true, "once": true,
	"thrice": true, "after": true, "during": true, "following": true, ":": true, "-": true,
}

// mayOpenTimescale reports whether toks may open a timescale sentenceDue
// takes inside a sentence: a cheap test before readTimescaleNext, which
// is tried at every word.
func mayOpenTimescale(toks []string) bool {
	t := toks[0]
	if timescaleStarts[t] || strings.ContainsAny(t, "0123456789") || isWeekday(t) {
		return true
	}
	if _, ok := frequencyWords[t]; ok {
		return true
	}
	if _, ok := numberWords[t]; ok {
		return true
	}
	return t == "the" && len(toks) > 1 && toks[1] == "same"
}

// dueOpener reports whether toks open with a word that says a timescale of
// kind k is the action's.
func dueOpener(toks []string, k TimescaleKind) bool {
	switch k {
	case TimescaleImmediately:
		return true
	case TimescaleFrequency:
		// "attend all appointments", "attend every meeting": what is
		// attended, not how often ("at every visit" is how often).
		return toks[0] != "all" && !((toks[0] == "every" || toks[0] == "each") && len(toks) > 1 && attended[strings.TrimSuffix(toks[1], "s")])
	}
	if k == TimescaleDate && hasWords(toks, 0, "on", "or", "before") {
		return true
	}
	return inList(toks[0], dueOpeners[k])
}

// scheduled are the occasions whose date, after "on", is when the action
// is done: "attend her GP appointment on 25/11/2026"; not "the incident
// on 3 June".
var scheduled = map[string]bool{
	"appointment": true, "appointments": true, "meeting": true, "visit": true, "conference": true,
	"session": true, "review": true, "hearing": true, "course": true, "class": true, "group": true,
	"evening": true, "assessment": true, "check": true, "clinic": true,
}

// wordBefore returns the word before s[i:], lower case, without
// punctuation.
func wordBefore(s string, i int) string {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
		k--
	}
	w := strings.ToLower(strings.Trim(s[k:j], "*_,.;:()"))
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'"), "'s"), "’s")
}

// attended are the occasions a sentence's object may name after "every"
// or "each" ("to attend every appointment").
var attended = map[string]bool{
	"appointment": true, "meeting": true, "session": true, "contact": true, "visit": true,
	"review": true, "conference": true, "supervision": true, "core": true, "home": true,
	"statutory": true, "cg": true, "cgm": true, "class": true, "group": true,
}

func inList(w string, list []string) bool {
	for _, l := range list {
		if w == l {
			return true
		}
	}
	return false
}

// subjectMarkers end the subject of an action's sentence: "Claire Dunn
// will ...", "Mum to ...", "Dad should ...".
var subjectMarkers = map[string]bool{
	"will": true, "to": true, "should": true, "must": true, "shall": true, "can": true,
	"would": true, "may": true, "responsible": true,
}

// subjectAux are the words between a subject and its marker: "Sam Doe is
// to ...", "Mum has agreed to ...", "Dad needs to ...".
var subjectAux = map[string]bool{
	"is": true, "are": true, "has": true, "have": true, "needs": true, "need": true,
	"agreed": true, "agrees": true, "going": true, "also": true, "continues": true,
	"continue": true, "wants": true, "will": true, "promised": true,
}

// notAnOwner open words that are no owner, whatever follows: a verb that
// another will do for them ("Support Mum to ...", "Help Dad to ..."), or a
// joining word ("with Nadia").
var notAnOwner = map[string]bool{
	"supported": true, "support": true, "assisted": true, "assist": true, "helped": true,
	"help": true, "jointly": true, "both": true, "to": true, "and": true, "with": true,
	"or": true, "plus": true, "by": true, "from": true, "for": true, "of": true, "on": true,
	"at": true, "in": true, "about": true, "including": true, "via": true, "ensure": true,
	"encourage": true, "enable": true, "remind": true, "ask": true, "refer": true,
}

// maxOwnerWords bounds a phrase read as an owner.
const maxOwnerWords = 8

// ownerPhrases returns the phrases of the action's words s that may name
// its owner, best first: the subject of the sentence (after a timescale
// opening it, due, when it does), unless the sentence is passive ("Mum to
// be supported ..."); the agent of a passive sentence ("... by Claire
// Dunn"); and each part of s between separators. Package lint keeps the
// first that names the case's people.
func ownerPhrases(s string, due span, hasDue bool) []span {
	var out []span
	// inDue lets a phrase stand inside the timescale's span: the agent
	// after a frequency that opens the part ("Weekly visits by Aisha
	// Patel"), which the timescale's span runs on over.
	add := func(sp span, inDue bool) {
		sp = trimWords(s, sp)
		for sp.end > sp.start && strings.IndexByte(",;-", s[sp.end-1]) >= 0 {
			sp = trimWords(s, span{sp.start, sp.end - 1})
		}
		if sp.end <= sp.start {
			return
		}
		w := strings.Fields(s[sp.start:sp.end])
		if len(w) == 0 || len(w) > maxOwnerWords || notAnOwner[strings.ToLower(strings.Trim(w[0], "*_(,.:"))] {
			return
		}
		if hasDue && sp.start < due.end && due.start < sp.end && !inDue {
			return
		}
		for _, o := range out {
			if o == sp {
				return
			}
		}
		out = append(out, sp)
	}
	all := trimWords(s, span{0, len(s)})
	lead := all.start
	if hasDue && due.start == all.start { // "By 12 June, Claire Dunn will ..."
		lead = due.end
		for lead < len(s) && (s[lead] == ' ' || sepAt(s, lead) > 0) {
			lead++
		}
	}
	starts := wordStarts(s, span{lead, all.end})
	word := func(k int) string {
		e := len(s)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		return strings.ToLower(strings.Trim(s[starts[k]:e], " \t\n*_,.:;"))
	}
	passive := false
	for k := range starts {
		if w := word(k); w == "be" || w == "been" || w == "being" {
			passive = true
		}
	}
	// The subject: the words before the first marker, within the first part.
	for k := 0; k < len(starts) && k <= maxOwnerWords+2; k++ {
		if k > 0 && sepBefore(s, starts[k-1], starts[k]) {
			break
		}
		if !subjectMarkers[word(k)] || k == 0 {
			continue
		}
		e := k
		for e > 0 && subjectAux[word(e-1)] {
			e--
		}
		next := k + 1
		if next < len(starts) && word(next) == "to" {
			next++ // "needs to", "is going to"
		}
		if e > 0 && !(next < len(starts) && word(next) == "be") {
			add(span{starts[0], starts[e]}, false)
		}
		break
	}
	// The agent of a passive sentence: "to be completed by Claire Dunn";
	// or of an action named by a noun, "Weekly visits by Aisha Patel".
	// After a participle with no "be" ("the safety plan written by
	// Claire Dunn", "appointments arranged by the GP") it is who did
	// something else, not who does the action. "By Friday", "by the
	// school" name no one of the case, and package lint passes them over.
	{
		// Every word, those of a timescale opening the sentence too
		// ("Weekly visits by Aisha Patel").
		starts := wordStarts(s, all)
		word := func(k int) string {
			e := len(s)
			if k+1 < len(starts) {
				e = starts[k+1]
			}
			return strings.ToLower(strings.Trim(s[starts[k]:e], " \t\n*_,.:;"))
		}
		for k := range starts {
			if word(k) != "by" || k+1 >= len(starts) {
				continue
			}
			if !passive && (k == 0 || isParticiple(word(k-1)) || sepBefore(s, starts[k-1], starts[k])) {
				continue
			}
			e := k + 1
			for e < len(starts) && !agentEnd[word(e)] && !sepBefore(s, starts[e-1], starts[e]) &&
				!(hasDue && due.start > starts[k] && starts[e] >= due.start) {
				e++
			}
			end := all.end
			if e < len(starts) {
				end = starts[e]
			}
			if hasDue && due.start > starts[k+1] && due.start < end {
				end = due.start
			}
			if !passive && ParseTimescale(s[starts[k]:end], nil).Specified() {
				continue // "by 12 June", where no Due was read from the words
			}
			add(span{starts[k+1], end}, hasDue && due.start < starts[k])
		}
	}
	for _, p := range actionParts(s) {
		add(p, false)
	}
	return out
}

// isParticiple reports whether w, lower case, is a past participle: a
// word before "by" saying what someone else did ("written", "arranged").
func isParticiple(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

// irregularParticiples are the past participles not ending in "ed" that
// a plan's action may hold before "by".
var irregularParticiples = map[string]bool{
	"written": true, "made": true, "given": true, "done": true, "taken": true, "seen": true,
	"shown": true, "drawn": true, "run": true, "led": true, "set": true, "kept": true,
	"held": true, "sent": true, "brought": true, "told": true, "known": true, "chosen": true,
	"paid": true, "put": true, "met": true, "taught": true, "bought": true, "left": true,
	"read": true, "said": true, "found": true, "heard": true, "built": true, "sought": true,
}

// agentEnd end the agent of a passive sentence: "by Claire Dunn to ...".
var agentEnd = map[string]bool{
	"to": true, "by": true, "on": true, "at": true, "in": true, "for": true, "within": true,
	"before": true, "every": true, "each": true, "when": true, "if": true, "so": true, "until": true,
}

// sepBefore reports whether a separator stands between from and to.
func sepBefore(s string, from, to int) bool {
	for i := from; i < to; i++ {
		if sepAt(s, i) > 0 {
			return true
		}
	}
	return false
}
