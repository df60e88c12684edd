package lint_test

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/testrecords"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// refusalCase is a case under a plan (Stoke-on-Trent) whose last visit,
// of 16 February 2026, records a refusal with no escalation: the visit
// that matters.
func refusalCase() fstest.MapFS {
	tree := fstest.MapFS{}
	files := testrecords.StokeCase()
	files["SOT-1/visits/2026-02-16.md"] = `+++
type = "visit"
date = 2026-02-16T10:00:00
by = "Aisha Patel"
present = ["Sam Doe"]
child_seen = false
+++

Unannounced visit. Sam Doe said I couldn't see him today and closed the door.
`
	for name, data := range files {
		tree[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return tree
}

// TestUnreadableRecordIsIncomplete: the refusal visit read gives its
// finding; the same visit that cannot be opened (permission denied, as a
// file of mode 000 gives a user who is not root) gives no finding, and the
// run says it is incomplete, never clean. The same for case.md (the rest
// of the case is linted, without its people), and for a folder of the case
// that cannot be listed.
func TestUnreadableRecordIsIncomplete(t *testing.T) {
	prof, err := lint.ShippedProfile(lint.ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	run := func(fsys fstest.MapFS, fault faultFS) *lint.Result {
		t.Helper()
		fault.FS = fsys
		res, err := lint.Run(context.Background(), lint.Options{FS: fault, Rules: checks.All(), Profile: prof, AsOf: schema.NewDate(2026, 2, 20)})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := run(refusalCase(), faultFS{})
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "unescalated-refusal" {
		t.Fatalf("read: %+v, want the one unescalated-refusal", res.Findings)
	}
	if got := lint.Incompleteness(res.Notifications); got != "" {
		t.Errorf("read: %q, want complete", got)
	}

	for _, tc := range []struct {
		name  string
		fault faultFS
		want  string
	}{
		{"visit", faultFS{openFails: map[string]error{"SOT-1/visits/2026-02-16.md": syscall.EACCES}}, "1 record could not be read: the result is incomplete"},
		{"case.md", faultFS{openFails: map[string]error{"SOT-1/case.md": syscall.EACCES}}, "1 record could not be read: the result is incomplete"},
		{"visits folder", faultFS{dirFails: map[string]error{"SOT-1/visits": syscall.EACCES}}, "1 folder could not be read: the result is incomplete"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(refusalCase(), tc.fault)
			for _, f := range res.Findings {
				if tc.name != "case.md" && f.RuleID == "unescalated-refusal" {
					t.Errorf("a finding of the record not read: %+v", f)
				}
			}
			if got := lint.Incompleteness(res.Notifications); got != tc.want {
				t.Errorf("Incompleteness %q, want %q (notices %+v)", got, tc.want, res.Notifications)
			}
			for _, n := range res.Notifications {
				if n.Kind == lint.NoticeUnreadable && (n.Level != lint.Error || !strings.Contains(n.Message, "permission denied")) {
					t.Errorf("notice %+v, want an error naming the cause", n)
				}
			}
		})
	}
}
