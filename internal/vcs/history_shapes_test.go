package vcs

// Issue 14, items 8, 9 and 11: the history of merges, renames and
// branches HEAD does not reach, built with the git command and checked
// against git blame and git log.

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-git/v5/plumbing"
)

// The hostile-repository tests for the history: merges, renames and
// branches HEAD does not reach, each checked against git itself (git
// blame, git log --follow).

// gitBlame returns the commit git blame gives each line (1-based) of path
// at rev.
func gitBlame(g *testRepo, rev, path string) map[int]string {
	g.t.Helper()
	out := g.git("blame", "--porcelain", rev, "--", path)
	got := map[int]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || len(f[0]) != 40 || strings.Trim(f[0], "0123456789abcdef") != "" {
			continue
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			g.t.Fatalf("git blame: %q", line)
		}
		got[n] = f[0]
	}
	return got
}

// checkBlame checks that LineOrigin names, for every line of path as HEAD
// has it, the commit git blame names.
func checkBlame(t *testing.T, g *testRepo, h *History, path string) {
	t.Helper()
	checkAlone(t, h)
	data, err := os.ReadFile(g.dir + "/" + path)
	if err != nil {
		t.Fatal(err)
	}
	want := gitBlame(g, "HEAD", path)
	n := len(splitLines(data))
	if len(want) != n {
		t.Fatalf("git blame gave %d lines of %d", len(want), n)
	}
	for line := 1; line <= n; line++ {
		v, ok := h.LineOrigin(path, data, line)
		if !ok || v.Commit != want[line] {
			t.Errorf("%s:%d: LineOrigin = %s, %v; git blame says %s", path, line, v.Commit, ok, want[line])
		}
	}
}

// commits returns the commits of versions.
func commitsOf(vs []lint.Version) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Commit)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const mergeVisit = "cases/STK-1/visits/2026-01-05.md"

// visitText is a visit record whose facts are seen and whose narrative is
// body.
func visitText(seen, body string) string {
	return "+++\ntype = \"visit\"\ndate = 2026-01-05T10:00:00\nseen_alone = " + seen + "\n+++\n# Visit\n\n" + body + "\n\nNext visit in 10 days.\n"
}

func TestHistoryMergeFeatureBranch(t *testing.T) {
	// A feature branch changes a fact, main changes the narrative, and the
	// branch is merged with --no-ff: each change is its own commit's, the
	// merge only puts them together.
	g := newTestRepo(t)
	g.write(mergeVisit, visitText("false", "Jamie was at home."))
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit")
	g.git("checkout", "-q", "-b", "fix")
	g.write(mergeVisit, visitText("true", "Jamie was at home."))
	fix := g.commit("Ben Jones", "2026-03-02T10:00:00Z", "fact changed on a branch")
	g.git("checkout", "-q", "main")
	g.write(mergeVisit, visitText("false", "Jamie was at home, in the kitchen."))
	narr := g.commit("Cara Lee", "2026-03-03T10:00:00Z", "narrative")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-03-04T10:00:00Z", "GIT_AUTHOR_DATE=2026-03-04T10:00:00Z"},
		"-c", "user.name=Dan Roe", "merge", "-q", "--no-ff", "-m", "merge fix", "fix")
	m := g.git("rev-parse", "HEAD")

	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	vs := h.Versions(mergeVisit)
	// The merge made content neither side had (both lines together), so it
	// is a version, changed from both sides.
	if got, want := commitsOf(vs), []string{c1, fix, narr, m}; !sameStrings(got, want) {
		t.Fatalf("versions %v, want %v", got, want)
	}
	if got := vs[3].ParentBlobs(); len(got) != 2 || got[0] != vs[2].Blob || got[1] != vs[1].Blob {
		t.Errorf("the merge changed %v, want main's %s and the branch's %s", got, vs[2].Blob, vs[1].Blob)
	}
	if got := vs[1].ParentBlobs(); len(got) != 1 || got[0] != vs[0].Blob {
		t.Errorf("the fix changed %v, want %s", got, vs[0].Blob)
	}
	checkBlame(t, g, h, mergeVisit)
	data, _ := os.ReadFile(g.dir + "/" + mergeVisit)
	if v, ok := h.LineOrigin(mergeVisit, data, 4); !ok || v.Commit != fix || v.Author != "Ben Jones" {
		t.Errorf("the fact's line: %+v, want the branch's commit %s", v, fix)
	}

	// Cached, and from the cache, the same.
	r := g.open()
	for range 2 {
		ch, _, err := r.CachedHistory()
		if err != nil {
			t.Fatal(err)
		}
		if got := ch.Versions(mergeVisit); !equalVersions(got, vs) {
			t.Errorf("cached versions %+v, want %+v", got, vs)
		}
		checkBlame(t, g, ch, mergeVisit)
	}
}

