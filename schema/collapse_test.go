package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCollapse checks collapse against what it replaced,
// strings.Join(strings.Fields(s), " "), on text made of words, every kind
// of white space, non-ASCII letters and bytes that are not UTF-8.
func TestCollapse(t *testing.T) {
	pieces := []string{"a", "word", "é", "名", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u2003", "\u3000", "\xff", "\xe2\x80", "x\u200by"}
	r := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", " ", "a", " a", "a ", "a  b", "a b", "\u00a0a", "a\u00a0b"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		if isCollapsed(s) != (s == want) {
			t.Fatalf("isCollapsed(%q) = %v", s, isCollapsed(s))
		}
		if got, _ := collapseBytes([]byte("left over"), []byte(s)); got != want {
			t.Fatalf("collapseBytes(%q) = %q, want %q", s, got, want)
		}
		if got := string(collapseInPlace([]byte(s))); got != want {
			t.Fatalf("collapseInPlace(%q) = %q, want %q", s, got, want)
		}
		// In place, as a section's content is collapsed.
		if b := []byte(s); string(appendCollapsed(b[:0], b)) != want {
			t.Fatalf("appendCollapsed in place of %q = %q, want %q", s, appendCollapsed(b[:0], []byte(s)), want)
		}
		if got := string(appendCollapsed([]byte("x"), s)); got != "x"+want {
			t.Fatalf("appendCollapsed(\"x\", %q) = %q, want %q", s, got, "x"+want)
		}
		if isCollapsed([]byte(s)) != (s == want) {
			t.Fatalf("isCollapsed([]byte(%q)) = %v", s, isCollapsed([]byte(s)))
		}
	}
}

// TestNonSpaceOver checks the early-stopping count.
func TestNonSpaceOver(t *testing.T) {
	for _, c := range []struct {
		s     string
		limit int
		want  bool
	}{{"", 0, false}, {"a", 0, true}, {"a b", 2, false}, {"a b c", 2, true}, {"  \t\n ", 1, false}, {"abc", 3, false}, {"abcd", 3, true}} {
		if got := nonSpaceOver(c.s, c.limit); got != c.want {
			t.Errorf("nonSpaceOver(%q, %d) = %v", c.s, c.limit, got)
		}
	}
}

// appendNormASCII is normPlaceholder for ASCII text, written without
// allocating: the two must agree on every ASCII string, and it must decline
// every other.
func TestAppendNormASCII(t *testing.T) {
	texts := []string{"", " ", "TBC", " (TBC). ", "n/a.", "To  follow\t", "- ?", "Unknown\r\n", "A\vB\fC", "x\x1fy", "tbc 2", "café", " é ", "a\u00a0b"}
	rng := rand.New(rand.NewPCG(18, 1))
	alphabet := " \t\n\r\v\f.-()/?aZz09_\x7f\x01"
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		got, ascii := appendNormASCII(nil, s)
		isASCII := true
		for i := 0; i < len(s); i++ {
			isASCII = isASCII && s[i] < 0x80
		}
		if ascii != isASCII {
			t.Fatalf("appendNormASCII(%q): ascii = %v", s, ascii)
		}
		if ascii && string(got) != normPlaceholder(s) {
			t.Fatalf("appendNormASCII(%q) = %q, normPlaceholder says %q", s, got, normPlaceholder(s))
		}
	}
}

// BenchmarkCollapse collapses prose as a record's sections hold it: words,
// line breaks, a few letters beyond ASCII.
func BenchmarkCollapse(b *testing.B) {
	text := []byte(strings.Repeat("Jamie was seen alone in his bedroom.\n  He said he felt  safe at home, and liked the café\u00a0on Tuesdays. ", 40))
	buf := make([]byte, 0, len(text))
	b.Run("append", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			buf = appendCollapsed(buf[:0], text)
		}
	})
	b.Run("in-place", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			collapseInPlace(append(buf[:0], text...))
		}
	})
}
