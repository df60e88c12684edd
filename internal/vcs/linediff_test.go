package vcs

import (
	"bytes"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func lines(s string) [][]byte { return splitLines([]byte(s)) }

func TestSplitLines(t *testing.T) {
	for in, want := range map[string][]string{
		"":           nil,
		"a":          {"a"},
		"a\n":        {"a"},
		"a\nb":       {"a", "b"},
		"a\r\nb\n":   {"a\r", "b"},
		"\n\n":       {"", ""},
		"a\n\nb\n\n": {"a", "", "b", ""},
	} {
		var got []string
		for _, l := range lines(in) {
			got = append(got, string(l))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchLines(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want []int
	}{
		{"", "", []int{}},
		{"a\nb\n", "", []int{}},
		{"", "a\nb\n", []int{-1, -1}},
		{"a\nb\nc\n", "a\nb\nc\n", []int{0, 1, 2}},
		{"a\nb\nc\n", "a\nx\nc\n", []int{0, -1, 2}},
		{"a\nb\nc\n", "x\na\nb\nc\n", []int{-1, 0, 1, 2}},
		{"a\nb\nc\n", "a\nc\n", []int{0, 2}},
		{"a\nb\nc\n", "c\nb\na\n", nil}, // one of three, checked below
		{"x\ny\n", "p\nq\nr\n", []int{-1, -1, -1}},
	} {
		got := matchLines(lines(c.a), lines(c.b))
		checkMatch(t, lines(c.a), lines(c.b), got)
		if c.want != nil && !reflect.DeepEqual(got, c.want) {
			t.Errorf("matchLines(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// lcsLen is the length of a longest common subsequence, by dynamic
// programming.
func lcsLen(a, b [][]byte) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if bytes.Equal(a[i], b[j]) {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// checkMatch checks that m is a longest common subsequence of a and b.
func checkMatch(t *testing.T, a, b [][]byte, m []int) {
	t.Helper()
	if len(m) != len(b) {
		t.Fatalf("match of %d lines for %d", len(m), len(b))
	}
	last, n := -1, 0
	for j, i := range m {
		if i < 0 {
			continue
		}
		if i <= last || i >= len(a) || !bytes.Equal(a[i], b[j]) {
			t.Fatalf("bad match %v of\n%q\n%q", m, a, b)
		}
		last = i
		n++
	}
	if want := lcsLen(a, b); n != want {
		t.Fatalf("match keeps %d lines, a longest common subsequence has %d:\n%q\n%q\n%v", n, want, a, b, m)
	}
}

func TestMatchLinesRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	gen := func(n, alphabet int) string {
		var sb strings.Builder
		for range n {
			sb.WriteByte(byte('a' + rng.Intn(alphabet)))
			sb.WriteByte('\n')
		}
		return sb.String()
	}
	for range 3000 {
		alphabet := 1 + rng.Intn(6)
		a := gen(rng.Intn(30), alphabet)
		var b string
		if rng.Intn(2) == 0 {
			b = gen(rng.Intn(30), alphabet)
		} else {
			// An edit of a.
			ls := strings.SplitAfter(a, "\n")
			for i := range ls {
				if rng.Intn(5) == 0 {
					ls[i] = gen(rng.Intn(3), alphabet)
				}
			}
			b = strings.Join(ls, "")
		}
		checkMatch(t, lines(a), lines(b), matchLines(lines(a), lines(b)))
	}
}

func BenchmarkMatchLines(b *testing.B) {
	var sa, sb strings.Builder
	for i := range 5000 {
		line := strings.Repeat("x", i%17) + string(rune('a'+i%26)) + "\n"
		sa.WriteString(line)
		if i%50 == 0 {
			sb.WriteString("changed\n")
		} else {
			sb.WriteString(line)
		}
	}
	a, c := lines(sa.String()), lines(sb.String())
	for b.Loop() {
		matchLines(a, c)
	}
}
