package training

import (
	"bytes"

	"github.com/caselint/caselint/schema"
)

// lineMap follows the lines of a file through a trainee's edits.
type lineMap struct {
	toNew []int // toNew[l] is line l's line in the new file, 0 if it was changed or removed
	n, m  int   // lines in the old and the new file
}

// maxDiffCells bounds the quadratic part of the diff: files are a few
// hundred lines; past this, the changed middle is taken as rewritten.
const maxDiffCells = 4 << 20

// mapLines matches the lines of old and new (a longest common subsequence
// of whole lines, after their common start and end).
func mapLines(old, cur []byte) lineMap {
	a, b := lines(old), lines(cur)
	n, m := len(a), len(b)
	lm := lineMap{toNew: make([]int, n+2), n: n, m: m}
	pre := 0
	for pre < n && pre < m && bytes.Equal(a[pre], b[pre]) {
		pre++
		lm.toNew[pre] = pre
	}
	suf := 0
	for suf < n-pre && suf < m-pre && bytes.Equal(a[n-1-suf], b[m-1-suf]) {
		lm.toNew[n-suf] = m - suf
		suf++
	}
	a2, b2 := a[pre:n-suf], b[pre:m-suf]
	if len(a2) > 0 && len(b2) > 0 && len(a2)*len(b2) <= maxDiffCells {
		// lcs[i][j]: the longest common subsequence of a2[i:] and b2[j:].
		w := len(b2) + 1
		lcs := make([]int32, (len(a2)+1)*w)
		for i := len(a2) - 1; i >= 0; i-- {
			for j := len(b2) - 1; j >= 0; j-- {
				switch {
				case bytes.Equal(a2[i], b2[j]):
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
					lcs[i*w+j] = lcs[(i+1)*w+j]
				default:
					lcs[i*w+j] = lcs[i*w+j+1]
				}
			}
		}
		for i, j := 0, 0; i < len(a2) && j < len(b2); {
			switch {
			case bytes.Equal(a2[i], b2[j]):
				lm.toNew[pre+i+1] = pre + j + 1
				i++
				j++
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				i++
			default:
				j++
			}
		}
	}
	return lm
}

// to returns line l's line in the new file, or 0 when it was changed or
// removed.
func (lm lineMap) to(l int) int {
	if l < 1 || l > lm.n {
		return 0
	}
	return lm.toNew[l]
}

// hunk returns the lines of the new file that stand where line l stood:
// those between the new places of the nearest kept lines above and below
// it. It is empty (lo > hi) when l was only removed.
func (lm lineMap) hunk(l int) (lo, hi int) {
	lo, hi = 1, lm.m
	for p := min(l-1, lm.n); p >= 1; p-- {
		if lm.toNew[p] > 0 {
			lo = lm.toNew[p] + 1
			break
		}
	}
	for q := max(l+1, 1); q <= lm.n; q++ {
		if lm.toNew[q] > 0 {
			hi = lm.toNew[q] - 1
			break
		}
	}
	return lo, hi
}

// lines splits data into its lines without their endings, as caselint
// counts them ("\n", "\r\n" or "\r").
func lines(data []byte) [][]byte {
	src := schema.NewSource("", data)
	out := make([][]byte, src.LineCount())
	for i := range out {
		out[i] = src.Line(i + 1)
	}
	return out
}

// lineAt returns line l (1-based) of ls, or nil.
func lineAt(ls [][]byte, l int) []byte {
	if l < 1 || l > len(ls) {
		return nil
	}
	return ls[l-1]
}

// similarity is how alike two lines are, 0 to 1: the share of their words
// (and table cells) they have in common.
func similarity(a, b []byte) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	common := 0
	for w, n := range wa {
		common += min(n, wb[w])
	}
	total := 0
	for _, n := range wa {
		total += n
	}
	for _, n := range wb {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

func words(b []byte) map[string]int {
	m := map[string]int{}
	for _, w := range bytes.FieldsFunc(b, func(r rune) bool { return r == ' ' || r == '\t' || r == '|' }) {
		m[string(w)]++
	}
	return m
}
