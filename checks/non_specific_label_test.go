package checks

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// findLabelsByRegexp is the meaning of labelFinder.find: every label's
// regular expression over the whole text, whole words only, overlaps
// resolved earliest then longest. find must give the same ranges.
func findLabelsByRegexp(text string, labels []labelMatcher) [][2]int {
	var all [][2]int
	for _, l := range labels {
		for _, m := range l.re.FindAllStringIndex(text, -1) {
			if wordEdge(text, m[0], m[1]) {
				all = append(all, [2]int{m[0], m[1]})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i][0] != all[j][0] {
			return all[i][0] < all[j][0]
		}
		return all[i][1] > all[j][1]
	})
	out := [][2]int{}
	end := -1
	for _, m := range all {
		if m[0] < end {
			continue
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

var testLabels = []string{
	"disturbed", "challenging", "inappropriate", "unsettled", "attention seeking",
	"manipulative", "naughty", "difficult", "hyper", "hyper active", "kick off",
	"sad", "ss", "Über", "a.b", "attention-seeking", "seeking attention",
}

func TestFindLabelsAsRegexp(t *testing.T) {
	labels := compileLabels(testLabels)
	texts := []string{
		"",
		"Mia was disturbed during the visit.",
		"Mia was DISTURBED, undisturbed, non-disturbed, disturbed_ and disturbed2.",
		"Mia looked unsettled-looking, difficult-to-engage, naughty-ish, hyper-vigilant, hyper-Looking, unsettled-lookingly, unsettled-",
		"very attention\n  seeking; attention\tSeeking attention seeking",
		"attention seekingattention seeking attention  \r\n\fseeking",
		"hyperhyper hyper active hyper  active hyperactive hyper",
		"Mia said she was sad — very sad. “Sad” she said, ‘sad’.",
		"\u212aick off, \u017fad, kick off, KICK OFF, ſad",
		"über Über ÜBER überlegen",
		"a.b a-b a.b. axb",
		"seeking attention seeking attention seeking",
		"attention-seeking attention - seeking",
		"ss sss ſs sſ ß SS",
	}
	f := &labelFinder{}
	for _, text := range texts {
		got := append([][2]int{}, f.find(text, labels)...)
		if want := findLabelsByRegexp(text, labels); !reflect.DeepEqual(got, want) {
			t.Errorf("find(%q) = %v, the regular expressions give %v", text, got, want)
		}
	}

	// Random text made of the labels' pieces, white space, punctuation and
	// letters that fold, with one finder reused throughout.
	pieces := []string{
		"disturbed", "Disturbed", "attention", "SEEKING", "seeking", "hyper", "active",
		"kick", "off", "\u212aick", "sad", "ſad", "ss", "ſ", "über", "ÜBER", "a.b",
		" ", "  ", "\n", "\t", "\r\n", "\u00a0", "-", "_", ".", ",", "x", "2", "é", "—", "",
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		got := append([][2]int{}, f.find(text, labels)...)
		if want := findLabelsByRegexp(text, labels); !reflect.DeepEqual(got, want) {
			t.Fatalf("find(%q) = %v, the regular expressions give %v", text, got, want)
		}
	}
}

// TestASCIIFolds: the finder matches ASCII labels by lower-casing ASCII
// letters and falls back to the regular expression in text holding K or ſ.
// That is exact only if these are the only non-ASCII letters that fold to
// an ASCII one.
func TestASCIIFolds(t *testing.T) {
	var got []string
	for c := rune('A'); c <= 'z'; c++ {
		if !unicode.IsLetter(c) {
			continue
		}
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII {
				got = append(got, fmt.Sprintf("%c→%U", c, f))
			}
		}
	}
	if want := []string{"K→U+212A", "S→U+017F", "k→U+212A", "s→U+017F"}; !reflect.DeepEqual(got, want) {
		t.Errorf("non-ASCII letters folding to ASCII ones: %v, want %v", got, want)
	}
}

// TestQuotedSpans: what lies inside quotation marks, and what does not.
func TestQuotedSpans(t *testing.T) {
	quoted := func(text string) []string {
		var out []string
		for _, s := range quotedSpans([]byte(text), 0) {
			out = append(out, text[s[0]:s[1]])
		}
		return out
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{`Jamie said "I was naughty" and laughed.`, []string{"I was naughty"}},
		{"Jamie said “I was naughty”.", []string{"I was naughty"}},
		{"Jamie said 'I was naughty'.", []string{"I was naughty"}},
		{"Jamie said ‘I didn’t do it, I was naughty’.", []string{"I didn’t do it, I was naughty"}},
		{"Jamie said 'I didn't do it'.", []string{"I didn't do it"}},
		{"The child's room was untidy and Jamie didn't mind.", nil},
		{"The child’s room; Jamie didn’t mind.", nil},
		{`He said "it was 'naughty' of me" twice.`, []string{"it was 'naughty' of me"}},
		{"She said \"I was\nnaughty\" then.", []string{"I was\nnaughty"}},
		{"An open \"quote that never closes.\n\nNext paragraph \"closed\".", []string{"closed"}},
		{"(\"bad\") and -'worse'", []string{"bad", "worse"}},
		{"Jamie is 4'2\" tall", nil},
		{"A NUL\x00 byte closes nothing \x00 when no quotation is open", nil},
	} {
		got := quoted(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("quotedSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLabelCompounds(t *testing.T) {
	labels := compileLabels(testLabels)
	var f labelFinder
	text := "unsettled-looking, difficult-to-engage, naughty-ish, hyper-vigilant, hyper-mobile, non-disturbed, disturbed-sleep, attention-seeking"
	var got []string
	for _, m := range f.find(text, labels) {
		got = append(got, text[m[0]:m[1]])
	}
	want := []string{"unsettled", "difficult", "naughty", "attention-seeking"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("find(%q) = %q, want %q", text, got, want)
	}
}
