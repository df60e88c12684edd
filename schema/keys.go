package schema

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
)

// Span is a byte range in a Source.
type Span struct{ Start, End int }

// KeyIndex records where each key, table header and value of a document's
// frontmatter stands, so that findings about a fact point at its line.
// BurntSushi/toml reports no positions for keys, so the index is built from
// the frontmatter text by a small scanner that follows table headers, arrays
// of tables and dotted keys.
//
// A key path names a key from the top: ("lead_worker"), ("cessation",
// "date"), ("people", "2", "name") for the third [[people]] table.
type KeyIndex struct {
	// entries are sorted by path, one a path, the first met winning
	// (keyPuts.index); paths holds their paths, one after the other.
	entries  []keyEntry
	paths    string
	typeKey  Span
	front    Span
	comments []Span // every # comment outside strings, from "#" to the end of its line
	// conflicts are the keys written as a plain key and also as a table
	// (by a dotted key, "attended.x = 1", or a [header]) of the same path,
	// which TOML forbids: where the later of the two stands.
	conflicts []Span
}

type keyEntry struct {
	from, to int    // the entry's path: KeyIndex.paths[from:to] (keyPuts.paths while gathered)
	key      Span   // the key text, or the whole [header] for a table
	value    Span   // the value text (empty for a table)
	elems    []Span // the elements of an array value
}

func keyOf(path []string) string { return string(appendKeyPath(nil, path)) }

