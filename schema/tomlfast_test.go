package schema

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// fastAgrees checks that the fast reader, where it answers, answers what
// the library does: the same values of the same types, and never a value
// for text the library refuses.
func fastAgrees(t *testing.T, name string, text []byte) (read bool) {
	t.Helper()
	got, keys, ok := fastFront(text, 0, Span{0, len(text)})
	if !ok {
		return false
	}
	// Parse asks the nesting guard only of what the fast reader refuses.
	if off, why := tomlGuard(text, 0); why != "" {
		t.Fatalf("%s: the fast reader read text the nesting guard refuses at %d (%s):\n%s", name, off, why, text)
	}
	if want := indexKeys(NewSource("f.md", text), Span{0, len(text)}); !reflect.DeepEqual(keys, want) {
		t.Fatalf("%s: the fast reader's key index\n%#v\nindexKeys'\n%#v\nfrom:\n%s", name, keys, want, text)
	}
	var want map[string]any
	if _, err := toml.Decode(string(text), &want); err != nil {
		t.Fatalf("%s: the fast reader read text the library refuses (%v):\n%s", name, err, text)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the fast reader read\n%#v\nthe library\n%#v\nfrom:\n%s", name, got, want, text)
	}
	return true
}

func TestFastFrontAgreesOnEveryTestRecord(t *testing.T) {
	var all, read int
	for path, data := range testRecords(t) {
		fm := splitFrontmatter(data)
		if !fm.record || fm.yaml || !fm.closed {
			continue
		}
		all++
		if fastAgrees(t, path, tomlText(data[fm.front.Start:fm.front.End], nil, fm.front.Start)) {
			read++
		}
	}
	if all < 1000 {
		t.Fatalf("only %d records found", all)
	}
	t.Logf("the fast reader read %d of %d frontmatters; the library the rest", read, all)
}

var fastFrontCases = []struct {
	text string
	read bool // whether the fast reader reads it (else the library does)
}{
	{"type = \"visit\"\ndate = 2026-01-19T16:30:00\nseen_alone = true\n", true},
	{"date = 2026-01-19T16:30 # the time\nb = 2026-02-28\n", true},
	{"a = [\n  \"x\", # one\n  'y\\n',\n]\nn = 0\nm = 12\n", true},
	{"[[people]]\nname = \"A\"\n[[people]]\nname = \"B\"\n[people.x]\nq = []\n[child]\nborn = 2016-02-29\n", true},
	{"s = \"tab\\tq\\\"\\\\\"\n'lit key' = 'C:\\x'\n\"q\" = [[1, 2], [\"a\"]]\n", true},
	{"a = 1\r\nb = \"x\"\r\n", true},
	{"a = 1\na = 2\n", false},              // written twice: an error
	{"[a]\n[a]\n", false},                  // the same
	{"[a.b]\n[a]\nx = 1\n", false},         // allowed, left to the library
	{"a = \"\"\"x\"\"\"\n", false},         // multi-line
	{"a = {b = 1}\n", false},               // inline table
	{"a.b = 1\n", false},                   // dotted key
	{"a = 1.5\n", false},                   // float
	{"a = +1\n", false},                    // sign
	{"a = 01\n", false},                    // leading zero: an error
	{"a = 1_000\n", false},                 // underscore
	{"a = 2026-02-30\n", false},            // no such day: an error
	{"a = 2026-01-19 16:30\n", false},      // a space for the T
	{"a = 2026-01-19T16:30:00Z\n", false},  // a zone
	{"a = 2026-01-19T16:30:00.5\n", false}, // a fraction
	{"a = 16:30:00\n", false},              // a time alone
	{"a = \"\\e\"\n", false},               // TOML 1.1 escape
	{"a = \"\\/\"\n", false},               // no such escape: an error
	{"# \x7f\n", false},                    // control character
	{"a = \"x\x01\"\n", false},             // the same
	{"a = 1 b = 2\n", false},               // two on a line: an error
	{"a = \"x\n", false},                   // unclosed
	{"a = [1, 2\n", false},                 // unclosed
	{"[a\n", false},                        // broken header
	{"a = tru\n", false},                   // no such value
	{"\"\" = 1\n", false},                  // an empty key
	{"a = 1\rb = 2\n", false},              // a lone carriage return
	{"a = 99999999999999999999\n", false},  // out of range
}

func TestFastFront(t *testing.T) {
	for _, c := range fastFrontCases {
		if got := fastAgrees(t, c.text, []byte(c.text)); got != c.read {
			t.Errorf("%q: read by the fast reader %v, want %v", c.text, got, c.read)
		}
	}
}

// FuzzFastFrontAgrees: whatever the fast reader reads, the library reads
// the same.
func FuzzFastFrontAgrees(f *testing.F) {
	for _, c := range fastFrontCases {
		f.Add([]byte(c.text))
	}
	for _, s := range parseFuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		fastAgrees(t, "fuzz", text)
	})
}

// What the fast reader reads at its limits, the nesting guard lets
// through (fastAgrees checks it): Parse asks the guard only of the rest.
func TestFastFrontWithinTheNestingGuard(t *testing.T) {
	for _, text := range []string{
		"[a.b.c.d.e.f.g.h]\nx = 1\n",
		"[[a.b.c.d.e.f.g.h]]\nx = 1\n[[a.b.c.d.e.f.g.h]]\nx = 2\n",
		"x = [[[[[[[[1]]]]]]]]\n",
		"x = [[[[[[[1]]]]]]]\n",
		"d = [2026-01-01, 2026-01-02T10:00:00, [2026-02-03]]\n",
		"'a.b.c.d.e.f.g.h.i.j.k' = \"x.y.z.w.v.u.t.s.r.q.p\" # c.d.e.f.g.h.i.j.k.l\n",
	} {
		if !fastAgrees(t, text, []byte(text)) {
			t.Errorf("the fast reader does not read %q: the test of the guard tests nothing there", text)
		}
	}
}
