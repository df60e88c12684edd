package schema

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Actions written as labelled items rather than a table (format 1.1):
//
//	- A3 (O2): Find a tenancy worker. Owner: Sam Doe. Due: 2026-02-01.
//	- **A4** Register Jamie with a dentist
//	  **Owner:** Sam Doe
//	  **Due:** by 31 March 2026
//	  - Outcome: O1
//	### A5: Walk Jamie to school
//	Who: Sam Doe. When: each school day. Linked to: O1.
//
// The Actions section is read as a stream of units: its top-level
// paragraphs, the items of its top-level lists, and its ### (or deeper)
// headings. A unit that opens with a label ("Owner: ...", "- Due: ...")
// adds its fields to the unit before it, when that one does not have them
// yet; so do fields on lines of their own, in nested lists or in the
// paragraph under a ### heading. A unit with an Owner, Due or Outcome field
// (or an outcome id in brackets after its id) is an action, and so is
// every item of a list in which one item is: an item without fields is an
// action with none, reported by the rules that read them. Labels are the
// table's column names and their synonyms (Who:, By:, When:, Timescale:,
// Outcomes:, Linked to:; ActionColumn), with or without emphasis, and
// those close to one ("Target date:"), which are read as it and noted as
// near misses.

// vtext is the text of a unit: its lines joined by "\n", each byte with
// its offset in the source.
type vtext struct {
	b   []byte
	off []int
}

func (v *vtext) addLine(p *bodyParser, start, stop int) {
	for stop > start && (p.in[stop-1] == '\n' || p.in[stop-1] == '\r') {
		stop--
	}
	if len(v.b) > 0 {
		v.b = append(v.b, '\n')
		v.off = append(v.off, v.off[len(v.off)-1])
	}
	for i := start; i < stop; i++ {
		v.b = append(v.b, p.in[i])
		v.off = append(v.off, p.off(i))
	}
}

// addBlock adds the lines of the paragraphs, text blocks and headings in
// block n, in order.
func (v *vtext) addBlock(p *bodyParser, n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			ls := c.Lines()
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				if seg.Start >= 0 && seg.Stop <= len(p.in) && seg.Start <= seg.Stop {
					v.addLine(p, seg.Start, seg.Stop)
				}
			}
			return ast.WalkSkipChildren, nil
		case ast.KindHTMLBlock, ast.KindCodeBlock, ast.KindFencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		if c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// blankComments turns HTML comments (want and caselint:ignore comments
// among them) into spaces, keeping every offset.
func (v *vtext) blankComments() {
	for i := 0; ; {
		j := bytes.Index(v.b[i:], []byte("<!--"))
		if j < 0 {
			return
		}
		j += i
		k := bytes.Index(v.b[j+4:], []byte("-->"))
		end := len(v.b)
		if k >= 0 {
			end = j + 4 + k + 3
		}
		for x := j; x < end; x++ {
			if v.b[x] != '\n' {
				v.b[x] = ' '
			}
		}
		i = end
		if i >= len(v.b) {
			return
		}
	}
}

// blankStruck turns text struck out ("~~Sam Doe~~ Pat Doe", a whole
// action "~~A7 ... Due: weekly~~") into spaces, keeping every offset, as
// the cells of a table are read without it (appendWritten); it reports
// whether it blanked any. A "~~" with no other on its line is left.
func (v *vtext) blankStruck() bool {
	blanked := false
	for i := 0; i+1 < len(v.b); {
		j := bytes.Index(v.b[i:], []byte("~~"))
		if j < 0 {
			break
		}
		j += i
		line := bytes.IndexByte(v.b[j+2:], '\n')
		if line < 0 {
			line = len(v.b)
		} else {
			line += j + 2
		}
		k := bytes.Index(v.b[j+2:line], []byte("~~"))
		if k < 0 {
			i = line
			continue
		}
		end := j + 2 + k + 2
		for x := j; x < end; x++ {
			v.b[x] = ' '
		}
		blanked = true
		i = end
	}
	return blanked
}

