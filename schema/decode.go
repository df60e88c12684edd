package schema

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The decoder turns the TOML text of a document's frontmatter into its typed
// Record, strictly: every unknown key, value of the wrong type, impossible
// date and missing required key becomes a Problem at the exact place in the
// file, and everything that did decode stays set so that the rest of the case
// can still be linted.
//
// BurntSushi/toml stops at the first syntax error, so the decoder repairs
// the text it gives the parser (never the file): the line of a syntax error,
// or the whole of a multi-line value that holds it, is blanked with spaces
// (keeping every byte offset) and the text parsed again, so that one bad date
// does not lose the rest of the record. Each syntax error is reported once.

// maxSyntaxProblems bounds how many syntax errors the decoder reports;
// maxRepairs how many it repairs before it gives up on the record, and
// maxRepairWork how many bytes it gives the parser in all, so that a long
// frontmatter with an error on every line is not parsed hundreds of times.
const (
	maxSyntaxProblems = 20
	maxRepairs        = 200
	maxRepairWork     = 4 << 20
)

// decodeTop decodes the values of a frontmatter, as the library gives them,
// into doc.Kind and doc.Record.
func decodeTop(doc *Document, top map[string]any) { (&decoder{doc: doc}).decode(top) }

// decodeFront decodes the frontmatter of doc (doc.FrontStart to
// doc.FrontEnd, already indexed in doc.Keys) into doc.Kind and doc.Record.
// bad lists the offsets of bytes that are not valid UTF-8.
func decodeFront(doc *Document, bad []int) {
	if top, blanked := readFront(doc, bad); top != nil {
		(&decoder{doc: doc, blanked: blanked}).decode(top)
	}
}

// readFront reads the frontmatter of doc with the library, repairing the
// text it gives it as it goes (each syntax error a problem of doc), into
// the library's values, and returns them, nil when none could be read, with
// the keys the repairs blanked (see blankedKeys).
func readFront(doc *Document, bad []int) (top map[string]any, blanked map[string]bool) {
	data := doc.Source.Data
	start, end := doc.FrontStart, doc.FrontEnd
	text := tomlText(data[start:end], bad, start)

	// The frontmatter is decoded once, into the library's own values; the
	// decoder reads them into the typed record without decoding again.
	reported := map[int]bool{} // lines already reported
	for n := 0; ; n++ {
		if n == maxRepairs || n*len(text) > maxRepairWork {
			doc.Problemf(start, "the frontmatter has too many errors to read: fix those reported and lint again")
			top = nil
			break
		}
		top = nil
		_, err := toml.Decode(string(text), &top)
		if err == nil {
			break
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			doc.Problemf(start, "the frontmatter cannot be read: %v", err)
			return nil, nil
		}
		off := start + max(0, min(pe.Position.Start, len(text)))
		// The parser may point at the spaces before the offending text.
		for off < end && (data[off] == ' ' || data[off] == '\t') {
			off++
		}
		line := doc.Source.LineOf(off)
		if !reported[line] && len(reported) < maxSyntaxProblems && !lineHasBadByte(doc.Source, line, bad) {
			reported[line] = true
			doc.Problemf(off, "%s", syntaxMessage(pe))
		}
		if !blank(text, start, off, doc) {
			top = nil
			break
		}
	}
	if top == nil {
		return nil, nil
	}
	return top, blankedKeys(data, text, start)
}

// tomlPrefix returns where the TOML text of a frontmatter that is never
// closed ends: the start of the first line on which it stops parsing (the
// Markdown that follows), or the end of the text when all of it parses.
func tomlPrefix(src *Source, front Span, bad []int) int {
	// Only as much as the guards let through can be frontmatter: the TOML
	// parser is not given more.
	if front.End-front.Start > maxFrontmatter {
		front.End = max(front.Start, src.LineStart(src.LineOf(front.Start+maxFrontmatter)))
	}
	if off, why := tomlGuard(src.Data[front.Start:front.End], front.Start); why != "" {
		front.End = max(front.Start, src.LineStart(src.LineOf(off)))
	}
	text := tomlText(src.Data[front.Start:front.End], bad, front.Start)
	var top map[string]any
	_, err := toml.Decode(string(text), &top)
	var pe toml.ParseError
	if err == nil || !errors.As(err, &pe) {
		return front.End
	}
	off := front.Start + max(0, min(pe.Position.Start, len(text)))
	return max(front.Start, src.LineStart(src.LineOf(off)))
}

