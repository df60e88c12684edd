package versioncmd

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want []string
	}{
		{"a clone's build", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-06T12:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, []string{"caselint 0.2.0\n", "commit: 0123456789abcdef0123456789abcdef01234567, with changes not committed\n", "date: 2026-12-06T12:00:00Z", "go: go1.26.8\n"}},
		{"go install at a tag", debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}},
			[]string{"caselint 0.1.0\n", "commit: unknown (a release built from the module proxy, which records no commit: the release tag v0.1.0 names it)\n", "date: unknown\n"}},
		{"go install at a commit", debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261206120000-0123456789ab"}},
			[]string{"caselint 0.1.1-0.20261206120000-0123456789ab\n", "commit: 0123456789ab\n", "date: 2026-12-06T12:00:00Z"}},
		{"no git", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			[]string{"caselint 0.2.0\n", "commit: unknown (a build without git information"}},
	} {
		got := fromBuildInfo(&tc.bi, "0.2.0").String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q not in\n%s", tc.name, w, got)
			}
		}
	}
}

func TestVersionCommand(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	cmd := NewCmdVersion(ios, Info{Version: "0.2.0", Commit: "abc"})
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "caselint 0.2.0\ncommit: abc\n") {
		t.Errorf("caselint version:\n%s", out)
	}
	cmd.SetArgs([]string{"extra"})
	if err := cmd.Execute(); err == nil {
		t.Error("caselint version extra: no error")
	}
}