func equalVersions(a, b []lint.Version) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Commit != b[i].Commit || a[i].Blob != b[i].Blob || a[i].Parents != b[i].Parents || a[i].Author != b[i].Author || !a[i].When.Equal(b[i].When) {
			return false
		}
	}
	return true
}

func TestHistoryMergeTakesOneSide(t *testing.T) {
	// Main did not touch the record: the merge (--no-ff) takes the
	// branch's version whole and makes none; a fast-forward makes none
	// either.
	for _, ff := range []bool{false, true} {
		g := newTestRepo(t)
		g.write(mergeVisit, visitText("false", "Jamie was at home."))
		c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit")
		g.git("checkout", "-q", "-b", "fix")
		g.write(mergeVisit, visitText("true", "Jamie was at home."))
		fix := g.commit("Ben Jones", "2026-03-02T10:00:00Z", "fact changed on a branch")
		g.git("checkout", "-q", "main")
		if ff {
			g.git("merge", "-q", "--ff-only", "fix")
		} else {
			g.write("cases/STK-1/case.md", "case\n")
			g.commit("Cara Lee", "2026-03-03T10:00:00Z", "another file")
			g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-03-04T10:00:00Z"}, "merge", "-q", "--no-ff", "-m", "merge", "fix")
		}
		h, err := g.open().History()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := commitsOf(h.Versions(mergeVisit)), []string{c1, fix}; !sameStrings(got, want) {
			t.Errorf("ff %v: versions %v, want %v", ff, got, want)
		}
		checkBlame(t, g, h, mergeVisit)
	}
}

func TestHistoryMergeConflictResolved(t *testing.T) {
	// Both sides changed the same fact: the value the merge settled on,
	// found on neither side, is the merge's; the other lines are the
	// sides'.
	g := newTestRepo(t)
	g.write(mergeVisit, visitText("false", "Jamie was at home."))
	g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit")
	g.git("checkout", "-q", "-b", "fix")
	g.write(mergeVisit, "+++\ntype = \"visit\"\ndate = 2026-01-05T10:00:00\nseen_alone = true\n+++\n# Visit\n\nJamie was at home.\n\nNext visit in 7 days.\n")
	g.commit("Ben Jones", "2026-03-02T10:00:00Z", "fact and plan on a branch")
	g.git("checkout", "-q", "main")
	g.write(mergeVisit, visitText("\"unknown\"", "Jamie was at home, in the kitchen."))
	g.commit("Cara Lee", "2026-03-03T10:00:00Z", "fact and narrative on main")
	cmd := []string{"merge", "-q", "--no-ff", "-m", "merge", "fix"}
	if out, err := runGitErr(g, cmd...); err == nil {
		t.Fatalf("the merge did not conflict: %s", out)
	}
	g.write(mergeVisit, "+++\ntype = \"visit\"\ndate = 2026-01-05T10:00:00\nseen_alone = \"not recorded\"\n+++\n# Visit\n\nJamie was at home, in the kitchen.\n\nNext visit in 7 days.\n")
	m := g.commit("Dan Roe", "2026-03-04T10:00:00Z", "merge, resolved")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	vs := h.Versions(mergeVisit)
	if len(vs) != 4 || vs[3].Commit != m || len(vs[3].ParentBlobs()) != 2 {
		t.Fatalf("versions %+v", vs)
	}
	checkBlame(t, g, h, mergeVisit)
}

