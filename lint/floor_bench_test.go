package lint_test

import (
	"testing"

	"github.com/caselint/caselint/internal/libfloor"
	"github.com/caselint/caselint/internal/synth/synthtest"
)

// BenchmarkLibFloor is the libraries' floor (internal/libfloor) for every
// file of the benchmark corpus, on all cores: read the file, split the
// frontmatter, decode it with BurntSushi/toml into a map[string]any, parse
// the body with goldmark and caselint's extensions; nothing of caselint's
// own. BenchmarkLint is measured against it, in CPU time (cpu-ms/op) as
// well as on the clock. (The file list is made before the timing: the
// floor program, docs/perf/floor.go, walks the folder too.)
func BenchmarkLibFloor(b *testing.B) {
	files, size := synthtest.Files(b, synthtest.Dir(b))
	var read int64
	measure := synthtest.MeasureRead(b, size)
	for b.Loop() {
		var err error
		if read, err = libfloor.Read(files); err != nil {
			b.Fatal(err)
		}
	}
	measure()
	if read != size {
		b.Fatalf("read %d bytes, the corpus has %d", read, size)
	}
	b.ReportMetric(float64(len(files)), "files")
}
