package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/caselint/caselint/internal/testrecords"
	"github.com/caselint/caselint/schema"
)

// sentenceSayingSplitAll is sentenceSaying as it was before it asked
// phraseList.mayBeIn: every text split into words, unless looked for in
// each in turn, then says. The meaning the current one must keep.
func sentenceSayingSplitAll(v *schema.Visit, unless, says [][]string) (string, bool) {
	texts := []string{v.NotSeenReason}
	if v.Doc.Body != nil {
		for _, r := range v.Doc.Body.Text() {
			texts = append(texts, r.Text)
		}
	}
	var words []string
	ends := make([]int, len(texts))
	for i, t := range texts {
		start := len(words)
		words = appendRefusalTokens(words, t)
		if tokensSayAny(words[start:], unless, nil) {
			return "", false
		}
		ends[i] = len(words)
	}
	var toks []string
	for i, t := range texts {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		if !tokensSayAny(words[start:ends[i]], says, nil) {
			continue
		}
		for _, sen := range sentences(t) {
			if toks = appendRefusalTokens(toks[:0], sen); tokensSayAny(toks, says, nil) {
				return sen, true
			}
		}
	}
	return "", false
}

// saidLists are the pairs of lists sentenceSaying is checked with: what
// the rules ask (seen alone against each shipped profile's not-alone
// words, awake against asleep), the lists the other way round, and lists
// a config might write (a phrase with no plain ASCII word, or of
// wildcards only).
func saidLists(t *testing.T) [][2]*phraseList {
	t.Helper()
	pairs := [][2]*phraseList{{awakeTokens, asleepTokens}, {asleepTokens, seenAloneTokens}}
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		na := newPhraseList(p.Words.NotAlone)
		pairs = append(pairs, [2]*phraseList{seenAloneTokens, na}, [2]*phraseList{na, seenAloneTokens})
	}
	odd := newPhraseList([]string{"mum's * room", "présent", "ÉCOLE", "* *"})
	none := newPhraseList(nil)
	return append(pairs, [2]*phraseList{none, odd}, [2]*phraseList{odd, none}, [2]*phraseList{none, newPhraseList([]string{"kept", "in"})})
}

// checkSaid fails t unless sentenceSaying answers for v as
// sentenceSayingSplitAll does, with each pair of lists; it returns how
// many answers were a sentence.
func checkSaid(t *testing.T, name string, v *schema.Visit, pairs [][2]*phraseList) int {
	t.Helper()
	said := 0
	for i, p := range pairs {
		gs, gok := sentenceSaying(v, p[0], p[1], nil)
		ws, wok := sentenceSayingSplitAll(v, p[0].phrases, p[1].phrases)
		if gs != ws || gok != wok {
			t.Fatalf("%s, lists %d: sentenceSaying = %q, %v; splitting every text gives %q, %v", name, i, gs, gok, ws, wok)
		}
		if gok {
			said++
		}
	}
	return said
}

// TestSentenceSayingAgreesOnEveryTestRecord: on every visit under testdata,
// sentenceSaying answers as splitting every text does.
func TestSentenceSayingAgreesOnEveryTestRecord(t *testing.T) {
	pairs := saidLists(t)
	visits, said := 0, 0
	testrecords.Each(t, "../testdata", func(path string, data []byte) {
		doc, _ := schema.Parse(path, data)
		if doc == nil {
			return
		}
		if v, ok := doc.Record.(*schema.Visit); ok && v.Doc != nil {
			visits++
			said += checkSaid(t, path, v, pairs)
		}
	})
	if visits < 1000 || said < 20 {
		t.Fatalf("%d visits, %d sentences said: the test says little", visits, said)
	}
}

