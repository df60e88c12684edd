package lint_test

// Faults the file system can throw at the engine, which a real tree cannot
// show reliably when the tests run as root (a file with mode 000 is still
// readable): a file that cannot be opened, one that fails half-way through
// reading, a folder that cannot be listed. Each is a notification naming
// the file, and every other record is linted as if it were not there.

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// faultFS is an fs.FS whose named files fail to open or to read, and whose
// named folders fail to list.
type faultFS struct {
	fs.FS
	openFails map[string]error
	readFails map[string]error
	dirFails  map[string]error
}

func (f faultFS) Open(name string) (fs.File, error) {
	if err := f.openFails[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if err := f.readFails[name]; err != nil {
		return &failingFile{File: file, err: err}, nil
	}
	if err := f.dirFails[name]; err != nil {
		return &failingDir{File: file, err: err}, nil
	}
	return file, nil
}

// failingFile reads its first bytes, then fails.
type failingFile struct {
	fs.File
	err  error
	read bool
}

func (f *failingFile) Read(p []byte) (int, error) {
	if f.read {
		return 0, &fs.PathError{Op: "read", Err: f.err}
	}
	f.read = true
	n, _ := f.File.Read(p[:min(len(p), 10)])
	return n, nil
}

type failingDir struct {
	fs.File
	err error
}

func (d *failingDir) ReadDir(int) ([]fs.DirEntry, error) {
	return nil, &fs.PathError{Op: "readdirent", Err: d.err}
}

func TestFaultsAreNotifications(t *testing.T) {
	rules := checks.All()
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	valid := fstest.MapFS{}
	readCase(t, validCase, "a-valid", 0, valid)
	alone := lintFS(t, valid, rules, prof)

	tree := fstest.MapFS{}
	for k, v := range valid {
		tree[k] = v
	}
	readCase(t, validCase, "broken", 0, tree)
	tree["broken/case.md"].Data = []byte(strings.Replace(string(tree["broken/case.md"].Data), "STK-2026-0107", "BRK-2026-0001", 1))
	tree["broken/visits/empty.md"] = &fstest.MapFile{}
	tree["broken/visits/binary.md"] = &fstest.MapFile{Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}
	tree["broken/notes/README.md"] = &fstest.MapFile{Data: []byte("# Notes\n")}
	tree["broken/archive/old.md"] = &fstest.MapFile{Data: []byte("+++\ntype = \"visit\"\n+++\n")}
	fsys := faultFS{FS: tree,
		openFails: map[string]error{"broken/visits/2026-06-16.md": syscall.EACCES},
		readFails: map[string]error{"broken/visits/2026-06-29.md": syscall.EIO},
		dirFails:  map[string]error{"broken/archive": syscall.EIO},
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Rules: rules, Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatalf("a fault in one file stopped the run: %v", err)
	}
	var notes []string
	for _, n := range res.Notifications {
		notes = append(notes, n.Level.String()+" "+n.Path+": "+n.Message)
	}
	want := []string{
		"error broken/visits/2026-06-16.md: not read: permission denied",
		"error broken/visits/2026-06-29.md: not read: input/output error",
		"note broken/visits/binary.md: not a text file (it holds bytes that are not UTF-8 text): not a record, not linted",
		"note broken/visits/empty.md: empty file: not a record, not linted",
		"error broken/archive: not read: input/output error",
	}
	if !reflect.DeepEqual(sortedCopy(notes), sortedCopy(want)) {
		t.Errorf("notifications:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if got := only(res, "a-valid"); !reflect.DeepEqual(got, only(alone, "a-valid")) {
		t.Errorf("the valid case's findings changed:\n got %+v\nwant %+v", got, only(alone, "a-valid"))
	}
	// The broken case is still linted, without the two visits it could not
	// read: Zara was not seen for a while.
	if len(only(res, "broken")) == 0 {
		t.Error("the case with the unreadable files was not linted")
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Path, "2026-06-16") || strings.Contains(f.Path, "2026-06-29") || strings.Contains(f.Path, "archive") {
			t.Errorf("finding in a file that was not read: %+v", f)
		}
	}
	if res.Cases != 2 {
		t.Errorf("%d cases", res.Cases)
	}
}

// TestNoSuchPathIsAnError: a path that does not exist is the one fault that
// stops the run (exit 2): there is nothing to lint.
func TestNoSuchPathIsAnError(t *testing.T) {
	prof, _ := lint.ShippedProfile(lint.ProfileCombined)
	_, err := lint.Run(context.Background(), lint.Options{FS: fstest.MapFS{}, Paths: []string{"cases"}, Rules: checks.All(), Profile: prof})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

var _ io.Reader = (*failingFile)(nil)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"2 MB": 2 << 20, "2MB": 2 << 20, "512 KB": 512 << 10, "1.5 mb": 3 << 19, "8 MiB": 8 << 20,
		"100000": 100000, "100000 bytes": 100000, "1 GB": 1 << 30, " 3 k ": 3 << 10,
	} {
		if got, err := lint.ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "2 TB", "0", "0 MB", "-1 MB", "2 GB", "1e9", "two MB", "2 MB 3", "NaN"} {
		if got, err := lint.ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestConfigMaxFileSize(t *testing.T) {
	c, err := lint.ParseConfig(".caselint.toml", []byte("profile = \"combined\"\nmax_file_size = \"2 MB\"\n"))
	if err != nil || c.MaxFileBytes != 2<<20 {
		t.Fatalf("config %+v, %v", c, err)
	}
	_, err = lint.ParseConfig(".caselint.toml", []byte("profile = \"combined\"\n\nmax_file_size = \"2 TB\"\n"))
	if err == nil || !strings.HasPrefix(err.Error(), ".caselint.toml:3:1: max_file_size: \"2 TB\": unknown unit") {
		t.Errorf("err = %v", err)
	}
	_, err = lint.ParseConfig(".caselint.toml", []byte("max_file_sise = \"2 MB\"\n"))
	if err == nil || !strings.Contains(err.Error(), "did you mean max_file_size?") {
		t.Errorf("err = %v", err)
	}
}
