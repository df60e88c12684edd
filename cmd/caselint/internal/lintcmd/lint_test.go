package lintcmd

import (
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

func TestFlagsReachOptions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdLint(ios, nil, "test", func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--profile", "oxfordshire", "--as-of", "2026-11-20", "--format", "sarif", "-o", "r.sarif", "--fail-level", "error", "--no-color", "cases", "more"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Profile != "oxfordshire" || got.AsOf != "2026-11-20" || got.Format != "sarif" || got.Output != "r.sarif" ||
		got.FailLevel != "error" || !got.NoColor || len(got.Paths) != 2 || got.Paths[0] != "cases" {
		t.Errorf("options: %+v", got)
	}
}

func TestDefaults(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdLint(ios, nil, "test", func(o *Options) error { got = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "text" || got.FailLevel != "warning" || got.Profile != "" || len(got.Paths) != 0 {
		t.Errorf("defaults: %+v", got)
	}
}