// tomlText returns the copy of the frontmatter text given to the TOML parser:
// a lone "\r" (accepted as a line ending) becomes "\n", a byte that is not
// valid UTF-8 (already reported) becomes "?", and a byte-order mark (which
// the parser would drop, shifting every offset) becomes spaces. Offsets are
// unchanged.
func tomlText(front []byte, bad []int, base int) []byte {
	text := slices.Clone(front)
	for i, c := range text {
		if c == '\r' && (i+1 >= len(text) || text[i+1] != '\n') {
			text[i] = '\n'
		}
	}
	for _, b := range bad {
		if b >= base && b < base+len(text) {
			text[b-base] = '?'
		}
	}
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		copy(text, "   ")
	}
	return text
}

// blankedKeys returns the first part of the key at the start of each line
// that the repairs blanked: such a key is written, though it could not be
// read, and is not reported as missing.
func blankedKeys(data, text []byte, base int) map[string]bool {
	var keys map[string]bool
	for pos := base; pos < base+len(text); {
		end, next := lineAt(data, pos)
		end = min(end, base+len(text))
		if !isBlank(data[pos:end]) && isBlank(text[pos-base:end-base]) {
			s := &keyScanner{d: data, pos: pos, end: end}
			if parts, _, ok := s.key(); ok {
				if keys == nil {
					keys = map[string]bool{}
				}
				keys[parts[len(parts)-1]] = true
			}
		}
		if next <= pos {
			break
		}
		pos = next
	}
	return keys
}

// lineHasBadByte reports whether one of the offsets of bad (ascending) is
// on line.
func lineHasBadByte(src *Source, line int, bad []int) bool {
	i, _ := slices.BinarySearch(bad, src.LineStart(line))
	return i < len(bad) && bad[i] < src.LineStart(line+1) && src.LineOf(bad[i]) == line
}

// blank blanks the text around file offset off so that the parser can go on:
// the whole of a multi-line value that holds off, the table a broken header
// starts, or else the line of off. It reports whether anything changed.
func blank(text []byte, base, off int, doc *Document) bool {
	from, to := off, off
	// A key whose value holds off: blank from its key to the end of its value.
	for _, e := range doc.Keys.entries {
		if e.value.End > e.value.Start && e.value.Start <= off && off <= e.value.End && e.key.Start >= base {
			if from == off && to == off || e.key.Start < from {
				from, to = e.key.Start, e.value.End
			}
		}
	}
	src := doc.Source
	from = src.LineStart(src.LineOf(from))
	lineEnd, _ := lineAt(src.Data, max(to, from))
	to = lineEnd
	// A broken [header]: blank up to the next header, so that its keys are not
	// read as keys of the table before.
	if t := strings.TrimLeft(string(text[clamp(from-base, len(text)):clamp(to-base, len(text))]), " \t"); strings.HasPrefix(t, "[") {
		for pos := to; pos < base+len(text); {
			_, next := lineAt(src.Data, pos)
			if next >= base+len(text) {
				to = base + len(text)
				break
			}
			if l := strings.TrimLeft(string(text[clamp(next-base, len(text)):]), " \t"); strings.HasPrefix(l, "[") {
				to = next
				break
			}
			pos = next
		}
	}
	changed := false
	for i := clamp(from-base, len(text)); i < clamp(to-base, len(text)); i++ {
		if c := text[i]; c != '\n' && c != '\r' && c != ' ' {
			text[i] = ' '
			changed = true
		}
	}
	return changed
}

func clamp(i, n int) int { return max(0, min(i, n)) }

// syntaxMessage words a TOML syntax error for the person who wrote the
// record.
func syntaxMessage(pe toml.ParseError) string {
	msg := pe.Message
	if v, ok := strings.CutPrefix(msg, "invalid datetime: "); ok {
		if s, err := strconv.Unquote(v); err == nil {
			v = s
		}
		if why := impossibleDate(v); why != "" {
			return "impossible date " + v + ": " + why
		}
		return "invalid date " + v + ": write a date as 2026-01-12, a date and time as 2026-01-19T16:30:00"
	}
	return "the frontmatter is not valid TOML: " + msg
}

// impossibleDate explains why text of the shape 2026-02-30 is no date, or
// returns "" when it does not have that shape or is a real date.
func impossibleDate(v string) string {
	if len(v) < 10 || !isDateText([]byte(v[:10])) {
		return ""
	}
	y, _ := strconv.Atoi(v[:4])
	m, _ := strconv.Atoi(v[5:7])
	d, _ := strconv.Atoi(v[8:10])
	if m < 1 || m > 12 {
		return sprintf("there is no month %d", m)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return sprintf("%s %d has %d days", time.Month(m), y, last)
	}
	return ""
}