// runGitErr runs git, returning its error rather than failing the test.
func runGitErr(g *testRepo, args ...string) (string, error) {
	cmd := execGit(g, args...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestHistoryCrissCross(t *testing.T) {
	// Two branches merged into each other twice (a criss-cross), each
	// changing its own lines: every line is blamed as git blames it.
	g := newTestRepo(t)
	lines := []string{"a1", "b1", "c1", "d1", "e1", "f1"}
	write := func() { g.write(mergeVisit, strings.Join(lines, "\n")+"\n") }
	write()
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.git("checkout", "-q", "-b", "side")
	lines[1] = "b2 side"
	write()
	g.commit("Ben Jones", "2026-01-06T10:00:00Z", "side b")
	g.git("checkout", "-q", "main")
	lines[1] = "b1"
	lines[4] = "e2 main"
	write()
	g.commit("Cara Lee", "2026-01-07T10:00:00Z", "main e")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-01-08T10:00:00Z"}, "merge", "-q", "--no-ff", "-m", "main takes side", "side")
	g.git("checkout", "-q", "side")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-01-08T11:00:00Z"}, "merge", "-q", "--no-ff", "-m", "side takes main", "main~1")
	lines = strings.Split(strings.TrimSpace(readFile(t, g, mergeVisit)), "\n")
	lines[2] = "c3 side"
	write()
	g.commit("Ben Jones", "2026-01-09T10:00:00Z", "side c")
	g.git("checkout", "-q", "main")
	lines = strings.Split(strings.TrimSpace(readFile(t, g, mergeVisit)), "\n")
	lines[5] = "f3 main"
	write()
	g.commit("Cara Lee", "2026-01-09T11:00:00Z", "main f")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-01-10T10:00:00Z"}, "merge", "-q", "--no-ff", "-m", "criss-cross", "side")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	checkBlame(t, g, h, mergeVisit)
}

func readFile(t *testing.T, g *testRepo, p string) string {
	t.Helper()
	data, err := os.ReadFile(g.dir + "/" + p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// gitFollow returns the commits git log --follow says changed path's
// content (added, changed, or renamed and changed), oldest first.
func gitFollow(g *testRepo, path string) []string {
	g.t.Helper()
	out := g.git("log", "--follow", "--format=@%H", "--name-status", "--", path)
	var commits []string
	commit := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "@") {
			commit = line[1:]
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		if st := f[0]; st == "A" || st == "M" || (st[0] == 'R' && st != "R100") {
			commits = append([]string{commit}, commits...)
		}
	}
	return commits
}

func TestHistoryRenameFolder(t *testing.T) {
	// git mv cases/a cases/b: each record's versions go on under its new
	// path, the rename making none, as git log --follow sees them.
	g := newTestRepo(t)
	files := []string{"case.md", "visits/2026-01-05.md", "visits/2026-01-07.md", "core-groups/2026-01-09.md"}
	for i, f := range files {
		g.write("cases/a/"+f, strings.Repeat("line of "+f+"\n", 3+i))
	}
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "case a")
	g.write("cases/a/visits/2026-01-07.md", "changed\n")
	c2 := g.commit("Ben Jones", "2026-01-08T17:00:00Z", "visit changed")
	g.git("mv", "cases/a", "cases/b")
	mv := g.commit("Cara Lee", "2026-03-01T10:00:00Z", "case renamed")
	g.write("cases/b/visits/2026-01-05.md", "after the rename\n"+strings.Repeat("line of visits/2026-01-05.md\n", 4))
	c4 := g.commit("Dan Roe", "2026-03-02T10:00:00Z", "visit changed after the rename")

	r := g.open()
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, want := commitsOf(h.Versions("cases/b/"+f)), gitFollow(g, "cases/b/"+f)
		if !sameStrings(got, want) {
			t.Errorf("%s: versions %v, git log --follow %v", f, got, want)
		}
		if len(got) == 0 || got[0] != c1 {
			t.Errorf("%s: first version %v, want %s", f, got, c1)
		}
		for _, c := range got {
			if c == mv {
				t.Errorf("%s: the rename made a version", f)
			}
		}
		// The old path keeps its versions.
		if old := commitsOf(h.Versions("cases/a/" + f)); len(old) == 0 || old[0] != c1 {
			t.Errorf("cases/a/%s: versions %v", f, old)
		}
		checkBlame(t, g, h, "cases/b/"+f)
	}
	if got := commitsOf(h.Versions("cases/b/visits/2026-01-07.md")); !sameStrings(got, []string{c1, c2}) {
		t.Errorf("versions %v, want %s %s", got, c1, c2)
	}
	if got := commitsOf(h.Versions("cases/b/visits/2026-01-05.md")); !sameStrings(got, []string{c1, c4}) {
		t.Errorf("versions %v, want %s %s", got, c1, c4)
	}
	ren, err := h.RenamesSince(c2)
	if err != nil {
		t.Fatal(err)
	}
	if len(ren) != len(files) || ren["cases/a/case.md"] != "cases/b/case.md" {
		t.Errorf("RenamesSince = %v", ren)
	}
	if ren, _ := h.RenamesSince(mv); len(ren) != 0 {
		t.Errorf("RenamesSince(the rename) = %v, want none", ren)
	}
	for range 2 {
		ch, _, err := r.CachedHistory()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if got, want := ch.Versions("cases/b/"+f), h.Versions("cases/b/"+f); !equalVersions(got, want) {
				t.Errorf("cached %s: %+v, want %+v", f, got, want)
			}
		}
	}
}

