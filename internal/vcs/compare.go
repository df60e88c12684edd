package vcs

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/go-git/go-git/v5/plumbing"
)

// How the commits of a history are compared with their parents
// (compareCommits). The first run in a clone compares every commit, and
// on a long history that is most of a pre-commit run's wait: it is shared
// among the cores. A worker takes a chunk of commits at a time, next to
// each other in the history's order, so that its caches of trees and of
// delta bases carry from one commit to the next as they do when one
// goroutine compares them all: about a quarter of a worker's share of
// the commits (few cold starts, and the workers still finish together),
// but at least commitChunk; a history of fewer than two chunks is
// compared by one goroutine.
const (
	commitChunk = 64
	// maxCompareWorkers bounds the workers: each keeps caches of its
	// own, and beyond a few the chunks' cold starts eat what they share.
	maxCompareWorkers = 8
	// treeCacheBytes and deltaCacheBytes are what the caches of the
	// trees and of delta bases hold: the Repo's own pack reader's, or
	// all the workers' together, shared out among them (but never less
	// than a quarter each: a smaller cache reads the same deltas again
	// and again).
	treeCacheBytes  = 8 << 20
	deltaCacheBytes = 16 << 20
)

// compareCommits sets all[i] to the changes of commit order[i] for each i
// in todo (ascending), on as many goroutines as are worth it: each with a
// pack reader of its own (packSet.fork), so that none waits on Repo.mu
// but to read what the packs do not hold. The result and the error, the
// error of the first commit in order that fails, are those of comparing
// the commits one by one, in order.
func (r *Repo) compareCommits(order []*commitInfo, todo []int, commits map[plumbing.Hash]*commitInfo, all []*commitChanges, limit *pathLimit) error {
	if len(todo) == 0 {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), maxCompareWorkers)
	chunk := max(commitChunk, len(todo)/(4*workers))
	if r.compare.chunk > 0 {
		chunk, workers = r.compare.chunk, r.compare.workers
	}
	chunks := (len(todo) + chunk - 1) / chunk
	workers = min(workers, chunks)
	var forks []*packSet
	if workers > 1 {
		r.mu.Lock()
		if ps := r.packSet(); ps != nil {
			for range workers {
				if f := ps.fork(max(deltaCacheBytes/workers, deltaCacheBytes/4)); f != nil {
					forks = append(forks, f)
				}
			}
		}
		r.mu.Unlock()
	}
	compare := func(trees *treeCache, j int) error {
		c := order[todo[j]]
		changes, err := r.changesOf(trees, c, commits, limit)
		if err != nil {
			return fmt.Errorf("commit %s: %w", c.hash, err)
		}
		all[todo[j]] = &commitChanges{commitInfo: *c, changes: changes}
		return nil
	}
	if len(forks) < 2 {
		trees := newTreeCache(r, treeCacheBytes)
		for j := range todo {
			if err := compare(trees, j); err != nil {
				return err
			}
		}
		return nil
	}
	// Chunks are taken in order, and none after a chunk that failed is
	// begun: every chunk before the first failure is compared, so the
	// error returned is the first in order, as one by one.
	var next atomic.Int64
	var failed atomic.Int64
	failed.Store(int64(chunks))
	errs := make([]error, chunks)
	var wg sync.WaitGroup
	for _, ps := range forks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			trees := newTreeCache(r, max(treeCacheBytes/len(forks), treeCacheBytes/4))
			trees.ps = ps
			for {
				k := int(next.Add(1) - 1)
				if k >= chunks || int64(k) > failed.Load() {
					return
				}
				for j := k * chunk; j < min((k+1)*chunk, len(todo)); j++ {
					if err := compare(trees, j); err != nil {
						errs[k] = err
						for f := failed.Load(); int64(k) < f && !failed.CompareAndSwap(f, int64(k)); f = failed.Load() {
						}
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
