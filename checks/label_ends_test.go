package checks

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/testrecords"
	"github.com/caselint/caselint/schema"
)

// checkFindAsFolded fails t unless find, which first asks endsIn whether a
// label ends anywhere in text, gives what findFolded (the fold of the whole
// text, and the automaton over it) gives; it reports whether a label ends
// in text.
func checkFindAsFolded(t *testing.T, f, whole *labelFinder, name, text string, labels []labelMatcher) bool {
	t.Helper()
	got := append([][2]int{}, f.find(text, labels)...)
	whole.all = whole.all[:0]
	want := [][2]int{}
	if len(labels) > 0 && text != "" {
		want = append(want, whole.findFolded(text, labels[0].ac)...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: find(%q) = %v, the whole fold gives %v", name, text, got, want)
	}
	return len(labels) > 0 && labels[0].ac.endsIn(text)
}

// TestFindAsFoldedOnEveryTestRecord: on every text run of every record
// under testdata, with each shipped profile's labels and the tests' own,
// find answers as the fold of the whole text does; and most runs are
// passed over by endsIn.
func TestFindAsFoldedOnEveryTestRecord(t *testing.T) {
	lists := [][]labelMatcher{buildLabels(testLabels, false)}
	for _, pass := range profilePasses(t) {
		lists = append(lists, labelMatchers(pass.Profile.Words.NonSpecificLabels))
	}
	var f, whole labelFinder
	runs, ends := 0, 0
	testrecords.Each(t, "../testdata", func(path string, data []byte) {
		doc, _ := schema.Parse(path, data)
		if doc == nil || doc.Body == nil {
			return
		}
		for _, run := range doc.Body.Text() {
			for _, labels := range lists {
				runs++
				if checkFindAsFolded(t, &f, &whole, path, run.Text, labels) {
					ends++
				}
			}
		}
	})
	if runs < 10000 || ends == 0 || ends > runs/4 {
		t.Fatalf("%d runs, a label ends in %d: want many runs, some with a label", runs, ends)
	}
}

// TestFindAsFoldedOnRandomText: the same on random text made of labels'
// pieces, white space of every kind, bytes that are not UTF-8 and runes
// that fold, for lists small enough for a table of moves and one too
// large for it.
func TestFindAsFoldedOnRandomText(t *testing.T) {
	pieces := []string{
		"disturbed", "DISTURB", "attention", "SEEKING", "seek", "hyper", "active", "kick", "off",
		"\u212aick", "ſad", "sad", "ss", "ſ", "über", "ÜBER", "a.b", "naughty", "Naught",
		" ", "  ", "\n", "\t", "\r\n", "\f", "\v", "\u00a0", "\u2028", "-", "_", ".", "x", "2", "é", "—",
		"\xff", "\xe2\x80", "\xc3", "İ", "ǅ", "Σ", "ς",
	}
	lists := [][]labelMatcher{
		buildLabels(testLabels, false),
		buildLabels(append(append([]string(nil), testLabels...), "ΣΑΣ", "ǆ", "i̇", "\xff", "a\xe2\x80"), false),
		buildLabels(manyLabels(5000), false),
	}
	if lists[2][0].ac.dfa != nil {
		t.Fatal("the large list has a table of moves: make it larger")
	}
	rng := rand.New(rand.NewPCG(18, 5))
	var f, whole labelFinder
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := rng.IntN(16); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkFindAsFolded(t, &f, &whole, "random", b.String(), lists[rng.IntN(len(lists))])
	}
}