// unit is one paragraph, list item or heading of the actions section.
type unit struct {
	text    vtext
	list    int // the list it is an item of, 1-based; 0 for none
	heading bool
	head    span                 // the text before the first label
	fields  map[string]itemField // by canonical column name
	near    []NearMiss
	inherit string // the outcome of the group the unit is listed under, when it names none
	struck  bool   // text struck out of it was blanked (blankStruck)
}

type span struct{ start, end int } // in unit.text.b

type itemField struct {
	val span
}

// hasFields reports whether the unit has a field that makes it an action.
func (u *unit) hasFields() bool {
	for _, k := range []string{"owner", "due", "outcome"} {
		if _, ok := u.fields[k]; ok {
			return true
		}
	}
	return false
}

// actionItems reads the actions written as labelled units in blocks (only
// list items when listsOnly), or returns nil when there are none.
func (p *bodyParser) actionItems(blocks []ast.Node, listsOnly bool) *ActionTable {
	return p.readActionItems(blocks, listsOnly, false)
}

// readActionItems is actionItems; sentences, that the nested items of an
// item opening with an outcome are its actions though none has a field
// (actionGroup), as they are read in a section where no item has one.
func (p *bodyParser) readActionItems(blocks []ast.Node, listsOnly, sentences bool) *ActionTable {
	var units []*unit
	lists := 0
	var g outcomeGroup // the outcome the units are written under
	for _, b := range blocks {
		// An outcome's sub-heading is still read as a unit: fields under
		// it make it an action of its own.
		g.read(p, b)
		first := len(units)
		switch b.Kind() {
		case ast.KindList:
			lists++
			for it := b.FirstChild(); it != nil; it = it.NextSibling() {
				if it.Kind() != ast.KindListItem {
					continue
				}
				if group := p.actionGroup(it, lists, sentences); group != nil {
					units = append(units, group...)
					continue
				}
				u := &unit{list: lists}
				u.text.addBlock(p, it)
				units = append(units, u)
			}
		case ast.KindParagraph, ast.KindHeading:
			if listsOnly {
				continue
			}
			u := &unit{heading: b.Kind() == ast.KindHeading}
			u.text.addBlock(p, b)
			units = append(units, u)
		}
		for _, u := range units[first:] {
			if u.inherit == "" {
				u.inherit = g.id
			}
		}
	}
	for _, u := range units {
		u.text.blankComments()
		u.struck = u.text.blankStruck()
		u.parse()
	}
	// Fields that open a unit belong to the unit before, when it lacks them.
	var merged []*unit
	for _, u := range units {
		if len(merged) > 0 && u.headEmpty() && len(u.fields) > 0 {
			prev := merged[len(merged)-1]
			if !prev.overlaps(u) {
				prev.absorb(u)
				continue
			}
		}
		merged = append(merged, u)
	}
	actionLists := map[int]bool{}
	anyFields := false
	for _, u := range merged {
		if u.hasFields() {
			anyFields = true
			if u.list > 0 {
				actionLists[u.list] = true
			}
		}
	}
	// A section of sentences grouped under outcome headings, no item
	// with a field ("**O1 - school**" then "- Mum to walk Jamie to school
	// each day"): each list under an outcome is that outcome's actions,
	// their owners and timescales read from their words. Beside a table
	// (listsOnly), or where other items have fields, such lists are read
	// as before.
	if !listsOnly && !anyFields {
		if !sentences {
			// Read again with the sentences nested under an outcome
			// item ("- **O1** Jamie is safe" then "  - Mum to ...").
			return p.readActionItems(blocks, listsOnly, true)
		}
		for _, u := range merged {
			if u.list > 0 && u.inherit != "" {
				actionLists[u.list] = true
			}
		}
	}
	tbl := &ActionTable{List: true, Columns: []string{"id", "action", "owner", "due", "outcome"}}
	seen := map[string]bool{}
	for _, u := range merged {
		if !u.hasFields() && !(u.list > 0 && actionLists[u.list]) {
			continue
		}
		if len(u.text.b) == 0 || u.struck && onlySpace(u.text.b) {
			continue // nothing, or an action struck out of the plan
		}
		a := p.unitAction(u)
		if len(tbl.Rows) == 0 {
			tbl.Offset = a.Offset
		}
		tbl.Rows = append(tbl.Rows, a)
		for _, nm := range u.near {
			if k := nm.Name + "\x00" + strings.ToLower(nm.Written); !seen[k] {
				seen[k] = true
				tbl.NearMisses = append(tbl.NearMisses, nm)
			}
		}
	}
	if len(tbl.Rows) == 0 {
		return nil
	}
	return tbl
}

