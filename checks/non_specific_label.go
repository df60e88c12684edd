package checks

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// NonSpecificLabel: a visit record describes the child with a non-specific
// label instead of what the child did and said.
var NonSpecificLabel = &lint.Rule{
	ID:       "non-specific-label",
	Title:    "A visit record describes the child with a non-specific label",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindVisit, schema.KindPlan},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§3", Quote: "Factual reports of the child's presentation and behaviour (these should be specific and avoid non-specific labels such as 'disturbed')"},
	},
	Text: `The record of contact with the child must give factual reports of the child's
presentation and behaviour: specific, and avoiding non-specific labels such
as "disturbed". A label says what the writer concluded; the record must say
what the child did and said, so that the next reader can judge for
themselves.

The rule fires on each use, as a whole word in any case, of a word or phrase
of the profile's non_specific_labels list (disturbed, challenging,
inappropriate, unsettled, attention seeking, manipulative, naughty,
difficult, hyper, and whatever the config adds) in the body of a visit
record. A word that only contains one ("undisturbed", "non-disturbed",
"hyper-vigilant") does not count, but a compound the label heads
("unsettled-looking", "difficult-to-engage", "naughty-ish") does;
comments are not read. Words inside quotation marks ("...", “...”, '...',
‘...’) are what someone said, not the worker's description, and do not
count: Jamie said "I was naughty". An apostrophe (child's, didn't) opens
no quotation, and a quotation left open at the end of its paragraph is not
one. A label said of "it" ("it was difficult to get a word in", "Mum
found it challenging") or of sleep ("disturbed sleep", "his sleep was
disturbed") does not describe the child and does not count.

The finding points at the line and column of the word.

Visits before the child was born (an antenatal visit, or any while the
child is recorded unborn) are not read: there is no presentation or
behaviour of the child to report, and a word there ("Mum was unsettled")
describes someone else. Visits dated before this authority's plan started
(a section 47 enquiry's visits before the initial conference, or the
previous authority's kept in a transfer-in case) are history, not visits
of the plan, and are not read.`,
	Bad: `## Presentation and behaviour
Mia was disturbed during the visit.`,
	Good: `## Presentation and behaviour
Mia hid under the table when her stepfather came in and would not come out
or speak until he had left the room; she then told me "he shouts at my mum".`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"non specific label", "vague label for child", "child described as disturbed", "labels instead of describing behaviour"},
	Related:  []string{"incomplete-visit-record", "missing-not-seen-reason", "missing-wishes-and-feelings", "unseen-bedroom"},
	Run:      runNonSpecificLabel,
}

func runNonSpecificLabel(pass *lint.Pass) error {
	if pass.Case.Plan == nil {
		return nil
	}
	labels := labelMatchers(pass.Profile.Words.NonSpecificLabels)
	if len(labels) == 0 {
		return nil
	}
	var f labelFinder
	for _, v := range pass.PlanVisits() {
		if v.Doc.Body == nil || !pass.Case.IsBornOn(v.Date.Date) {
			continue // before the birth there is no child's behaviour to report
		}
		// The quotations are found only in a record that has a label at
		// all, as most have not.
		var quoted [][2]int
		quotedRead := false
		for _, run := range v.Doc.Body.Text() {
			for _, m := range f.find(run.Text, labels) {
				if !quotedRead {
					quoted, quotedRead = quotedSpans(v.Doc.Source.Data, v.Doc.BodyStart), true
				}
				if inSpans(quoted, run.Offset+m[0]) {
					continue // someone's own words, quoted
				}
				if notOfTheChild(run.Text, m[0], m[1]) {
					continue // "it was difficult to", "disturbed sleep"
				}
				word := strings.Join(strings.Fields(run.Text[m[0]:m[1]]), " ")
				pass.ReportExtentf(v.Doc, run.Offset+m[0], run.Offset+m[1],
					"%q is a non-specific label: describe factually what the child did and said that led you to write it (%s)",
					word, cite(pass))
			}
		}
	}
	return nil
}

