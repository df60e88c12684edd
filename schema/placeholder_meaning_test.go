package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// isPlaceholderAsFirstWritten is WordList.Has as it was first written
// (IsPlaceholder), before it compared
// in buffers and skipped the words whose first letter is not the text's,
// with a template's prompts read as placeholders (bracketed, or an
// instruction to write: isPromptAsWritten): the meaning it must keep.
func isPlaceholderAsFirstWritten(text string, words []string) bool {
	t := strings.TrimFunc(text, notAlnum)
	if t == "" {
		return true
	}
	longest := 0
	for _, w := range words {
		longest = max(longest, len(w))
	}
	if nonSpaceOver(t, 2*longest+8+maxDeferral) { // too long to be any of words: don't normalise it
		return false
	}
	if isBracketed(text) {
		return true
	}
	t = normPlaceholder(t)
	var buf [64]byte
	for _, w := range words {
		// Each word is normalised again on every call: in a buffer on the
		// stack when it is ASCII, as the profiles' words are.
		var nw string
		if b, ascii := appendNormASCII(buf[:0], w); ascii {
			if string(b) == t {
				return true
			}
			if n := len(b); n == 0 || len(t) <= n || t[n] != ' ' || t[:n] != string(b) {
				continue
			}
			nw = string(b)
		} else {
			nw = normPlaceholder(w)
			if nw == t {
				return true
			}
			if nw == "" || !strings.HasPrefix(t, nw+" ") {
				continue
			}
		}
		if isDeferral(nw, t[len(nw)+1:]) || isPlaceholderAsFirstWritten(t[len(nw)+1:], words) { // "TBC - to be agreed at core group"
			return true
		}
	}
	return isPromptAsWritten(t)
}

// isPromptAsWritten is isPrompt of normalised text t, written with
// strings.FieldsFunc: the meaning isPrompt must keep.
func isPromptAsWritten(t string) bool {
	toks := strings.FieldsFunc(t, notAlnum)
	if len(toks) > maxPromptWords {
		return false
	}
	if len(toks) > 0 && toks[0] == "please" {
		toks = toks[1:]
	}
	if len(toks) < 2 || !promptVerbs[toks[0]] {
		return false
	}
	if last := toks[len(toks)-1]; last == "here" || last == "below" {
		return true
	}
	for _, w := range toks[1:] {
		if !promptObjects[w] {
			return false
		}
	}
	return true
}

func TestWordListKeepsItsMeaning(t *testing.T) {
	lists := [][]string{
		defaultPlaceholders,
		append(DefaultPlaceholders(), "À confirmer", "  *TBC*  ", "n/a", "", "—", "Ünknown", "ok"),
		{"tbc"},
		{"\u212Aept back", "Éte", "keep"}, // a Kelvin sign, lower case "k"; a word that opens with a letter not ASCII
		nil,
	}
	texts := []string{"", "TBC", "tbc.", "(TBC)", "TBC - to be agreed at core group", "TBC TBC", "N/A", "n / a",
		"none", "None.", "Pending ICPC 26/06", "awaiting", "Unknown", "ünknown", "À CONFIRMER", "to be   confirmed",
		"Mum", "TBC\u00a0at review", "\u2014", "ok ok", "Ok, tbc", "tbd by the next core group meeting",
		"T.B.C.", "t.b.c by sw", "N.F.A.", "XXX", "xxxxx", "xx", "TBC by SW", "TBC by Amy Cole at CG", "tbc by the team manager at the next core group",
		"[Write the contingency plan here]", "<contingency plan>", "[TBC] by [date]", "Insert contingency plan here", "Enter details",
		"Please complete this section", "Complete a strategy discussion", "Add Ella to the list", "Write to Gina here"}
	pieces := []string{"tbc", "TBC", "n/a", "none", " ", "  ", "\t", "\n", ".", "-", "at", "core", "group", "by", "review",
		"to be", "agreed", "confirmed", "pending", "icpc", "12", "À", "ü", "\u00a0", "*", "(", ")", "x", "Mum", "unknown", "ok", "KEPT", "\u212Aept", "back", "éte", "ÉTE", "keep",
		"t.b.c.", "T.B.C", "x", "xxx", "XXXX", "sw", "Amy", "[", "]", "<", ">", "insert", "enter", "please", "details", "here", "contingency", "plan", "the", "write", "—", "e.g."}
	rng := rand.New(rand.NewPCG(18, 2))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, words := range lists {
		list := NewWordList(words)
		for _, text := range texts {
			if got, want := list.Has(text), isPlaceholderAsFirstWritten(text, words); got != want {
				t.Fatalf("Has(%q) of %q = %v, want %v", text, words, got, want)
			}
		}
	}
}