// actionGroup reads a list item whose nested list items are actions of
// their own (each with its text and fields), as plans grouped by outcome
// write them:
//
//   - **O1** Ruby has regular meals.
//   - Clean the home. Owner: Leanne Shaw. Due: weekly
//   - Breakfast club. Owner: Adam Price. Due: each school day
//
// Each nested item is an action; one that names no outcome serves the
// outcome the item opens with. The item itself is an action too when it
// has fields of its own, and otherwise only their heading. It returns nil
// for an item without such nested actions (a nested "- Outcome: O1" is a
// field of the item, not an action). With sentences, the nested items of
// an item opening with an outcome are actions though none has a field
// ("- **O1** Jamie is safe" then "  - Mum to walk Jamie to school daily").
func (p *bodyParser) actionGroup(it ast.Node, list int, sentences bool) []*unit {
	if sentences && p.itemOutcome(it) == "" {
		sentences = false
	}
	var nested []*unit
	var lists []ast.Node
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindList {
			continue
		}
		var us []*unit
		for n := c.FirstChild(); n != nil; n = n.NextSibling() {
			if n.Kind() != ast.KindListItem {
				continue
			}
			u := &unit{list: list}
			u.text.addBlock(p, n)
			u.text.blankComments()
			u.parse()
			us = append(us, u)
		}
		actions := 0
		for _, u := range us {
			if len(u.text.b) > 0 && !u.headEmpty() && u.hasFields() {
				actions++
			}
		}
		if actions == 0 && !(sentences && len(us) > 0) {
			continue
		}
		lists = append(lists, c)
		nested = append(nested, us...)
	}
	if len(nested) == 0 {
		return nil
	}
	parent := &unit{list: list}
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		skip := false
		for _, l := range lists {
			skip = skip || c == l
		}
		if !skip {
			parent.text.addBlock(p, c)
		}
	}
	parent.text.blankComments()
	parent.parse()
	var out []*unit
	id := ""
	if len(parent.text.b) > 0 {
		head := strings.TrimLeft(string(parent.text.b[parent.head.start:parent.head.end]), " \t*_#")
		id, _ = splitOutcomeID(collapse(head))
	}
	if parent.hasFields() || id == "" && len(parent.text.b) > 0 && !parent.headEmpty() {
		out = append(out, parent)
	}
	for _, u := range nested {
		if _, ok := u.fields["outcome"]; !ok && id != "" {
			u.inherit = id
		}
		out = append(out, u)
	}
	return out
}

// itemOutcome returns the outcome id list item it opens with, its nested
// lists aside ("- **O1** Jamie is safe"), or "".
func (p *bodyParser) itemOutcome(it ast.Node) string {
	head := &unit{}
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindList {
			head.text.addBlock(p, c)
		}
	}
	head.text.blankComments()
	head.parse()
	if len(head.text.b) == 0 {
		return ""
	}
	id, _ := splitOutcomeID(collapse(strings.TrimLeft(string(head.text.b[head.head.start:head.head.end]), " \t*_#")))
	return id
}

// headEmpty reports whether the unit opens with a label.
func (u *unit) headEmpty() bool {
	return len(bytes.TrimFunc(u.text.b[u.head.start:u.head.end], isMarkupOrSpace)) == 0
}

// overlaps reports whether u and v both have one of the same fields.
func (u *unit) overlaps(v *unit) bool {
	for k := range v.fields {
		if _, ok := u.fields[k]; ok {
			return true
		}
	}
	return false
}

