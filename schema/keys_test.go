package schema

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// spanText returns the text of span s of src.
func spanText(src *Source, s Span) string { return string(src.Data[s.Start:s.End]) }

func TestIndexKeys(t *testing.T) {
	front := `type = "case" # the type
id = 'SOT-1'
"quoted key" = 1
a.b . "c" = true
multi = """
x = 1
[not.a.table]
"""
lit = '''
# not a comment
'''

[child]
name = "Jamie"
needs = [
  "autism",   # first
  "a ] # , \"quoted\"", 'lit]#,',
  [1, 2],
  { x = 1 },
]
born = 1979-05-27 07:32:00

[[people]]
name = "Sam"

[[people]] # second
name = "Kim"
role.title = "GP"
inline = { a = 1, b = { c = "}" } }

[people.extra]
k = 1

[[people.contacts]]
phone = "1"

[[copies]]
to = "x"
`
	data := []byte("+++\n" + front + "+++\n")
	src := NewSource("k.md", data)
	k := indexKeys(src, Span{4, 4 + len(front)})

	tests := []struct {
		path       []string
		key, value string
	}{
		{[]string{"type"}, "type", `"case"`},
		{[]string{"id"}, "id", `'SOT-1'`},
		{[]string{"quoted key"}, `"quoted key"`, "1"},
		{[]string{"a", "b", "c"}, `a.b . "c"`, "true"},
		{[]string{"a"}, "a", ""},
		{[]string{"a", "b"}, "a.b", ""},
		{[]string{"multi"}, "multi", "\"\"\"\nx = 1\n[not.a.table]\n\"\"\""},
		{[]string{"lit"}, "lit", "'''\n# not a comment\n'''"},
		{[]string{"child"}, "[child]", ""},
		{[]string{"child", "name"}, "name", `"Jamie"`},
		{[]string{"child", "born"}, "born", "1979-05-27 07:32:00"},
		{[]string{"child", "needs", "4", "x"}, "x", "1"},
		{[]string{"people"}, "[[people]]", ""},
		{[]string{"people", "0"}, "[[people]]", ""},
		{[]string{"people", "0", "name"}, "name", `"Sam"`},
		{[]string{"people", "1"}, "[[people]]", ""},
		{[]string{"people", "1", "name"}, "name", `"Kim"`},
		{[]string{"people", "1", "role", "title"}, "role.title", `"GP"`},
		{[]string{"people", "1", "inline"}, "inline", `{ a = 1, b = { c = "}" } }`},
		{[]string{"people", "1", "inline", "b", "c"}, "c", `"}"`},
		{[]string{"people", "1", "extra"}, "[people.extra]", ""},
		{[]string{"people", "1", "extra", "k"}, "k", "1"},
		{[]string{"people", "1", "contacts", "0", "phone"}, "phone", `"1"`},
		{[]string{"copies", "0", "to"}, "to", `"x"`},
	}
	for _, tt := range tests {
		ks, ok := k.Key(tt.path...)
		if !ok {
			t.Errorf("%q: not indexed", tt.path)
			continue
		}
		if got := spanText(src, ks); got != tt.key {
			t.Errorf("%q: key %q; want %q", tt.path, got, tt.key)
		}
		vs, _ := k.Value(tt.path...)
		if tt.value == "" {
			tt.value = tt.key // a table's value is its header
		}
		if got := spanText(src, vs); got != tt.value {
			t.Errorf("%q: value %q; want %q", tt.path, got, tt.value)
		}
	}
	for _, p := range [][]string{{"x"}, {"not"}, {"people", "2"}, {"child", "needs", "4", "y"}} {
		if k.Has(p...) {
			t.Errorf("%q is indexed", p)
		}
	}
	if got := spanText(src, k.TypeKey()); got != "type" || src.Position(k.TypeKey().Start).Line != 2 {
		t.Errorf("TypeKey = %q", got)
	}

	// The elements of a multi-line array.
	var elems []string
	for i := range 5 {
		s, _ := k.Elem(i, "child", "needs")
		elems = append(elems, spanText(src, s))
	}
	want := []string{`"autism"`, `"a ] # , \"quoted\""`, `'lit]#,'`, `[1, 2]`, `{ x = 1 }`}
	if strings.Join(elems, "|") != strings.Join(want, "|") {
		t.Errorf("elems = %q; want %q", elems, want)
	}
	if s, _ := k.Elem(1, "child", "needs"); src.Position(s.Start).Line != 18 || src.Position(s.Start).Col != 3 {
		t.Errorf("elem 1 at %+v", src.Position(s.Start))
	}
	// Out of range: the whole value.
	if s, ok := k.Elem(9, "child", "needs"); !ok || !strings.HasPrefix(spanText(src, s), "[\n") {
		t.Errorf("Elem(9) = %q, %v", spanText(src, s), ok)
	}

	// The comments, and only those outside strings.
	var comments []string
	for _, c := range k.Comments() {
		comments = append(comments, spanText(src, c))
	}
	wantC := []string{"# the type", "# first", "# second"}
	if strings.Join(comments, "|") != strings.Join(wantC, "|") {
		t.Errorf("comments = %q; want %q", comments, wantC)
	}
}

