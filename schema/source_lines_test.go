package schema

import (
	"math/rand"
	"slices"
	"testing"
)

// linesByteByByte is NewSource's line index as it was first written, one
// byte at a time: the judge of the faster one.
func linesByteByByte(data []byte) []int32 {
	lines := []int32{0}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			lines = append(lines, int32(i+1))
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			lines = append(lines, int32(i+1))
		}
	}
	return lines
}

// TestSourceLines: NewSource finds the lines the byte-by-byte index finds,
// on every test record and on random text of line ends ("\n", "\r\n", a
// lone "\r", none at the end, empty lines).
func TestSourceLines(t *testing.T) {
	check := func(name string, data []byte) {
		t.Helper()
		if got, want := NewSource(name, data).lines, linesByteByByte(data); !slices.Equal(got, want) {
			t.Fatalf("%s: lines %v, want %v", name, got, want)
		}
	}
	for path, data := range testRecords(t) {
		check(path, data)
	}
	rng := rand.New(rand.NewSource(18))
	pieces := []string{"\n", "\r\n", "\r", "a", "line", "\n\n", "é", ""}
	for range 20000 {
		var b []byte
		for range rng.Intn(12) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		check("random", b)
	}
	check("empty", nil)
}