// absorb adds the text and fields of v to u.
func (u *unit) absorb(v *unit) {
	if len(v.text.b) == 0 {
		return
	}
	if len(u.text.b) == 0 {
		u.text.b = append(u.text.b, ' ')
		u.text.off = append(u.text.off, v.text.off[0])
	}
	base := len(u.text.b) + 1
	u.text.b = append(u.text.b, '\n')
	u.text.off = append(u.text.off, u.text.off[len(u.text.off)-1])
	u.text.b = append(u.text.b, v.text.b...)
	u.text.off = append(u.text.off, v.text.off...)
	for k, f := range v.fields {
		u.fields[k] = itemField{val: span{f.val.start + base, f.val.end + base}}
	}
	u.near = append(u.near, v.near...)
}

func isMarkupOrSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '*' || r == '_' || r == '-' || r == ':' || r == '.'
}

// label is a field label found in a unit.
type label struct {
	start, colon, valStart int
	name                   string
}

// parse finds the unit's labels and fields.
func (u *unit) parse() {
	b := u.text.b
	// A task list's check box.
	for _, box := range []string{"[ ]", "[x]", "[X]"} {
		if bytes.HasPrefix(b, []byte(box)) {
			copy(b, "   ")
		}
	}
	var labels []label
	for c := 0; c < len(b); c++ {
		if b[c] != ':' {
			continue
		}
		if c+1 < len(b) && (b[c+1] == '/' || isDigit(b[c+1]) && c > 0 && isDigit(b[c-1])) {
			continue // https://, 10:30
		}
		if l, ok := u.labelAt(c); ok {
			if len(labels) > 0 && l.start < labels[len(labels)-1].valStart {
				continue
			}
			labels = append(labels, l)
		}
	}
	u.fields = map[string]itemField{}
	u.head = span{0, len(b)}
	if len(labels) > 0 {
		u.head.end = labels[0].start
	}
	for i, l := range labels {
		end := len(b)
		if i+1 < len(labels) {
			end = labels[i+1].start
		}
		val := trimValue(b, l.valStart, end)
		if _, dup := u.fields[l.name]; dup {
			continue
		}
		u.fields[l.name] = itemField{val: val}
	}
	// "A3 (O2): ..." or "... (O2)": an outcome in brackets in the head,
	// or at the end of a field ("Due: weekly (O2)").
	if _, ok := u.fields["outcome"]; !ok {
		if sp, ok := bracketOutcome(b, u.head); ok {
			u.fields["outcome"] = itemField{val: sp}
		} else if sp, ok := dashOutcome(b, u.head); ok {
			u.fields["outcome"] = itemField{val: sp}
		}
	}
	if _, ok := u.fields["outcome"]; !ok {
		for _, name := range []string{"owner", "due", "action", "id"} {
			f, ok := u.fields[name]
			if !ok {
				continue
			}
			if sp, ok := bracketOutcome(b, f.val); ok && b[f.val.end-1] == ')' || ok && b[f.val.end-1] == ']' {
				u.fields["outcome"] = itemField{val: sp}
				u.fields[name] = itemField{val: trimSpan(b, f.val)}
				break
			}
		}
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// labelAt reads a label ending at the colon at c: one to four words before
// it (emphasis allowed around them), standing at the start of a line or
// after punctuation, or starting with a capital after a space.
func (u *unit) labelAt(c int) (label, bool) {
	b := u.text.b
	k := c
	for k > 0 && (b[k-1] == '*' || b[k-1] == '_' || b[k-1] == ' ') {
		k--
	}
	end := k
	// The words: letters, spaces, brackets, slashes.
	var starts []int
	i := end
	for i > 0 && len(starts) < 3 {
		j := i
		for j > 0 && (isASCIILetter(b[j-1]) || b[j-1] == '(' || b[j-1] == ')' || b[j-1] == '\'' || b[j-1] == '#') {
			j--
		}
		if j == i {
			break
		}
		starts = append(starts, j)
		i = j
		if i > 0 && b[i-1] == ' ' && i > 1 && (isASCIILetter(b[i-2]) || b[i-2] == ')') {
			i--
			continue
		}
		break
	}
	for n := len(starts); n >= 1; n-- {
		s := starts[n-1]
		text := string(b[s:end])
		name := ActionColumn(text)
		var near *NearMiss
		if name == "" {
			// A label close to one: two words at most, on a line or
			// after punctuation ("Target date:"), not inside a sentence.
			nm, sug := NearActionColumn(text)
			if nm == "" || n > 2 || !labelBoundary(b, s, false) {
				continue
			}
			name = nm
			near = &NearMiss{Offset: u.text.off[s], Written: collapse(text), Name: nm, Suggest: sug}
		}
		if !labelBoundary(b, s, true) {
			continue
		}
		ls := s
		for ls > 0 && (b[ls-1] == '*' || b[ls-1] == '_') {
			ls--
		}
		v := c + 1
		for v < len(b) && (b[v] == ' ' || b[v] == '\t' || b[v] == '*' || b[v] == '_') {
			v++
		}
		if near != nil {
			u.near = append(u.near, *near)
		}
		return label{start: ls, colon: c, valStart: v, name: name}, true
	}
	return label{}, false
}

// labelBoundary reports whether a label may start at s: at the start of
// the text or of a line, after punctuation, or with a capital after a
// space ("Find a tenancy worker Owner: Sam Doe").
func labelBoundary(b []byte, s int, capital bool) bool {
	q := s
	for q > 0 && (b[q-1] == '*' || b[q-1] == '_') {
		q--
	}
	if q == 0 || b[q-1] == '\n' {
		return true
	}
	sp := q
	for sp > 0 && (b[sp-1] == ' ' || b[sp-1] == '\t' || b[sp-1] == '*' || b[sp-1] == '_') {
		sp--
	}
	if sp == 0 || b[sp-1] == '\n' {
		return true
	}
	if strings.IndexByte(".;,|([{-:>", b[sp-1]) >= 0 {
		return true
	}
	if r, _ := utf8.DecodeLastRune(b[:sp]); r == '—' || r == '–' || r == '•' || r == '·' {
		return true
	}
	r, _ := utf8.DecodeRune(b[s:])
	return capital && sp < q && unicode.IsUpper(r)
}

// abbreviations whose full stop does not end a field's value.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "prof": true,
	"st": true, "e.g": true, "i.e": true, "etc": true, "approx": true, "no": true, "cllr": true,
}

// trimValue returns the value between start and end: up to the end of its
// line or of its sentence, without emphasis and the punctuation around it.
func trimValue(b []byte, start, end int) span {
	if i := bytes.IndexByte(b[start:end], '\n'); i >= 0 {
		end = start + i
	}
	// A full stop and a space end the value, but not after an
	// abbreviation or an initial ("Dr. Kim Green", "J. Smith").
	for i := start; i+1 < end; i++ {
		if b[i] != '.' || b[i+1] != ' ' {
			continue
		}
		w := i
		for w > start && b[w-1] != ' ' {
			w--
		}
		word := strings.ToLower(strings.Trim(string(b[w:i]), "*_("))
		if abbreviations[word] || len(word) == 1 && isASCIILetter(word[0]) {
			continue
		}
		end = i
		break
	}
	for start < end && strings.IndexByte(" \t*_:", b[start]) >= 0 {
		start++
	}
	for end > start && strings.IndexByte(" \t*_.,;|", b[end-1]) >= 0 {
		end--
	}
	// A dash between fields: "Owner: Sam Doe — Due: weekly".
	for {
		r, n := utf8.DecodeLastRune(b[start:end])
		if r != '—' && r != '–' && r != ' ' || n == 0 || end == start {
			break
		}
		end -= n
	}
	// "(Owner: Sam Doe; Due: weekly)": the bracket closes the fields, not
	// the value.
	for end > start && (b[end-1] == ')' && bytes.IndexByte(b[start:end], '(') < 0 || b[end-1] == ']' && bytes.IndexByte(b[start:end], '[') < 0) {
		end--
		for end > start && strings.IndexByte(" \t*_.,;|", b[end-1]) >= 0 {
			end--
		}
	}
	return span{start, end}
}

// bracketOutcome finds outcome ids in brackets in the head of a unit:
// "A3 (O2): Find ...", "Find a tenancy worker [O1, O3]".
func bracketOutcome(b []byte, head span) (span, bool) {
	h := b[head.start:head.end]
	for i := 0; i < len(h); i++ {
		if h[i] != '(' && h[i] != '[' {
			continue
		}
		closer := byte(')')
		if h[i] == '[' {
			closer = ']'
		}
		j := bytes.IndexByte(h[i+1:], closer)
		if j < 0 {
			return span{}, false
		}
		inner := h[i+1 : i+1+j]
		if isOutcomeRefs(string(inner)) {
			s := head.start + i + 1
			e := s + len(inner)
			for s < e && b[s] == ' ' {
				s++
			}
			for e > s && b[e-1] == ' ' {
				e--
			}
			return span{s, e}, true
		}
		i += j
	}
	return span{}, false
}

// dashOutcome finds outcome ids as the last part of the head of a unit,
// after a spaced dash: "A5 – Sam Doe to keep the flat warm – by
// 30/11/2026 – O2", "Complete a safety plan - Claire Dunn - O1, O3".
func dashOutcome(b []byte, head span) (span, bool) {
	h := b[head.start:head.end]
	i := -1
	for _, d := range [][]byte{[]byte(" - "), []byte(" \u2013 "), []byte(" \u2014 ")} {
		if j := bytes.LastIndex(h, d); j >= 0 && j+len(d) > i {
			i = j + len(d)
		}
	}
	if i < 0 {
		return span{}, false
	}
	s, e := head.start+i, head.end
	for s < e && b[s] == ' ' {
		s++
	}
	for e > s && (b[e-1] == ' ' || b[e-1] == '.' || b[e-1] == '\n' || b[e-1] == '\r') {
		e--
	}
	if s == e || !isOutcomeRefs(string(b[s:e])) {
		return span{}, false
	}
	return span{s, e}, true
}

// isOutcomeRefs reports whether s lists only outcome ids: "O2", "O1, O3",
// "outcome O2", "O1 and O2".
func isOutcomeRefs(s string) bool {
	n := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	}) {
		switch strings.ToLower(strings.Trim(f, ":.*_")) {
		case "and", "outcome", "outcomes", "":
			continue
		}
		id, rest := splitOutcomeID(strings.Trim(f, ":.*_"))
		if id == "" || rest != "" {
			return false
		}
		n++
	}
	return n > 0
}

