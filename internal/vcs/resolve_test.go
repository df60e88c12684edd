package vcs

import (
	"slices"
	"strings"
	"testing"
)

// resolvePlain gives go-git's answer for every revision it takes, on a
// repository of merges, tags of every kind, a branch named like a hash and
// a branch and a tag of one name, with its objects and references loose
// and then packed; the revisions a review names are all taken (a name
// that could be a short hash, a parent a commit lacks, and anything else
// are go-git's).
func TestResolvePlain(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "one\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.git("checkout", "-q", "-b", "side")
	g.write("b.md", "side\n")
	g.commit("Ann Smith", "2026-01-06T09:00:00Z", "side")
	g.git("checkout", "-q", "main")
	g.write("a.md", "two\n")
	c2 := g.commit("Ann Smith", "2026-01-06T11:00:00+01:00", "two")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-01-07T08:00:00Z", "GIT_AUTHOR_DATE=2026-01-07T08:00:00Z"},
		"merge", "-q", "--no-ff", "-m", "merge side", "side")
	g.write("a.md", "three\n")
	c3 := g.commit("Ann Smith", "2026-01-08T10:00:00Z", "three")
	g.git("tag", "-a", "-m", "release", "v1", c1)
	g.git("tag", "-a", "-m", "of a tag", "vv", "v1")
	g.git("tag", "light", c2)
	g.git("tag", "treetag", "HEAD^{tree}")
	g.git("tag", "-a", "-m", "a blob", "blobtag", "HEAD:a.md")
	g.git("branch", "beef", c1)
	g.git("branch", "dup", c1)
	g.git("tag", "dup", c2)
	g.git("update-ref", "refs/remotes/origin/main", c2)
	g.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
	tree := g.git("rev-parse", "HEAD^{tree}")
	tag := g.git("rev-parse", "v1")

	revs := []string{
		"HEAD", "main", "side", "HEAD~0", "HEAD^0", "HEAD~", "HEAD^", "HEAD^1", "HEAD~1", "HEAD~2", "HEAD~3", "HEAD~4", "HEAD~9",
		"HEAD^2", "HEAD~1^2", "HEAD~1^2~1", "HEAD^3", "HEAD^^", "HEAD~~", "HEAD~1~1", "main~10000", "HEAD~99999",
		"v1", "v1~0", "v1^", "vv", "light", "light~1", "treetag", "blobtag", "beef", "dup", "dup~1",
		"origin/main", "origin", "remotes/origin/main", "refs/remotes/origin/main", "refs/heads/main", "heads/main", "tags/v1",
		c1, c3, c2 + "~1", tree, tag, c1[:10], c1[:7] + "~0", strings.ToUpper(c1), c1 + "0",
		"", "@", "HEAD@{1}", "HEAD^{/two}", "HEAD^{tree}", "HEAD:a.md", "main..side", "no-such", "no-such~1", "HEAD~-1", "HEAD^-", "~1", "^",
	}
	wantPlain := []string{"HEAD", "main", "side", "HEAD~0", "HEAD^0", "HEAD~", "HEAD^", "HEAD^1", "HEAD~1", "HEAD~2", "HEAD~3",
		"HEAD~1^2", "HEAD~1^2~1", "HEAD^^", "HEAD~~", "HEAD~1~1", "v1", "v1~0", "light", "light~1", "dup", "dup~1",
		"origin/main", "origin", "remotes/origin/main", "refs/remotes/origin/main", "refs/heads/main", "heads/main", "tags/v1", c1, c3, c2 + "~1", tag}
	check := func(t *testing.T) {
		r := g.open()
		taken := map[string]bool{}
		for _, rev := range revs {
			plain, ok := r.resolvePlain(rev)
			want, err := r.resolveGoGit(rev)
			if !ok {
				continue
			}
			taken[rev] = true
			if err != nil {
				t.Errorf("%q: resolved to %s here, go-git says %v", rev, plain.hash, err)
				continue
			}
			if plain.hash != want.hash || plain.tree != want.tree || !plain.when.Equal(want.when) || plain.when.String() != want.when.String() {
				t.Errorf("%q: %+v here, %+v by go-git", rev, plain, want)
			}
		}
		for _, rev := range wantPlain {
			if !taken[rev] {
				t.Errorf("%q is left to go-git", rev)
			}
		}
	}
	t.Run("loose", check)
	g.git("gc", "-q")
	g.git("pack-refs", "--all")
	t.Run("packed", check)
}

func TestPlainRevision(t *testing.T) {
	for rev, want := range map[string][]int{
		"HEAD": nil, "HEAD~3": {1, 1, 1}, "HEAD^": {1}, "HEAD^0": {0}, "HEAD^2~1": {2, 1}, "a/b~": {1}, "HEAD~0^": {1},
	} {
		name, steps, ok := plainRevision(rev)
		if !ok || name != strings.TrimRight(rev, "~^0123456789") || !slices.Equal(steps, want) {
			t.Errorf("plainRevision(%q) = %q, %v, %v; want %v", rev, name, steps, ok, want)
		}
	}
	for _, rev := range []string{"", "~1", "HEAD^3", "HEAD@{1}", "HEAD^{tree}", "a..b", "HEAD:x", "HEAD~99999", "a b", "HEAD~1x"} {
		if _, _, ok := plainRevision(rev); ok {
			t.Errorf("plainRevision(%q) taken", rev)
		}
	}
}