var kindNames = func() []string {
	var s []string
	for _, k := range Kinds {
		s = append(s, string(k))
	}
	return s
}()

type decoder struct {
	doc *Document
	// blanked holds the keys on lines the repairs blanked (see blankedKeys).
	blanked map[string]bool
	// kind is the record's type, once it is known.
	kind Kind
}

func (d *decoder) decode(top map[string]any) {
	doc := d.doc
	raw, ok := top["type"]
	if !ok {
		if d.blanked["type"] {
			return // its syntax error is reported
		}
		doc.Problemf(doc.TypeLine(), `missing key type: say what the record is: type = "case", "plan", "conference", "core-group" or "visit"`)
		return
	}
	s, isString := raw.(string)
	if !isString {
		doc.Problemf(doc.AtValue("type"), `type: expected a string such as "plan", found %s`, tomlTypeName(raw))
		return
	}
	kind := Kind(s)
	if !slices.Contains(Kinds, kind) {
		msg := Msgf("unknown type %q: a record's type is one of case, plan, conference, core-group or visit", s)
		if m := Suggest(s, kindNames); m != "" {
			msg = msg.Add(fixed("; did you mean " + strconv.Quote(m) + "?"))
		}
		doc.Problemf(doc.AtValue("type"), msg.Format, msg.Args...)
		return
	}
	doc.Kind = kind
	d.kind = kind

	rec := newRecord(kind)
	rv := reflect.ValueOf(rec).Elem()
	p := planOf(rv.Type())
	d.table(top, rv, p, nil)
	if p.doc >= 0 {
		rv.Field(p.doc).Set(reflect.ValueOf(doc))
	}
	doc.Record = rec
	if cr, ok := rec.(*CaseRecord); ok {
		markQualifiedFalse(cr, top["people"])
	}
	d.validate(rec)
}

// markQualifiedFalse sets Person.QualifiedFalse on each of the case's
// people whose [[people]] table writes qualified = false.
func markQualifiedFalse(r *CaseRecord, raw any) {
	var elems []any
	switch v := raw.(type) {
	case []map[string]any:
		for _, m := range v {
			elems = append(elems, m)
		}
	case []any:
		elems = v
	}
	for i, e := range elems {
		if i >= len(r.People) {
			break
		}
		if m, ok := e.(map[string]any); ok {
			if q, ok := m["qualified"].(bool); ok && !q {
				r.People[i].QualifiedFalse = true
			}
		}
	}
}

// newRecord returns a new, empty record of kind, one of Kinds.
func newRecord(kind Kind) Record {
	switch kind {
	case KindCase:
		return &CaseRecord{}
	case KindPlan:
		return &Plan{}
	case KindConference:
		return &Conference{}
	case KindCoreGroup:
		return &CoreGroup{}
	case KindVisit:
		return &Visit{}
	}
	panic("schema: no record of kind " + string(kind))
}

// field is a struct field that a TOML key decodes into, with the way its
// value is read.
type field struct {
	name     string // the toml tag
	index    int
	required bool
	way      fieldWay
	// placeholder: a required string whose placeholder value is reported
	// as one (not a key that names a person; see personRefKeys).
	placeholder bool
	// typ is the field's type; elem, for a struct, *struct or []struct,
	// the struct's type.
	typ, elem reflect.Type
}

// fieldWay is how a field's value is read. The common kinds (a string, a
// boolean, a date, a list of strings) are set by typed code when the value
// is of the type they want; anything else, and every value of the wrong
// type, goes the general way (leaf, list), which words the problem.
type fieldWay uint8

const (
	wayLeaf     fieldWay = iota // any other plain value, or an Unmarshaler
	wayString                   // string
	wayBool                     // bool
	wayDate                     // Date
	wayDateTime                 // DateTime
	wayStrings                  // []string
	wayList                     // a slice of other plain values
	wayTable                    // a struct: a [table]
	wayTablePtr                 // a *struct: a [table] that may be absent
	wayTables                   // a []struct: [[tables]]
)

// decodePlan is how the keys of one struct type are decoded, worked out
// once for each type so that decoding a record walks no reflect.Type.
type decodePlan struct {
	fields []field
	names  []string // the fields' names, for suggestions
	// doc is the index of the *Document field a record points back
	// through, or -1.
	doc int
	// child: the struct is Child, whose born or unborn is checked.
	child bool
}

// planOf returns the decoding plan of struct type t.
func planOf(t reflect.Type) *decodePlan {
	if p, ok := planCache.Load(t); ok {
		return p.(*decodePlan)
	}
	p, _ := planCache.LoadOrStore(t, newPlan(t))
	return p.(*decodePlan)
}