// unitAction makes the action of a unit.
func (p *bodyParser) unitAction(u *unit) Action {
	b := u.text.b
	first := 0
	for first < len(b) && (b[first] == ' ' || b[first] == '\n') {
		first++
	}
	start := 0
	if len(u.text.off) > 0 {
		start = u.text.off[min(first, len(u.text.off)-1)]
	}
	a := Action{Offset: max(p.base, p.src.LineStart(p.src.LineOf(start)))}
	cell := func(sp span) Cell {
		if sp.end <= sp.start || sp.start >= len(b) {
			return Cell{Offset: a.Offset, Line: a.Offset}
		}
		off := u.text.off[sp.start]
		var text string
		text, p.collapsed = collapseBytes(p.collapsed, b[sp.start:sp.end])
		return Cell{Text: text, Offset: off, Line: p.src.LineStart(p.src.LineOf(off))}
	}
	get := func(name string) Cell {
		if f, ok := u.fields[name]; ok {
			return cell(f.val)
		}
		return Cell{Offset: a.Offset, Line: a.Offset}
	}
	a.Owner, a.Due, a.Outcome = get("owner"), get("due"), get("outcome")
	if _, ok := u.fields["outcome"]; !ok && u.inherit != "" {
		a.Outcome.Text = u.inherit
	}
	// The head: an id, an outcome in brackets, and the action's text.
	id, text := splitActionID(b, u.head)
	if f, ok := u.fields["id"]; ok {
		a.ID = cell(f.val).Text
	} else {
		a.ID = id
	}
	words := text
	if f, ok := u.fields["action"]; ok {
		a.Action = get("action")
		words = f.val
	} else {
		a.Action = cell(text)
	}
	p.actionInWords(&a, u, words, cell)
	return a
}