// TestSentenceSayingAgreesOnRandomVisits: the same on random visits whose
// reason and notes are made of the lists' words, in every case, with
// apostrophes, punctuation, negations and runes that lower-case to ASCII.
func TestSentenceSayingAgreesOnRandomVisits(t *testing.T) {
	pairs := saidLists(t)
	pieces := []string{
		"seen", "SEEN", "alone", "Alone", "a\u0130one", "not", "Not", "didn't", "didn’t", "saw", "Jamie", "mum's", "Mum’s",
		"room", "ROOM", "stayed in the room throughout", "present", "throughout", "asleep", "woke", "fed", "privately",
		"\u212aept", "kept", "in", "présent", "école", "ÉCOLE", "Mr.", "Dr.", "one to one",
		" ", " ", " ", "  ", "\n", "\n\n", ". ", "! ", "? ", ", ", "; ", "*", "'", "\"", "—", "–", "\xff", "é",
	}
	rng := rand.New(rand.NewPCG(18, 6))
	text := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	said := 0
	for range 4000 {
		reason := strings.NewReplacer(`"`, `'`, "\n", " ", `\`, "").Replace(text(8))
		var body strings.Builder
		for range rng.IntN(4) {
			body.WriteString("\n## Observations\n\n" + text(30) + "\n")
		}
		data := "+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\nchild_seen = true\nseen_alone = true\nnot_seen_reason = \"" + reason + "\"\n+++\n" + body.String()
		doc, _ := schema.Parse("visits/v.md", []byte(data))
		if doc == nil {
			continue
		}
		v, ok := doc.Record.(*schema.Visit)
		if !ok || v.Doc == nil {
			continue
		}
		said += checkSaid(t, "random", v, pairs)
	}
	if said < 200 {
		t.Fatalf("only %d sentences said: the test says little", said)
	}
}

// TestPhraseListMayBeIn: a text that says a phrase of a list (split into
// words) may hold one by mayBeIn, on random texts; and plain text holding
// no key is told so.
func TestPhraseListMayBeIn(t *testing.T) {
	lists := []*phraseList{seenAloneTokens, asleepTokens, awakeTokens, newPhraseList([]string{"kept in", "it"})}
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, newPhraseList(p.Words.NotAlone), newPhraseList(p.Words.Refusals))
	}
	pieces := []string{"seen", "ALONE", "a\u0130one", "\u212aept", "kept", "in", "İn", "IT", "ıt", "not", "room", "throughout",
		"asleep", "woke", "refused", " ", "  ", "\n", ".", "'", "’", "é", strings.Repeat("x", 300), "\xff"}
	rng := rand.New(rand.NewPCG(18, 7))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		l := lists[rng.IntN(len(lists))]
		if tokensSayAny(refusalTokens(text), l.phrases, nil) && !l.mayBeIn(text) {
			t.Fatalf("%q says one of %q, but mayBeIn is false", text, l.phrases)
		}
	}
	if seenAloneTokens.mayBeIn("The kitchen was clean and there was food in the fridge.") {
		t.Error("a text holding no key may say a seen-alone phrase")
	}
}

// TestOnlyKelvinAndDottedIFoldToASCII: mayBeIn lower-cases ASCII only, and
// looks apart for the Kelvin sign and the dotted capital I. That is exact
// only if they are the only letters or digits beyond ASCII that
// unicode.ToLower (as refusalTokens reads them) makes ASCII.
func TestOnlyKelvinAndDottedIFoldToASCII(t *testing.T) {
	var got []rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && unicode.ToLower(r) < 0x80 {
			got = append(got, r)
		}
	}
	if string(got) != "\u0130\u212a" {
		t.Errorf("runes lower-cased to ASCII: %q", got)
	}
}

// testSlotPeople are a case's people for the random tests: Jamie Doe the
// child, Kerry Walsh an adult.
var testSlotPeople = &slotPeople{
	children: names{"jamie": {{"jamie", "doe"}, {"jamie"}}},
	adults:   names{"kerry": {{"kerry", "walsh"}, {"kerry"}}},
	surnames: map[string]bool{"walsh": true},
}

// TestPhraseListSaidByAgrees: saidBy answers as tokensSayAny (and as it
// was first written, tokensSayAnyEveryWord) on random words, with the
// shipped lists and random ones, wildcards and empty words at the start.
func TestPhraseListSaidByAgrees(t *testing.T) {
	vocab := []string{"seen", "alone", "saw", "sam", "*", "", "'", "not", "didn't", "no", "in", "the", "room", "mum", "one", "to",
		"a", "ab", "abc", "abd", "b", "{child}", "{adult}", "{alone}", "jamie", "kerry", "walsh", "stayed", "her", "on", "own",
		"by", "herself", "and", "dad", "said", strings.Repeat("x", 70), strings.Repeat("x", 71), "é", "élan"}
	lists := [][]string{seenAloneWords, asleepWords, awakeWords, {"* alone"}, {"' alone", "mum"}, nil,
		{"{adult} stayed", "said * see {child}", "not seen {alone}", "{child}"}}
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, p.Words.NotAlone, p.Words.Refusals)
	}
	rng := rand.New(rand.NewPCG(18, 8))
	said := 0
	for range 50000 {
		toks := make([]string, rng.IntN(12))
		for i := range toks {
			if toks[i] = vocab[rng.IntN(len(vocab))]; toks[i] == "'" {
				toks[i] = clauseBreak
			}
		}
		list := lists[rng.IntN(len(lists))]
		if rng.IntN(3) == 0 { // phrases of random words
			list = nil
			for range 1 + rng.IntN(3) {
				var b strings.Builder
				for range 1 + rng.IntN(3) {
					b.WriteString(vocab[rng.IntN(len(vocab))] + " ")
				}
				list = append(list, b.String())
			}
		}
		l := newPhraseList(list)
		if rng.IntN(2) == 0 {
			l = l.withPeople(testSlotPeople)
		}
		want := tokensSayAny(toks, l.phrases, l.people)
		if got := l.saidBy(toks); got != want {
			t.Fatalf("saidBy(%q) of %q = %v, tokensSayAny gives %v", toks, l.phrases, got, want)
		}
		if want != tokensSayAnyEveryWord(toks, l.phrases, l.people) {
			t.Fatalf("tokensSayAny(%q, %q) = %v, unlike as first written", toks, l.phrases, want)
		}
		if want {
			said++
		}
	}
	if said < 2000 {
		t.Fatalf("only %d of the texts say a phrase: the test says little", said)
	}
}

// TestPhraseListMayBeInEveryPhrase: each phrase of every shipped list,
// written out with its slots and wildcards filled the ways a record
// writes them, in random case, is said by the text and may be in it by
// mayBeIn (which needs every word of a phrase, and one of aloneKeys for
// {alone}); and a visit's ordinary sentences, which hold some of a
// phrase's words but not all, are told at once to say none.
func TestPhraseListMayBeInEveryPhrase(t *testing.T) {
	lists := map[string]*phraseList{"seen alone": seenAloneTokens, "asleep": asleepTokens, "awake": awakeTokens}
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		lists[name+" not_alone"] = p.readyWords().notAlone
		lists[name+" refusals"] = newPhraseList(p.Words.Refusals)
	}
	fill := map[string][]string{
		slotAlone: {"alone", "on his own", "on own", "by herself", "by themselves", "privately", "in private", "one to one"},
		slotAdult: {"Mum", "her nan", "the parents", "Dad and Nan"},
		slotChild: {"him", "the children", "the baby"},
		"*":       {"that", "Mum"},
	}
	rng := rand.New(rand.NewPCG(18, 8))
	said := 0
	for name, l := range lists {
		for _, phrase := range l.phrases {
			for range 4 {
				var b strings.Builder
				for _, w := range phrase {
					if w == clauseBreak {
						b.WriteString(".")
						continue
					}
					if f, ok := fill[w]; ok {
						w = f[rng.IntN(len(f))]
					}
					if rng.IntN(3) == 0 {
						w = strings.ToUpper(w)
					}
					b.WriteString(" " + w)
				}
				text := "Visit notes:" + b.String() + " and we talked."
				if !tokensSayAny(refusalTokens(text), l.phrases, nil) {
					continue
				}
				said++
				if !l.mayBeIn(text) {
					t.Fatalf("%s: %q says %q, but mayBeIn is false", name, text, phrase)
				}
			}
		}
	}
	if said < 500 {
		t.Errorf("only %d texts said their phrase: the test does not reach the lists", said)
	}
	if lists["combined not_alone"].mayBeIn("Seen alone in his room. He said he has been happy there.") {
		t.Error("an ordinary seen-alone sentence may say a not-alone phrase: mayBeIn does not need every word")
	}
}

// TestOnlySiblingSaidSeenAlone: a visit recorded seen_alone = true whose
// words say only that a brother or sister was seen alone, and nothing of
// the child, is the sibling's visit and did not see the child alone
// (C06 §03, 1.8 §3: each child is seen alone); an adult seen alone says
// nothing either way, and a sentence saying the child was seen alone too
// answers it.
func TestOnlySiblingSaidSeenAlone(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	siblingOnly := []string{
		"Saw Ruby alone in her room. Jamie was at his dad's.",
		"Ruby was seen alone in her bedroom and said she is happy. Jamie was at nursery.",
		"Ruby seen alone. Jamie at nan's for the weekend.",
		"Visit for Ruby. Ruby seen on her own.",
		"Jamie was at his dad's. His sister was seen alone.",
	}
	childToo := []string{
		"Jamie and Ruby were both seen alone.",
		"Ruby was seen alone in her room; Jamie was seen alone in his.",
		"Seen alone. Ruby also seen alone.",
		"Spoke to Mum alone in the kitchen about the referral.",
		"Pat was seen alone to talk about the rent.",
		"Both children seen alone.",
	}
	for _, notes := range siblingOnly {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenAloneInWords(v); !ok || said == "" {
			t.Errorf("%q: not read as only the sibling seen alone", notes)
		}
		if pass.SeenAlone(v) {
			t.Errorf("%q: Pass.SeenAlone counts the visit", notes)
		}
	}
	for _, notes := range childToo {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenAloneInWords(v); ok {
			t.Errorf("%q: read as not seen alone (%q)", notes, said)
		}
	}
}
