package lint_test

// FuzzConfig reads a fuzzed .caselint.toml through the one config lookup
// (lint.LoadConfigFS) and checks what must hold whatever the input: no
// panic, an error that names the file, and, for a config that is read, a
// profile and a calendar resolved without a panic. The seeds are the
// configs of the repository's test data and the shapes the config takes.
//
//	go test ./lint -run '^$' -fuzz '^FuzzConfig$' -fuzztime 10m

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/lint"
)

func FuzzConfig(f *testing.F) {
	for _, seed := range []string{
		"",
		"profile = \"stoke-on-trent\"\n",
		"profile = \"ours\"\nclosures = [2026-12-24, 2026-12-31]\nmax_file_size = \"2 MB\"\n[rules]\nlate-recording = \"off\"\nunseen-child = \"error\"\n",
		"[profiles.ours]\nextends = \"oxfordshire\"\ntitle = \"Ours\"\nseen_alone_every = \"4 weeks\"\n[profiles.ours.non_specific_labels]\nwords = [\"carer\", \"the family\"]\n",
		"[profiles.a]\nextends = \"b\"\n[profiles.b]\nextends = \"a\"\n",
		"max_file_size = \"2 TB\"\n",
		"x = [[[[[[[[[[[[1]]]]]]]]]]]]\n",
		"a.b.c.d.e.f.g.h.i.j.k = 1\n",
		"profile = \"combined\"\nsen_alone_every = \"2 weeks\"\n",
		"\xef\xbb\xbfprofile = \"combined\"\r\n",
	} {
		f.Add([]byte(seed))
	}
	files, _ := filepath.Glob("../testdata/*/*/*/.caselint.toml")
	more, _ := filepath.Glob("../testdata/*/.caselint.toml")
	for _, name := range append(files, more...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"cases/.caselint.toml": {Data: data},
			"cases/a/case.md":      {Data: []byte("x")},
			"other/.caselint.toml": {Data: data, Mode: fs.ModeSymlink},
		}
		cfg, err := lint.LoadConfigFS(fsys, "cases/a/case.md")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cases/.caselint.toml") && !strings.Contains(err.Error(), "config cases/.caselint.toml") {
				t.Fatalf("an error that does not name the file: %v", err)
			}
			if cfg != nil {
				t.Fatal("a config and an error")
			}
		} else {
			if cfg == nil || cfg.Path != "cases/.caselint.toml" {
				t.Fatalf("config %+v", cfg)
			}
			if cfg.MaxFileBytes < 0 || cfg.MaxFileBytes > lint.MaxFileSizeLimit {
				t.Fatalf("max_file_size %d", cfg.MaxFileBytes)
			}
			if p, err := cfg.ResolveProfile(""); err == nil && p == nil {
				t.Fatal("no profile and no error")
			}
			cfg.Calendar()
		}
		if _, err := lint.LoadConfigFS(fsys, "other"); err == nil {
			t.Fatal("a config link was read")
		}
	})
}