// actionInWords reads, for an action with no Due or no Owner field, its
// timescale and the phrases that may name its owner from its words (the
// span words of the unit's text): sentenceDue, ownerPhrases. A Due written
// in the Owner field ("Lead: Claire Dunn, by 12 June") is split off it.
func (p *bodyParser) actionInWords(a *Action, u *unit, words span, cell func(span) Cell) {
	_, hasOwner := u.fields["owner"]
	if _, ok := u.fields["due"]; ok {
		if hasOwner {
			return
		}
	} else if hasOwner {
		if o, d, ok := splitOwnerDueBy(a.Owner, false); ok {
			a.Owner, a.Due, a.DueInWords = o, d, true
		}
	}
	b := u.text.b
	if words.end <= words.start || words.end > len(b) {
		return
	}
	s := string(b[words.start:words.end])
	at := func(sp span) span { return span{words.start + sp.start, words.start + sp.end} }
	due, hasDue := span{}, false
	if _, ok := u.fields["due"]; !ok && !a.DueInWords {
		if due, hasDue = sentenceDue(s); hasDue {
			a.Due, a.DueInWords = cell(at(due)), true
		}
	}
	if hasOwner {
		return
	}
	for _, sp := range ownerPhrases(s, due, hasDue) {
		a.OwnerInWords = append(a.OwnerInWords, cell(at(sp)))
	}
}