// A labelMatcher finds one label: its words, in any case, separated by any
// white space (a line break included). The meaning is that of the regular
// expression re, (?i)word1\s+word2..., run over the text for its
// non-overlapping matches (leftmost first, as FindAllStringIndex), each kept
// when it stands as a whole word. The finder does not run the expressions,
// which would take time in the number of labels times the length of the text
// (50,000 labels took minutes): it runs one automaton built from all the
// labels of a list (see labelAutomaton), which gives the same matches in one
// pass over the text, whatever the labels.
type labelMatcher struct {
	re *regexp.Regexp  // set by compileLabels only
	ac *labelAutomaton // the whole list's, shared by each of its labels
}

// labelMatchers compiles a list of labels once. Every case of a run is
// given the same slice (a profile's lists are not changed once made), so
// it is looked up by the slice first, without joining a long list again
// for each case.
func labelMatchers(labels []string) []labelMatcher {
	if len(labels) == 0 {
		return nil
	}
	sk := labelSlice{&labels[0], len(labels)}
	if v, ok := labelsBySlice.Load(sk); ok {
		return v.(labelsEntry).m
	}
	key := strings.Join(labels, "\x00")
	out, ok := compiledLabels.Load(key)
	if !ok {
		out = buildLabels(labels, false)
		compiledLabels.Store(key, out)
	}
	// The entry holds the slice, so that its memory is not reused for
	// another list while the entry stands.
	labelsBySlice.Store(sk, labelsEntry{labels, out.([]labelMatcher)})
	return out.([]labelMatcher)
}

var (
	compiledLabels sync.Map // the labels, joined: []labelMatcher
	labelsBySlice  sync.Map // labelSlice: labelsEntry
)

type labelSlice struct {
	first *string
	n     int
}

type labelsEntry struct {
	labels []string
	m      []labelMatcher
}

// compileLabels is buildLabels with each label's regular expression, the
// meaning of the automaton that tests hold it to.
func compileLabels(labels []string) []labelMatcher { return buildLabels(labels, true) }

// buildLabels makes the labels' automaton, and when withRegexp each one's
// regular expression (50,000 of them take a second to compile, and only
// tests use them).
func buildLabels(labels []string, withRegexp bool) []labelMatcher {
	var out []labelMatcher
	seen := map[string]bool{}
	ac := newLabelAutomaton()
	for _, l := range labels {
		words := strings.Fields(strings.ToLower(l))
		key := strings.Join(words, " ")
		if len(words) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		ac.add(words)
		m := labelMatcher{ac: ac}
		if withRegexp {
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = regexp.QuoteMeta(w)
			}
			m.re = regexp.MustCompile(`(?i)` + strings.Join(quoted, `\s+`))
		}
		out = append(out, m)
	}
	ac.build()
	return out
}

// A labelFinder finds labels in text; it keeps its buffers from one text to
// the next, so one finder serves one goroutine.
type labelFinder struct {
	folded []byte  // the text folded (see labelAutomaton)
	at     []int32 // at[i]: the offset in the text of the rune folded[i] is part of
	last   []int32 // per label: where its last match ends in folded, +1 (0: none)
	set    []int32 // the labels whose last is set, to clear after the text
	all    [][2]int
	steps  int // work done by find since the finder was made: see TestLabelsLinear
}

// find returns the [start, end) byte ranges of text where a label stands
// as a whole word: not preceded or followed by a letter, a digit, an
// underscore or a hyphen ("undisturbed" and "non-disturbed" do not count).
// Overlapping matches keep the earliest, then the longest. The result is
// valid until the next call.
func (f *labelFinder) find(text string, labels []labelMatcher) [][2]int {
	f.all = f.all[:0]
	if len(labels) == 0 || len(text) == 0 {
		return f.all
	}
	ac := labels[0].ac
	if !ac.endsIn(text) {
		return f.all // most texts: no label ends anywhere in them
	}
	return f.findFolded(text, ac)
}

