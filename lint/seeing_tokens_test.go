package lint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// refusalTokensByRune is refusalTokens as first written, a word at a time
// in a strings.Builder: the meaning the one-buffer version must keep.
func refusalTokensByRune(text string) []string {
	var toks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			w := strings.Trim(cur.String(), "'")
			if c, ok := apostropheFree[w]; ok {
				w = c
			}
			toks = append(toks, w)
			cur.Reset()
		}
	}
	// A hyphen with a space, a line break, a tab or the text's end on a
	// side (past any hyphens beside it) is a dash.
	dash := func(i int) bool {
		b, a := i-1, i+1
		for b >= 0 && text[b] == '-' {
			b--
		}
		for a < len(text) && text[a] == '-' {
			a++
		}
		return b < 0 || a >= len(text) || strings.ContainsRune(" \n\t", rune(text[b])) || strings.ContainsRune(" \n\t", rune(text[a]))
	}
	for i, r := range text {
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018':
			cur.WriteByte('\'')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(unicode.ToLower(r))
		case r == '*':
			flush()
			toks = append(toks, "*")
		case strings.ContainsRune(".,;:!?()[]\"", r) || r == '\u2013' || r == '\u2014' || (r == '-' && dash(i)):
			flush()
			if n := len(toks); n > 0 && toks[n-1] != clauseBreak {
				toks = append(toks, clauseBreak)
			}
		default:
			flush()
		}
	}
	flush()
	return toks
}

func TestRefusalTokensKeepTheirMeaning(t *testing.T) {
	texts := []string{
		"", "'", "''", "Mum didn't let me in.", "  ‘Refused’ — she said; (twice)!",
		"ÉCOLE Straße İstanbul ǅ 42", "a*b * c", "|pipe| text", "'quoted' words' '", "x\xffy\xc3",
		"Dad said: \"no\", then, nothing... ", "K\u212a s\u017f", "one–two—three",
		"No answer - card left", "multi-agency 2026-03-01", "-- x --", "x -y", "Gina WOULDNT let; didnt, wont'",
	}
	pieces := []string{"a", "B", "'", "’", "‘", "*", ".", ",", " ", "\n", "|", "É", "ß", "İ", "\u212a", "\xff", "–", "—", "\"", "(", "9", "n't", "not", "ǅ", "-", " - ", "--", "\t", "wouldnt", "DIDNT", "Wont", "cant", "isnt"}
	rng := rand.New(rand.NewPCG(1, 18))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	var reused []string
	for _, text := range texts {
		want := refusalTokensByRune(text)
		if got := refusalTokens(text); !slices.Equal(got, want) {
			t.Fatalf("refusalTokens(%q) = %q, want %q", text, got, want)
		}
		if reused = appendRefusalTokens(reused[:0], text); !slices.Equal(reused, want) {
			t.Fatalf("appendRefusalTokens(reused[:0], %q) = %q, want %q", text, reused, want)
		}
		// After another text's words, which end without a clause break.
		after := appendRefusalTokens([]string{"words", "before"}, text)
		if !slices.Equal(after[:2], []string{"words", "before"}) || !slices.Equal(after[2:], want) {
			t.Fatalf("appendRefusalTokens([words before], %q) = %q, want %q after them", text, after, want)
		}
	}
}

func TestContainsSpacedIsContainsWithSpaces(t *testing.T) {
	pieces := []string{" ", "a", "b", "ab", "sw", "social worker", "  "}
	rng := rand.New(rand.NewPCG(18, 18))
	for range 20000 {
		var p, l strings.Builder
		for range rng.IntN(8) {
			p.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for range rng.IntN(3) {
			l.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := containsSpaced(p.String(), l.String()), strings.Contains(p.String(), " "+l.String()+" "); got != want {
			t.Fatalf("containsSpaced(%q, %q) = %v, want %v", p.String(), l.String(), got, want)
		}
	}
}

// tokensSayAnyEveryWord is tokensSayAny as first written, each phrase
// looked for at every word: the meaning the version that passes over words
// by their first byte must keep. A phrase ending in a clause break ("no
// answer.") is said only where its words close their clause. Each "*" is
// tried as one word and as two, a slot as slotEnds says.
func tokensSayAnyEveryWord(toks []string, phrases [][]string, people *slotPeople) bool {
	for _, phrase := range phrases {
		if len(phrase) == 0 {
			continue
		}
		closes := len(phrase) > 1 && phrase[len(phrase)-1] == clauseBreak
		if closes {
			phrase = phrase[:len(phrase)-1]
		}
		for i := 0; i < len(toks); i++ {
			if saysFromEveryWay(toks, i, phrase, closes, people) && !negatedBefore(toks, i) {
				return true
			}
		}
	}
	return false
}

// saysFromEveryWay reports whether toks from i say phrase in one clause
// (closing it when closes), trying each "*" as one word and as two.
func saysFromEveryWay(toks []string, i int, phrase []string, closes bool, people *slotPeople) bool {
	for j, pw := range phrase {
		if i >= len(toks) || toks[i] == clauseBreak {
			return false
		}
		switch {
		case pw == "*":
			for w := 1; w <= 2 && i+w <= len(toks) && toks[i+w-1] != clauseBreak; w++ {
				if saysFromEveryWay(toks, i+w, phrase[j+1:], closes, people) {
					return true
				}
			}
			return false
		case isSlot(pw):
			for _, end := range slotEnds(nil, toks, i, pw, people) {
				if saysFromEveryWay(toks, end, phrase[j+1:], closes, people) {
					return true
				}
			}
			return false
		case toks[i] != pw:
			return false
		}
		i++
	}
	return !closes || i == len(toks) || toks[i] == clauseBreak
}

func TestTokensSayAnyKeepsItsMeaning(t *testing.T) {
	vocab := []string{"seen", "alone", "saw", "sam", "*", "", clauseBreak, "not", "didn't", "no", "in", "the", "room", "mum", "one", "to",
		"{adult}", "{child}", "{alone}", "her", "on", "own", "stayed", "and", "dad"}
	lists := [][]string{seenAloneWords, {"stayed in the room", "not alone"}, {"* alone", "seen"}, {"'' alone"}, {"", "mum"}, nil,
		{"{adult} stayed", "not seen {alone}", "saw {child} *"}}
	rng := rand.New(rand.NewPCG(18, 1))
	said := 0
	for range 50000 {
		toks := make([]string, rng.IntN(12))
		for i := range toks {
			toks[i] = vocab[rng.IntN(len(vocab))]
		}
		phrases := phraseTokens(lists[rng.IntN(len(lists))])
		if rng.IntN(4) == 0 { // a phrase of random words
			phrase := make([]string, 1+rng.IntN(3))
			for i := range phrase {
				phrase[i] = vocab[rng.IntN(len(vocab))]
			}
			phrases = append(phrases, phrase)
		}
		want := tokensSayAnyEveryWord(toks, phrases, nil)
		if got := tokensSayAny(toks, phrases, nil); got != want {
			t.Fatalf("tokensSayAny(%q, %q) = %v, want %v", toks, phrases, got, want)
		}
		if want {
			said++
		}
	}
	if said < 1000 {
		t.Fatalf("only %d of the texts say a phrase: the test says little", said)
	}
}