var planCache sync.Map // reflect.Type to *decodePlan

// maxPlanFields bounds the fields of a struct keys decode into: which of
// them are written is kept in one word.
const maxPlanFields = 64

func newPlan(t reflect.Type) *decodePlan {
	p := &decodePlan{doc: -1, child: t == reflect.TypeFor[Child]()}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Name == "Doc" && sf.Type == reflect.TypeFor[*Document]() {
			p.doc = i
		}
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		f := field{name: name, index: i, required: sf.Tag.Get("caselint") == "required", typ: sf.Type}
		f.placeholder = f.required && sf.Type.Kind() == reflect.String && !personRefKeys[name]
		f.way, f.elem = wayOf(sf.Type)
		p.fields = append(p.fields, f)
		p.names = append(p.names, name)
	}
	if len(p.fields) > maxPlanFields {
		panic("schema: " + t.String() + " has more fields than a decoding plan holds")
	}
	return p
}

// wayOf returns how a value of type t is read and, for a table or tables,
// the struct type they decode into. The order of the cases is the order
// in which the general decoder looked at a type.
func wayOf(t reflect.Type) (fieldWay, reflect.Type) {
	switch {
	case t == reflect.TypeFor[Date]():
		return wayDate, nil
	case t == reflect.TypeFor[DateTime]():
		return wayDateTime, nil
	case isUnmarshaler(t):
		return wayLeaf, nil
	case t.Kind() == reflect.Struct:
		return wayTable, t
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && !isUnmarshaler(t.Elem()):
		return wayTablePtr, t.Elem()
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && !isUnmarshaler(t.Elem()):
		return wayTables, t.Elem()
	case t == reflect.TypeFor[[]string]():
		return wayStrings, nil
	case t.Kind() == reflect.Slice:
		return wayList, nil
	case t == reflect.TypeFor[string]():
		return wayString, nil
	case t == reflect.TypeFor[bool]():
		return wayBool, nil
	}
	return wayLeaf, nil
}

// fieldNamed returns the index in p.fields of the field of key k, or -1.
func (p *decodePlan) fieldNamed(k string) int {
	for i := range p.fields {
		if p.fields[i].name == k {
			return i
		}
	}
	return -1
}

// table decodes the keys of one TOML table m into the struct rv, whose
// decoding plan is p and key path is path (nil at the top).
func (d *decoder) table(m map[string]any, rv reflect.Value, p *decodePlan, path []string) {
	// kp is the key path of each key in turn; nothing below keeps it.
	var kpBuf [8]string
	kp := append(append(kpBuf[:0], path...), "")
	var written uint64 // the fields whose keys m holds, a bit each
	// Problems come out in the order the keys are written. The keys are
	// decoded in the map's order, and only the problems are put in order
	// after (problemsInOrder): most tables have none, and where each key
	// stands need not be looked up.
	before, more := len(d.doc.Problems), d.doc.MoreProblems
	var buf [8]keyProblems
	runs := buf[:0]
	for k, raw := range m {
		from := len(d.doc.Problems)
		kp[len(path)] = k
		written |= d.key(k, raw, rv, p, kp)
		if len(d.doc.Problems) > from {
			runs = append(runs, keyProblems{key: k, from: from, to: len(d.doc.Problems)})
		}
	}
	if d.doc.MoreProblems != more {
		// The document reached MaxProblems: which problems it keeps
		// depends on the order they came in. Decode again, in order.
		d.doc.Problems, d.doc.MoreProblems = d.doc.Problems[:before], more
		for _, k := range d.keysInOrder(m, path, kp) {
			kp[len(path)] = k
			d.key(k, m[k], rv, p, kp)
		}
	} else if len(runs) > 1 {
		d.problemsInOrder(runs, before, path, kp)
	}
	for i := range p.fields {
		f := &p.fields[i]
		has := written&(1<<i) != 0
		if f.placeholder && has {
			if v := rv.Field(f.index).String(); v != "" && defaultPlaceholderList.Has(v) {
				kp[len(path)] = f.name
				d.doc.Problemf(d.valueAt(kp), "%s is %q, a placeholder: a required key must say what is known", dotted(kp), v)
				continue
			}
		}
		if has || !f.required {
			continue
		}
		kp[len(path)] = f.name
		if d.doc.Keys.Has(kp...) || d.blanked[f.name] {
			continue // written but unreadable: already reported
		}
		off := d.doc.TypeLine()
		if len(path) > 0 {
			off = d.keyAt(path)
		}
		if f.name == "child" && len(path) == 0 {
			d.doc.Problemf(off, "missing required table [child]: say who the child is (name, born, first_language)")
			continue
		}
		d.doc.Problemf(off, "missing required key %s", dotted(kp))
	}
	if p.child {
		c := rv.Addr().Interface().(*Child)
		kp[len(path)] = "born"
		if _, ok := m["born"]; !ok && !c.Unborn && !d.doc.Keys.Has(kp...) && !d.blanked["born"] {
			d.doc.Problemf(d.keyAt(path), "missing required key %s (or unborn = true, with the expected date, before the child is born)", dotted(kp))
		}
		d.checkBirth(c, path)
	}
}

