package vcs

import (
	"slices"
	"strings"
	"testing"
)

func TestPathLimit(t *testing.T) {
	l := newPathLimit([]string{"cases/STK-1", "cases/STK-1", "other/x/", "gone/T-2/plan.md"}).with([]string{"old/STK-1/case.md"})
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"cases/STK-1/case.md", true},
		{"cases/STK-1/visits/2026-01-05.md", true},
		{"cases/STK-1", true}, // a file of that name, were it one
		{"cases/STK-10/case.md", false},
		{"cases/STK-/case.md", false},
		{"cases/case.md", false},
		{"other/x/a.md", true},
		{"other/xa.md", false},
		{"old/STK-1/case.md", true},
		{"old/STK-1/plan.md", false},
		{"gone/T-2/plan.md", true},
		{"gone/T-2/case.md", false},
	} {
		if got := l.holds(c.p); got != c.want {
			t.Errorf("holds(%q) = %v", c.p, got)
		}
		i := len(c.p)
		for i > 0 && c.p[i-1] != '/' {
			i--
		}
		if got := l.holdsFile(c.p[:i], []byte(c.p[i:])); got != c.want {
			t.Errorf("holdsFile(%q, %q) = %v", c.p[:i], c.p[i:], got)
		}
	}
	for _, c := range []struct {
		prefix, name string
		want         bool
	}{
		{"", "cases", true},
		{"cases/", "STK-1", true},
		{"cases/", "STK-10", false},
		{"cases/", "STK-", false},
		{"cases/STK-1/", "visits", true},
		{"", "old", true},
		{"old/", "STK-1", true},
		{"old/", "STK-2", false},
		{"", "docs", false},
		{"other/", "x", true},
		{"other/", "y", false},
	} {
		if got := l.enters(c.prefix, []byte(c.name)); got != c.want {
			t.Errorf("enters(%q, %q) = %v", c.prefix, c.name, got)
		}
	}
	for prefix, want := range map[string]string{
		"": "cases gone old other", "cases/": "STK-1", "gone/": "T-2", "gone/T-2/": "plan.md", "old/": "STK-1", "old/STK-1/": "case.md", "other/": "x",
		"cases/STK-1/": "", "other/x/": "", "docs/": "",
	} {
		var got []string
		for _, n := range l.namesIn(prefix) {
			got = append(got, string(n))
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("namesIn(%q) = %q, want %q", prefix, got, want)
		}
	}
	if newPathLimit([]string{"cases/STK-1", "."}) != nil || newPathLimit(nil) != nil {
		t.Error("a root folder, or none, is the whole history")
	}
	var whole *pathLimit
	if !whole.holds("any/where.md") || !whole.enters("", []byte("any")) || !whole.holdsFile("any/", []byte("where.md")) {
		t.Error("no limit holds every path")
	}
}

// TestTreeIterOnly walks a tree in git's order (a folder's name compared
// as if it ended in a slash) for a few names: each is found wherever that
// order puts it, and the walk ends once no name can follow.
func TestTreeIterOnly(t *testing.T) {
	var raw []byte
	var hash [20]byte
	for _, e := range []struct{ mode, name string }{
		{"100644", "a-b.md"}, {"40000", "a"}, {"100644", "a0.md"}, {"40000", "a1"}, {"100644", "b.md"},
	} {
		raw = append(raw, e.mode+" "+e.name+"\x00"...)
		raw = append(raw, hash[:]...)
	}
	for only, want := range map[string]string{
		"a":           "a",
		"a0.md":       "a0.md",
		"a a1":        "a a1",
		"a-b.md b.md": "a-b.md b.md",
		"a1 zz":       "a1",
		"0 a2":        "",
	} {
		it := treeIter{data: raw}
		for _, n := range strings.Fields(only) {
			it.only = append(it.only, []byte(n))
		}
		var got []string
		var kept []byte
		for {
			name, _, _, ok := it.next()
			if !ok {
				break
			}
			got = append(got, string(name))
			kept = append(kept, it.span...)
		}
		if strings.Join(got, " ") != want || it.err != nil {
			t.Errorf("only %q: %q, %v; want %q", only, got, it.err, want)
		}
		// The spans of the entries met make a tree of them alone.
		again, err := parseTree(kept)
		var names []string
		for _, e := range again {
			names = append(names, e.name)
		}
		if err != nil || strings.Join(names, " ") != want {
			t.Errorf("only %q: the entries' spans read as %q, %v", only, names, err)
		}
	}
}
