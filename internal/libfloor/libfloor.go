// Package libfloor is the libraries' floor: what any linter of caselint's
// record format, written on caselint's libraries, must at least do for
// each record, with nothing of caselint's own. It reads the file
// (os.ReadFile), splits the frontmatter at its +++ lines, decodes the TOML
// with BurntSushi/toml into a map[string]any, and parses the Markdown body
// with goldmark and the extensions caselint uses (GFM tables,
// strikethrough, task lists), for every record, on every core.
//
// BenchmarkLibFloor (lint) and the floor program (docs/perf/floor.go) both
// run it, so that the benchmark and the binary are measured against the
// same floor. It imports nothing of caselint (internal/archtest).
package libfloor

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Files walks root (filepath.WalkDir) and returns its Markdown files and
// their total size.
func Files(root string) (files []string, size int64, err error) {
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !d.Type().IsRegular() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, p)
		size += info.Size()
		return nil
	})
	return files, size, err
}

// Parser is goldmark's parser with the extensions caselint uses.
func Parser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
}

// Read does the floor's work for every file, on GOMAXPROCS goroutines, and
// returns how many bytes it read.
func Read(files []string) (read int64, err error) {
	md := Parser()
	var next, total atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				n, ferr := File(md, files[i])
				total.Add(int64(n))
				if ferr != nil {
					mu.Lock()
					if err == nil {
						err = ferr
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return total.Load(), err
}

// File does the floor's work for one file and returns its size.
func File(md parser.Parser, path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	front, body := SplitFront(data)
	var m map[string]any
	if _, err := toml.Decode(string(front), &m); err != nil {
		return len(data), fmt.Errorf("%s: %w", path, err)
	}
	md.Parse(text.NewReader(body))
	return len(data), nil
}

// SplitFront splits a record at the +++ lines around its frontmatter.
func SplitFront(data []byte) (front, body []byte) {
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
