package lint

import (
	"bytes"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Met reports whether core group meeting cg took place: it was Held (its
// record names someone who attended, not marked absent) and its record does not say in words
// that the meeting was cancelled or did not go ahead
// (CancelledInWords). A chair who writes up "Meeting cancelled: only the
// social worker and Mum attended; rearranged for 5 November" and lists
// who turned up records no meeting: C06 §05 asks the core group to meet
// "on a monthly basis", 1.8 §5.4 at its intervals, and a meeting that did
// not go ahead keeps neither. Read once a case and record.
func (c *Case) Met(cg *schema.CoreGroup) bool {
	if !c.Held(cg) {
		return false
	}
	if v, ok := c.cancelled[cg]; ok {
		return !v
	}
	v := CancelledInWords(cg)
	if c.cancelled == nil {
		c.cancelled = map[*schema.CoreGroup]bool{}
	}
	c.cancelled[cg] = v
	return !v
}

// CancelledInWords reports whether the body of core group record cg says
// that this meeting was cancelled or did not go ahead: a sentence (or a
// heading, or a line) that opens with the meeting ("Meeting cancelled",
// "This core group was cancelled as ...", "The meeting did not go ahead",
// "Core group - cancelled", "CG did not take place") or with the word
// itself ("Cancelled: ...", "CANCELLED due to snow"). A sentence about
// another meeting ("The last meeting was cancelled", "Next meeting
// cancelled for half term") or about anything else ("Dad's contact was
// cancelled") says nothing of this one; nor does a meeting postponed
// from another day, which is this one, held. A sentence dating what was
// cancelled ("Meeting cancelled on 3 March") is about another sitting, and
// in the record of a meeting held in place of another ("Rearranged from 3
// March (cancelled due to snow)") only a sentence naming this meeting
// counts.
func CancelledInWords(cg *schema.CoreGroup) bool {
	if cg == nil || cg.Doc == nil || cg.Doc.Source == nil {
		return false
	}
	data := cg.Doc.Source.Data
	if cg.Doc.BodyStart <= 0 || cg.Doc.BodyStart > len(data) {
		return false
	}
	body := data[cg.Doc.BodyStart:]
	if !mayCancel(body) {
		return false
	}
	text := strings.ToLower(string(body))
	// A meeting held in place of one that did not go ahead ("Rearranged
	// from 3 March (cancelled due to snow)", "Meeting cancelled on 3
	// March; held today instead") mentions the other's cancellation: only
	// a sentence naming this one ("This meeting was cancelled") counts.
	onlyThis := heldInPlace(text)
	for _, block := range bodyBlocks(text) {
		for _, s := range splitSentences(block) {
			if sentenceCancelsThis(s, onlyThis) {
				return true
			}
		}
	}
	return false
}

// inPlaceWords say that a meeting took the place of another, cancelled or
// moved: the record is of the meeting held.
var inPlaceWords = []string{"rearranged from", "re-arranged from", "rescheduled from", "re-scheduled from",
	"postponed from", "moved from", "brought forward from", "put back from", "held instead",
	"held today instead", "took place instead", "instead of the meeting", "instead of the core group",
	"in place of the", "replaces the", "replacing the", "replacement meeting", "replacement core group",
	"rearranged meeting", "re-arranged meeting", "rescheduled meeting", "rearranged to today",
	"rearranged for today", "moved to today", "rescheduled to today", "rescheduled for today"}

// heldInPlace reports whether text (lower case) says its meeting was held
// in place of another (inPlaceWords).
func heldInPlace(text string) bool {
	for _, w := range inPlaceWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// sentenceCancelsThis is sentenceCancels, and when onlyThis, only of a
// sentence that names this meeting ("this meeting", "today's core group").
func sentenceCancelsThis(s string, onlyThis bool) bool {
	if !onlyThis {
		return sentenceCancels(s)
	}
	t := strings.TrimLeft(s, " \t#*_->|")
	for _, p := range []string{"this ", "today's ", "todays ", "today’s "} {
		if strings.HasPrefix(t, p) {
			return sentenceCancels(t)
		}
	}
	return false
}

// splitSentences splits a block of text at the marks that end a sentence
// or a clause a label opens ("Cancelled: snow").
func splitSentences(block string) []string {
	return strings.FieldsFunc(block, func(r rune) bool {
		return r == '.' || r == '!' || r == '?' || r == ';' || r == ':' || r == '(' || r == ')'
	})
}

// bodyBlocks splits a record's body into its headings, list items and
// table rows, each a block, and its paragraphs, their wrapped lines joined:
// a sentence that runs on to the next line is one sentence.
func bodyBlocks(body string) []string {
	var out []string
	var para strings.Builder
	flush := func() {
		if para.Len() > 0 {
			out = append(out, para.String())
			para.Reset()
		}
	}
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "- ") ||
			strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ "):
			flush()
			out = append(out, t)
		default:
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			para.WriteString(t)
		}
	}
	flush()
	return out
}

