package lint

import (
	"strings"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// A lexicon reads a text once for the words of several phrase lists,
// where each list's mayBeIn would read it once each: a visit's words are
// asked of the seen-alone and the not-alone lists in turn. Its answer for
// a list is that list's mayBeIn, exactly.
type lexicon struct {
	lists []*phraseIndex
	// words holds each vocab word of the lists, with its number in each
	// list's vocab (-1 where it is not one of them); shapes is their
	// vocabShapes together.
	words  map[string]lexWord
	shapes [256]uint64
}

// lexMax is the most lists a lexicon reads for.
const lexMax = 5

// The lists of a profile's seeing lexicon (profileWords.seeing), in order.
const (
	lexSeenAlone     = iota // seenAloneTokens
	lexNotAlone             // the profile's not_alone
	lexNotFaceToFace        // not_face_to_face
	lexChildNotSeen         // child_not_seen
	lexChildAsleep          // child_asleep
)

// lexWord is a word's number in each list's vocab, -1 where it is none.
type lexWord [lexMax]int16

// newLexicon makes a lexicon of lists (at most lexMax of them).
func newLexicon(lists ...*phraseIndex) *lexicon {
	if len(lists) > lexMax {
		panic("lint: a lexicon of more than lexMax lists")
	}
	x := &lexicon{lists: lists, words: map[string]lexWord{}}
	for i, l := range lists {
		for w, k := range l.vocab {
			e, ok := x.words[w]
			if !ok {
				for j := range e {
					e[j] = -1
				}
			}
			e[i] = int16(k)
			x.words[w] = e
		}
		for b, s := range l.vocabShapes {
			x.shapes[b] |= s
		}
	}
	return x
}

// mayBeIn returns, for each of the lexicon's lists in order,
// lists[i].mayBeIn(text), reading text once.
func (x *lexicon) mayBeIn(text string) (may [lexMax]bool) {
	var has [lexMax]wordSet
	var found [lexMax]bool
	var buf [64]byte
	for w, next, ok := nextKeyRun(text, 0, &buf); ; w, next, ok = nextKeyRun(text, next, &buf) {
		if !ok {
			for i := range may {
				may[i] = true // a rune that lower-cases to ASCII: read the words
			}
			return may
		}
		if w == nil {
			break
		}
		if x.shapes[w[0]]&(1<<min(len(w), 63)) == 0 {
			continue
		}
		e, in := x.words[string(w)]
		if !in {
			continue
		}
		for i, k := range e {
			if k >= 0 {
				has[i].add(int(k))
				found[i] = true
			}
		}
	}
	for i, l := range x.lists {
		may[i] = l.anyText || found[i] && l.maySay(&has[i])
	}
	return may
}

// nextKeyRun returns the first run of ASCII letters and digits in text
// from i that is shorter than 64 bytes, lower-cased into buf, and where
// the run ends; w is nil, and next len(text), when there is none. ok is
// false at a rune that lower-cases to an ASCII letter (the Kelvin sign,
// the dotted capital I), whose words only refusalTokens reads right: the
// reader must then take the text as holding any word. A text's runs are
// read as mayBeIn reads them: for w, next, ok := nextKeyRun(text, 0, &buf);
// w != nil; w, next, ok = nextKeyRun(text, next, &buf).
func nextKeyRun(text string, i int, buf *[64]byte) (w []byte, next int, ok bool) {
	for i < len(text) {
		c := text[i]
		if !isASCIIAlnum(c) {
			if c >= utf8.RuneSelf && (strings.HasPrefix(text[i:], "\u212a") || strings.HasPrefix(text[i:], "\u0130")) {
				return nil, len(text), false
			}
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isASCIIAlnum(text[j]) {
			j++
		}
		if j-i < len(buf) {
			w := buf[:0]
			for k := i; k < j; k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w = append(w, c)
			}
			return w, j, true
		}
		i = j
	}
	return nil, len(text), true
}

// visitReading is a visit's texts (appendVisitTexts) and, for each, what
// the profile's seeing lexicon says may be in it (may[i][lexNotAlone] is
// the not-alone list's mayBeIn of texts[i]): read once a visit and
// profile, as the readers of a visit's words (NotSeenAloneInWords,
// NotFaceToFaceInWords, NotSeenInWords) each ask it of every visit.
type visitReading struct {
	texts []string
	may   [][lexMax]bool
}

// readVisit returns visit v's reading under the pass's profile, kept in
// the case.
func (p *Pass) readVisit(v *schema.Visit) *visitReading {
	key := visitWordsKey{v, p.Profile}
	if r, ok := p.Case.readings[key]; ok {
		return r
	}
	r := &visitReading{texts: appendVisitTexts(nil, v)}
	lex := p.profileWordsOf().seeing
	r.may = make([][lexMax]bool, len(r.texts))
	for i, t := range r.texts {
		r.may[i] = lex.mayBeIn(t)
	}
	if p.Case.readings == nil {
		p.Case.readings = map[visitWordsKey]*visitReading{}
	}
	p.Case.readings[key] = r
	return r
}

// column appends to buf, and returns, list k's answer for each text.
func (r *visitReading) column(k int, buf []bool) []bool {
	for i := range r.may {
		buf = append(buf, r.may[i][k])
	}
	return buf
}
