package corpuscmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	ios := &iostreams.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &out}
	cmd := NewCmdCorpus(ios, nil)
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	err := cmd.Execute()
	return out.String(), err
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	out, err := run(t, dir, "--cases", "5", "--as-of", "2026-11-20", "--defects", "1", "--wants")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"wrote 5 cases", "caselint lint --as-of 2026-11-20 " + dir + "/cases"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "cases"))
	if err != nil || len(entries) != 5 {
		t.Errorf("%d cases written (%v)", len(entries), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "fixture.toml")); err != nil {
		t.Error("no fixture.toml with --wants")
	}
	if _, err := run(t, dir, "--cases", "5"); err == nil {
		t.Error("wrote a second corpus over the first")
	}
}

func TestCorpusGit(t *testing.T) {
	dir := t.TempDir()
	out, err := run(t, dir, "--cases", "3", "--as-of", "2026-11-20", "--git", "--commits", "30")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "in 30 commits on branch main") {
		t.Errorf("output:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "HEAD")); err != nil {
		t.Error("no repository")
	}
}

func TestCorpusDefaultAsOf(t *testing.T) {
	opts := &Options{IO: &iostreams.IOStreams{Out: &bytes.Buffer{}}, Dir: t.TempDir(), Cases: 1,
		Now: func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }}
	if err := Run(opts); err != nil {
		t.Fatal(err)
	}
	if out := opts.IO.Out.(*bytes.Buffer).String(); !strings.Contains(out, "--as-of 2026-03-02") {
		t.Errorf("output:\n%s", out)
	}
}

func TestCorpusUsage(t *testing.T) {
	for _, args := range [][]string{
		{"x", "--cases", "0"},
		{"x", "--defects", "1.5"},
		{"x", "--commits", "10"},
		{"x", "--as-of", "2026-02-30"},
	} {
		_, err := run(t, args...)
		var usage *cmdutil.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}
