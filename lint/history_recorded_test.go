package lint

import (
	"testing"
	"time"
)

// TestVersionRecorded: a version was recorded at the earlier of its
// commit's author and committer dates; with no author date, at the
// committer's.
func TestVersionRecorded(t *testing.T) {
	nov12 := time.Date(2026, 11, 12, 17, 0, 0, 0, time.UTC)
	nov24 := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name           string
		when, authored time.Time
		want           time.Time
	}{
		{"amended: author date earlier", nov24, nov12, nov12},
		{"the same", nov12, nov12, nov12},
		{"author date later than the commit", nov12, nov24, nov12},
		{"no author date", nov24, time.Time{}, nov24},
		{"no committer date", time.Time{}, nov12, nov12},
	} {
		if got := (Version{When: tc.when, Authored: tc.authored}).Recorded(); !got.Equal(tc.want) {
			t.Errorf("%s: Recorded() = %v, want %v", tc.name, got, tc.want)
		}
	}
}
