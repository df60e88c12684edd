package checks_test

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
)

// changes sets what the last version of path changed: the blobs of vs, one
// per parent of its commit.
func (h *fakeHistory) changes(path string, vs ...lint.Version) lint.Version {
	var blobs []string
	for _, v := range vs {
		blobs = append(blobs, v.Blob)
	}
	last := &h.versions[path][len(h.versions[path])-1]
	last.Parents = strings.Join(blobs, " ")
	return *last
}

func TestRewrittenRecordAcrossMerge(t *testing.T) {
	// A branch changes the facts weeks later, main the narrative, and a
	// merge puts both together: the rewrite is the branch commit's alone,
	// not the narrative commit's (whose facts differ from the branch's
	// version before it in the list) nor the merge's (whose facts differ
	// from main's side).
	v1 := visitMD("2026-01-12T10:00:00", false, "Jamie was in the kitchen.")
	fixed := visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen.")
	narr := visitMD("2026-01-12T10:00:00", false, "Jamie was in the kitchen, drawing.")
	both := visitMD("2026-01-12T10:00:00", true, "Jamie was in the kitchen, drawing.")
	resolved := visitMD("2026-01-12T10:30:00", true, "Jamie was in the kitchen, drawing.")
	for _, tc := range []struct {
		name   string
		merged string
		want   []string // the authors of the commits reported, in date order
	}{
		{"merged as both sides had it", both, []string{"Sam Jones"}},
		{"the merge set a fact neither side had", resolved, []string{"Sam Jones", "Dan Roe"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newFakeHistory()
			c1 := h.commit(visitPath, v1, "Aisha Patel", "2026-01-13T09:00:00Z")
			h.commit(visitPath, fixed, "Sam Jones", "2026-03-02T09:00:00Z")
			fix := h.changes(visitPath, c1)
			h.commit(visitPath, narr, "Aisha Patel", "2026-03-03T09:00:00Z")
			n := h.changes(visitPath, c1)
			h.commit(visitPath, tc.merged, "Dan Roe", "2026-03-04T09:00:00Z")
			h.changes(visitPath, n, fix)
			res := lintHistory(t, historyFS(visitPath, tc.merged), h, "")
			var got []string
			for _, f := range findings(res, checks.RewrittenRecord.ID) {
				got = append(got, f.Attributed.Author)
				if f.Attributed.Author == "Dan Roe" && !strings.Contains(f.Message, "date was changed") {
					t.Errorf("the merge's finding: %s, want only the date it set", f.Message)
				}
			}
			if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
				t.Errorf("findings attributed to %v, want %v", got, tc.want)
			}
		})
	}
	// Without what each version changed (another History), the version
	// before is taken: the narrative commit is reported, as before.
	h := newFakeHistory()
	h.commit(visitPath, v1, "Aisha Patel", "2026-01-13T09:00:00Z")
	h.commit(visitPath, fixed, "Sam Jones", "2026-03-02T09:00:00Z")
	h.commit(visitPath, narr, "Aisha Patel", "2026-03-03T09:00:00Z")
	if n := len(findings(lintHistory(t, historyFS(visitPath, narr), h, ""), checks.RewrittenRecord.ID)); n != 2 {
		t.Errorf("a linear history: %d findings, want 2", n)
	}
}
