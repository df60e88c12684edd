package report

import (
	"runtime"
	"testing"
)

// TestRelativePaths: a notice or an error holds no absolute path: below the
// root or the working folder it is relative, below home it starts with
// "~", elsewhere it is withheld (issue 14, item 5).
func TestRelativePaths(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("slash paths")
	}
	home, wd, root := "/home/zofia", "/home/zofia/work", "/home/zofia/work/cases-repo"
	for in, want := range map[string]string{
		"no path here": "no path here",
		"the git repository could not be read: open /home/zofia/work/cases-repo/.git/config: permission denied": "the git repository could not be read: open .git/config: permission denied",
		"/home/zofia/work/cases-repo is not in one":                                                             ". is not in one",
		"cases is outside the repository /home/zofia/work/cases-repo: lint":                                     "cases is outside the repository .: lint",
		"/home/zofia/work/other/x.toml:3:1: bad":                                                                "other/x.toml:3:1: bad",
		"config /home/zofia/.caselint.toml:1:2: bad":                                                            "config ~/.caselint.toml:1:2: bad",
		`open "/srv/objects/pack": no such file`:                                                                `open "` + AbsolutePath + `": no such file`,
		"alternates (/srv/zofia mood/objects)":                                                                  "alternates (" + AbsolutePath + " mood/objects)",
		"see https://github.com/caselint/caselint/a/b":                                                          "see https://github.com/caselint/caselint/a/b",
		"-o=/dev/stdout refused":                                                                                "-o=" + AbsolutePath + " refused",
		"/home/zofia/work/cases-repox is other":                                                                 "cases-repox is other",
		"and/or 1/2 a/b":                                                                                        "and/or 1/2 a/b",
		`C:\Users\zofia\x`:                                                                                      AbsolutePath,
	} {
		got := RelativePaths(in, home, root, wd)
		if got != want {
			t.Errorf("RelativePaths(%q) =\n  %q, want\n  %q", in, got, want)
		}
	}
}

// TestRelativePathsAbove: a file in a folder above the root is shown
// relative to it; one elsewhere is withheld, its ":line:col" kept.
func TestRelativePathsAbove(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("slash paths")
	}
	for in, want := range map[string]string{
		"/srv/.caselint.toml:2:1: unknown key": "../../.caselint.toml:2:1: unknown key",
		"/srv/a/.caselint.toml:2:1: bad":       "../.caselint.toml:2:1: bad",
		"/srv/x/y.toml:2:1: bad":               AbsolutePath + ":2:1: bad",
		"/srv bad":                             AbsolutePath + " bad",
	} {
		if got := RelativePaths(in, "", "/srv/a/b"); got != want {
			t.Errorf("RelativePaths(%q) = %q, want %q", in, got, want)
		}
	}
}
