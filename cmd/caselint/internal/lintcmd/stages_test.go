package lintcmd

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
)

// TestResultStages: the lint command's part of the results pipeline, in
// order, with the stages its flags add.
func TestResultStages(t *testing.T) {
	names := func(opts *Options) []string {
		var failed bool
		var out []string
		for _, s := range resultStages(opts, &workspace.Workspace{}, lint.Options{}, nil, nil, "", lint.Error, &failed) {
			out = append(out, s.Name)
		}
		return out
	}
	if got, want := names(&Options{}), []string{"exercise", "config-notice", "relative-paths", "baseline", "too-large", "submodules", "fail-level"}; !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	got := names(&Options{NewFromRev: "HEAD~1", Redact: true, StdinFilename: "x.md", PathMode: "wd"})
	want := []string{"exercise", "config-notice", "relative-paths", "stdin-file", "baseline", "new-since", "too-large", "submodules", "redact-paths", "path-mode", "fail-level"}
	if !slices.Equal(got, want) {
		t.Errorf("stages with --new-from-rev and --redact %v, want %v", got, want)
	}
	if got, want := names(&Options{NoBaseline: true}), []string{"exercise", "config-notice", "relative-paths", "too-large", "submodules", "fail-level"}; !slices.Equal(got, want) {
		t.Errorf("stages with --no-baseline %v, want %v", got, want)
	}
}

// TestResultStagesDoc: docs/architecture.md lists the lint command's
// stages in the order they run.
func TestResultStagesDoc(t *testing.T) {
	data, err := os.ReadFile("../../../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(data), "\n### After the run (lint command)\n")
	if !ok {
		t.Fatal("docs/architecture.md: no section on the lint command's stages")
	}
	sec, _, _ = strings.Cut(sec, "\n#")
	var got []string
	for _, m := range regexp.MustCompile("(?m)^[0-9]+\\. `([a-z-]+)`").FindAllStringSubmatch(sec, -1) {
		got = append(got, m[1])
	}
	var failed bool
	var want []string
	for _, s := range resultStages(&Options{NewFromRev: "HEAD~1", Redact: true, StdinFilename: "x.md", PathMode: "wd"}, &workspace.Workspace{}, lint.Options{}, nil, nil, "", lint.Error, &failed) {
		want = append(want, s.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs/architecture.md lists %v, the lint command runs %v", got, want)
	}
}