// key decodes the value raw of key k, whose key path is kp, into its field
// of the struct rv (plan p), or reports k as unknown. It returns the bit of
// the field in the plan, or 0. Decoding a key again gives the same field
// and the same problems.
func (d *decoder) key(k string, raw any, rv reflect.Value, p *decodePlan, kp []string) uint64 {
	i := p.fieldNamed(k)
	if i < 0 {
		msg := Msgf("unknown key %s in %s", k, d.where(kp[:len(kp)-1]))
		if m := Suggest(k, p.names); m != "" {
			msg = msg.Add(fixed("; did you mean " + m + "?")) // a key caselint knows
		}
		d.doc.Problemf(d.keyAt(kp), msg.Format, msg.Args...)
		return 0
	}
	d.value(raw, rv.Field(p.fields[i].index), &p.fields[i], kp)
	return 1 << i
}

// keyProblems are the problems doc.Problems[from:to] of one key of a table.
type keyProblems struct {
	key      string
	from, to int
	pos      int // where the key stands
}

// keyOrder orders keys as they are written: by where each stands (a key
// not in the index last), then by name.
func keyOrder(a, b keyProblems) int {
	if c := a.pos - b.pos; c != 0 {
		return c
	}
	return strings.Compare(a.key, b.key)
}

// keyPos returns where the key of path kp stands, or the end of the file
// when the index does not hold it.
func (d *decoder) keyPos(kp []string) int {
	if s, ok := d.doc.Keys.Key(kp...); ok {
		return s.Start
	}
	return len(d.doc.Source.Data)
}

// keysInOrder returns the keys of m in keyOrder; kp is scratch of one
// part more than path.
func (d *decoder) keysInOrder(m map[string]any, path, kp []string) []string {
	keys := make([]keyProblems, 0, len(m))
	for k := range m {
		kp[len(path)] = k
		keys = append(keys, keyProblems{key: k, pos: d.keyPos(kp)})
	}
	slices.SortFunc(keys, keyOrder)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.key
	}
	return out
}

// problemsInOrder puts the problems of the keys of one table, each key's
// run of doc.Problems from offset before in the map's order, in keyOrder,
// each run's own problems in the order they came.
func (d *decoder) problemsInOrder(runs []keyProblems, before int, path, kp []string) {
	for i := range runs {
		kp[len(path)] = runs[i].key
		runs[i].pos = d.keyPos(kp)
	}
	if slices.IsSortedFunc(runs, keyOrder) {
		return
	}
	slices.SortFunc(runs, keyOrder)
	tail := slices.Clone(d.doc.Problems[before:])
	out := d.doc.Problems[:before]
	for _, r := range runs {
		out = append(out, tail[r.from-before:r.to-before]...)
	}
	d.doc.Problems = out
}

// personRefKeys are required keys that name a person: a placeholder there
// is an unknown person, reported as such (by the engine, or by the rule that
// owns the key), not as a placeholder.
var personRefKeys = map[string]bool{"lead_worker": true, "by": true}

// where names the table of path for a message: "visit record", "[child] of
// case record", "[[people]] of case record".
func (d *decoder) where(path []string) string {
	if len(path) == 0 {
		return d.recordName()
	}
	var parts []string
	array := false
	for _, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			array = true
			continue
		}
		parts = append(parts, p)
	}
	name := strings.Join(parts, ".")
	if array && len(path) > 0 {
		if _, err := strconv.Atoi(path[len(path)-1]); err == nil {
			return "[[" + name + "]] of " + d.recordName()
		}
	}
	return "[" + name + "] of " + d.recordName()
}

// recordName names the record in messages: "visit record".
func (d *decoder) recordName() string { return string(d.kind) + " record" }