func TestHistoryRenameEdited(t *testing.T) {
	// A record renamed and edited in one commit, at least half the same:
	// a rename, and a version; another file deleted and one added with
	// nothing in common: no rename. As git log --follow sees it.
	g := newTestRepo(t)
	body := "+++\ntype = \"visit\"\ndate = 2026-01-05T10:00:00\nseen_alone = true\n+++\n# Visit\n\nJamie was at home.\nHe showed me his room.\nHe is eating well.\n"
	g.write("cases/a/visits/v.md", body)
	g.write("cases/a/notes.md", "first\nsecond\nthird\n")
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit")
	g.git("mv", "cases/a/visits/v.md", "cases/a/visits/2026-01-05.md")
	g.write("cases/a/visits/2026-01-05.md", strings.Replace(body, "He is eating well.", "He is eating well; toast.", 1))
	g.remove("cases/a/notes.md")
	g.write("cases/a/other.md", "nothing\nalike\nat all\n")
	c2 := g.commit("Ben Jones", "2026-01-06T17:00:00Z", "renamed and edited")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	p := "cases/a/visits/2026-01-05.md"
	if got, want := commitsOf(h.Versions(p)), gitFollow(g, p); !sameStrings(got, want) || !sameStrings(got, []string{c1, c2}) {
		t.Errorf("versions %v, git log --follow %v, want %s %s", got, want, c1, c2)
	}
	vs := h.Versions(p)
	if len(vs) == 2 && (len(vs[1].ParentBlobs()) != 1 || vs[1].ParentBlobs()[0] != vs[0].Blob) {
		t.Errorf("the renaming version changed %v, want %s", vs[1].ParentBlobs(), vs[0].Blob)
	}
	checkBlame(t, g, h, p)
	if got, want := commitsOf(h.Versions("cases/a/other.md")), gitFollow(g, "cases/a/other.md"); !sameStrings(got, want) || !sameStrings(got, []string{c2}) {
		t.Errorf("a new file: versions %v, git log --follow %v", got, want)
	}
}

