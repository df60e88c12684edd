package vcs

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// renamingHistory makes a history of about 90 commits: edits, deletions,
// files and folders renamed (some edited as they move), and branches
// merged back, some in conflict. Files are deleted and renamed only while
// no side branch is open (git merge cannot settle a file deleted on one
// side and changed on the other). Most of it is packed, as a clone's is;
// the last commits are loose objects.
func renamingHistory(t *testing.T, seed int64) *testRepo {
	t.Helper()
	g := newTestRepo(t)
	rng := rand.New(rand.NewSource(seed))
	paths := []string{"cases/c1/case.md", "cases/c1/visits/v1.md", "cases/c1/visits/v2.md",
		"cases/c2/case.md", "cases/c2/notes.md", "cases/c3/visits/v1.md", "other/y.md", "b.txt"}
	n := 0
	at := func() string {
		n++
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour).Format(time.RFC3339)
	}
	exists := func(p string) bool {
		_, err := os.Stat(filepath.Join(g.dir, filepath.FromSlash(p)))
		return err == nil
	}
	step := func(who string, moves bool) {
		for range 1 + rng.Intn(3) {
			p := paths[rng.Intn(len(paths))]
			switch k := rng.Intn(8); {
			case moves && k == 0 && exists(p):
				g.remove(p)
			case moves && k == 1 && exists(p):
				// A file renamed, kept whole or edited a little.
				to := strings.TrimSuffix(p, ".md") + fmt.Sprintf("-r%d.md", n)
				g.git("mv", p, to)
				if rng.Intn(2) == 0 {
					data, err := os.ReadFile(filepath.Join(g.dir, filepath.FromSlash(to)))
					if err != nil {
						t.Fatal(err)
					}
					g.write(to, string(data)+"one line more\n")
				}
				paths = append(paths, to)
			default:
				var b strings.Builder
				for i := range 6 {
					fmt.Fprintf(&b, "line %d of %s\n", i, p)
				}
				fmt.Fprintf(&b, "written by %s at step %d\n", who, n)
				g.write(p, b.String())
			}
		}
		g.commit(who, at(), "step")
	}
	for range 4 {
		step("Ann Smith", true)
	}
	for round := range 6 {
		side := fmt.Sprintf("side%d", round)
		g.git("checkout", "-q", "-b", side)
		for range 4 + rng.Intn(4) {
			step("Ben Jones", false)
		}
		g.git("checkout", "-q", "main")
		for range 2 + rng.Intn(4) {
			step("Cara Lee", false)
		}
		g.gitEnv([]string{"GIT_COMMITTER_DATE=" + at()}, "merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", side)
		for range 1 + rng.Intn(3) {
			step("Cara Lee", true)
		}
		if round == 3 && exists("cases/c2") {
			g.git("mv", "cases/c2", "cases/c9") // a folder renamed
			g.commit("Cara Lee", at(), "move")
		}
		if round == 4 {
			g.git("repack", "-adq")
		}
	}
	for range 3 {
		step("Dan Roe", true)
	}
	return g
}

// openComparing opens g's repository with its commits compared chunk at a
// time by workers goroutines.
func openComparing(t *testing.T, g *testRepo, chunk, workers int) *Repo {
	r := g.open()
	t.Cleanup(func() { _ = r.Close() })
	r.compare.chunk, r.compare.workers = chunk, workers
	return r
}

// Comparing the commits on many goroutines finds what comparing them one
// by one finds: every commit's changes, renames among them, and so every
// file's versions.
func TestCompareCommitsInParallel(t *testing.T) {
	for _, seed := range []int64{3, 11} {
		g := renamingHistory(t, seed)
		one, err := openComparing(t, g, 1<<20, 1).History()
		if err != nil {
			t.Fatal(err)
		}
		if len(one.order) < 60 || len(one.renames) == 0 {
			t.Fatalf("seed %d: %d commits, %d renames: the test tests little", seed, len(one.order), len(one.renames))
		}
		for _, split := range []struct{ chunk, workers int }{{1, 4}, {3, 2}, {7, 3}} {
			many, err := openComparing(t, g, split.chunk, split.workers).History()
			if err != nil {
				t.Fatal(err)
			}
			for i := range one.order {
				if !reflect.DeepEqual(one.order[i], many.order[i]) {
					t.Errorf("seed %d, %+v: commit %d (%s): %+v, one by one %+v", seed, split, i, one.order[i].hash, many.order[i], one.order[i])
				}
			}
			if !reflect.DeepEqual(one.renames, many.renames) {
				t.Errorf("seed %d, %+v: renames %v, one by one %v", seed, split, many.renames, one.renames)
			}
			if !reflect.DeepEqual(one.allVersions(), many.allVersions()) {
				t.Errorf("seed %d, %+v: versions differ", seed, split)
			}
		}
	}
}

// Where commits cannot be compared (a tree is missing), the error is the
// one comparing them one by one gives: that of the first in order.
func TestCompareCommitsErrorFirstInOrder(t *testing.T) {
	g := newTestRepo(t)
	var trees []string
	for i := range 12 {
		g.write(fmt.Sprintf("cases/c%d/case.md", i), fmt.Sprintf("case %d\n", i))
		g.commit("Ann Smith", time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.RFC3339), "step")
		trees = append(trees, g.git("rev-parse", "HEAD:cases"))
	}
	// The cases folder's tree of the 5th and the 9th commits, gone.
	for _, i := range []int{8, 4} {
		if err := os.Remove(filepath.Join(g.dir, ".git", "objects", trees[i][:2], trees[i][2:])); err != nil {
			t.Fatal(err)
		}
	}
	_, want := openComparing(t, g, 1<<20, 1).History()
	if want == nil || !strings.Contains(want.Error(), trees[4]) {
		t.Fatalf("one by one: %v, want the error of the tree %s", want, trees[4])
	}
	for _, split := range []struct{ chunk, workers int }{{1, 4}, {2, 3}} {
		_, err := openComparing(t, g, split.chunk, split.workers).History()
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%+v: %v, want %v", split, err, want)
		}
	}
}
