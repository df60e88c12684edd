package vcs

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// ResolveRevision resolves rev (a branch, a tag, a hash or a prefix of one,
// HEAD~2 and the like) to a commit, and returns its hash and committer
// date. In a shallow clone, a revision that cannot be resolved is most
// likely a commit behind the shallow boundary, and the error says so.
func (r *Repo) ResolveRevision(rev string) (string, time.Time, error) {
	c, err := r.resolve(rev)
	if err != nil {
		return "", time.Time{}, err
	}
	return c.hash.String(), c.when, nil
}

// resolved is the commit a revision names: its hash, its tree's and its
// committer date.
type resolved struct {
	hash, tree plumbing.Hash
	when       time.Time
}

// resolve resolves rev as go-git's Repository.ResolveRevision does. The
// revisions a review names (a branch, a tag, HEAD, a whole hash, then ~n,
// ^, ^2) are resolved here (resolvePlain); go-git resolves the rest, and
// says what is wrong with any revision that is not plainly a commit.
func (r *Repo) resolve(rev string) (resolved, error) {
	if c, ok := r.resolvePlain(rev); ok {
		return c, nil
	}
	return r.resolveGoGit(rev)
}

// resolveGoGit is resolve by go-git alone.
func (r *Repo) resolveGoGit(rev string) (resolved, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err == nil {
		var c *object.Commit
		if c, err = r.repo.CommitObject(*h); err == nil {
			return resolved{hash: c.Hash, tree: c.TreeHash, when: c.Committer.When}, nil
		}
	}
	if shallow, _ := r.Shallow(); shallow {
		return resolved{}, fmt.Errorf("revision %q: the commit is missing from this shallow clone; fetch more history (git fetch --unshallow) and try again: %w", rev, err)
	}
	if errors.Is(err, plumbing.ErrReferenceNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) {
		return resolved{}, fmt.Errorf("revision %q: no such commit in the repository: %w", rev, err)
	}
	return resolved{}, fmt.Errorf("revision %q: %w", rev, err)
}

// resolvePlain resolves rev when it is a reference (as git expands a
// short name: plumbing.RefRevParseRules) or a whole commit hash, followed
// by nothing but ~n, ^, ^0, ^1 and ^2, each naming a commit there is;
// false for anything else. It gives go-git's answer (TestResolvePlain)
// while reading the commits from the packs as every other object is read:
// go-git would first load each pack's index into memory, a few megabytes
// and about ten milliseconds on a repository of a few thousand commits,
// which a review of a small change would spend on resolving its base.
func (r *Repo) resolvePlain(rev string) (resolved, bool) {
	name, steps, ok := plainRevision(rev)
	if !ok {
		return resolved{}, false
	}
	var start plumbing.Hash
	if isHex(name) {
		// go-git takes it for a hash first, and a prefix of one needs
		// a search of every object name: go-git's to do.
		if len(name) != 2*len(start) {
			return resolved{}, false
		}
		_, _ = hex.Decode(start[:], []byte(name))
	} else if start, ok = expandRef(r.repo.Storer, name); !ok {
		return resolved{}, false
	}
	c, ok := r.commitOrTagged(start)
	for _, n := range steps {
		if !ok {
			break
		}
		c, ok = r.parent(c, n)
	}
	if !ok {
		return resolved{}, false
	}
	return resolved{hash: c.hash, tree: c.tree, when: c.when.When}, true
}

// plainRevision splits rev into a name and the parents it steps to: for
// each, which parent (1 the first, 2 the second, 0 the commit itself),
// ~n being n steps to the first. False when rev is not that plain: a name
// with any character git gives a meaning in a revision, or a step other
// than ~, ~n, ^, ^0, ^1 or ^2 (go-git takes ^3 for ^2: its answer stands).
func plainRevision(rev string) (string, []int, bool) {
	cut := strings.IndexAny(rev, "~^")
	if cut < 0 {
		cut = len(rev)
	}
	name, rest := rev[:cut], rev[cut:]
	if name == "" || strings.ContainsAny(name, "@{}:?*[\\ \t\n") || strings.Contains(name, "..") {
		return "", nil, false
	}
	var steps []int
	for rest != "" {
		op := rest[0]
		rest = rest[1:]
		digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
		n := 1
		if digits > 0 {
			if digits > 4 {
				return "", nil, false
			}
			n = 0
			for _, d := range rest[:digits] {
				n = 10*n + int(d-'0')
			}
			rest = rest[digits:]
		}
		switch {
		case op == '~':
			for range n {
				steps = append(steps, 1)
			}
		case op == '^' && n <= 2:
			steps = append(steps, n)
		default:
			return "", nil, false
		}
	}
	return name, steps, true
}

// expandRef returns the commit (or tag) the short or whole reference name
// names, tried as go-git and git try it (plumbing.RefRevParseRules).
func expandRef(s storer.ReferenceStorer, name string) (plumbing.Hash, bool) {
	for _, rule := range plumbing.RefRevParseRules {
		if ref, err := storer.ResolveReference(s, plumbing.ReferenceName(fmt.Sprintf(rule, name))); err == nil {
			return ref.Hash(), true
		}
	}
	return plumbing.ZeroHash, false
}

// commitOrTagged reads the commit h, or the commit the annotated tag h
// tags; false when h is neither (go-git then says what it is).
func (r *Repo) commitOrTagged(h plumbing.Hash) (*commitInfo, bool) {
	typ, data, err := r.readAny(h)
	if err != nil {
		return nil, false
	}
	if typ == plumbing.TagObject {
		// go-git follows one tag, to a commit.
		target, ok := tagTarget(data)
		if !ok {
			return nil, false
		}
		h = target
		if typ, data, err = r.readAny(h); err != nil {
			return nil, false
		}
	}
	if typ != plumbing.CommitObject {
		return nil, false
	}
	c, err := parseCommit(h, data)
	return c, err == nil
}

// parent reads the n-th parent of c (n >= 1; c itself for 0), false when
// c has none.
func (r *Repo) parent(c *commitInfo, n int) (*commitInfo, bool) {
	if n == 0 {
		return c, true
	}
	if len(c.parents) < n {
		return nil, false
	}
	data, err := r.readObject(plumbing.CommitObject, c.parents[n-1])
	if err != nil {
		return nil, false
	}
	p, err := parseCommit(c.parents[n-1], data)
	return p, err == nil
}

func isHex(s string) bool {
	for i := range len(s) {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return s != ""
}