func TestIndexKeysLineEndings(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		front := strings.ReplaceAll("[[people]]\nname = \"A\"\n[[people]]\nname = \"B\" # x\nlist = [\n 1,\n 2 ]\n", "\n", nl)
		data := []byte("+++" + nl + front + "+++" + nl)
		src := NewSource("k.md", data)
		k := indexKeys(src, Span{3 + len(nl), 3 + len(nl) + len(front)})
		s, ok := k.Value("people", "1", "name")
		if p := src.Position(s.Start); !ok || p.Line != 5 || p.Col != 8 {
			t.Errorf("%q: people.1.name at %+v", nl, p)
		}
		s, _ = k.Elem(1, "people", "1", "list")
		if p := src.Position(s.Start); p.Line != 8 || p.Col != 2 {
			t.Errorf("%q: list[1] at %+v", nl, p)
		}
	}
}

func TestIndexKeysGarbage(t *testing.T) {
	for _, front := range []string{
		"[", "[[", "[[[[[[[[[[[[", "= 1", "a = ", "a = [", "a = [1, 2", "a = {", "a = { b = ", "a = \"unterminated",
		"a = \"\"\"never", "a = '''never", "[a.", "[\"a", "a.\"b = 1", "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		"a = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{", "a = [,,,]", "a = [}]", "a = { , = }",
		"\x00\xff\xfe", "a = \\", "a = \"\\", "x = 1 y = 2\nz = 3",
	} {
		src := NewSource("g.md", []byte(front))
		k := indexKeys(src, Span{0, len(front)})
		if k == nil {
			t.Errorf("%q: nil index", front)
		}
	}
	// Out-of-range spans are clamped.
	src := NewSource("g.md", []byte("a = 1"))
	if k := indexKeys(src, Span{-5, 99}); !k.Has("a") {
		t.Error("a not indexed")
	}
	var nilIndex *KeyIndex
	if nilIndex.Has("a") || nilIndex.Comments() != nil || nilIndex.TypeKey() != (Span{}) {
		t.Error("nil index")
	}
}

// The key index finds every path gathered, with the entry first gathered
// under it, and no other, whatever the paths hold: parts of any length
// (the empty one too), joined by the separator, paths that are prefixes
// of others and paths alike in their first eight bytes.
func TestKeyPutsIndex(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	parts := []string{"", "a", "ab", "people", "people2", "0", "1", "10", "é", "\xff", "name_of_the_child"}
	for round := range 300 {
		var kp keyPuts
		first := map[string]keyEntry{}
		for i := range rng.Intn(40) {
			var path []string
			for range 1 + rng.Intn(4) {
				path = append(path, parts[rng.Intn(len(parts))])
			}
			e := keyEntry{key: Span{i, i + 1}, value: Span{i, i + 2}}
			kp.put([]byte(keyOf(path)), e)
			if _, ok := first[keyOf(path)]; !ok {
				first[keyOf(path)] = e
			}
		}
		k := &KeyIndex{}
		kp.index(k)
		if len(k.entries) != len(first) {
			t.Fatalf("round %d: %d entries, want %d", round, len(k.entries), len(first))
		}
		for j := 1; j < len(k.entries); j++ {
			if a, b := k.paths[k.entries[j-1].from:k.entries[j-1].to], k.paths[k.entries[j].from:k.entries[j].to]; a >= b {
				t.Fatalf("round %d: %q before %q", round, a, b)
			}
		}
		for p, want := range first {
			got, ok := k.entry(strings.Split(p, "\x00"))
			if !ok || got.key != want.key || got.value != want.value {
				t.Errorf("round %d: %q: %+v, %v; want %+v", round, p, got, ok, want)
			}
		}
		for range 20 {
			var path []string
			for range 1 + rng.Intn(4) {
				path = append(path, parts[rng.Intn(len(parts))])
			}
			_, want := first[keyOf(path)]
			if _, ok := k.entry(path); ok != want {
				t.Errorf("round %d: %q found: %v", round, keyOf(path), ok)
			}
		}
	}
}

// TestKeyConflicts: a key written both as a table (a dotted key or a
// header) and as a plain key is found, in either order, at the later of
// the two; dotted keys alone, and a table's own keys, are not.
func TestKeyConflicts(t *testing.T) {
	for _, tt := range []struct {
		front string
		want  []string // the text at each conflict
	}{
		{"attended.x = 1\nattended = [\"A\"]\n", []string{"attended"}},
		{"attended = [\"A\"]\nattended.x = 1\n", []string{"attended"}},
		{"child.name = \"Leo\"\nchild.born = 2020-01-01\n", nil},
		{"[child]\nname = \"Leo\"\n", nil},
		{"a = 1\n[b]\na = 2\n", nil},
	} {
		src := NewSource("f.md", []byte(tt.front))
		k := indexKeys(src, Span{0, len(tt.front)})
		var got []string
		for _, sp := range k.Conflicts() {
			got = append(got, tt.front[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: conflicts %q, want %q", tt.front, got, tt.want)
		}
	}
}
