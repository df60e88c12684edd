package schema

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fastFront reads the TOML text of a frontmatter written in the plain subset
// of TOML that records are written in, into exactly the values
// BurntSushi/toml.Decode gives for a map[string]any: the same types (string,
// int64, bool, time.Time in the library's own local zones, []any,
// map[string]any, []map[string]any for an array of tables) and the same
// tables.
//
// It reads, in one pass over the bytes and with no copy of the text:
// comments; [table] and [[array]] headers of bare keys; bare, "quoted" and
// 'literal' keys; basic strings with the escapes \" \\ \n \t \r; literal
// strings; decimal integers; true and false; local dates (2026-01-12) and
// local date-times (2026-01-19T16:30 or 16:30:00); and arrays of those,
// across lines. It answers ok=false at anything else (a multi-line string,
// an inline table, a dotted key, a float, a time zone, another escape, a
// key or table written twice, a control character, a syntax error...),
// and the caller gives the text to the library, which reads the rest of
// TOML and words every error with its position. So the subset never
// changes what a record means: it is a shorter road to the same values,
// checked against the library on every test record and by
// FuzzFastFrontAgrees.
//
// In the same pass it builds the key index indexKeys would build of the
// same text, so the values and where each stands come from one read: text
// is the file's bytes from offset base, front the frontmatter's span in
// the file. The caller gives it the file's own bytes: whatever the copy
// given to the library would change (a lone carriage return, a byte that
// is not UTF-8, a byte-order mark) is something the fast reader refuses.
//
// It exists because the library's decode, with the key index beside it,
// was the largest single cost of a lint after reading the files
// (docs/performance.md).
func fastFront(text []byte, base int, front Span) (top map[string]any, keys *KeyIndex, ok bool) {
	if !utf8.Valid(text) {
		return nil, nil, false
	}
	scratch := keyScratchPool.Get().(*keyScratch)
	defer scratch.put()
	p := fastParser{d: text, base: base, top: map[string]any{}, keyPuts: keyPuts{puts: scratch.puts[:0], paths: scratch.paths[:0], order: scratch.order[:0]}}
	p.cur = p.top
	p.keys = &KeyIndex{front: front}
	if ok = p.document(); ok {
		p.index(p.keys)
	}
	clear(p.puts) // the pool keeps no record's arrays alive
	scratch.puts, scratch.paths, scratch.order = p.puts, p.paths, p.order
	if !ok {
		return nil, nil, false
	}
	return p.top, p.keys, true
}

// keyScratch is what fastFront gathers the key index in, before it makes
// the index: kept for the next record (keyScratchPool), so that a record
// costs the index itself and one string of its paths, not a string a
// key.
type keyScratch struct {
	puts  []keyEntry
	paths []byte
	order []putOrder
}

var keyScratchPool = sync.Pool{New: func() any { return new(keyScratch) }}

// put gives s back for another record, unless a record grew it past what
// is worth keeping.
func (s *keyScratch) put() {
	if cap(s.puts) <= 4096 && cap(s.paths) <= 64<<10 {
		keyScratchPool.Put(s)
	}
}

// maxFastDepth bounds the nesting of arrays the fast reader follows; deeper
// text goes to the library and its guard.
const maxFastDepth = 8

type fastParser struct {
	d    []byte
	pos  int
	base int // the offset of d in the file, for the key index
	top  map[string]any
	cur  map[string]any // the table of the last header
	keys *KeyIndex
	// table is the key-index path of the current table, its parts joined
	// by keyOf's separator ("people\x001" for the second [[people]]).
	table []byte
	// scratch holds the key-index paths of a key and its array elements
	// while they are read (subPath).
	scratch []byte
	// the key-index entries met, in order (keyPuts.put); index makes
	// the key index of them.
	keyPuts
}

// span is the file span of d[from:to].
func (p *fastParser) span(from, to int) Span { return Span{p.base + from, p.base + to} }

// subPath appends part to the key-index path path. Paths below a key's
// are built in one buffer used as a stack (fastParser.scratch): a path
// appends to its parent's bytes, and the parent is done with nothing past
// its own length.
func subPath(path []byte, part string) []byte {
	if len(path) > 0 {
		path = append(path, 0)
	}
	return append(path, part...)
}

