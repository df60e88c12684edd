package workspace

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/internal/gittest"
)

// gitRepo is a repository the tests make with the git command.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	gittest.Require(t)
	t.Setenv("GIT_INDEX_FILE", "")
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	g := &gitRepo{t: t, dir: filepath.Join(dir, "repo")}
	if err := os.Mkdir(g.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g.git("init", "-q", "-b", "main")
	return g
}

func (g *gitRepo) git(args ...string) string {
	g.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = g.dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "HOME="+filepath.Dir(g.dir), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=Ann Smith", "GIT_AUTHOR_EMAIL=ann@example.org",
		"GIT_COMMITTER_NAME=Ann Smith", "GIT_COMMITTER_EMAIL=ann@example.org",
		"GIT_AUTHOR_DATE=2026-01-05T10:00:00Z", "GIT_COMMITTER_DATE=2026-01-05T10:00:00Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (g *gitRepo) write(name, content string) {
	g.t.Helper()
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		g.t.Fatal(err)
	}
}

func (g *gitRepo) commit(msg string) string {
	g.t.Helper()
	g.git("add", "-A")
	g.git("commit", "-q", "--allow-empty", "-m", msg)
	return g.git("rev-parse", "HEAD")
}

// TestChangedSince: the files that differ between a commit and the tree
// linted, found through git's trees and index (changedSince), are exactly
// those a comparison of every file finds (diffFS), in the work tree, the
// index and a commit, after a change made of everything a change can be:
// committed edits, a rename across cases, a deletion, an edit changed
// back, uncommitted and unstaged edits, untracked files and cases, a
// staged edit undone in the work tree, a deletion not staged, a file only
// touched, a file git no longer tracks, files in hidden folders, links.
func TestChangedSince(t *testing.T) {
	g := newGitRepo(t)
	for _, c := range []string{"A", "B", "C", "D", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"} {
		g.write("cases/"+c+"/case.md", "+++\nid = \""+c+"\"\n+++\n")
		g.write("cases/"+c+"/visits/1.md", "visit 1 of "+c+"\n")
	}
	g.write("cases/A/visits/2.md", "visit 2 of A\n")
	g.write("cases/B/notes.txt", "notes\n")
	g.write("cases/D/visits/2.md", "visit 2 of D\n")
	g.write("cases/.hidden/x.md", "hidden\n")
	g.write("top.md", "top\n")
	if err := os.Symlink("visits/1.md", filepath.Join(g.dir, "cases/J/link.md")); err != nil {
		t.Fatal(err)
	}
	base := g.commit("base")

	// Committed since the base.
	g.write("cases/A/visits/1.md", "visit 1 of A, edited\n")
	g.git("mv", "cases/B/visits/1.md", "cases/C/visits/9.md")
	g.git("rm", "-q", "cases/D/visits/2.md")
	g.write("cases/F/visits/1.md", "visit 1 of F, for a while\n")
	g.commit("one")
	g.write("cases/F/visits/1.md", "visit 1 of F\n") // changed back
	g.write("cases/.hidden/x.md", "hidden, edited\n")
	g.commit("two")

	// Not committed.
	g.write("cases/K/visits/1.md", "visit 1 of K, edited, not staged\n")
	g.write("cases/E/case.md", "+++\nid = \"E\"\n+++\n") // a new case, untracked
	g.write("cases/E/visits/1.md", "visit 1 of E\n")
	g.write("cases/L/photo.jpg", "not a record\n") // untracked, not Markdown
	g.write("cases/M/visits/2.md", "staged, then deleted\n")
	g.git("add", "cases/M/visits/2.md")
	if err := os.Remove(filepath.Join(g.dir, "cases/M/visits/2.md")); err != nil {
		t.Fatal(err)
	}
	g.write("cases/G/visits/1.md", "visit 1 of G, staged\n")
	g.git("add", "cases/G/visits/1.md")
	g.write("cases/G/visits/1.md", "visit 1 of G\n") // the work tree as at the base
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(g.dir, "cases/H/visits/1.md"), later, later); err != nil {
		t.Fatal(err)
	}
	g.git("rm", "-q", "--cached", "cases/I/visits/1.md")
	g.write("cases/N/visits/1.md", "visit 1 of N, staged\n")
	g.git("add", "cases/N/visits/1.md")
	if err := os.Remove(filepath.Join(g.dir, "cases/O/visits/1.md")); err != nil { // not staged
		t.Fatal(err)
	}
	g.write("cases/.hidden/y.md", "hidden, new\n")
	g.write("cases/J/.drafts/x.md", "a draft, untracked, in a hidden folder\n")
	if err := os.Symlink("1.md", filepath.Join(g.dir, "cases/L/visits/link.md")); err != nil { // untracked
		t.Fatal(err)
	}
	g.write("top.md", "top, edited\n")

	// What each tree differs from the base in (walking "."; "cases" leaves
	// out top.md).
	want := map[string][]string{
		"work tree": {
			"cases/A/visits/1.md", "cases/B/visits/1.md", "cases/C/visits/9.md", "cases/D/visits/2.md",
			"cases/E/case.md", "cases/E/visits/1.md", "cases/K/visits/1.md", "cases/L/photo.jpg",
			"cases/L/visits/link.md", "cases/N/visits/1.md", "cases/O/visits/1.md", "top.md",
		},
		"index": {
			"cases/A/visits/1.md", "cases/B/visits/1.md", "cases/C/visits/9.md", "cases/D/visits/2.md",
			"cases/G/visits/1.md", "cases/I/visits/1.md", "cases/M/visits/2.md", "cases/N/visits/1.md",
		},
		"HEAD": {"cases/A/visits/1.md", "cases/B/visits/1.md", "cases/C/visits/9.md", "cases/D/visits/2.md"},
	}
	open := map[string]func() (*Workspace, error){
		"work tree": func() (*Workspace, error) { return WorkTree(g.dir, nil) },
		"index":     func() (*Workspace, error) { return Index(g.dir, nil) },
		"HEAD":      func() (*Workspace, error) { return Revision(g.dir, nil, "HEAD") },
	}
	for _, name := range []string{"work tree", "index", "HEAD"} {
		for _, walk := range [][]string{{"."}, {"cases"}, {"cases/A", "cases/E", "cases/M", "cases/I", "cases/O/visits/1.md"}} {
			t.Run(name+" "+strings.Join(walk, ","), func(t *testing.T) {
				w, err := open[name]()
				if err != nil {
					t.Fatal(err)
				}
				old, err := w.repo.CommitFS(base)
				if err != nil {
					t.Fatal(err)
				}
				got, _, err := w.changedSince(base, old, walk)
				if err != nil {
					t.Fatal(err)
				}
				every := map[string]bool{}
				if err := diffFS(hasher{fsys: w.FS}, old, walk, every); err != nil {
					t.Fatal(err)
				}
				if g, e := keys(got), keys(every); !slices.Equal(g, e) {
					t.Errorf("changedSince = %q\nevery file compared = %q", g, e)
				}
				var expect []string
				for _, p := range want[name] {
					if walked(p, walk) {
						expect = append(expect, p)
					}
				}
				sort.Strings(expect)
				if g := keys(got); !slices.Equal(g, expect) {
					t.Errorf("changedSince = %q, want %q", g, expect)
				}
				// The cases touched: those a changed file is in (F's
				// edit and its undoing are the history's to say, and
				// there is none here).
				touched, _ := w.touchedSince(base, old, walk)
				if touched == nil {
					t.Fatal("touchedSince: nil (every case)")
				}
				var cases []string
				for _, c := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"} {
					if touched("cases/" + c) {
						cases = append(cases, c)
					}
				}
				var wantCases []string
				for _, p := range expect {
					if c, ok := strings.CutPrefix(p, "cases/"); ok && !strings.HasPrefix(c, ".") {
						c, _, _ = strings.Cut(c, "/")
						if len(wantCases) == 0 || wantCases[len(wantCases)-1] != c {
							wantCases = append(wantCases, c)
						}
					}
				}
				if !slices.Equal(cases, wantCases) {
					t.Errorf("cases touched: %q, want %q", cases, wantCases)
				}
			})
		}
	}
	// A record an editor sends on standard input stands in for the file
	// on disk: its content is compared, not the disk's.
	t.Run("buffer", func(t *testing.T) {
		w, err := Buffer(g.dir, "cases/J/visits/1.md", []byte("visit 1 of J, as the editor has it\n"))
		if err != nil {
			t.Fatal(err)
		}
		old, err := w.repo.CommitFS(base)
		if err != nil {
			t.Fatal(err)
		}
		walk := []string{"cases/J"}
		got, _, err := w.changedSince(base, old, walk)
		if err != nil {
			t.Fatal(err)
		}
		every := map[string]bool{}
		if err := diffFS(hasher{fsys: w.FS}, old, walk, every); err != nil {
			t.Fatal(err)
		}
		if g, e := keys(got), keys(every); !slices.Equal(g, e) || !got["cases/J/visits/1.md"] {
			t.Errorf("changedSince = %q, every file compared = %q; want the buffered record among them", g, e)
		}
		// A record not yet saved at all.
		w, err = Buffer(g.dir, "cases/J/visits/2.md", []byte("visit 2 of J, not saved\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _, err = w.changedSince(base, old, walk); err != nil || !got["cases/J/visits/2.md"] {
			t.Errorf("changedSince = %q, %v; want the unsaved record", keys(got), err)
		}
	})
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The paths now and at the base are mostly the same: each folder is
// scanned once, and a path below another is not walked again unless the
// walk from above passes over it (a hidden folder).
func TestWalkRoots(t *testing.T) {
	for _, tc := range []struct{ walk, want []string }{
		{[]string{".", "."}, []string{"."}},
		{[]string{"cases", "cases"}, []string{"cases"}},
		{[]string{".", "cases", "cases/a/case.md"}, []string{"."}},
		{[]string{"cases/a", "cases"}, []string{"cases"}},
		{[]string{"cases", "cases-old"}, []string{"cases", "cases-old"}},
		{[]string{"cases", "other/x.md", "cases"}, []string{"cases", "other/x.md"}},
		{[]string{".", ".hidden/cases", "cases/.old"}, []string{".", ".hidden/cases", "cases/.old"}},
		{[]string{".hidden", ".hidden/cases"}, []string{".hidden"}},
		{nil, nil},
	} {
		if got := walkRoots(tc.walk); !slices.Equal(got, tc.want) {
			t.Errorf("walkRoots(%q) = %q, want %q", tc.walk, got, tc.want)
		}
	}
}