// splitActionID splits an action id ("A3", "**A3**", "Action 3") and an
// outcome in brackets off the start of a unit's head, and returns the rest.
func splitActionID(b []byte, head span) (string, span) {
	i := head.start
	skip := func() {
		for i < head.end && strings.IndexByte(" \t*_#", b[i]) >= 0 {
			i++
		}
	}
	skip()
	j := i
	for j < head.end && isASCIILetter(b[j]) && j-i < 6 {
		j++
	}
	letters := j - i
	word := strings.ToLower(string(b[i:j]))
	if word == "action" && j < head.end && b[j] == ' ' {
		j++
	} else if letters > 3 || letters == 0 && (j >= head.end || b[j] < '0' || b[j] > '9') {
		return "", trimSpan(b, span{head.start, head.end})
	}
	d := j
	for d < head.end && (b[d] >= '0' && b[d] <= '9' || b[d] == '.' && d+1 < head.end && b[d+1] >= '0' && b[d+1] <= '9') {
		d++
	}
	if d == j || d < head.end && isASCIILetter(b[d]) {
		return "", trimSpan(b, span{head.start, head.end})
	}
	id := strings.TrimSpace(string(b[i:d]))
	if word == "action" {
		id = strings.TrimSpace(string(b[j:d]))
	}
	i = d
	skip()
	if i < head.end && (b[i] == '(' || b[i] == '[') {
		if k := bytes.IndexAny(b[i:head.end], ")]"); k >= 0 && isOutcomeRefs(string(b[i+1:i+k])) {
			i += k + 1
		}
	}
	for i < head.end && strings.IndexByte(" \t*_:.)-–—", b[i]) >= 0 {
		i++
	}
	if i < head.end && b[i] == 0xe2 { // an en or em dash
		for i < head.end && b[i] >= 0x80 {
			i++
		}
	}
	return id, trimSpan(b, span{i, head.end})
}