// findFolded is find on a text where a label may end: the text is folded
// into f's buffers, where each byte comes from kept, and the automaton run
// again over the fold.
func (f *labelFinder) findFolded(text string, ac *labelAutomaton) [][2]int {
	f.fold(text)
	if len(f.last) < int(ac.labels) {
		f.last = make([]int32, ac.labels)
	}
	defer func() { // clear what this text set, not the whole list
		for _, id := range f.set {
			f.last[id] = 0
		}
		f.set = f.set[:0]
	}()
	// One pass of the automaton over the folded text: at each byte, every
	// label ending there, each as the regular expression would find it
	// (not overlapping its own previous match).
	s := int32(0)
	for i := 0; i < len(f.folded); i++ {
		c := f.folded[i]
		if ac.dfa != nil {
			f.steps++
			s = ac.dfa[int(s)<<8|int(c)]
		} else {
			for {
				f.steps++
				if t := ac.next(s, c); t >= 0 {
					s = t
					break
				}
				if s == 0 {
					break
				}
				s = ac.fail[s]
			}
		}
		for o := ac.out[s]; o >= 0; o = ac.out[ac.fail[o]] {
			f.steps++
			id := ac.label[o]
			start, end := i+1-int(ac.depth[o]), i+1
			if int(f.last[id])-1 > start {
				continue // inside this label's previous match
			}
			if f.last[id] == 0 {
				f.set = append(f.set, id)
			}
			f.last[id] = int32(end) + 1
			f.add(text, int(f.at[start]), int(f.at[end]))
		}
	}
	slices.SortFunc(f.all, func(a, b [2]int) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(b[1], a[1])
	})
	out := f.all[:0]
	end := -1
	for _, m := range f.all {
		if m[0] < end {
			continue
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

// fold writes text folded into f.folded, and where each of its bytes comes
// from into f.at: every rune as foldRune makes it (a byte that is not UTF-8
// as U+FFFD, as the regular expressions read it), and every run of the
// white space of \s as one space.
func (f *labelFinder) fold(text string) {
	// Room for the text at once (a fold is as long as the text, but for
	// a rune whose fold is longer).
	f.folded, f.at = slices.Grow(f.folded[:0], len(text)), slices.Grow(f.at[:0], len(text)+1)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if isRegexpSpace(c) {
				j := i + 1
				for j < len(text) && isRegexpSpace(text[j]) {
					j++
				}
				f.folded, f.at = append(f.folded, ' '), append(f.at, int32(i))
				i = j
				continue
			}
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			f.folded, f.at = append(f.folded, c), append(f.at, int32(i))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		w := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:w] {
			f.folded, f.at = append(f.folded, b), append(f.at, int32(i))
		}
		i += n
	}
	f.at = append(f.at, int32(len(text)))
}

// endsIn reports whether a label of the automaton ends anywhere in text as
// fold writes it: whether find's pass over the fold reaches a state where
// one ends. When it does not, find finds nothing; this tells it in one pass
// over the text, folding each byte as it is read, and writes nothing. It
// answers true, to be safe, for an automaton too large for a table of
// moves.
func (a *labelAutomaton) endsIn(text string) bool {
	if a.dfa == nil {
		return true
	}
	var buf [utf8.UTFMax]byte
	s := int32(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case isRegexpSpace(c):
				for i < len(text) && isRegexpSpace(text[i]) {
					i++
				}
				c = ' '
			case 'a' <= c && c <= 'z':
				c -= 'a' - 'A'
			}
			if s = a.dfa[int(s)<<8|int(c)]; a.ends[s] {
				return true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		w := utf8.EncodeRune(buf[:], foldRune(r))
		for _, c := range buf[:w] {
			if s = a.dfa[int(s)<<8|int(c)]; a.ends[s] {
				return true
			}
		}
		i += n
	}
	return false
}

