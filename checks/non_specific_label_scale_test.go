package checks

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// manyLabels returns n distinct labels of non-ASCII words (Greek and
// Cyrillic letters, some with two words), as a config may list them.
func manyLabels(n int) []string {
	letters := []rune("αβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщэюя")
	r := rand.New(rand.NewSource(14))
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		var b strings.Builder
		for k := 3 + r.Intn(6); k > 0; k-- {
			b.WriteRune(letters[r.Intn(len(letters))])
		}
		if r.Intn(5) == 0 {
			b.WriteString(" ")
			for k := 2 + r.Intn(4); k > 0; k-- {
				b.WriteRune(letters[r.Intn(len(letters))])
			}
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// labelText returns a text of about size bytes: words of the labels (in
// upper case, some split across a line break) among other words.
func labelText(labels []string, size int) string {
	r := rand.New(rand.NewSource(17))
	var b strings.Builder
	for b.Len() < size {
		switch r.Intn(4) {
		case 0:
			b.WriteString(strings.ToUpper(labels[r.Intn(len(labels))]))
		case 1:
			b.WriteString(strings.Replace(labels[r.Intn(len(labels))], " ", "\n  ", 1))
		default:
			b.WriteString("Σίσυφος и ёжик played")
		}
		b.WriteString([]string{" ", ", ", ". ", "\n"}[r.Intn(4)])
	}
	return b.String()
}

// TestLabelsLinear: 50,000 labels of non-ASCII words (which took 129 s over
// a case when each was a regular expression run over the text) are found in
// work linear in the text: the finder's steps (automaton transitions and
// labels found) grow with the text and not with the list.
func TestLabelsLinear(t *testing.T) {
	labels := manyLabels(50_000)
	m := buildLabels(labels, false)
	steps := func(text string) (int, int) {
		var f labelFinder
		found := len(f.find(text, m))
		return f.steps, found
	}
	small := labelText(labels, 100_000)
	large := labelText(labels, 400_000)
	s1, n1 := steps(small)
	s4, n4 := steps(large)
	if n1 == 0 || n4 < 3*n1 {
		t.Fatalf("found %d and %d labels: the texts must hold many", n1, n4)
	}
	// The automaton makes at most two moves a byte (one forward, and over
	// the text as many back), and one step for each label it finds.
	for _, c := range []struct {
		text  string
		steps int
	}{{small, s1}, {large, s4}} {
		if limit := 3 * len(c.text); c.steps > limit {
			t.Errorf("%d steps for %d bytes with %d labels: more than %d", c.steps, len(c.text), len(labels), limit)
		}
	}
	if s4 > 5*s1 {
		t.Errorf("%d steps for 100 KB, %d for 400 KB: not linear", s1, s4)
	}
	// The same ranges as the regular expressions (too slow to run all),
	// with 2,000 of the labels over a part of the text.
	var f labelFinder
	few := compileLabels(labels[:2000])
	part := labelText(labels[:2000], 4000)
	got := append([][2]int{}, f.find(part, few)...)
	if want := findLabelsByRegexp(part, few); len(got) < 50 || !reflect.DeepEqual(got, want) {
		t.Errorf("find = %v\nthe regular expressions give %v", got, want)
	}

	// The worst list for the automaton: labels that end one inside another
	// (ä, ää, äää, ...), over a text of only ä and spaces. Each byte costs
	// at most one step per label ending there: linear in the text, the
	// factor the length of the longest label.
	var chain []string
	for k := 1; k <= 64; k++ {
		chain = append(chain, strings.Repeat("ä", k), strings.Repeat("ä ", k-1)+"ä")
	}
	mc := compileLabels(chain)
	text := strings.Repeat("ää ä äää ", 20_000)
	f = labelFinder{}
	f.find(text, mc)
	if limit := (2 + 2*64) * len(text); f.steps > limit {
		t.Errorf("%d steps for %d bytes: more than %d", f.steps, len(text), limit)
	}
}

// TestFindLabelsOverlapping: labels whose matches overlap one another
// (ää in äää, "x y x" in "x y x y x") and non-ASCII labels in text with
// bytes that are not UTF-8 give the regular expressions' matches.
func TestFindLabelsOverlapping(t *testing.T) {
	labels := compileLabels([]string{"ää", "äÄä", "x y x", "y x", "ΣΑΣ", "σ", "ǅ", "ſſ", "k-k", "-k", "é.", "ß"})
	pieces := []string{"ä", "Ä", "x", "y", " ", "\n", "Σ", "ς", "σ", "α", "Α", "ǆ", "Ǆ", "ǅ", "s", "S", "ſ", "K", "k", "\u212a", "-", "é", "É", ".", "ß", "ẞ", "\xff", "\xc3", ",", "’"}
	r := rand.New(rand.NewSource(3))
	var f labelFinder
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := r.Intn(14); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		got := append([][2]int{}, f.find(text, labels)...)
		if want := findLabelsByRegexp(text, labels); !reflect.DeepEqual(got, want) {
			t.Fatalf("find(%q) = %v, the regular expressions give %v", text, got, want)
		}
	}
}

// BenchmarkLabels: 50,000 non-ASCII labels over a 1 MB text of them, and
// a short list over 1 MB of English.
func BenchmarkLabels(b *testing.B) {
	labels := manyLabels(50_000)
	text := labelText(labels, 1<<20)
	english := strings.Repeat("Mia was disturbed during the visit; she said \"I was naughty\" and hid. It was difficult to get a word in.\n", (1<<20)/100)
	for _, c := range []struct {
		name   string
		labels []string
		text   string
	}{{"50000-non-ASCII", labels, text}, {"test-labels", testLabels, english}} {
		b.Run(c.name, func(b *testing.B) {
			m := compileLabels(c.labels)
			var f labelFinder
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				f.find(c.text, m)
			}
		})
	}
	b.Run("compile-50000", func(b *testing.B) {
		for b.Loop() {
			buildLabels(labels, false)
		}
	})
}
