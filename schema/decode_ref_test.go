package schema

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/internal/testrecords"
)

// refDecoder is the decoder as it was before each struct type's decoding
// plan (decodePlan): every field found by its name and every value's way
// read from its reflect.Type, for every value. The tests decode every
// frontmatter both ways and want the same record and the same problems.
type refDecoder struct{ decoder }

func (d *refDecoder) decode(top map[string]any) {
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
	d.table(top, rv, nil)
	if f := rv.FieldByName("Doc"); f.IsValid() && f.Type() == reflect.TypeOf(doc) {
		f.Set(reflect.ValueOf(doc))
	}
	doc.Record = rec
	if cr, ok := rec.(*CaseRecord); ok {
		markQualifiedFalse(cr, top["people"])
	}
	d.validate(rec)
}

// field is a struct field that a TOML key decodes into.
type refField struct {
	name     string // the toml tag
	index    int
	required bool
}

// fieldsOf returns the fields of struct type t that keys decode into,
// worked out once for each type.
func refFieldsOf(t reflect.Type) []refField {
	if fs, ok := refFieldCache.Load(t); ok {
		return fs.([]refField)
	}
	fs := refStructFields(t)
	refFieldCache.Store(t, fs)
	return fs
}

var refFieldCache sync.Map // reflect.Type to []refField

func refStructFields(t reflect.Type) []refField {
	var fs []refField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		fs = append(fs, refField{name: name, index: i, required: sf.Tag.Get("caselint") == "required"})
	}
	return fs
}

