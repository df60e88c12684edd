package workspace

import (
	"testing"

	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/lint"
)

// BenchmarkWorkTreeScan is what --new-from-rev costs to find the files of
// the work tree git's index does not hold as they are (notAsIndexed) in
// the benchmark corpus's repository (internal/synth/synthtest): a listing
// of every folder and an lstat of every tracked file, as git status
// makes. "walk" is the same with fs.WalkDir, as on systems with no
// scanner.
func BenchmarkWorkTreeScan(b *testing.B) {
	dir := synthtest.Repo(b)
	w, err := WorkTree(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := w.repo.Index()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, root string }{{"scan", w.Root}, {"walk", ""}} {
		b.Run(bc.name, func(b *testing.B) {
			measure := synthtest.Measure(b)
			defer measure()
			for b.Loop() {
				maybe, err := notAsIndexed(ix, lint.WorkTreeFS(w.Root), bc.root, []string{"."}, nil, nil)
				if err != nil || len(maybe) > 100 {
					b.Fatal(err, len(maybe))
				}
			}
		})
	}
}