func TestHistoryRenameOnBranch(t *testing.T) {
	// A case folder renamed on a branch, merged: the records keep their
	// versions, and blame follows them as git blame does.
	g := newTestRepo(t)
	g.write("cases/a/case.md", "case\none\ntwo\n")
	g.write("cases/a/visits/v.md", "visit\none\ntwo\n")
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "case")
	g.git("checkout", "-q", "-b", "rename")
	g.git("mv", "cases/a", "cases/b")
	g.commit("Ben Jones", "2026-03-01T10:00:00Z", "renamed")
	g.git("checkout", "-q", "main")
	g.write("cases/c/case.md", "another\n")
	g.commit("Cara Lee", "2026-03-02T10:00:00Z", "another case")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-03-03T10:00:00Z"}, "merge", "-q", "--no-ff", "-m", "merge", "rename")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"cases/b/case.md", "cases/b/visits/v.md"} {
		if got := commitsOf(h.Versions(p)); !sameStrings(got, []string{c1}) {
			t.Errorf("%s: versions %v, want %s", p, got, c1)
		}
		checkBlame(t, g, h, p)
	}
}

func TestHistoryUnreachableBranch(t *testing.T) {
	// A branch HEAD does not reach: its history, read with History(rev)
	// and At(rev), is the one read with the branch checked out.
	g := newTestRepo(t)
	g.write("cases/a/case.md", "case\n")
	g.commit("Ann Smith", "2026-01-05T17:00:00Z", "case")
	g.git("checkout", "-q", "-b", "other")
	g.write("cases/a/visits/v.md", "visit only on the branch\n")
	g.commit("Ben Jones", "2026-01-20T10:00:00Z", "visit")
	g.write("cases/a/case.md", "case, on the branch\n")
	g.commit("Ben Jones", "2026-01-21T10:00:00Z", "case")
	rev := g.git("rev-parse", "HEAD")
	g.git("checkout", "-q", "main")
	g.write("cases/a/case.md", "case, on main\n")
	g.commit("Cara Lee", "2026-01-22T10:00:00Z", "case on main")

	r := g.open()
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	if vs := h.Versions("cases/a/visits/v.md"); vs != nil {
		t.Fatalf("HEAD's history has the branch's visit: %+v", vs)
	}
	if _, err := h.At(rev); err == nil {
		t.Error("At a commit the history was not read from: no error")
	}
	full, err := r.History(rev)
	if err != nil {
		t.Fatal(err)
	}
	cached, _, err := r.CachedHistory(rev)
	if err != nil {
		t.Fatal(err)
	}
	head := g.git("rev-parse", "HEAD")
	g.git("checkout", "-q", "other")
	linear, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	g.git("checkout", "-q", "main")
	for _, hh := range []*History{full, cached} {
		at, err := hh.At(rev)
		if err != nil {
			t.Fatal(err)
		}
		checkAlone(t, at)
		for _, p := range []string{"cases/a/case.md", "cases/a/visits/v.md"} {
			if got, want := at.Versions(p), linear.Versions(p); len(want) == 0 || !equalVersions(got, want) {
				t.Errorf("At(branch) %s: %+v, want %+v", p, got, want)
			}
		}
		// And at HEAD, HEAD's.
		atHead, err := hh.At(head)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := atHead.Versions("cases/a/case.md"), h.Versions("cases/a/case.md"); !equalVersions(got, want) {
			t.Errorf("At(HEAD): %+v, want %+v", got, want)
		}
		if vs := atHead.Versions("cases/a/visits/v.md"); vs != nil {
			t.Errorf("At(HEAD) has the branch's visit: %+v", vs)
		}
	}
	// A cached run from HEAD alone afterwards is HEAD's history.
	again, _, err := r.CachedHistory()
	if err != nil {
		t.Fatal(err)
	}
	if vs := again.Versions("cases/a/visits/v.md"); vs != nil {
		t.Errorf("HEAD's cached history has the branch's visit: %+v", vs)
	}
}

