package lint_test

import (
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
)

// versionsHistory is a lint.History of versions alone.
type versionsHistory map[string][]lint.Version

func (h versionsHistory) Versions(p string) []lint.Version { return h[p] }
func (h versionsHistory) Content(string, lint.Version) ([]byte, error) {
	return nil, nil
}
func (h versionsHistory) LineOrigin(string, []byte, int) (lint.Version, bool) {
	return lint.Version{}, false
}

func TestWithPending(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	old := lint.Version{Commit: "c1", Author: "Aisha Patel", When: now.AddDate(0, -1, 0), Blob: "b1"}
	base := versionsHistory{"a.md": make([]lint.Version, 1, 4), "old.md": {old}, "untouched.md": {old}}
	base["a.md"][0] = old
	h := lint.WithPending(base, now, []lint.StagedFile{
		{Path: "a.md", Blob: "b2", Parents: "b1"},                      // changed
		{Path: "new.md", Blob: "b3", Parents: "-"},                     // added
		{Path: "moved.md", Blob: "b1", From: "old.md", Parents: "b1"},  // renamed as it was
		{Path: "edited.md", Blob: "b4", From: "old.md", Parents: "b1"}, // renamed and changed
	})
	pending := func(blob, parents string) lint.Version {
		return lint.Version{When: now, Blob: blob, Parents: parents, Pending: true}
	}
	for _, c := range []struct {
		path string
		want []lint.Version
	}{
		{"a.md", []lint.Version{old, pending("b2", "b1")}},
		{"new.md", []lint.Version{pending("b3", "-")}},
		{"moved.md", []lint.Version{old}},
		{"edited.md", []lint.Version{old, pending("b4", "b1")}},
		{"untouched.md", []lint.Version{old}},
		{"none.md", nil},
	} {
		got := h.Versions(c.path)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.path, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s[%d]: %+v, want %+v", c.path, i, got[i], c.want[i])
			}
		}
	}
	// The history's own list is not written to (its spare capacity).
	h.Versions("a.md")
	if ext := base["a.md"][:2]; ext[1] != (lint.Version{}) {
		t.Errorf("the history's versions were written to: %v", ext)
	}
	if lint.WithPending(nil, now, []lint.StagedFile{{Path: "a.md"}}) != nil {
		t.Error("no history: a history")
	}
}
