package lintcmd_test

// Runs that could not read everything must not pass as clean (exit 0),
// and the lesser gaps of the same audit: a commit deleting case.md, a
// case folder that is a link, --stdin-filename outside the tree, SARIF
// under --path-mode wd.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/internal/testrecords"
)

// sotConfig is the Stoke-on-Trent profile as of 20 February 2026 with the
// history rules off: what is checked is the records alone.
const sotConfig = `profile = "stoke-on-trent"
as_of = 2026-02-20

[rules]
late-recording = "off"
recorded-before-event = "off"
rewritten-record = "off"
`

// sotCase writes a case under a plan whose records are clean as of 20
// February 2026; its one visit (29 January) sees Jamie alone: without it,
// by 20 February he has not been seen for the 28 working days the
// procedure allows (unseen-child on plan.md).
func sotCase(r *repo) {
	r.write(".caselint.toml", sotConfig)
	for name, data := range testrecords.StokeCase() {
		r.write(name, data)
	}
}

// TestPartialCloneIsIncomplete: in a clone made with --filter=blob:none,
// the blob of a visit deleted on the branch is not there. --new-from-rev
// cannot read the base in full: were it compared anyway, the gap the
// deletion leaves would be found at both ends and hidden as old. It keeps
// every finding and exits 2; --rev of that revision exits 2 too, after
// its report.
func TestPartialCloneIsIncomplete(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	r.commit("Aisha Patel", "2026-01-29T18:00:00Z", "SOT-1")
	r.git("checkout", "-q", "-b", "pr")
	r.git("rm", "-q", "SOT-1/visits/2026-01-29.md")
	r.commit("Aisha Patel", "2026-02-02T10:00:00Z", "delete the visit")
	r.git("checkout", "-q", "main")
	r.git("config", "uploadpack.allowFilter", "true")

	// A full clone: the deletion's finding is new.
	full := filepath.Join(r.home, "full")
	r.git("clone", "-q", "-b", "pr", "file://"+r.dir, full)
	code, out, errOut := caselint(t, full, "lint", "--new-from-rev", "origin/main")
	if code != cmdutil.ExitFindings || !strings.Contains(out, "SOT-1/plan.md:") || !strings.Contains(out, "[unseen-child]") {
		t.Fatalf("full clone: exit %d, want 1 and unseen-child\n%s%s", code, out, errOut)
	}

	clone := func(name string) string {
		dir := filepath.Join(r.home, name)
		r.git("clone", "-q", "--filter=blob:none", "-b", "pr", "file://"+r.dir, dir)
		return dir
	}
	partial := clone("partial")
	code, out, errOut = caselint(t, partial, "lint", "--new-from-rev", "origin/main")
	if code != cmdutil.ExitError {
		t.Errorf("partial clone, --new-from-rev: exit %d, want 2\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "[unseen-child]") {
		t.Errorf("partial clone, --new-from-rev: the finding is hidden:\n%s", out)
	}
	if !strings.Contains(out, "SOT-1/visits/2026-01-29.md: notice: the base revision could not be read in full: fetch its objects (a partial clone?)") ||
		!strings.Contains(out, "; the base revision could not be read in full: the result is incomplete") {
		t.Errorf("partial clone, --new-from-rev: the report does not say the base was not read:\n%s", out)
	}
	// SARIF: the finding, and an invocation that did not succeed.
	code, out, _ = caselint(t, partial, "lint", "--new-from-rev", "origin/main", "--format", "sarif")
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExitCode   int  `json:"exitCode"`
				Successful bool `json:"executionSuccessful"`
			} `json:"invocations"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if inv := log.Runs[0].Invocations[0]; code != cmdutil.ExitError || inv.ExitCode != 2 || inv.Successful || len(log.Runs[0].Results) != 1 {
		t.Errorf("SARIF: exit %d, invocation %+v, %d results", code, inv, len(log.Runs[0].Results))
	}

	// --rev of the base in a partial clone: the record is not read.
	code, out, errOut = caselint(t, clone("partial2"), "lint", "--rev", "origin/main")
	if code != cmdutil.ExitError || !strings.Contains(out, "SOT-1/visits/2026-01-29.md: notice: not read: ") ||
		!strings.Contains(out, "; 1 record could not be read: the result is incomplete") ||
		!strings.Contains(errOut, "1 record could not be read: the result is incomplete") {
		t.Errorf("--rev in a partial clone: exit %d\n%s%s", code, out, errOut)
	}
}

// TestUnreadableRecordExit2: a visit the user cannot read (mode 000) is
// named, the rest is reported, and the run exits 2. Root reads any file,
// so this runs only for another user (lint's TestUnreadableRecordIsIncomplete
// gives the engine the same fault through a file system).
func TestUnreadableRecordExit2(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a file of mode 000")
	}
	dir := t.TempDir()
	w := &repo{t: t, dir: dir}
	sotCase(w)
	visitPath := filepath.Join(dir, "SOT-1", "visits", "2026-02-16.md")
	w.write("SOT-1/visits/2026-02-16.md", visit("2026-02-16T10:00:00", "child_seen = false\nseen_alone = false\n", "Nobody answered."))
	if err := os.Chmod(visitPath, 0); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(visitPath, 0o644) }()
	code, out, errOut := caselint(t, dir, "lint", ".")
	if code != cmdutil.ExitError || !strings.Contains(out, "SOT-1/visits/2026-02-16.md: notice: not read: permission denied") ||
		!strings.Contains(out, "; 1 record could not be read: the result is incomplete") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestStagedCaseDeleted: a commit that deletes (or renames away) case.md
// leaves its records in no case. The hook lints the folder as staged and
// stops the commit; a commit that deletes the whole case has nothing left
// to lint.
func TestStagedCaseDeleted(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	r.commit("Aisha Patel", "2026-01-29T18:00:00Z", "SOT-1")
	for _, tc := range []struct {
		name   string
		change func()
	}{
		{"deleted", func() { r.git("rm", "-q", "SOT-1/case.md") }},
		{"renamed away", func() { r.git("mv", "SOT-1/case.md", "SOT-1/case-old.md") }},
		{"moved into a subfolder", func() {
			r.write("SOT-1/old/.keep", "")
			r.git("mv", "SOT-1/case.md", "SOT-1/old/case.md")
		}},
	} {
		for _, mode := range []string{"--staged", "--pre-commit"} {
			tc.change()
			fs, _ := lintJSON(t, r.dir, mode)
			inNoCase := map[string]bool{}
			for _, f := range only(fs, "invalid-record") {
				if strings.Contains(f.Message, "is in no case") {
					inNoCase[f.Path] = true
				}
			}
			for _, p := range []string{"SOT-1/plan.md", "SOT-1/visits/2026-01-29.md", "SOT-1/conferences/2026-01-12-initial.md", "SOT-1/core-groups/2026-01-22.md"} {
				if !inNoCase[p] {
					t.Errorf("%s, %s: %s not reported in no case: %v", tc.name, mode, p, fs)
				}
			}
			code, out, errOut := caselint(t, r.dir, "lint", mode)
			if code != cmdutil.ExitFindings || !strings.Contains(out, "is in no case") {
				t.Errorf("%s, %s: exit %d, want 1\n%s%s", tc.name, mode, code, out, errOut)
			}
			r.git("reset", "-q", "--hard")
			r.git("clean", "-q", "-f", "-d")
		}
	}
	// The whole case deleted: nothing is left to be in no case.
	r.git("rm", "-q", "-r", "SOT-1")
	if code, out, errOut := caselint(t, r.dir, "lint", "--staged"); code != cmdutil.ExitOK {
		t.Errorf("the whole case deleted: exit %d\n%s%s", code, out, errOut)
	}
	r.git("reset", "-q", "--hard")
	// A visit deleted, case.md kept: as before, the case is linted.
	r.git("rm", "-q", "SOT-1/visits/2026-01-29.md")
	if fs, _ := lintJSON(t, r.dir, "--staged"); len(only(fs, "unseen-child")) != 1 {
		t.Errorf("the visit deleted: %v, want unseen-child", fs)
	}
	r.git("reset", "-q", "--hard")
}

// TestCaseFolderLink: a case folder that is a symbolic link is not
// followed, and the report says so rather than count one case fewer.
func TestCaseFolderLink(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	elsewhere := filepath.Join(r.home, "elsewhere", "SOT-2")
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(r.dir, "SOT-2")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, out, errOut := caselint(t, r.dir, "lint", ".")
	if code != cmdutil.ExitOK || !strings.Contains(out, "SOT-2: notice: symbolic link to a folder not followed: the records in it are not linted\nno problems in 1 case") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestStdinFilenameNoCase: --stdin-filename naming no record of the tree
// (outside it, not a .md file, or a buffer that is no record in no case)
// is an error, never "no problems in 0 cases"; its lawful uses stay.
func TestStdinFilenameNoCase(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	r.commit("Aisha Patel", "2026-01-29T18:00:00Z", "SOT-1")
	for _, name := range []string{"../../etc/passwd", "../../etc/passwd.md", "notes/todo.md", "SOT-1/visits/photo.jpg"} {
		code, out, errOut := lintStdin(t, r.dir, "root:x:0:0\n", "--stdin-filename", name, "-")
		if code != cmdutil.ExitError || !strings.Contains(errOut, "--stdin-filename "+name) {
			t.Errorf("%s: exit %d, want 2 naming it\n%s%s", name, code, out, errOut)
		}
	}
	// A record in no case is linted, and is in no case.
	code, out, _ := lintStdin(t, r.dir, visit("2026-02-16T10:00:00", "", ""), "--stdin-filename", "notes/2026-02-16.md", "-")
	if code != cmdutil.ExitFindings || !strings.Contains(out, "is in no case") {
		t.Errorf("a record in no case: exit %d\n%s", code, out)
	}
	// A new visit of the case, and a note in it that is no record.
	for _, c := range []struct{ name, data string }{
		{"SOT-1/visits/2026-02-16.md", "+++\ntype = \"visit\"\ndate = 2026-02-16T16:00:00\nby = \"Aisha Patel\"\npresent = [\"Jamie\", \"Sam Doe\"]\n" +
			"child_seen = true\nseen_alone = true\n+++\n\n## Observations\nThe kitchen had bread and milk.\n\n## Wishes and feelings\nSeen alone in his room.\n"},
		{"SOT-1/notes.md", "# Notes\n"},
	} {
		if code, out, errOut := lintStdin(t, filepath.Join(r.dir, "SOT-1"), c.data, "--stdin-filename", strings.TrimPrefix(c.name, "SOT-1/"), "-"); code != cmdutil.ExitOK {
			t.Errorf("%s: exit %d, want 0\n%s%s", c.name, code, out, errOut)
		}
	}
}

// TestSARIFPathModeWD: SARIF's URIs are relative to %SRCROOT%, the
// repository's root, whatever --path-mode says: code scanning cannot
// place ../X/plan.md. The text report follows --path-mode.
func TestSARIFPathModeWD(t *testing.T) {
	r := newRepo(t)
	r.write("cases/T-1/case.md", caseMD)
	r.write("cases/T-1/plan.md", planNoContingency)
	r.write("docs/README.md", "# Docs\n")
	r.commit("Aisha Patel", "2026-01-05T10:00:00Z", "T-1")
	sub := filepath.Join(r.dir, "docs")
	log, _ := lintSARIF(t, sub, "--as-of", "2026-11-20", "--path-mode", "wd", "../cases")
	found := false
	for _, res := range log.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if strings.HasPrefix(uri, "..") {
			t.Errorf("SARIF URI %s, outside %%SRCROOT%%", uri)
		}
		found = found || (res.RuleID == "missing-contingency-plan" && uri == "cases/T-1/plan.md")
	}
	if !found {
		t.Errorf("SARIF: no missing-contingency-plan at cases/T-1/plan.md: %+v", log.Runs[0].Results)
	}
	_, out, _ := caselint(t, sub, "lint", "--as-of", "2026-11-20", "--path-mode", "wd", "../cases")
	if !strings.Contains(out, "../cases/T-1/plan.md:") {
		t.Errorf("text --path-mode wd: paths not relative to the working folder:\n%s", out)
	}
}

// TestBaselineOverLimitNamed: a baseline over the size limit is an error
// naming the file, whichever way it is found.
func TestBaselineOverLimitNamed(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	big := filepath.Join(r.dir, ".caselint-baseline")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 50000001); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"lint"}, {"lint", "--baseline", ".caselint-baseline"}} {
		code, _, errOut := caselint(t, r.dir, args...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, ".caselint-baseline: 50000001 bytes, over the limit") {
			t.Errorf("%v: exit %d, want 2 naming the file: %s", args, code, errOut)
		}
	}
}

// TestCacheThroughLink: .git/caselint that is a symbolic link to a folder
// outside the repository is not written through; a notice says why, and
// the findings are those of a run without the cache.
func TestCacheThroughLink(t *testing.T) {
	r := newRepo(t)
	sotCase(r)
	r.commit("Aisha Patel", "2026-01-29T18:00:00Z", "SOT-1")
	outside := filepath.Join(r.home, "outside")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(r.dir, ".git", "caselint")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, out, errOut := caselint(t, r.dir, "lint")
	if code != cmdutil.ExitOK || !strings.Contains(out, "notice: the history cache was neither read nor written: history cache .git/caselint: a symbolic link") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if entries, err := os.ReadDir(outside); err != nil || len(entries) != 0 {
		t.Errorf("written through the link: %v, %v", entries, err)
	}
}
