package schema_test

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/schema"
)

// BenchmarkCaselintParse is caselint's own parse of every file of the
// benchmark corpus (internal/synth), on all cores: read it, then
// schema.Parse (frontmatter split, key index, typed decode, directives) and
// a body parse whatever the kind of record (schema.Parse leaves the body of
// a case or conference record unparsed, since no rule reads it). It was
// once called the parse floor; the floor is the libraries' own cost, lint's
// BenchmarkLibFloor, and this benchmark says what caselint's parse layer
// adds to it.
func BenchmarkCaselintParse(b *testing.B) {
	files, size := synthtest.Files(b, synthtest.Dir(b))
	var bytes atomic.Int64
	measure := synthtest.MeasureRead(b, size)
	for b.Loop() {
		bytes.Store(0)
		parallel(len(files), func(i int) {
			data, err := os.ReadFile(files[i])
			if err != nil {
				b.Error(err)
				return
			}
			bytes.Add(int64(len(data)))
			doc, ok := schema.Parse(files[i], data)
			if ok && doc.Body == nil {
				schema.ParseBody(doc.Source, doc.Kind, doc.BodyStart)
			}
		})
	}
	measure()
	report(b, len(files), bytes.Load())
}

// BenchmarkParseInMemory is the floor without reading the files: schema.Parse
// (and a body parse for every kind) of data already in memory.
func BenchmarkParseInMemory(b *testing.B) {
	files := corpusFiles(b)
	data := make([][]byte, len(files))
	var total int64
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
		total += int64(len(d))
	}
	measure := synthtest.Measure(b)
	for b.Loop() {
		parallel(len(files), func(i int) {
			doc, ok := schema.Parse(files[i], data[i])
			if ok && doc.Body == nil {
				schema.ParseBody(doc.Source, doc.Kind, doc.BodyStart)
			}
		})
	}
	measure()
	report(b, len(files), total)
}

// BenchmarkParseRecord is schema.Parse alone (bodies only of the kinds rules
// read), as the linter calls it, from memory.
func BenchmarkParseRecord(b *testing.B) {
	files := corpusFiles(b)
	data := make([][]byte, len(files))
	var total int64
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
		total += int64(len(d))
	}
	measure := synthtest.Measure(b)
	for b.Loop() {
		parallel(len(files), func(i int) { schema.Parse(files[i], data[i]) })
	}
	measure()
	report(b, len(files), total)
}

func report(b *testing.B, files int, bytes int64) {
	b.ReportMetric(float64(files), "files")
	b.SetBytes(bytes)
}

// corpusFiles lists the Markdown files of the benchmark corpus.
func corpusFiles(b *testing.B) []string {
	b.Helper()
	files, _ := synthtest.Files(b, synthtest.Dir(b))
	return files
}

// parallel calls f(0) to f(n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(int)) {
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