// appendKeyPath appends the parts of path to b, joined by a zero byte:
// a key path as the index holds it.
func appendKeyPath(b []byte, path []string) []byte {
	for i, p := range path {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return b
}

// entry looks the key path up, its parts joined as keyOf joins them, in a
// buffer on the stack when the path is short: findings look keys up by
// the thousand, and a lookup need not allocate. The entries are searched
// by halves.
func (k *KeyIndex) entry(path []string) (keyEntry, bool) {
	if k == nil {
		return keyEntry{}, false
	}
	var buf [128]byte
	b := appendKeyPath(buf[:0], path)
	lo, hi := 0, len(k.entries)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e := &k.entries[m]; k.paths[e.from:e.to] < string(b) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(k.entries) && k.paths[k.entries[lo].from:k.entries[lo].to] == string(b) {
		return k.entries[lo], true
	}
	return keyEntry{}, false
}

// keyPuts gathers a key index's entries as a reader meets them, for index
// to make the index of: each entry's path is paths[from:to], its parts
// joined as keyOf joins them.
type keyPuts struct {
	puts  []keyEntry
	paths []byte
	order []putOrder // scratch for index
}

// put records e under path; of a path recorded twice, the first wins.
func (kp *keyPuts) put(path []byte, e keyEntry) {
	e.from = len(kp.paths)
	kp.paths = append(kp.paths, path...)
	e.to = len(kp.paths)
	kp.puts = append(kp.puts, e)
}

// index sets k's entries and paths from the entries gathered: sorted by
// path, the first of a path kept, their paths laid out in that order in
// one string. Two readers that gather the same entries, in whatever
// order, make the same index. It leaves kp.puts and kp.paths as they
// were.
func (kp *keyPuts) index(k *KeyIndex) {
	path := func(i int) []byte { return kp.paths[kp.puts[i].from:kp.puts[i].to] }
	// Sorted by the first eight bytes of each path first (most paths
	// differ there), then by the whole path, then in the order met.
	kp.order = kp.order[:0]
	for i := range kp.puts {
		var pre [8]byte
		copy(pre[:], path(i))
		kp.order = append(kp.order, putOrder{binary.BigEndian.Uint64(pre[:]), i})
	}
	slices.SortFunc(kp.order, func(a, b putOrder) int {
		switch {
		case a.pre != b.pre:
			return cmp.Compare(a.pre, b.pre)
		case a.i == b.i:
			return 0
		}
		if c := bytes.Compare(path(a.i), path(b.i)); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	n, size := 0, 0
	for j, o := range kp.order {
		if j == 0 || !bytes.Equal(path(o.i), path(kp.order[j-1].i)) {
			n++
			size += len(path(o.i))
		}
	}
	var paths strings.Builder
	paths.Grow(size)
	k.entries = make([]keyEntry, 0, n)
	first := 0 // in kp.order, the first put of the current path
	for j, o := range kp.order {
		if j > 0 && bytes.Equal(path(o.i), path(kp.order[j-1].i)) {
			// A path put both as a table (no value) and as a key with
			// a value: "attended.x = 1" and "attended = [...]", which
			// the library accepts without a word.
			if f := kp.puts[kp.order[first].i]; isTablePut(f) != isTablePut(kp.puts[o.i]) {
				later := kp.puts[o.i].key
				if f.key.Start > later.Start {
					later = f.key
				}
				k.conflicts = append(k.conflicts, later)
			}
			continue
		}
		first = j
		e := kp.puts[o.i]
		e.from = paths.Len()
		paths.Write(path(o.i))
		e.to = paths.Len()
		k.entries = append(k.entries, e)
	}
	k.paths = paths.String()
}

// isTablePut reports whether e records a table (a [header] or the implicit
// table of a dotted key) rather than a key's value.
func isTablePut(e keyEntry) bool { return e.value == (Span{}) && e.elems == nil }

// Conflicts returns where each key written both as a plain key and as a
// table of the same path stands (the later of the two), in the order of
// their paths.
func (k *KeyIndex) Conflicts() []Span {
	if k == nil {
		return nil
	}
	return k.conflicts
}

// putOrder is an entry of keyPuts.puts (i) in index's sort, with the
// first eight bytes of its path, zero-padded, as a number: two paths
// whose numbers differ are in the order of their numbers.
type putOrder struct {
	pre uint64
	i   int
}

// Has reports whether the key path is written in the frontmatter.
func (k *KeyIndex) Has(path ...string) bool {
	_, ok := k.entry(path)
	return ok
}

// Key returns where the key of path stands (for a table, its [header]).
func (k *KeyIndex) Key(path ...string) (Span, bool) {
	e, ok := k.entry(path)
	return e.key, ok
}

// Value returns where the value of path stands.
func (k *KeyIndex) Value(path ...string) (Span, bool) {
	e, ok := k.entry(path)
	if !ok || e.value == (Span{}) {
		return e.key, ok
	}
	return e.value, ok
}

// Elem returns where element i of the array value of path stands.
func (k *KeyIndex) Elem(i int, path ...string) (Span, bool) {
	e, ok := k.entry(path)
	if !ok {
		return Span{}, false
	}
	if i < 0 || i >= len(e.elems) {
		return e.value, true
	}
	return e.elems[i], true
}

// TypeKey returns where the type key stands (type = "plan").
func (k *KeyIndex) TypeKey() Span {
	if k == nil {
		return Span{}
	}
	return k.typeKey
}

// indexKeys scans the frontmatter text front of src and records where each
// key, table header, value and array element stands, and where each comment
// is. It is not a TOML parser: it follows [table] and [[array.of.tables]]
// headers (the n-th table of an array gets the path component "n", from
// "0"), bare, quoted and dotted keys, strings of the four kinds, arrays
// (element by element, across lines) and inline tables (whose keys are
// recorded under the inline table's path). On malformed text it skips to the
// end of the line and goes on; it always terminates and never panics. The
// first occurrence of a key path wins.
func indexKeys(src *Source, front Span) *KeyIndex {
	if src == nil {
		return &KeyIndex{entries: []keyEntry{}, front: front}
	}
	k := &KeyIndex{front: front}
	front.Start = max(0, min(front.Start, len(src.Data)))
	front.End = max(front.Start, min(front.End, len(src.Data)))
	s := &keyScanner{d: src.Data, pos: front.Start, end: front.End, idx: k, arrays: map[string]int{}}
	s.scan()
	s.puts.index(k)
	return k
}

// maxValueDepth bounds the nesting of arrays and inline tables the scanner
// follows, so that "[[[[[[..." cannot exhaust the stack.
const maxValueDepth = 64

type keyScanner struct {
	d        []byte
	pos, end int
	idx      *KeyIndex
	table    []string       // the path of the current [table]
	arrays   map[string]int // how many tables each [[array]] path has had
	depth    int
	puts     keyPuts
	scratch  []byte
}

func (s *keyScanner) put(path []string, e keyEntry) {
	s.scratch = appendKeyPath(s.scratch[:0], path)
	s.puts.put(s.scratch, e)
}

func (s *keyScanner) at(i int) byte {
	if i < s.end {
		return s.d[i]
	}
	return 0
}

func isNewline(c byte) bool { return c == '\n' || c == '\r' }

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *keyScanner) skipSpace() {
	for s.pos < s.end && (s.d[s.pos] == ' ' || s.d[s.pos] == '\t') {
		s.pos++
	}
}

func (s *keyScanner) skipLine() {
	for s.pos < s.end && !isNewline(s.d[s.pos]) {
		s.pos++
	}
}

// comment records the comment at s.pos (a "#") and moves to the end of its
// line.
func (s *keyScanner) comment() {
	start := s.pos
	s.skipLine()
	s.idx.comments = append(s.idx.comments, Span{start, s.pos})
}

// skipBlank skips spaces, tabs, line endings and comments.
func (s *keyScanner) skipBlank() {
	for s.pos < s.end {
		switch s.d[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		case '#':
			s.comment()
		default:
			return
		}
	}
}

// endOfLine skips what is left of a line after a key's value or a header: a
// comment is recorded, anything else is ignored.
func (s *keyScanner) endOfLine() {
	s.skipSpace()
	if s.at(s.pos) == '#' {
		s.comment()
		return
	}
	s.skipLine()
}

func (s *keyScanner) scan() {
	for s.pos < s.end {
		start := s.pos
		switch c := s.d[s.pos]; {
		case c == ' ' || c == '\t' || isNewline(c):
			s.pos++
		case c == '#':
			s.comment()
		case c == '[':
			s.header()
		default:
			s.keyValue(s.table, true)
			s.endOfLine()
		}
		if s.pos == start {
			s.pos++
		}
	}
}

// key reads a bare, quoted or dotted key at s.pos. It returns the key's
// parts and the span of each part; ok is false when there is no key.
func (s *keyScanner) key() (parts []string, spans []Span, ok bool) {
	for {
		s.skipSpace()
		start := s.pos
		var part string
		switch s.at(s.pos) {
		case '"', '\'':
			q := s.d[s.pos]
			s.pos++
			for s.pos < s.end && s.d[s.pos] != q && !isNewline(s.d[s.pos]) {
				if q == '"' && s.d[s.pos] == '\\' && s.pos+1 < s.end && !isNewline(s.d[s.pos+1]) {
					s.pos++
				}
				s.pos++
			}
			if s.at(s.pos) != q {
				return parts, spans, false
			}
			s.pos++
			part = string(s.d[start+1 : s.pos-1])
			if q == '"' {
				if u, err := strconv.Unquote(string(s.d[start:s.pos])); err == nil {
					part = u
				}
			}
		default:
			for s.pos < s.end && isBareKeyChar(s.d[s.pos]) {
				s.pos++
			}
			if s.pos == start {
				return parts, spans, false
			}
			part = string(s.d[start:s.pos])
		}
		parts = append(parts, part)
		spans = append(spans, Span{start, s.pos})
		s.skipSpace()
		if s.at(s.pos) != '.' {
			return parts, spans, true
		}
		s.pos++
	}
}

// join returns a fresh path of base followed by more.
func join(base []string, more ...string) []string {
	p := make([]string, 0, len(base)+len(more))
	return append(append(p, base...), more...)
}

// resolve turns the parts of a header's key into a path, giving each part
// that names an array of tables the index of its latest table.
func (s *keyScanner) resolve(parts []string) []string {
	var p []string
	for _, part := range parts {
		p = append(p, part)
		if n := s.arrays[keyOf(p)]; n > 0 {
			p = append(p, strconv.Itoa(n-1))
		}
	}
	return p
}

// header reads a [table] or [[array.of.tables]] header.
func (s *keyScanner) header() {
	start := s.pos
	array := s.at(s.pos+1) == '['
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	parts, _, ok := s.key()
	if !ok || s.at(s.pos) != ']' || array && s.at(s.pos+1) != ']' {
		s.skipLine()
		return
	}
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	hdr := Span{start, s.pos}
	var path []string
	if array {
		base := join(s.resolve(parts[:len(parts)-1]), parts[len(parts)-1])
		n := s.arrays[keyOf(base)]
		s.arrays[keyOf(base)] = n + 1
		path = join(base, strconv.Itoa(n))
	} else {
		path = s.resolve(parts)
	}
	for i := 1; i < len(path); i++ { // implicit parent tables
		s.put(path[:i], keyEntry{key: hdr})
	}
	s.put(path, keyEntry{key: hdr})
	s.table = path
	s.endOfLine()
}

// keyValue reads key = value under the table path. It stops after the value.
func (s *keyScanner) keyValue(table []string, top bool) bool {
	parts, spans, ok := s.key()
	if !ok {
		return false
	}
	s.skipSpace()
	if s.at(s.pos) != '=' {
		return false
	}
	s.pos++
	s.skipSpace()
	path := join(table, parts...)
	for i := 1; i < len(parts); i++ { // implicit tables of a dotted key
		s.put(join(table, parts[:i]...), keyEntry{key: Span{spans[0].Start, spans[i-1].End}})
	}
	keySpan := Span{spans[0].Start, spans[len(spans)-1].End}
	vstart := s.pos
	vend, elems := s.value(path)
	s.put(path, keyEntry{key: keySpan, value: Span{vstart, vend}, elems: elems})
	if top && len(table) == 0 && len(parts) == 1 && parts[0] == "type" && s.idx.typeKey == (Span{}) {
		s.idx.typeKey = keySpan
	}
	return true
}

// value reads the value at s.pos, recording the elements of an array and the
// keys of an inline table under path. It returns where the value ends and,
// for an array, the span of each element.
func (s *keyScanner) value(path []string) (end int, elems []Span) {
	if s.depth >= maxValueDepth {
		s.skipLine()
		return s.pos, nil
	}
	s.depth++
	defer func() { s.depth-- }()
	switch c := s.at(s.pos); c {
	case '"', '\'':
		s.str(c)
	case '[':
		s.pos++
		for i := 0; ; {
			s.skipBlank()
			if s.pos >= s.end {
				break
			}
			if s.d[s.pos] == ']' {
				s.pos++
				break
			}
			if s.d[s.pos] == ',' {
				s.pos++
				continue
			}
			start := s.pos
			epath := join(path, strconv.Itoa(i))
			end, _ := s.value(epath)
			if end == start { // not a value: skip the stray byte
				s.pos++
				continue
			}
			elems = append(elems, Span{start, end})
			s.put(epath, keyEntry{key: Span{start, end}, value: Span{start, end}})
			i++
		}
	case '{':
		s.pos++
		for {
			s.skipBlank()
			if s.pos >= s.end {
				break
			}
			if s.d[s.pos] == '}' {
				s.pos++
				break
			}
			if s.d[s.pos] == ',' {
				s.pos++
				continue
			}
			if !s.keyValue(path, false) {
				return s.pos, nil
			}
		}
	default:
		s.bare()
	}
	return s.pos, elems
}

// str reads a string opened by quote q: basic, literal, or either of the
// multi-line kinds. An unterminated single-line string ends at the end of its
// line.
func (s *keyScanner) str(q byte) {
	if s.at(s.pos+1) == q && s.at(s.pos+2) == q {
		s.pos += 3
		for s.pos < s.end {
			switch {
			case q == '"' && s.d[s.pos] == '\\':
				s.pos += 2
			case s.d[s.pos] == q && s.at(s.pos+1) == q && s.at(s.pos+2) == q:
				s.pos += 3
				for n := 0; n < 2 && s.at(s.pos) == q; n++ { // """a"""" ends in a quote
					s.pos++
				}
				return
			default:
				s.pos++
			}
		}
		s.pos = min(s.pos, s.end)
		return
	}
	s.pos++
	for s.pos < s.end && !isNewline(s.d[s.pos]) {
		switch s.d[s.pos] {
		case q:
			s.pos++
			return
		case '\\':
			if q == '"' && s.pos+1 < s.end && !isNewline(s.d[s.pos+1]) {
				s.pos++
			}
		}
		s.pos++
	}
}

// bare reads a number, boolean, date or other unquoted value. A date
// followed by a space and a time (1979-05-27 07:32:00) is one value.
func (s *keyScanner) bare() {
	start := s.pos
	for s.pos < s.end {
		switch s.d[s.pos] {
		case ' ':
			if s.pos-start == 10 && isDateText(s.d[start:s.pos]) && isDigit(s.at(s.pos+1)) {
				s.pos++
				continue
			}
			return
		case '\t', '\n', '\r', ',', ']', '}', '#':
			return
		}
		s.pos++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDateText reports whether b has the shape 2026-01-12.
func isDateText(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for i, c := range b {
		if i != 4 && i != 7 && !isDigit(c) {
			return false
		}
	}
	return true
}

// Front returns the span of the frontmatter text the index was built from.
func (k *KeyIndex) Front() Span {
	if k == nil {
		return Span{}
	}
	return k.front
}

// Comments returns the span of every comment in the frontmatter, from its
// "#" to the end of its line, in order.
func (k *KeyIndex) Comments() []Span {
	if k == nil {
		return nil
	}
	return k.comments
}

// Extents maps where each key, value and array element of the frontmatter
// starts to where it ends, so that a finding pointing at one can report
// its extent; a key wins over a value that starts at the same place.
func (k *KeyIndex) Extents() map[int]int {
	if k == nil {
		return nil
	}
	out := make(map[int]int, len(k.entries))
	put := func(s Span) {
		if s.End > s.Start {
			if _, ok := out[s.Start]; !ok {
				out[s.Start] = s.End
			}
		}
	}
	for _, e := range k.entries {
		put(e.key)
	}
	for _, e := range k.entries {
		put(e.value)
		for _, el := range e.elems {
			put(el)
		}
	}
	return out
}