func TestCacheKeepsWhereChangesCameFrom(t *testing.T) {
	// A merge's change, renamed against its first parent: the cache gives
	// back each parent's path and blob; a change without them in a commit
	// with parents is not a cache of this version.
	var h, tr, p1, p2, b1, b2, b3 plumbing.Hash
	for i, x := range []*plumbing.Hash{&h, &tr, &p1, &p2, &b1, &b2, &b3} {
		x[0] = byte(i + 1)
	}
	c := &commitChanges{commitInfo: commitInfo{hash: h, tree: tr, parents: []plumbing.Hash{p1, p2}, author: "Ann Smith"},
		changes: []change{{path: "cases/b/v.md", blob: b1, prev: []fileAt{{path: "cases/a/v.md", blob: b2}, {path: "cases/b/v.md", blob: b3}}},
			{path: "cases/b/w.md", blob: b2, prev: []fileAt{{path: "cases/b/w.md"}, {path: "cases/b/w.md", blob: b3}}}}}
	got, err := decodeCache(encodeCache([]*commitChanges{c}))
	if err != nil {
		t.Fatal(err)
	}
	if g := got[h]; g == nil || !reflect.DeepEqual(g.changes, c.changes) {
		t.Errorf("decoded %+v, want %+v", got[h], c.changes)
	}
	c.changes[1].prev = nil
	if _, err := decodeCache(encodeCache([]*commitChanges{c})); err == nil {
		t.Error("a change that does not say where it came from: decoded")
	}
}

func TestBlameAgainstGitRandom(t *testing.T) {
	// Random edits of lines (each line's text unique) on branches merged
	// back, some conflicting (-X theirs): every line of every file is
	// blamed on the commit git blame names.
	g := newTestRepo(t)
	rng := rand.New(rand.NewSource(14))
	files := []string{"cases/a/v1.md", "cases/a/v2.md", "cases/b/v3.md"}
	n := 0
	edit := func(who string) {
		for range 1 + rng.Intn(2) {
			p := files[rng.Intn(len(files))]
			var lines []string
			if data, err := os.ReadFile(g.dir + "/" + p); err == nil {
				lines = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			}
			n++
			text := fmt.Sprintf("line %d by %s", n, who)
			switch k := rng.Intn(3); {
			case len(lines) == 0 || k == 0:
				i := rng.Intn(len(lines) + 1)
				lines = append(lines[:i], append([]string{text}, lines[i:]...)...)
			case k == 1:
				lines[rng.Intn(len(lines))] = text
			case len(lines) > 1:
				i := rng.Intn(len(lines))
				lines = append(lines[:i], lines[i+1:]...)
			}
			g.write(p, strings.Join(lines, "\n")+"\n")
		}
		n++
		g.commit(who, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n)*time.Hour).Format(time.RFC3339), "edit")
	}
	for range 3 {
		edit("Ann Smith")
	}
	for round := range 4 {
		side := fmt.Sprintf("side%d", round)
		g.git("checkout", "-q", "-b", side)
		for range 2 + rng.Intn(2) {
			edit("Ben Jones")
		}
		g.git("checkout", "-q", "main")
		for range 1 + rng.Intn(2) {
			edit("Cara Lee")
		}
		n++
		g.gitEnv([]string{"GIT_COMMITTER_DATE=" + time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n)*time.Hour).Format(time.RFC3339)},
			"merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", side)
	}
	edit("Dan Roe")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		if _, err := os.Stat(g.dir + "/" + p); err == nil {
			checkBlame(t, g, h, p)
		}
	}
}