// mayCancel tells, without reading the words, the bodies that hold none of
// cancelledVerbs' stems: nearly all.
func mayCancel(body []byte) bool {
	for _, stem := range [][]byte{[]byte("ancel"), []byte("ANCEL"), []byte("go ahead"), []byte("GO AHEAD"),
		[]byte("take place"), []byte("TAKE PLACE"), []byte("called off"), []byte("CALLED OFF"),
		[]byte("not held"), []byte("NOT HELD"), []byte("bandon"), []byte("BANDON")} {
		if bytes.Contains(body, stem) {
			return true
		}
	}
	return false
}

// cancelSubjects name this meeting at the start of a sentence.
var cancelSubjects = []string{"core group meeting", "core group", "cg meeting", "cgm", "cg", "meeting"}

// cancelVerbs say it did not take place.
var cancelVerbs = []string{"cancelled", "canceled", "called off", "abandoned", "not held",
	"did not go ahead", "didn't go ahead", "didn’t go ahead", "could not go ahead",
	"couldn't go ahead", "unable to go ahead", "did not take place", "didn't take place",
	"didn’t take place", "not go ahead", "not take place"}

// sentenceCancels reports whether sentence s, lower case, opens saying
// this meeting did not take place.
func sentenceCancels(s string) bool {
	s = strings.TrimLeft(s, " \t#*_->|")
	s = strings.TrimRight(s, " \t*_")
	if s == "" {
		return false
	}
	if verbOpens(s) { // "Cancelled - school closed", "CANCELLED"; not "Cancelled on 3 March"
		return !datedOther(s)
	}
	for _, p := range []string{"the ", "this ", "today's ", "todays ", "today’s "} {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	for _, subj := range cancelSubjects {
		rest, ok := strings.CutPrefix(s, subj)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != ',' && rest[0] != '-' {
			continue
		}
		rest = strings.TrimLeft(rest, " ,-–—")
		// "Core group 29/10/26 - cancelled": a date may follow the name.
		if i := strings.IndexAny(rest, " -–—"); i > 0 && strings.ContainsAny(rest[:i], "0123456789") {
			rest = strings.TrimLeft(rest[i:], " ,-–—")
		}
		for _, aux := range []string{"was ", "has been ", "had to be ", "is ", "were ", "have been "} {
			if r, ok := strings.CutPrefix(rest, aux); ok {
				rest = r
				break
			}
		}
		for _, adv := range []string{"also ", "then ", "again ", "unfortunately ", "subsequently "} {
			if r, ok := strings.CutPrefix(rest, adv); ok {
				rest = r
				break
			}
		}
		if verbOpens(rest) && !datedOther(rest) {
			return true
		}
	}
	return false
}

// datedOther reports whether rest, a sentence from its verb ("cancelled
// on 3 march as ..."), dates what was cancelled: "on" and a day or a
// month. This meeting's record does not date its own cancellation; a
// sentence that does is about another sitting ("Meeting cancelled on 3
// March; held today").
func datedOther(rest string) bool {
	for _, v := range cancelVerbs {
		if r, ok := strings.CutPrefix(rest, v); ok {
			rest = r
			break
		}
	}
	r, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), "on ")
	if !ok {
		return false
	}
	r = strings.TrimLeft(r, " ")
	if r != "" && '0' <= r[0] && r[0] <= '9' {
		return true
	}
	word := r
	if i := strings.IndexAny(word, " ,"); i >= 0 {
		word = word[:i]
	}
	return schema.IsWeekdayName(word) || schema.IsMonthName(word)
}

// verbOpens reports whether s opens with one of cancelVerbs, as whole words.
func verbOpens(s string) bool {
	for _, v := range cancelVerbs {
		if rest, ok := strings.CutPrefix(s, v); ok && (rest == "" || !isWordByte(rest[0])) {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '\''
}