// table decodes the keys of one TOML table m into the struct rv, whose key
// path is path (nil at the top).
func (d *refDecoder) table(m map[string]any, rv reflect.Value, path []string) {
	fs := refFieldsOf(rv.Type())
	// In the order they are written, so that problems come out in order.
	type keyAt struct {
		key string
		pos int
	}
	keys := make([]keyAt, 0, len(m))
	kp := make([]string, len(path)+1) // the key path of each key, in turn
	copy(kp, path)
	for k := range m {
		pos := len(d.doc.Source.Data)
		kp[len(path)] = k
		if s, ok := d.doc.Keys.Key(kp...); ok {
			pos = s.Start
		}
		keys = append(keys, keyAt{k, pos})
	}
	slices.SortFunc(keys, func(a, b keyAt) int {
		if c := a.pos - b.pos; c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
	for _, ka := range keys {
		k := ka.key
		kp := join(path, k)
		i := slices.IndexFunc(fs, func(f refField) bool { return f.name == k })
		if i < 0 {
			msg := Msgf("unknown key %s in %s", k, d.where(path))
			names := make([]string, len(fs))
			for j, f := range fs {
				names[j] = f.name
			}
			if m := Suggest(k, names); m != "" {
				msg = msg.Add(fixed("; did you mean " + m + "?")) // a key caselint knows
			}
			d.doc.Problemf(d.keyAt(kp), msg.Format, msg.Args...)
			continue
		}
		d.value(m[k], rv.Field(fs[i].index), kp)
	}
	for _, f := range fs {
		if v := rv.Field(f.index); f.required && v.Kind() == reflect.String && !personRefKeys[f.name] {
			if _, ok := m[f.name]; ok && v.String() != "" && defaultPlaceholderList.Has(v.String()) {
				kp := join(path, f.name)
				d.doc.Problemf(d.valueAt(kp), "%s is %q, a placeholder: a required key must say what is known", dotted(kp), v.String())
				continue
			}
		}
		if _, ok := m[f.name]; ok || !f.required {
			continue
		}
		kp := join(path, f.name)
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
	if rv.Type() == reflect.TypeOf(Child{}) {
		c := rv.Addr().Interface().(*Child)
		if _, ok := m["born"]; !ok && !c.Unborn && !d.doc.Keys.Has(join(path, "born")...) && !d.blanked["born"] {
			d.doc.Problemf(d.keyAt(path), "missing required key %s (or unborn = true, with the expected date, before the child is born)", dotted(join(path, "born")))
		}
		d.checkBirth(c, path)
	}
}

// value decodes one value raw, as the TOML library read it, into the field
// fv, whose key path is path.
func (d *refDecoder) value(raw any, fv reflect.Value, path []string) {
	t := fv.Type()
	switch {
	case isUnmarshaler(t):
		d.leaf(raw, fv, path)
	case t.Kind() == reflect.Struct:
		d.subtable(raw, fv, path)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && !isUnmarshaler(t.Elem()):
		if _, ok := raw.(map[string]any); !ok {
			d.doc.Problemf(d.valueAt(path), "%s: expected a table, found %s", dotted(path), tomlTypeName(raw))
			return
		}
		p := reflect.New(t.Elem())
		d.subtable(raw, p.Elem(), path)
		fv.Set(p)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && !isUnmarshaler(t.Elem()):
		d.tables(raw, fv, path)
	case t.Kind() == reflect.Slice:
		d.list(raw, fv, path)
	default:
		d.leaf(raw, fv, path)
	}
}

// subtable decodes a table value into the struct fv.
func (d *refDecoder) subtable(raw any, fv reflect.Value, path []string) {
	m, ok := raw.(map[string]any)
	if !ok {
		d.doc.Problemf(d.valueAt(path), "%s: expected a table, found %s", dotted(path), tomlTypeName(raw))
		return
	}
	d.table(m, fv, path)
}

// tables decodes an array of tables ([[people]]) or a list of inline tables
// into the slice of structs fv. An element that is not a table is reported
// and left zero, so that element i is still the i-th table written.
func (d *refDecoder) tables(raw any, fv reflect.Value, path []string) {
	var elems []any
	switch v := raw.(type) {
	case []any:
		elems = v
	case []map[string]any:
		elems = make([]any, len(v))
		for i, m := range v {
			elems[i] = m
		}
	default:
		d.doc.Problemf(d.valueAt(path), "%s: expected [[%s]] tables, found %s", dotted(path), dotted(path), tomlTypeName(raw))
		if _, one := raw.(map[string]any); one {
			// [legal_status] written for the only one: reported, and
			// still read as that one entry, so that no rule reads the
			// case as having none.
			out := reflect.MakeSlice(fv.Type(), 1, 1)
			d.subtable(raw, out.Index(0), path)
			fv.Set(out)
		}
		return
	}
	n := len(elems)
	out := reflect.MakeSlice(fv.Type(), n, n)
	for i, eraw := range elems {
		epath := join(path, strconv.Itoa(i))
		if _, ok := eraw.(map[string]any); !ok {
			d.doc.Problemf(d.valueAt(epath), "%s, item %d: expected a table, found %s", dotted(path), i+1, tomlTypeName(eraw))
			continue
		}
		d.subtable(eraw, out.Index(i), epath)
	}
	fv.Set(out)
}

// list decodes a list of plain values (["Sam Doe", "Jamie"]) into the slice
// fv. An element of the wrong type is reported at the element and left zero.
func (d *refDecoder) list(raw any, fv reflect.Value, path []string) {
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

// decodeAgrees decodes the frontmatter of data, read as Parse reads it,
// with the decoder and with refDecoder, and fails t unless both give the
// same kind, record and problems. mutate, when not nil, changes the
// library's values first. It reports whether there was a frontmatter to
// decode.
func decodeAgrees(t *testing.T, name string, data []byte, mutate func(top map[string]any)) bool {
	t.Helper()
	base, top, blanked := readForDecode(data)
	if top == nil {
		return false
	}
	if mutate != nil {
		mutate(top)
	}
	got, want := *base, *base
	got.Problems, want.Problems = slices.Clone(base.Problems), slices.Clone(base.Problems)
	(&decoder{doc: &got, blanked: blanked}).decode(top)
	(&refDecoder{decoder{doc: &want, blanked: blanked}}).decode(top)
	if got.Kind != want.Kind || !reflect.DeepEqual(got.Problems, want.Problems) {
		t.Fatalf("%s: the decoder gave kind %q and problems\n%v\nthe reference %q and\n%v\nfrom:\n%s",
			name, got.Kind, problemLines(&got), want.Kind, problemLines(&want), data)
	}
	if !reflect.DeepEqual(got.Record, want.Record) {
		t.Fatalf("%s: the decoder gave the record\n%+v\nthe reference\n%+v\nfrom:\n%s", name, got.Record, want.Record, data)
	}
	return true
}

// readForDecode reads the frontmatter of data as Parse does, up to the
// typed decode: the document so far, the library's values (nil when there
// are none to decode) and the keys the repairs blanked.
func readForDecode(data []byte) (*Document, map[string]any, map[string]bool) {
	fm := splitFrontmatter(data)
	if !fm.record || fm.yaml {
		return nil, nil, nil
	}
	src := NewSource("f.md", data)
	bad := invalidUTF8(data)
	front := fm.front
	if !fm.closed {
		front.End = tomlPrefix(src, fm.front, bad)
	}
	if _, why := frontSizeGuard(front); why != "" {
		return nil, nil, nil
	}
	doc := &Document{Source: src, FrontStart: front.Start, FrontEnd: front.End, BodyStart: front.End}
	if top, keys, ok := fastFront(data[front.Start:front.End], front.Start, front); ok {
		doc.Keys = keys
		return doc, top, nil
	}
	if _, why := tomlGuard(data[front.Start:front.End], front.Start); why != "" {
		return nil, nil, nil
	}
	doc.Keys = indexKeys(src, front)
	top, blanked := readFront(doc, bad)
	return doc, top, blanked
}

func problemLines(doc *Document) []string {
	var out []string
	for _, p := range doc.Problems {
		pos := doc.Source.Position(p.Offset)
		out = append(out, fmt.Sprintf("%d:%d %s", pos.Line, pos.Col, p.Message))
	}
	return out
}

// testRecords returns every Markdown file of the test data, by path.
func testRecords(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, root := range []string{"../testdata", "testdata"} {
		testrecords.Each(t, root, func(path string, data []byte) { files[path] = data })
	}
	return files
}

func TestDecodeAgreesWithReferenceOnEveryTestRecord(t *testing.T) {
	n := 0
	for path, data := range testRecords(t) {
		if decodeAgrees(t, path, data, nil) {
			n++
		}
	}
	for _, s := range parseFuzzSeeds {
		decodeAgrees(t, "seed", []byte(s), nil)
	}
	if n < 1000 {
		t.Fatalf("only %d frontmatters decoded", n)
	}
}

// TestDecodeAgreesWithReferenceAtMaxProblems: where a record has more
// problems than a document keeps, which it keeps depends on the order they
// come in, in nested tables too; both decoders keep the same.
func TestDecodeAgreesWithReferenceAtMaxProblems(t *testing.T) {
	for _, n := range []int{MaxProblems / 4, MaxProblems/2 - 3, MaxProblems / 2, MaxProblems} {
		var b strings.Builder
		b.WriteString("+++\ntype = \"case\"\nid = 7\n")
		for i := range n {
			fmt.Fprintf(&b, "u%d = 1\n", n-i)
		}
		b.WriteString("[child]\nname = 2\nborn = \"2015-01-01\"\n")
		for i := range n {
			fmt.Fprintf(&b, "c%d = 1\n", i)
		}
		for i := range 3 {
			fmt.Fprintf(&b, "[[people]]\nrole = %d\nx%d = true\nname = \"TBC\"\n", i, i)
		}
		b.WriteString("+++\n")
		data := []byte(b.String())
		if !decodeAgrees(t, fmt.Sprint(n, " keys"), data, nil) {
			t.Fatalf("%d keys: not decoded", n)
		}
		if doc, _ := Parse("case.md", data); n == MaxProblems && doc.MoreProblems == 0 {
			t.Fatalf("%d keys: the document kept every problem", n)
		}
	}
}

// wrongValues holds a value of every kind the library gives, and strings
// that the decoder treats apart (a placeholder, a quoted boolean, a date in
// quotes, an interval).
var wrongValues = func() []any {
	var m map[string]any
	_, err := toml.Decode(`s = "x"
tbc = "TBC"
yes = "true"
qdate = "2026-01-12"
every = "2 weeks"
empty = ""
i = 7
neg = -5
big = 9999999999
f = 1.5
b = true
d = 2026-01-12
dt = 2026-01-19T16:30:00
tod = 16:30:00
zoned = 2026-01-19T16:30:00Z
mixed = ["a", 1, true]
strs = ["Sam Doe", "TBC"]
none = []
tbl = {name = "A", role = "GP", x = 1}
tbls = [{name = "TBC"}, {nme = "B", from = 2026-01-01}, {status = "interim care order", from = 2026-02-28T00:00:00}]
[[aot]]
to = "A"
[[aot]]
date = 2026-03-01
`, &m)
	if err != nil {
		panic(err)
	}
	keys := slices.Sorted(maps.Keys(m))
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}()

// eachValue calls f with each key path of top and the table that holds
// its last part, in a fixed order.
func eachValue(top map[string]any, f func(table map[string]any, key string)) {
	for _, k := range slices.Sorted(maps.Keys(top)) {
		f(top, k)
		switch v := top[k].(type) {
		case map[string]any:
			eachValue(v, f)
		case []map[string]any:
			for _, m := range v {
				eachValue(m, f)
			}
		}
	}
}

// TestDecodeAgreesWithReferenceOnWrongValues puts each kind of value in
// place of each value of the test records, in turn, and of each key
// removed, and wants the same record and problems from both decoders.
func TestDecodeAgreesWithReferenceOnWrongValues(t *testing.T) {
	files := testRecords(t)
	paths := slices.Sorted(maps.Keys(files))
	// Every 17th record (every 97th with -short): some 70,000 decodes.
	step := 17
	if testing.Short() {
		step = 97
	}
	tried := 0
	for i := 0; i < len(paths); i += step {
		data := files[paths[i]]
		_, top, _ := readForDecode(data)
		if top == nil {
			continue
		}
		keys := 0
		eachValue(top, func(map[string]any, string) { keys++ })
		for j := range keys {
			for v := -1; v < len(wrongValues); v++ {
				decodeAgrees(t, fmt.Sprintf("%s, value %d of key %d", paths[i], v, j), data, func(top map[string]any) {
					// The j-th key of the walk, in this read's values.
					n := 0
					eachValue(top, func(table map[string]any, key string) {
						if n == j {
							if v < 0 {
								delete(table, key)
							} else {
								table[key] = wrongValues[v]
							}
						}
						n++
					})
				})
				tried++
			}
		}
	}
	t.Logf("%d decodes compared", tried)
}

// FuzzDecodeAgrees: the decoder and refDecoder agree on any text.
func FuzzDecodeAgrees(f *testing.F) {
	for _, s := range parseFuzzSeeds {
		f.Add([]byte(s))
	}
	for _, c := range fastFrontCases {
		f.Add([]byte("+++\n" + c.text + "+++\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeAgrees(t, "fuzz", data, nil)
	})
}

// BenchmarkDecode is the typed decode alone, of the frontmatters of the
// test records already read into the library's values: the decoder, and
// for comparison refDecoder.
func BenchmarkDecode(b *testing.B) {
	type input struct {
		doc     *Document
		top     map[string]any
		blanked map[string]bool
	}
	var inputs []input
	for _, root := range []string{"../testdata", "testdata"} {
		testrecords.Each(b, root, func(_ string, data []byte) {
			if doc, top, blanked := readForDecode(data); top != nil {
				inputs = append(inputs, input{doc, top, blanked})
			}
		})
	}
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			for _, in := range inputs {
				doc := *in.doc
				(&decoder{doc: &doc, blanked: in.blanked}).decode(in.top)
			}
		}
		b.ReportMetric(float64(len(inputs)), "records")
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			for _, in := range inputs {
				doc := *in.doc
				(&refDecoder{decoder{doc: &doc, blanked: in.blanked}}).decode(in.top)
			}
		}
	})
}
