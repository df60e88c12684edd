package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLexiconAnswersAsEachList: a profile's lexicon (seen-alone,
// not-alone, not-face-to-face, child-not-seen and child-asleep words, read
// together)
// answers for each list exactly as the list's own mayBeIn, on random texts
// made of the lists' words and on each phrase of every list written out.
func TestLexiconAnswersAsEachList(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 9))
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		w := p.readyWords()
		lists := []*phraseList{seenAloneTokens, w.notAlone, w.notFaceToFace, w.childNotSeen, w.childAsleep} // in the lexicon's order (lexSeenAlone ...)
		// The words of each list, and others, drawn from in turn with
		// equal chances, so that a list much longer than the other does
		// not drown it.
		pieces := make([][]string, len(lists)+1)
		for i, l := range lists {
			for _, phrase := range l.phrases {
				pieces[i] = append(pieces[i], phrase...)
			}
		}
		pieces[len(lists)] = []string{"Mum", "ALONE", "a\u0130one", "\u212aept", " ", ".", "'", "’", "é", strings.Repeat("x", 70), "\xff"}
		texts := []string{"", "Seen alone in his room.", "Mum stayed in the room throughout."}
		for range 20000 {
			var b strings.Builder
			for range rng.IntN(14) {
				from := pieces[rng.IntN(len(pieces))]
				b.WriteString(from[rng.IntN(len(from))])
				if rng.IntN(3) > 0 {
					b.WriteString(" ")
				}
			}
			texts = append(texts, b.String())
		}
		for _, l := range lists {
			for _, phrase := range l.phrases {
				texts = append(texts, strings.Join(phrase, " "))
			}
		}
		var may [lexMax]int
		for _, text := range texts {
			got := w.seeing.mayBeIn(text)
			for i, l := range lists {
				if want := l.mayBeIn(text); got[i] != want {
					t.Fatalf("%s: lexicon says list %d may be in %q: %v; the list's mayBeIn: %v", name, i, text, got[i], want)
				}
				if got[i] {
					may[i]++
				}
			}
		}
		for i, n := range may {
			if n < len(texts)/10 || n > len(texts)*9/10 {
				t.Errorf("%s: list %d may be in %d of %d texts: the test tells little", name, i, n, len(texts))
			}
		}
	}
}

// TestMaySayAsEveryPhrase holds maySay, which looks only at the phrases
// keyed by a word the text holds, to asking every phrase (canSay), over
// the shipped profiles' lists and random sets of their words.
func TestMaySayAsEveryPhrase(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 12))
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		w := p.readyWords()
		for i, l := range []*phraseList{seenAloneTokens, w.notAlone, w.notFaceToFace, w.childNotSeen} {
			if l.anyText {
				continue
			}
			says := 0
			for n := range 20000 {
				var has wordSet
				if n < len(l.needs) { // each phrase's own words, and a word fewer
					has = l.needs[n].all
					if o := l.needs[n].oneOf; l.needs[n].hasOneOf {
						for k := range o.words() {
							has.add(k)
							break
						}
					}
					if n%2 == 1 {
						for k := range has.words() {
							has[k>>6] &^= 1 << (k & 63)
							break
						}
					}
				} else {
					for range rng.IntN(8) {
						has.add(rng.IntN(len(l.vocab)))
					}
				}
				want := false
				for p := range l.needs {
					if l.canSay(p, &has) {
						want = true
						break
					}
				}
				if got := l.maySay(&has); got != want {
					t.Fatalf("%s: list %d: maySay(%v) = %v, asking every phrase: %v", name, i, has, got, want)
				}
				if want {
					says++
				}
			}
			if says < 1000 || says > 19000 {
				t.Errorf("%s: list %d: %d of 20000 sets may say a phrase: the test tells little", name, i, says)
			}
		}
	}
}
