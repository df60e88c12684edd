package workspace

import (
	"testing"
	"testing/fstest"
)

// TestCaseLeft: a staged deletion of case.md whose folder keeps records
// leaves them in no case, and the folder is linted; a deletion of another
// record, of a case.md whose folder is gone or holds no record, is not.
func TestCaseLeft(t *testing.T) {
	index := fstest.MapFS{
		"SOT-1/plan.md":              {Data: []byte("+++\n+++\n")},
		"SOT-1/visits/2026-01-29.md": {Data: []byte("+++\n+++\n")},
		"SOT-2/photo.jpg":            {Data: []byte("jpg")},
		"SOT-3/.drafts/old.md":       {Data: []byte("+++\n+++\n")},
		"SOT-4/case-old.md":          {Data: []byte("+++\n+++\n")},
	}
	for _, tc := range []struct {
		deleted, left string
		want          bool
	}{
		{"SOT-1/case.md", "SOT-1", true},
		{"SOT-4/case.md", "SOT-4", true}, // renamed away, beside its old name
		{"SOT-1/visits/2026-01-30.md", "SOT-1/visits", false},
		{"SOT-2/case.md", "SOT-2", false},     // no record left
		{"SOT-3/case.md", "SOT-3", false},     // only a hidden folder's
		{"SOT-9/sub/case.md", "SOT-9", false}, // not its own folder
	} {
		if got := caseLeft(index, tc.deleted, tc.left); got != tc.want {
			t.Errorf("caseLeft(%s, %s) = %v, want %v", tc.deleted, tc.left, got, tc.want)
		}
	}
}