// dotted writes a key path for a message, leaving out array indexes:
// child.first_language, people.name.
func dotted(path []string) string {
	var parts []string
	for _, p := range path {
		if _, err := strconv.Atoi(p); err != nil {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// keyAt returns where the key of path stands, or the nearest enclosing table
// that is written, or the type line.
func (d *decoder) keyAt(path []string) int {
	for p := path; len(p) > 0; p = p[:len(p)-1] {
		if s, ok := d.doc.Keys.Key(p...); ok {
			return s.Start
		}
	}
	return d.doc.TypeLine()
}

// valueAt returns where the value of path stands (falling back as keyAt).
func (d *decoder) valueAt(path []string) int {
	if s, ok := d.doc.Keys.Value(path...); ok {
		return s.Start
	}
	return d.keyAt(path)
}

var unmarshalerType = reflect.TypeOf((*toml.Unmarshaler)(nil)).Elem()

// isUnmarshaler reports whether a *t decodes itself (a date, an interval),
// worked out once for each type: reflect's test is asked for every value.
func isUnmarshaler(t reflect.Type) bool {
	if v, ok := unmarshalerCache.Load(t); ok {
		return v.(bool)
	}
	v := reflect.PointerTo(t).Implements(unmarshalerType)
	unmarshalerCache.Store(t, v)
	return v
}

var unmarshalerCache sync.Map // reflect.Type to bool

// value decodes one value raw, as the TOML library read it, into the field
// fv, whose plan is f and key path is path.
func (d *decoder) value(raw any, fv reflect.Value, f *field, path []string) {
	switch f.way {
	case wayString:
		if s, ok := raw.(string); ok {
			fv.SetString(s)
			return
		}
	case wayBool:
		if b, ok := raw.(bool); ok {
			fv.SetBool(b)
			return
		}
	case wayDate:
		// As Date.UnmarshalTOML sets it.
		if t, ok := raw.(time.Time); ok {
			if loc := t.Location().String(); loc == tomlLocalDate || loc == tomlLocalDatetime {
				*fv.Addr().Interface().(*Date) = DateOf(t)
				return
			}
		}
	case wayDateTime:
		// As DateTime.UnmarshalTOML sets it.
		if t, ok := raw.(time.Time); ok {
			switch t.Location().String() {
			case tomlLocalDate:
				*fv.Addr().Interface().(*DateTime) = DateTime{Date: DateOf(t)}
				return
			case tomlLocalDatetime:
				*fv.Addr().Interface().(*DateTime) = DateTime{Date: DateOf(t), Hour: t.Hour(), Minute: t.Minute(), HasTime: true}
				return
			}
		}
	case wayStrings:
		if s, ok := stringsOf(raw); ok {
			*fv.Addr().Interface().(*[]string) = s
			return
		}
		d.list(raw, fv, path)
		return
	case wayList:
		d.list(raw, fv, path)
		return
	case wayTable:
		d.subtable(raw, fv, planOf(f.elem), path)
		return
	case wayTablePtr:
		if _, ok := raw.(map[string]any); !ok {
			d.doc.Problemf(d.valueAt(path), "%s: expected a table, found %s", dotted(path), tomlTypeName(raw))
			return
		}
		p := reflect.New(f.elem)
		d.subtable(raw, p.Elem(), planOf(f.elem), path)
		fv.Set(p)
		return
	case wayTables:
		d.tables(raw, fv, planOf(f.elem), path)
		return
	}
	// A value of another type, or of the wrong type: the general way.
	d.leaf(raw, fv, path)
}

// stringsOf returns the list raw when every item of it is a string.
func stringsOf(raw any) ([]string, bool) {
	items, ok := raw.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, len(items))
	for i, item := range items {
		s, ok := item.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// leaf decodes a plain value (a string, a date, an interval) into fv,
// reporting a value of the wrong type at it.
func (d *decoder) leaf(raw any, fv reflect.Value, path []string) {
	if msg := d.leafMismatch(raw, fv.Type()); msg != "" {
		d.doc.Problemf(d.valueAt(path), "%s: %s", dotted(path), msg)
		return
	}
	if msg := setLeaf(raw, fv); msg != "" {
		d.doc.Problemf(d.valueAt(path), "%s: %s", dotted(path), msg)
	}
}

// setLeaf sets fv to raw, whose type leafMismatch accepted, as the TOML
// library's own decoding would, and returns why it cannot, or "". An
// Unmarshaler (a date, an interval) is given raw; fv is left as it was when
// it refuses.
func setLeaf(raw any, fv reflect.Value) string {
	t := fv.Type()
	if isUnmarshaler(t) {
		tmp := reflect.New(t)
		if err := tmp.Interface().(toml.Unmarshaler).UnmarshalTOML(raw); err != nil {
			return err.Error()
		}
		fv.Set(tmp.Elem())
		return ""
	}
	switch t.Kind() {
	case reflect.String:
		fv.SetString(raw.(string))
	case reflect.Bool:
		fv.SetBool(raw.(bool))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := raw.(int64)
		if fv.OverflowInt(n) {
			return sprintf("%d is out of the range of %s", n, t.Kind())
		}
		fv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := raw.(int64)
		if n < 0 || fv.OverflowUint(uint64(n)) {
			return sprintf("%d is out of the range of %s", n, t.Kind())
		}
		fv.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		switch n := raw.(type) {
		case float64:
			fv.SetFloat(n)
		case int64:
			fv.SetFloat(float64(n))
		}
	case reflect.Interface:
		fv.Set(reflect.ValueOf(raw))
	default:
		return "cannot be read"
	}
	return ""
}

// subtable decodes a table value into the struct fv, whose plan is p.
func (d *decoder) subtable(raw any, fv reflect.Value, p *decodePlan, path []string) {
	m, ok := raw.(map[string]any)
	if !ok {
		d.doc.Problemf(d.valueAt(path), "%s: expected a table, found %s", dotted(path), tomlTypeName(raw))
		return
	}
	d.table(m, fv, p, path)
}

// tables decodes an array of tables ([[people]]) or a list of inline tables
// into the slice of structs fv. An element that is not a table is reported
// and left zero, so that element i is still the i-th table written.
func (d *decoder) tables(raw any, fv reflect.Value, p *decodePlan, path []string) {
	// The library gives an array of tables as []map[string]any, a list
	// of inline tables (or of anything) as []any.
	var (
		elems []any
		tbls  []map[string]any
	)
	switch v := raw.(type) {
	case []any:
		elems = v
	case []map[string]any:
		tbls = v
	default:
		d.doc.Problemf(d.valueAt(path), "%s: expected [[%s]] tables, found %s", dotted(path), dotted(path), tomlTypeName(raw))
		if _, one := raw.(map[string]any); one {
			// [legal_status] written for the only one: reported, and
			// still read as that one entry, so that no rule reads the
			// case as having none.
			out := reflect.MakeSlice(fv.Type(), 1, 1)
			d.subtable(raw, out.Index(0), p, path)
			fv.Set(out)
		}
		return
	}
	n := len(elems) + len(tbls) // one of them
	out := reflect.MakeSlice(fv.Type(), n, n)
	// epath is the key path of each element in turn; nothing below keeps it.
	var epBuf [8]string
	epath := append(append(epBuf[:0], path...), "")
	for i := range n {
		var eraw any
		if tbls != nil {
			eraw = tbls[i]
		} else {
			eraw = elems[i]
		}
		epath[len(path)] = strconv.Itoa(i)
		if _, ok := eraw.(map[string]any); !ok {
			d.doc.Problemf(d.valueAt(epath), "%s, item %d: expected a table, found %s", dotted(path), i+1, tomlTypeName(eraw))
			continue
		}
		d.subtable(eraw, out.Index(i), p, epath)
	}
	fv.Set(out)
}

// list decodes a list of plain values (["Sam Doe", "Jamie"]) into the slice
// fv. An element of the wrong type is reported at the element and left zero.
func (d *decoder) list(raw any, fv reflect.Value, path []string) {
	items, ok := raw.([]any)
	if !ok {
		d.doc.Problemf(d.valueAt(path), "%s: expected %s, found %s", dotted(path), wantName(fv.Type()), tomlTypeName(raw))
		return
	}
	et := fv.Type().Elem()
	out := reflect.MakeSlice(fv.Type(), len(items), len(items))
	for i, item := range items {
		at := d.elemAt(i, path)
		if msg := d.leafMismatch(item, et); msg != "" {
			d.doc.Problemf(at, "%s, item %d: %s", dotted(path), i+1, msg)
			continue
		}
		if msg := setLeaf(item, out.Index(i)); msg != "" {
			d.doc.Problemf(at, "%s, item %d: %s", dotted(path), i+1, msg)
		}
	}
	fv.Set(out)
}

func (d *decoder) elemAt(i int, path []string) int {
	if s, ok := d.doc.Keys.Elem(i, path...); ok {
		return s.Start
	}
	return d.valueAt(path)
}

// leafMismatch returns why raw cannot go into a value of type t, or "" when
// it can (as far as the type goes: an Unmarshaler may still refuse it).
func (d *decoder) leafMismatch(raw any, t reflect.Type) string {
	switch t {
	case reflect.TypeOf(Date{}):
		if tm, ok := raw.(time.Time); ok && tm.Location().String() == "time-local" {
			return "expected a date such as 2026-01-12, found a time of day"
		}
		return ""
	case reflect.TypeOf(DateTime{}):
		if tm, ok := raw.(time.Time); ok && tm.Location().String() == "time-local" {
			return "expected a date and time such as 2026-01-19T16:30:00, found a time of day without its date"
		}
		return ""
	}
	if isUnmarshaler(t) {
		return ""
	}
	ok := false
	switch t.Kind() {
	case reflect.String:
		_, ok = raw.(string)
	case reflect.Bool:
		_, ok = raw.(bool)
		if s, isStr := raw.(string); isStr && (s == "true" || s == "false") {
			return sprintf("expected true or false, found the string %q (remove the quotes)", s)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		_, ok = raw.(int64)
	case reflect.Float32, reflect.Float64:
		switch raw.(type) {
		case int64, float64:
			ok = true
		}
	case reflect.Interface:
		ok = true
	}
	if ok {
		return ""
	}
	return sprintf("expected %s, found %s", wantName(t), tomlTypeName(raw))
}

// wantName names what a value of type t is written as.
func wantName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return `a list of strings such as ["Sam Doe"]`
		}
		return "a list of " + strings.TrimPrefix(wantName(t.Elem()), "a ") + "s"
	case reflect.Struct, reflect.Map:
		return "a table"
	}
	return t.String()
}

// validate checks the values that must be one of a fixed set, normalising
// each accepted value to its canonical spelling (case and runs of spaces are
// forgiven: "Physical  Abuse" is read as "physical abuse").
func (d *decoder) validate(rec Record) {
	switch r := rec.(type) {
	case *Plan:
		d.oneOf(&r.Category, []string{"neglect", "physical abuse", "emotional abuse", "sexual abuse", "multiple"}, "a category of plan", "category")
	case *CaseRecord:
		for i := range r.LegalStatus {
			d.legalStatus(&r.LegalStatus[i].Status, "legal_status", strconv.Itoa(i), "status")
		}
	case *Conference:
		kindOK := d.oneOf(&r.Kind, []string{ConferenceInitial, ConferenceReview, ConferenceTransfer}, "a kind of conference", "kind")
		// A conference of any kind may be adjourned before it decides.
		_, adjourned := canonical(r.Decision, []string{DecisionAdjourned})
		switch {
		case r.Decision == "":
		case adjourned:
			r.Decision = DecisionAdjourned
		case kindOK && r.Kind != "":
			fit := []string{DecisionPlan, DecisionNoPlan}
			if r.Kind == ConferenceReview {
				fit = []string{DecisionContinue, DecisionCease}
			}
			if c, ok := canonical(r.Decision, fit); ok {
				r.Decision = c
			} else {
				d.doc.Problemf(d.valueAt([]string{"decision"}), "decision %q does not fit a%s %s conference: say %q or %q", r.Decision, article(r.Kind), r.Kind, fit[0], fit[1])
			}
		default:
			d.oneOf(&r.Decision, []string{DecisionPlan, DecisionNoPlan, DecisionContinue, DecisionCease}, "a conference decision", "decision")
		}
	}
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "n"
	}
	return ""
}

// canonical returns the member of set that s spells, forgiving case and
// spacing.
func canonical(s string, set []string) (string, bool) {
	n := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, c := range set {
		if n == c {
			return c, true
		}
	}
	return "", false
}

// oneOf checks that *v (at key path) is one of set, reports it otherwise,
// and normalises it. An empty value is not checked (it is not given).
func (d *decoder) oneOf(v *string, set []string, what string, path ...string) bool {
	if *v == "" {
		return true
	}
	if c, ok := canonical(*v, set); ok {
		*v = c
		return true
	}
	msg := Msgf("%s: %q is not %s", dotted(path), *v, what)
	// The suggestion and the set are caselint's words: part of the format.
	if m := Suggest(*v, set); m != "" {
		msg = msg.Add(fixed("; did you mean " + strconv.Quote(m) + "?"))
	}
	quoted := make([]string, len(set))
	for i, s := range set {
		quoted[i] = strconv.Quote(s)
	}
	msg = msg.Add(fixed(" (one of " + strings.Join(quoted, ", ") + ")"))
	d.doc.Problemf(d.valueAt(path), msg.Format, msg.Args...)
	return false
}

// Suggest returns the candidate closest to word when it is close enough to
// be a likely typo, or "". Case is ignored.
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		dist := Levenshtein(w, strings.ToLower(c))
		if bestD < 0 || dist < bestD {
			best, bestD = c, dist
		}
	}
	n := utf8.RuneCountInString(word)
	if bestD < 0 || bestD > max(1, min(3, n/3)) || bestD >= n {
		return ""
	}
	return best
}

// Levenshtein returns the edit distance between a and b, in runes.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