// foldRune returns the least rune of r's case-folding orbit (unicode.SimpleFold),
// as Go's regular expressions do for (?i): two runes match in any case exactly
// when foldRune gives the same rune for both. For ASCII that is the upper
// case letter (K and ſ, U+212A and U+017F, fold to K and S).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	if r < 1<<16 {
		return foldTable()[r]
	}
	return leastFold(r)
}

func leastFold(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// foldTable is leastFold of the runes under U+10000, made once.
var foldTable = sync.OnceValue(func() []rune {
	t := make([]rune, 1<<16)
	for r := range t {
		t[r] = leastFold(rune(r))
	}
	return t
})

// A labelAutomaton is an Aho-Corasick automaton over the folded bytes of
// a list of labels: each label's words folded by foldRune and joined by one
// space, as fold writes the text. It finds every place where any label
// ends in one pass over the text, in time linear in the text and in the
// matches (at most, at each byte, the labels of the list that end one
// inside another there).
type labelAutomaton struct {
	root [256]int32 // the root's moves (-1: none)
	// Each other state's moves, sorted by byte: edgeByte[edgeOff[s]:edgeOff[s+1]]
	// to edgeTo[...]. While labels are added, child and sibling link them
	// instead.
	edgeOff        []int32
	edgeByte       []byte
	edgeTo         []int32
	child, sibling []int32 // per state: its first child, its next sibling (-1: none)
	byteOf         []byte  // per state: the byte that leads to it
	fail           []int32 // per state: the longest proper suffix that is a state
	out            []int32 // per state: the state of the longest label ending here, itself or by fail links (-1: none)
	depth          []int32 // per state: its length in bytes
	label          []int32 // per state: the label it ends (-1: none)
	labels         int32
	dfa            []int32 // for a small automaton: every state's move on every byte, fail links followed
	ends           []bool  // with dfa, per state: a label ends there (out is set)
}

// maxDFAStates is the most states of an automaton that build turns into a
// table of moves (1 KB a state): the profiles' lists have a few hundred.
const maxDFAStates = 4096

func newLabelAutomaton() *labelAutomaton {
	a := &labelAutomaton{}
	for i := range a.root {
		a.root[i] = -1
	}
	a.newState(0, 0)
	return a
}

func (a *labelAutomaton) newState(c byte, depth int32) int32 {
	s := int32(len(a.fail))
	a.child, a.sibling, a.byteOf = append(a.child, -1), append(a.sibling, -1), append(a.byteOf, c)
	a.fail, a.out, a.depth, a.label = append(a.fail, 0), append(a.out, -1), append(a.depth, depth), append(a.label, -1)
	return s
}

// next is state s's move on byte c, or -1.
func (a *labelAutomaton) next(s int32, c byte) int32 {
	if s == 0 {
		return a.root[c]
	}
	if a.edgeOff == nil { // still being built
		for t := a.child[s]; t >= 0; t = a.sibling[t] {
			if a.byteOf[t] == c {
				return t
			}
		}
		return -1
	}
	lo, hi := a.edgeOff[s], a.edgeOff[s+1]
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch b := a.edgeByte[m]; {
		case b == c:
			return a.edgeTo[m]
		case b < c:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

// add adds a label, its words lower case (and so without white space).
func (a *labelAutomaton) add(words []string) {
	var buf [utf8.UTFMax]byte
	s := int32(0)
	step := func(c byte) {
		t := a.next(s, c)
		if t < 0 {
			t = a.newState(c, a.depth[s]+1)
			if s == 0 {
				a.root[c] = t
			} else {
				a.sibling[t], a.child[s] = a.child[s], t
			}
		}
		s = t
	}
	for i, w := range words {
		if i > 0 {
			step(' ')
		}
		for _, r := range w {
			n := utf8.EncodeRune(buf[:], foldRune(r))
			for _, c := range buf[:n] {
				step(c)
			}
		}
	}
	if a.label[s] < 0 { // two labels that fold the same are one
		a.label[s] = a.labels
		a.labels++
	}
}

// build sets the fail and out links, breadth first, and lays the moves
// out for find.
func (a *labelAutomaton) build() {
	children := func(s int32, f func(t int32)) {
		if s == 0 {
			for _, t := range a.root {
				if t >= 0 {
					f(t)
				}
			}
			return
		}
		for t := a.child[s]; t >= 0; t = a.sibling[t] {
			f(t)
		}
	}
	order := []int32{0} // breadth first
	for i := 0; i < len(order); i++ {
		s := order[i]
		if a.label[s] >= 0 {
			a.out[s] = s
		} else if s != 0 {
			a.out[s] = a.out[a.fail[s]]
		}
		children(s, func(t int32) {
			if s != 0 {
				c := a.byteOf[t]
				for f := a.fail[s]; ; f = a.fail[f] {
					if g := a.next(f, c); g >= 0 {
						a.fail[t] = g
						break
					}
					if f == 0 {
						break
					}
				}
			}
			order = append(order, t)
		})
	}
	// fail[0] is 0, and out[fail[o]] at the root is -1: the loop in find
	// over out links ends there.
	if len(a.fail) <= maxDFAStates {
		a.dfa = make([]int32, len(a.fail)<<8)
		for _, s := range order {
			for c := range 256 {
				t := a.next(s, byte(c))
				if t < 0 {
					t = 0
					if s != 0 {
						t = a.dfa[int(a.fail[s])<<8|c]
					}
				}
				a.dfa[int(s)<<8|c] = t
			}
		}
		a.ends = make([]bool, len(a.fail))
		for s, o := range a.out {
			a.ends[s] = o >= 0
		}
	}
	// The moves, sorted by byte, in one array.
	off := make([]int32, len(a.fail)+1)
	edgeByte := make([]byte, 0, len(a.fail))
	edgeTo := make([]int32, 0, len(a.fail))
	for s := range int32(len(a.fail)) {
		off[s] = int32(len(edgeTo))
		if s == 0 {
			continue
		}
		first := len(edgeTo)
		for t := a.child[s]; t >= 0; t = a.sibling[t] {
			edgeByte, edgeTo = append(edgeByte, a.byteOf[t]), append(edgeTo, t)
		}
		sort.Sort(edgesByByte{edgeByte[first:], edgeTo[first:]})
	}
	off[len(a.fail)] = int32(len(edgeTo))
	a.edgeOff, a.edgeByte, a.edgeTo = off, edgeByte, edgeTo
	a.child, a.sibling, a.byteOf = nil, nil, nil
}

type edgesByByte struct {
	b []byte
	t []int32
}

func (e edgesByByte) Len() int           { return len(e.b) }
func (e edgesByByte) Less(i, j int) bool { return e.b[i] < e.b[j] }
func (e edgesByByte) Swap(i, j int) {
	e.b[i], e.b[j] = e.b[j], e.b[i]
	e.t[i], e.t[j] = e.t[j], e.t[i]
}

func (f *labelFinder) add(text string, start, end int) {
	if wordEdge(text, start, end) {
		f.all = append(f.all, [2]int{start, end})
	}
}

// isRegexpSpace is Go's regular expression class \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func wordEdge(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isLabelWordRune(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if r == '-' && compoundHead(text[end+1:]) {
			return true // "unsettled-looking": the label heads a compound
		}
		if isLabelWordRune(r) {
			return false
		}
	}
	return true
}