// subIndex appends the index i (the i-th element of an array, the i-th
// table of an array of tables) to the key-index path path.
func subIndex(path []byte, i int) []byte {
	if len(path) > 0 {
		path = append(path, 0)
	}
	return strconv.AppendInt(path, int64(i), 10)
}

func (p *fastParser) at() byte {
	if p.pos < len(p.d) {
		return p.d[p.pos]
	}
	return 0
}

func (p *fastParser) skipSpace() {
	for p.pos < len(p.d) && (p.d[p.pos] == ' ' || p.d[p.pos] == '\t') {
		p.pos++
	}
}

// comment skips a # comment up to its line ending, and records it in the
// key index; false at a control character, which TOML refuses in a comment.
func (p *fastParser) comment() bool {
	start := p.pos
	for ; p.pos < len(p.d); p.pos++ {
		c := p.d[p.pos]
		if c == '\n' || c == '\r' && p.pos+1 < len(p.d) && p.d[p.pos+1] == '\n' {
			break
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	p.keys.comments = append(p.keys.comments, p.span(start, p.pos))
	return true
}

// lineEnd reads what may follow a value or a header: spaces, a comment, and
// the end of the line or of the text.
func (p *fastParser) lineEnd() bool {
	p.skipSpace()
	if p.at() == '#' && !p.comment() {
		return false
	}
	return p.newline() || p.pos == len(p.d)
}

// newline steps over one line ending, \n or \r\n.
func (p *fastParser) newline() bool {
	switch {
	case p.at() == '\n':
		p.pos++
		return true
	case p.at() == '\r' && p.pos+1 < len(p.d) && p.d[p.pos+1] == '\n':
		p.pos += 2
		return true
	}
	return false
}

func (p *fastParser) document() bool {
	for p.pos < len(p.d) {
		p.skipSpace()
		switch c := p.at(); {
		case p.newline():
		case c == '#':
			if !p.lineEnd() {
				return false
			}
		case c == '[':
			if !p.header() || !p.lineEnd() {
				return false
			}
		case p.pos == len(p.d):
		default:
			if !p.keyValue() || !p.lineEnd() {
				return false
			}
		}
	}
	return true
}

// header reads [a.b] or [[a.b]] (bare keys only) and makes its table the
// current one. A table that already exists in any form goes to the library,
// which knows when TOML allows that.
func (p *fastParser) header() bool {
	start := p.pos
	p.pos++ // [
	array := p.at() == '['
	if array {
		p.pos++
	}
	var parts [8]string
	n := 0
	for {
		p.skipSpace()
		k, ok := p.bareKey()
		if !ok || n == len(parts) {
			return false
		}
		parts[n] = k
		n++
		p.skipSpace()
		if p.at() != '.' {
			break
		}
		p.pos++
	}
	if p.at() != ']' {
		return false
	}
	p.pos++
	if array {
		if p.at() != ']' {
			return false
		}
		p.pos++
	}
	// The table, and its key-index path: the n-th table of an array of
	// tables has the path component "n", from "0", as indexKeys gives it.
	hdr := p.span(start, p.pos)
	t := p.top
	var path []byte
	for _, k := range parts[:n-1] {
		path = subPath(path, k)
		switch v := t[k].(type) {
		case nil:
			if _, exists := t[k]; exists {
				return false
			}
			m := map[string]any{}
			t[k] = m
			t = m
		case map[string]any:
			t = v
		case []map[string]any:
			t = v[len(v)-1]
			path = subIndex(path, len(v)-1)
		default:
			return false
		}
	}
	last := parts[n-1]
	path = subPath(path, last)
	m := map[string]any{}
	old, exists := t[last]
	switch {
	case !exists && array:
		t[last] = []map[string]any{m}
		path = subIndex(path, 0)
	case !exists:
		t[last] = m
	case array:
		tables, isTables := old.([]map[string]any)
		if !isTables {
			return false
		}
		t[last] = append(tables, m)
		path = subIndex(path, len(tables))
	default:
		return false
	}
	p.cur = m
	p.table = path
	// The header stands for each table it names, the implicit parents too.
	for i, c := range path {
		if c == 0 {
			p.put(path[:i], keyEntry{key: hdr})
		}
	}
	p.put(path, keyEntry{key: hdr})
	return true
}

// bareKey reads a bare key: A-Z a-z 0-9 _ -. A key of the records' own
// is not copied: it is the record types' own string (recordKeys).
func (p *fastParser) bareKey() (string, bool) {
	start := p.pos
	for p.pos < len(p.d) && isBareKeyChar(p.d[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return "", false
	}
	if k, ok := recordKeys()[string(p.d[start:p.pos])]; ok {
		return k, true
	}
	return string(p.d[start:p.pos]), true
}

// recordKeys holds every key of every record type and of the tables in
// them, each mapped to itself, worked out once from the types' fields.
var recordKeys = sync.OnceValue(func() map[string]string {
	keys := map[string]string{}
	done := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || isUnmarshaler(t) || done[t] {
			return
		}
		done[t] = true
		for _, f := range planOf(t).fields {
			if _, seen := keys[f.name]; !seen {
				keys[f.name] = f.name
			}
			walk(f.typ)
		}
	}
	for _, k := range Kinds {
		walk(reflect.TypeOf(newRecord(k)))
	}
	return keys
})

// keyValue reads key = value into the current table.
func (p *fastParser) keyValue() bool {
	var key string
	var ok bool
	kstart := p.pos
	switch p.at() {
	case '"', '\'':
		key, ok = p.str()
		ok = ok && key != ""
	default:
		key, ok = p.bareKey()
	}
	if !ok {
		return false
	}
	keySpan := p.span(kstart, p.pos)
	p.skipSpace()
	if p.at() != '=' {
		return false // a dotted key, or no value
	}
	p.pos++
	p.skipSpace()
	if _, dup := p.cur[key]; dup {
		return false
	}
	path := subPath(append(p.scratch[:0], p.table...), key)
	p.scratch = path[:0] // keep what it grew to
	vstart := p.pos
	v, elems, ok := p.value(path, 0)
	if !ok {
		return false
	}
	p.cur[key] = v
	p.put(path, keyEntry{key: keySpan, value: p.span(vstart, p.pos), elems: elems})
	if len(p.table) == 0 && key == "type" {
		p.keys.typeKey = keySpan
	}
	return true
}

// value reads the value at p.pos, whose key-index path is path; for an
// array, elems is the span of each element.
func (p *fastParser) value(path []byte, depth int) (v any, elems []Span, ok bool) {
	switch c := p.at(); {
	case c == '"' || c == '\'':
		v, ok = p.str()
	case c == '[':
		return p.array(path, depth)
	case c == 't' || c == 'f':
		v, ok = p.boolean()
	case isDigit(c):
		v, ok = p.numberOrDate()
	}
	return v, nil, ok
}

// str reads a one-line string, basic or literal. A multi-line string, an
// escape other than \" \\ \n \t \r, or a control character other than tab
// goes to the library.
func (p *fastParser) str() (string, bool) {
	q := p.d[p.pos]
	if p.pos+2 < len(p.d) && p.d[p.pos+1] == q && p.d[p.pos+2] == q {
		return "", false // """ or '''
	}
	p.pos++
	start := p.pos
	var buf []byte // only when the string has an escape
	for p.pos < len(p.d) {
		c := p.d[p.pos]
		switch {
		case c == q:
			p.pos++
			if buf != nil {
				return string(append(buf, p.d[start:p.pos-1]...)), true
			}
			return string(p.d[start : p.pos-1]), true
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		case c == '\\' && q == '"':
			if p.pos+1 >= len(p.d) {
				return "", false
			}
			var r byte
			switch p.d[p.pos+1] {
			case '"':
				r = '"'
			case '\\':
				r = '\\'
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			case 'r':
				r = '\r'
			default:
				return "", false
			}
			buf = append(append(buf, p.d[start:p.pos]...), r)
			p.pos += 2
			start = p.pos
			continue
		}
		p.pos++
	}
	return "", false
}

func (p *fastParser) boolean() (any, bool) {
	for _, w := range [...]string{"true", "false"} {
		if p.pos+len(w) <= len(p.d) && string(p.d[p.pos:p.pos+len(w)]) == w && p.endsValue(p.pos+len(w)) {
			p.pos += len(w)
			return w == "true", true
		}
	}
	return nil, false
}

// endsValue reports whether a scalar value may end at i: what follows it is
// a space, a comma, a closing bracket, a comment or the end of the line.
func (p *fastParser) endsValue(i int) bool {
	if i >= len(p.d) {
		return true
	}
	switch p.d[i] {
	case ' ', '\t', ',', ']', '#', '\n', '\r':
		return true
	}
	return false
}

// numberOrDate reads a decimal integer (no sign, no underscore, no leading
// zero), a local date, or a local date-time with hours and minutes and
// perhaps whole seconds.
func (p *fastParser) numberOrDate() (any, bool) {
	d := p.d[p.pos:]
	digits := 0
	for digits < len(d) && isDigit(d[digits]) {
		digits++
	}
	if p.endsValue(p.pos + digits) {
		if digits > 1 && d[0] == '0' || digits > 18 {
			return nil, false
		}
		n, err := strconv.ParseInt(string(d[:digits]), 10, 64)
		if err != nil {
			return nil, false
		}
		p.pos += digits
		return n, true
	}
	if digits != 4 || len(d) < 10 || !isDateText(d[:10]) {
		return nil, false
	}
	y, mo, day := num(d[0:4]), num(d[5:7]), num(d[8:10])
	if mo < 1 || mo > 12 || day < 1 || day > daysIn(time.Month(mo), y) {
		return nil, false
	}
	zones := tomlZones()
	if p.endsValue(p.pos+10) && !(len(d) > 11 && d[10] == ' ' && isDigit(d[11])) {
		p.pos += 10
		return time.Date(y, time.Month(mo), day, 0, 0, 0, 0, zones.date), true
	}
	// 2026-01-19T16:30, or with :00 seconds.
	if len(d) < 16 || d[10] != 'T' || !isDigit(d[11]) || !isDigit(d[12]) || d[13] != ':' || !isDigit(d[14]) || !isDigit(d[15]) {
		return nil, false
	}
	h, mi, s, n := num(d[11:13]), num(d[14:16]), 0, 16
	if len(d) >= 19 && d[16] == ':' && isDigit(d[17]) && isDigit(d[18]) {
		s, n = num(d[17:19]), 19
	}
	if h > 23 || mi > 59 || s > 59 || !p.endsValue(p.pos+n) {
		return nil, false
	}
	p.pos += n
	return time.Date(y, time.Month(mo), day, h, mi, s, 0, zones.datetime), true
}

// num is the value of a run of ASCII digits.
func num(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// array reads [v, v, ...] across lines, with comments between the values,
// recording each element in the key index under path and its index.
func (p *fastParser) array(path []byte, depth int) (any, []Span, bool) {
	if depth == maxFastDepth {
		return nil, nil, false
	}
	p.pos++                  // [
	out := make([]any, 0, 2) // never nil, as the library gives
	var elems []Span
	for {
		if !p.arraySpace() {
			return nil, nil, false
		}
		if p.at() == ']' {
			p.pos++
			return out, elems, true
		}
		start := p.pos
		epath := subIndex(path, len(out))
		v, _, ok := p.value(epath, depth+1)
		if !ok {
			return nil, nil, false
		}
		out = append(out, v)
		el := p.span(start, p.pos)
		elems = append(elems, el)
		p.put(epath, keyEntry{key: el, value: el})
		if !p.arraySpace() {
			return nil, nil, false
		}
		switch p.at() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return out, elems, true
		default:
			return nil, nil, false
		}
	}
}

// arraySpace skips the spaces, line endings and comments allowed between
// the values of an array.
func (p *fastParser) arraySpace() bool {
	for {
		p.skipSpace()
		switch {
		case p.newline():
		case p.at() == '#':
			if !p.comment() {
				return false
			}
		default:
			return true
		}
	}
}

// tomlZones are the library's own zones for local dates and date-times
// (the decoder tells them apart by name), taken from the library once.
var tomlZones = sync.OnceValue(func() struct{ date, datetime *time.Location } {
	var v map[string]any
	_, err := toml.Decode("d = 2000-01-01\nt = 2000-01-01T00:00:00", &v)
	d, okD := v["d"].(time.Time)
	t, okT := v["t"].(time.Time)
	if err != nil || !okD || !okT {
		panic(fmt.Sprintf("schema: the TOML library cannot read a local date (%v)", err))
	}
	return struct{ date, datetime *time.Location }{d.Location(), t.Location()}
})
