package lint_test

import (
	"bytes"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/caselint/caselint/internal/synth/synthtest"
)

// BenchmarkLibFloor is the libraries' floor: what any linter of the format
// written on caselint's libraries must at least do for every file of the
// benchmark corpus, on all cores, with nothing of caselint's own: read the
// file (os.ReadFile), split the frontmatter at its +++ lines, decode it with
// BurntSushi/toml into a map[string]any, and parse the body, of every kind
// of record, with goldmark and the extensions caselint uses (GFM tables,
// strikethrough, task lists). BenchmarkLint is measured against it, in CPU
// time (cpu-ms/op) as well as on the clock.
func BenchmarkLibFloor(b *testing.B) {
	files, size := synthtest.Files(b, synthtest.Dir(b))
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
	var read atomic.Int64
	measure := synthtest.MeasureRead(b, size)
	for b.Loop() {
		read.Store(0)
		eachFile(len(files), func(i int) {
			data, err := os.ReadFile(files[i])
			if err != nil {
				b.Error(err)
				return
			}
			read.Add(int64(len(data)))
			front, body := splitFront(data)
			var m map[string]any
			if _, err := toml.Decode(string(front), &m); err != nil {
				b.Errorf("%s: %v", files[i], err)
			}
			md.Parse(text.NewReader(body))
		})
	}
	measure()
	if read.Load() != size {
		b.Fatalf("read %d bytes, the corpus has %d", read.Load(), size)
	}
	b.ReportMetric(float64(len(files)), "files")
}

// splitFront splits a record at the +++ lines around its frontmatter.
func splitFront(data []byte) (front, body []byte) {
	const delim = "+++\n"
	if !bytes.HasPrefix(data, []byte(delim)) {
		return nil, data
	}
	rest := data[len(delim):]
	if bytes.HasPrefix(rest, []byte(delim)) {
		return nil, rest[len(delim):]
	}
	i := bytes.Index(rest, []byte("\n"+delim))
	if i < 0 {
		return rest, nil
	}
	return rest[:i+1], rest[i+1+len(delim):]
}

// eachFile calls f(0) to f(n-1) on GOMAXPROCS goroutines.
func eachFile(n int, f func(int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
