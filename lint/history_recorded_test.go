package lint

import (
	"testing"
	"time"

	"github.com/caselint/caselint/schema"
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

func TestLaterEventKey(t *testing.T) {
	for _, tt := range []struct {
		kind schema.Kind
		key  string
		want bool
	}{
		{schema.KindCoreGroup, "minutes_circulated", true},
		{schema.KindCoreGroup, "attended", false},
		{schema.KindCoreGroup, "written_reports", false}, // a report is to the meeting
		{schema.KindCoreGroup, "date", false},
		{schema.KindVisit, "escalated_to", true},
		{schema.KindVisit, "escalated", true},
		{schema.KindVisit, "seen_alone", false},
		{schema.KindVisit, "access_refused", false},
		{schema.KindVisit, "minutes_circulated", false},
		{schema.KindConference, "next_review", false},
		{schema.KindPlan, "review_conference", false},
	} {
		if got := LaterEventKey(tt.kind, tt.key); got != tt.want {
			t.Errorf("LaterEventKey(%s, %s) = %v, want %v", tt.kind, tt.key, got, tt.want)
		}
	}
}