// A history read from HEAD and a commit behind it (--new-from-rev
// HEAD~1) stands at HEAD as it is: At(HEAD) is the history itself, with
// HEAD's versions, and At(the older commit) is that commit's.
func TestAtTipWithAncestor(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/a/case.md", "case\n")
	g.commit("Ann Smith", "2026-01-05T17:00:00Z", "case")
	g.write("cases/a/visits/v.md", "visit\n")
	g.commit("Ben Jones", "2026-01-20T10:00:00Z", "visit")
	old := g.git("rev-parse", "HEAD")
	g.write("cases/a/case.md", "case, again\n")
	g.commit("Cara Lee", "2026-01-22T10:00:00Z", "case again")
	head := g.git("rev-parse", "HEAD")
	g.git("checkout", "-q", "-b", "side", old)
	g.write("cases/a/visits/w.md", "visit on a side branch\n")
	g.commit("Ben Jones", "2026-01-21T10:00:00Z", "side")
	side := g.git("rev-parse", "HEAD")
	g.git("checkout", "-q", "main")

	r := g.open()
	alone, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	both, err := r.History(old)
	if err != nil {
		t.Fatal(err)
	}
	at, err := both.At(head)
	if err != nil {
		t.Fatal(err)
	}
	if at != both {
		t.Error("At(HEAD) of a history read from HEAD and a commit behind it: replayed")
	}
	for _, p := range []string{"cases/a/case.md", "cases/a/visits/v.md"} {
		if got, want := at.Versions(p), alone.Versions(p); len(want) == 0 || !equalVersions(got, want) {
			t.Errorf("At(HEAD) %s: %+v, want %+v", p, got, want)
		}
	}
	if atOld, err := both.At(old); err != nil || len(atOld.Versions("cases/a/case.md")) != 1 {
		t.Errorf("At(the older commit): %v, %v", atOld, err)
	}
	// A commit not behind HEAD (another branch's) is replayed: HEAD's
	// history holds none of its versions.
	withSide, err := r.History(side)
	if err != nil {
		t.Fatal(err)
	}
	atHead, err := withSide.At(head)
	if err != nil {
		t.Fatal(err)
	}
	if atHead == withSide || atHead.Versions("cases/a/visits/w.md") != nil {
		t.Errorf("At(HEAD) of a history read with a side branch: %+v", atHead.Versions("cases/a/visits/w.md"))
	}
}

// TestHistoryRenameUnreadBlob: a record renamed and edited in one commit
// whose old blob is not there (a partial clone, --filter=blob:none, has
// not fetched it; or a damaged repository). Taking the pair as not alike
// made the record new at the rename: late-recording on a record made in
// time, the edit unseen by rewritten-record, and the cache kept that
// answer for good. It is an error, and nothing is cached.
func TestHistoryRenameUnreadBlob(t *testing.T) {
	g := newTestRepo(t)
	body := "+++\ntype = \"visit\"\ndate = 2026-01-05T10:00:00\nseen_alone = true\n+++\n# Visit\n\nJamie was at home.\nHe showed me his room.\nHe is eating well.\n"
	g.write("cases/a/visits/v.md", body)
	g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit")
	old := g.git("rev-parse", "HEAD:cases/a/visits/v.md")
	g.git("mv", "cases/a/visits/v.md", "cases/a/visits/2026-01-05.md")
	g.write("cases/a/visits/2026-01-05.md", strings.Replace(body, "seen_alone = true", "seen_alone = false", 1))
	g.commit("Ben Jones", "2026-01-26T17:00:00Z", "renamed and edited")
	if err := os.Remove(filepath.Join(g.dir, ".git", "objects", old[:2], old[2:])); err != nil {
		t.Fatal(err)
	}
	if h, err := g.open().History(); err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		t.Errorf("History: %v, want object not found (versions %v)", err, h.Versions("cases/a/visits/2026-01-05.md"))
	}
	_, use, err := g.open().CachedHistory()
	if err == nil || use.Written {
		t.Errorf("CachedHistory: %v, written %v; want an error and no cache", err, use.Written)
	}
	if _, err := os.Stat(filepath.Join(g.dir, ".git", CacheFile)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a cache was written: %v", err)
	}
}
