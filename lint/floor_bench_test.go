package lint_test

import (
	"os"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark/text"

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

// BenchmarkLibFloorParts is the floor's work split into its parts, on one
// goroutine, to say where the bytes it allocates (alloc/read) go: "read"
// reads each file; "goldmark" also parses each body, as the floor and the
// lint both do; "toml" decodes each frontmatter with BurntSushi/toml
// instead (the lint reads most frontmatter without it). The target of at
// most 10 bytes allocated a byte read is to be set beside "goldmark":
// what is left of it under that is all caselint has for its own work.
func BenchmarkLibFloorParts(b *testing.B) {
	files, size := synthtest.Files(b, synthtest.Dir(b))
	md := libfloor.Parser()
	for _, part := range []struct {
		name string
		do   func(front, body []byte) error
	}{
		{"read", func(front, body []byte) error { return nil }},
		{"goldmark", func(front, body []byte) error {
			md.Parse(text.NewReader(body))
			return nil
		}},
		{"toml", func(front, body []byte) error {
			var m map[string]any
			_, err := toml.Decode(string(front), &m)
			return err
		}},
	} {
		b.Run(part.name, func(b *testing.B) {
			measure := synthtest.MeasureRead(b, size)
			for b.Loop() {
				for _, f := range files {
					data, err := os.ReadFile(f)
					if err != nil {
						b.Fatal(err)
					}
					if err := part.do(libfloor.SplitFront(data)); err != nil {
						b.Fatalf("%s: %v", f, err)
					}
				}
			}
			measure()
		})
	}
}
