package checks_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
)

// commitAll adds one commit, at when by author, that first adds each of
// records (path: content): the same commit hash for all, as an import.
func (h *fakeHistory) commitAll(records map[string]string, author, when, hash string) lint.Version {
	t, err := time.Parse(time.RFC3339, when)
	if err != nil {
		panic(err)
	}
	var v lint.Version
	for p, content := range records {
		v = h.commit(p, content, author, when)
		v.Commit, v.When = hash, t
		h.versions[p][len(h.versions[p])-1] = v
	}
	return v
}

// TestLateRecordingBulkImport: records committed into git together, long
// after their dates (a case kept elsewhere, imported), are reported once
// for the commit, not once each; one or two late records committed
// together are each reported, and a record on time in the same commit is
// not counted.
func TestLateRecordingBulkImport(t *testing.T) {
	const importHash = "1111111111111111111111111111111111111111"
	const importDay = "2026-11-16T10:00:00Z" // Monday 16 November 2026
	records := map[string]string{
		"cases/H-1/visits/2026-01-12.md":      visitMD("2026-01-12T10:00:00", true, "Fine."),
		"cases/H-1/visits/2026-03-02.md":      visitMD("2026-03-02T10:00:00", true, "Fine."),
		"cases/H-1/visits/2026-06-15.md":      visitMD("2026-06-15T10:00:00", true, "Fine."),
		"cases/H-1/core-groups/2026-02-02.md": coreGroupMD("2026-02-02"),
		"cases/H-1/core-groups/2026-05-11.md": coreGroupMD("2026-05-11"),
		"cases/H-1/visits/2026-11-12.md":      visitMD("2026-11-12T10:00:00", true, "On time."), // 2 working days before
	}
	pick := func(paths ...string) map[string]string {
		out := map[string]string{}
		for _, p := range paths {
			out[p] = records[p]
		}
		return out
	}
	fsOf := func(rs map[string]string) fstest.MapFS {
		fsys := fstest.MapFS{
			"cases/H-1/case.md": {Data: []byte(historyCase)},
			"cases/H-1/plan.md": {Data: []byte(historyPlan)},
		}
		for p, c := range rs {
			fsys[p] = &fstest.MapFile{Data: []byte(c)}
		}
		return fsys
	}

	t.Run("a case imported in one commit: one finding", func(t *testing.T) {
		h := newFakeHistory()
		h.commitAll(map[string]string{"cases/H-1/case.md": historyCase, "cases/H-1/plan.md": historyPlan}, "Aisha Patel", importDay, importHash)
		v := h.commitAll(records, "Aisha Patel", importDay, importHash)
		got := findings(lintHistory(t, fsOf(records), h, ""), checks.LateRecording.ID)
		if len(got) != 1 {
			for _, f := range got {
				t.Log(f.Path, f.Message)
			}
			t.Fatalf("%d late-recording findings, want 1 for the import", len(got))
		}
		f := got[0]
		if f.Path != "cases/H-1/visits/2026-01-12.md" || f.Pos.Line != 3 {
			t.Errorf("at %s:%d, want the date line of the earliest record", f.Path, f.Pos.Line)
		}
		if f.Attributed == nil || f.Attributed.Commit != importHash {
			t.Errorf("attributed to %v, want the import", f.Attributed)
		}
		for _, want := range []string{"3 visit records and 2 core group records", "from 12 January 2026 to 15 June 2026",
			"first committed together on 16 November 2026 by Aisha Patel (commit 1111111)", "imported into git at once", v.Author} {
			if !strings.Contains(f.Message, want) {
				t.Errorf("message does not say %q: %s", want, f.Message)
			}
		}
		if f.Severity != lint.Warning {
			t.Errorf("severity %s: the import is still to be checked", f.Severity)
		}
	})

	t.Run("three late records added to a case in git: one finding", func(t *testing.T) {
		h := newFakeHistory()
		rs := pick("cases/H-1/visits/2026-01-12.md", "cases/H-1/visits/2026-03-02.md", "cases/H-1/core-groups/2026-02-02.md")
		h.commitAll(rs, "Sam Jones", importDay, importHash)
		got := findings(lintHistory(t, fsOf(rs), h, ""), checks.LateRecording.ID)
		if len(got) != 1 || !strings.Contains(got[0].Message, "2 visit records and 1 core group record of this case") {
			t.Fatalf("findings %v, want one for the three", got)
		}
	})

	for _, tc := range []struct {
		name  string
		paths []string
		want  int
	}{
		// The boundary: fewer than three late records in a commit are
		// each late.
		{"one late record alone", []string{"cases/H-1/visits/2026-06-15.md"}, 1},
		{"two late records together", []string{"cases/H-1/visits/2026-06-15.md", "cases/H-1/visits/2026-03-02.md"}, 2},
		// A record on time does not make two late ones an import.
		{"two late and one on time", []string{"cases/H-1/visits/2026-06-15.md", "cases/H-1/visits/2026-03-02.md", "cases/H-1/visits/2026-11-12.md"}, 2},
		{"one on time alone", []string{"cases/H-1/visits/2026-11-12.md"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newFakeHistory()
			rs := pick(tc.paths...)
			h.commitAll(rs, "Sam Jones", importDay, importHash)
			got := findings(lintHistory(t, fsOf(rs), h, ""), checks.LateRecording.ID)
			if len(got) != tc.want {
				t.Fatalf("%d findings, want %d", len(got), tc.want)
			}
			for _, f := range got {
				if strings.Contains(f.Message, "imported") || !strings.HasPrefix(f.Message, "this visit on ") {
					t.Errorf("a record's own finding wanted: %s", f.Message)
				}
			}
		})
	}

	t.Run("three late records in three commits: three findings", func(t *testing.T) {
		h := newFakeHistory()
		rs := pick("cases/H-1/visits/2026-01-12.md", "cases/H-1/visits/2026-03-02.md", "cases/H-1/visits/2026-06-15.md")
		for p, c := range rs {
			h.commit(p, c, "Sam Jones", importDay) // one commit each
		}
		if got := findings(lintHistory(t, fsOf(rs), h, ""), checks.LateRecording.ID); len(got) != 3 {
			t.Fatalf("%d findings, want 3", len(got))
		}
	})
}
