package vcs

import (
	"fmt"
	"maps"
	"math/rand"
	"path"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// checkAlone checks that every path's versions worked out alone
// (versionsOf) are what working out every path at once (replay) gives it:
// the paths with versions, the paths changes name without versions (a
// rename's old path), and a path the history never had.
func checkAlone(t *testing.T, h *History) {
	t.Helper()
	all := h.replay()
	paths := slices.Sorted(maps.Keys(all))
	for _, cc := range h.order {
		for _, ch := range cc.changes {
			paths = append(paths, ch.path)
			for _, p := range ch.prev {
				paths = append(paths, p.path)
			}
		}
	}
	paths = append(paths, "no/such/record.md")
	for _, p := range paths {
		if got := h.versionsOf(p); !reflect.DeepEqual(got, all[p]) {
			t.Errorf("%s alone: %+v\nwith every path: %+v", p, got, all[p])
		}
	}
	checkWithin(t, h, paths)
}

// checkWithin checks that a history built within each folder of paths
// (HistoryWithin: the folder, and the folder above it) gives every path
// under it the versions the whole history h gives it, without building
// the whole history to do so; and that a path outside gets its versions
// from the whole history. h is a history as History built it: from a
// repository, standing at what it was read from.
func checkWithin(t *testing.T, h *History, paths []string) {
	t.Helper()
	if h.r == nil || h.limit != nil || h.only != nil || len(h.tips) == 0 {
		return
	}
	var revs []string
	for _, tip := range h.tips[1:] {
		revs = append(revs, tip.String())
	}
	dirs := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		w, err := h.r.HistoryWithin([]string{d}, revs...)
		if err != nil {
			t.Fatalf("within %s: %v", d, err)
		}
		for _, p := range paths {
			if !w.limit.holds(p) {
				continue
			}
			if got, want := w.Versions(p), h.Versions(p); !reflect.DeepEqual(got, want) {
				t.Errorf("%s within %s: %+v\nthe whole history: %+v", p, d, got, want)
			}
		}
		if w.whole.h != nil {
			t.Errorf("within %s: the whole history was built for a path the limit holds", d)
		}
		for _, p := range paths {
			if !w.limit.holds(p) {
				if got, want := w.Versions(p), h.Versions(p); !reflect.DeepEqual(got, want) {
					t.Errorf("%s, outside %s: %+v\nthe whole history: %+v", p, d, got, want)
				}
				break
			}
		}
	}
}

// TestVersionsAloneRandom holds versionsOf to replay on random histories
// of a few paths: edits, renames (onto a path in use, back and forth,
// several in one commit), deletions and merges that take either side or
// make their own content.
func TestVersionsAloneRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	names := []string{"a.md", "b.md", "c.md", "d/a.md", "d/e.md"}
	blob := func() plumbing.Hash {
		var h plumbing.Hash
		h[0], h[1] = byte(1+rng.Intn(255)), byte(rng.Intn(4))
		return h
	}
	for round := range 3000 {
		h := &History{}
		n := 1 + rng.Intn(12)
		var hashes []plumbing.Hash
		for i := range n {
			cc := &commitChanges{}
			cc.hash = plumbing.NewHash(fmt.Sprintf("%040x", round*100+i+1))
			cc.author = names[rng.Intn(2)]
			cc.when = object.Signature{When: time.Unix(int64(i), 0)}
			if i > 0 {
				cc.parents = []plumbing.Hash{hashes[rng.Intn(i)]}
				if i > 1 && rng.Intn(4) == 0 {
					cc.parents = append(cc.parents, hashes[rng.Intn(i)])
				}
			}
			for range rng.Intn(4) {
				ch := change{path: names[rng.Intn(len(names))], blob: blob()}
				for range cc.parents {
					p := fileAt{path: ch.path, blob: blob()}
					switch rng.Intn(5) {
					case 0:
						p.path = names[rng.Intn(len(names))] // renamed from
					case 1:
						p.blob = plumbing.ZeroHash // not in that parent
					case 2:
						p.blob = ch.blob // a rename alone, or a side's
					}
					ch.prev = append(ch.prev, p)
				}
				cc.changes = append(cc.changes, ch)
			}
			hashes = append(hashes, cc.hash)
			h.order = append(h.order, cc)
		}
		checkAlone(t, h)
		// And standing on some of the commits only, as At does.
		only := map[plumbing.Hash]bool{}
		for _, c := range hashes {
			if rng.Intn(3) > 0 {
				only[c] = true
			}
		}
		checkAlone(t, &History{order: h.order, only: only})
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
	}
}

// TestVersionsAloneThenAll asks for more paths than are worked out alone:
// each answer is the same before and after every path is worked out, and
// every path is worked out once lazyPaths paths, and one in lazyShare of
// the history's, have been asked for.
func TestVersionsAloneThenAll(t *testing.T) {
	for _, total := range []int{3 * lazyPaths, 2 * lazyShare * lazyPaths} {
		h := &History{}
		for i := range total {
			cc := &commitChanges{}
			cc.hash = plumbing.NewHash(fmt.Sprintf("%040x", i+1))
			cc.changes = []change{{path: fmt.Sprintf("cases/c%04d/case.md", i), blob: plumbing.NewHash(fmt.Sprintf("%040x", 100000+i))}}
			if i > 0 {
				cc.parents = []plumbing.Hash{h.order[i-1].hash}
				cc.changes[0].prev = []fileAt{{path: cc.changes[0].path}}
				if i%7 == 0 {
					// renamed from the case before, and edited
					cc.changes[0].prev[0] = fileAt{path: h.order[i-1].changes[0].path, blob: plumbing.NewHash("ff")}
				}
			}
			h.order = append(h.order, cc)
		}
		all := h.replay()
		alone := max(lazyPaths, total/lazyShare)
		for i := range min(total, alone+lazyPaths) {
			p := fmt.Sprintf("cases/c%04d/case.md", i)
			if got := h.Versions(p); len(got) == 0 || !reflect.DeepEqual(got, all[p]) {
				t.Fatalf("%d paths: %s (asked %d): %+v, want %+v", total, p, i, got, all[p])
			}
			if got := h.versions.all.Load() == nil; got != (i < alone) {
				t.Fatalf("%d paths: after %d paths asked: worked out alone %v", total, i+1, got)
			}
		}
		if got := h.Versions("cases/c0000/case.md"); !reflect.DeepEqual(got, all["cases/c0000/case.md"]) {
			t.Errorf("asked again: %+v", got)
		}
	}
}