// trimSpan trims spaces, emphasis and trailing punctuation from a span.
func trimSpan(b []byte, sp span) span {
	for sp.start < sp.end && strings.IndexByte(" \t\n*_", b[sp.start]) >= 0 {
		sp.start++
	}
	for sp.end > sp.start {
		if strings.IndexByte(" \t\n*_.,;:|([-", b[sp.end-1]) >= 0 {
			sp.end--
			continue
		}
		if r, n := utf8.DecodeLastRune(b[sp.start:sp.end]); r == '—' || r == '–' {
			sp.end -= n
			continue
		}
		break
	}
	// Drop a bracketed outcome at the end: "Find a worker (O2)".
	if sp.end > sp.start && (b[sp.end-1] == ')' || b[sp.end-1] == ']') {
		if k := bytes.LastIndexAny(b[sp.start:sp.end], "(["); k >= 0 && isOutcomeRefs(string(b[sp.start+k+1:sp.end-1])) {
			sp.end = sp.start + k
			for sp.end > sp.start && strings.IndexByte(" \t\n*_.,;:|", b[sp.end-1]) >= 0 {
				sp.end--
			}
		}
	}
	return sp
}

// ownerDueSeparators part an owner from a timescale in one cell ("Sam
// Doe, weekly", "Sam Doe - by 31/07/2026", "Sam Doe / daily").
var ownerDueSeparators = []string{",", ";", " - ", " – ", " — ", "/", "\n"}

// splitOwnerDue splits the cell of a column that holds both who and when
// ("Who and when": "Claire Dunn, by 12/06/2026", "Parveen Akhtar - daily",
// "Joanne Platt weekly", "Weekly - Sam Doe") into the owner and the
// timescale: at the first word boundary or separator after which the rest
// is a timescale (ParseTimescale, Specified), else the first before which
// the text is one; else at the first separator, the owner before it and what
// follows as the timescale, read and reported as written ("Sam Doe -
// ongoing"); else the whole cell is the owner and the timescale is
// missing. Each part keeps the cell's line; its offset is where it starts
// in the cell when the cell's text is as written.
func splitOwnerDue(c Cell) (owner, due Cell) {
	owner, due, _ = splitOwnerDueBy(c, true)
	return owner, due
}

// splitOwnerDueBy is splitOwnerDue; without fallback, it splits the cell
// only where one part is a specified timescale, and reports whether it
// did.
func splitOwnerDueBy(c Cell, fallback bool) (owner, due Cell, ok bool) {
	text := c.Text
	part := func(from, to int) Cell {
		t := strings.TrimSpace(text[from:to])
		t = strings.TrimSpace(strings.Trim(t, ",;-–—/"))
		at := c.Offset
		if i := strings.Index(text[from:to], t); i >= 0 && t != "" {
			at += from + i
		}
		return Cell{Text: t, Offset: at, Line: c.Line}
	}
	// Where a part may end and the next begin: each space and separator.
	type cut struct{ end, start int }
	var cuts []cut
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' {
			cuts = append(cuts, cut{i, i + 1})
			continue
		}
		for _, sep := range ownerDueSeparators {
			if strings.HasPrefix(text[i:], sep) && strings.TrimSpace(sep) != "" && sep[0] != ' ' {
				cuts = append(cuts, cut{i, i + len(sep)})
			}
		}
	}
	specified := func(t string) bool {
		return strings.TrimSpace(strings.Trim(strings.TrimSpace(t), ",;-–—/")) != "" &&
			ParseTimescale(strings.TrimSpace(strings.Trim(strings.TrimSpace(t), ",;-–—/")), nil).Specified()
	}
	for _, k := range cuts {
		if o := part(0, k.end); o.Text != "" && specified(text[k.start:]) {
			return o, part(k.start, len(text)), true
		}
	}
	for _, k := range cuts {
		if o := part(k.start, len(text)); o.Text != "" && specified(text[:k.end]) {
			return o, part(0, k.end), true
		}
	}
	if !fallback {
		return c, Cell{Offset: c.Offset, Line: c.Line}, false
	}
	for i := 0; i < len(text); i++ {
		for _, sep := range ownerDueSeparators {
			if strings.HasPrefix(text[i:], sep) {
				return part(0, i), part(i+len(sep), len(text)), true
			}
		}
	}
	return c, Cell{Offset: c.Offset, Line: c.Line}, false
}