// compoundWords are the words that, joined by a hyphen after a label, make
// a compound of which the label is still the meaning: "unsettled-looking",
// "disturbed-seeming", "naughty-ish", "difficult-to-engage". A hyphen
// before anything else makes another word ("hyper-vigilant",
// "hyper-mobile"), and one before the label negates it
// ("non-disturbed"): neither counts.
var compoundWords = []string{"looking", "seeming", "appearing", "sounding", "acting", "like", "ish", "type", "natured", "to"}

// compoundHead reports whether rest, the text after a hyphen that follows
// a label, opens with one of compoundWords as a whole word.
func compoundHead(rest string) bool {
	for _, w := range compoundWords {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			if len(rest) == len(w) {
				return true
			}
			r, _ := utf8.DecodeRuneInString(rest[len(w):])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
				return true
			}
		}
	}
	return false
}

func isLabelWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'
}

// quotedSpans returns the [start, end) byte ranges of data, from offset
// from on, that lie inside quotation marks: "...", “...”, '...', ‘...’ and
// «...». A quotation does not run past the end of its paragraph (a blank
// line or a heading); one left open there is not a quotation. A straight
// quote opens after a space, a bracket or a dash, or at the start of a line,
// and closes before one or before punctuation; an apostrophe between two
// letters (child's, didn't) neither opens nor closes. A ’ closes a ‘ only
// when no letter follows it (didn’t stays inside the quotation).
func quotedSpans(data []byte, from int) [][2]int {
	var out [][2]int
	type open struct {
		close rune
		at    int
	}
	var stack []open
	lineStart := true
	blank := true
	endPara := func() { stack = stack[:0] }
	for i := max(0, from); i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == '\n' {
			if blank {
				endPara()
			}
			lineStart, blank = true, true
			i += n
			continue
		}
		if lineStart && r == '#' {
			endPara()
		}
		if !unicode.IsSpace(r) {
			blank = false
		}
		lineStart = false
		prev, _ := utf8.DecodeLastRune(data[:i])
		next, _ := utf8.DecodeRune(data[i+n:])
		if i == 0 {
			prev = ' '
		}
		if i+n >= len(data) {
			next = ' '
		}
		opensAfter := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/*_>", prev)
		closesBefore := unicode.IsSpace(next) || unicode.IsPunct(next) || next == utf8.RuneError
		top := rune(0)
		if len(stack) > 0 {
			top = stack[len(stack)-1].close
		}
		switch {
		case len(stack) > 0 && r == top && (r != '\'' && r != '’' || !unicode.IsLetter(next)) && (r != '"' || !opensAfter || closesBefore):
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			out = append(out, [2]int{o.at, i})
		case r == '“':
			stack = append(stack, open{'”', i + n})
		case r == '‘':
			stack = append(stack, open{'’', i + n})
		case r == '«':
			stack = append(stack, open{'»', i + n})
		case (r == '"' || r == '\'') && opensAfter && !unicode.IsSpace(next):
			stack = append(stack, open{r, i + n})
		}
		i += n
	}
	// Sorted and merged (a quotation inside another lies within it), for
	// inSpans' binary search.
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// inSpans reports whether off lies inside one of spans (sorted, disjoint).
func inSpans(spans [][2]int, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > off })
	return i < len(spans) && spans[i][0] <= off
}

// notOfTheChild reports whether the label at text[start:end] plainly does
// not describe the child: said of "it" ("it was difficult to get a word
// in", "Mum found it challenging"), or of sleep ("disturbed sleep", "a
// disturbed night", "his sleep was disturbed"). The record is still
// expected to say what happened; these are not labels on the child.
func notOfTheChild(text string, start, end int) bool {
	// Only the few words either side matter: look at a window, so that a
	// long text with many labels stays linear.
	before := strings.Fields(strings.ToLower(text[max(0, start-48):start]))
	after := strings.Fields(strings.ToLower(text[end:min(len(text), end+24)]))
	last := func(n int) string {
		if len(before) < n {
			return ""
		}
		return strings.Join(before[len(before)-n:], " ")
	}
	for _, p := range []string{"it was", "it is", "it's", "it’s", "it has been", "it had been", "it can be",
		"found it", "finds it", "find it", "finding it", "sleep was", "sleep is", "sleep has been",
		"sleep had been", "night was", "nights were", "nights have been"} {
		if n := len(strings.Fields(p)); last(n) == p {
			return true
		}
	}
	if len(after) > 0 {
		switch strings.Trim(after[0], ".,;:!?)") {
		case "sleep", "sleeping", "night", "nights", "sleeper":
			return true
		}
	}
	return false
}
