package lintcmd

import (
	"slices"
	"testing"

	"github.com/caselint/caselint/lint"
)

// TestResultStages: the lint command's part of the results pipeline, in
// order, with the stages its flags add.
func TestResultStages(t *testing.T) {
	names := func(opts *Options) []string {
		var failed bool
		var out []string
		for _, s := range resultStages(opts, &source{}, lint.Options{}, "", "", nil, lint.Error, &failed) {
			out = append(out, s.Name)
		}
		return out
	}
	if got, want := names(&Options{}), []string{"config-notice", "relative-paths", "too-large", "submodules", "fail-level"}; !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	got := names(&Options{NewFromRev: "HEAD~1", Redact: true})
	want := []string{"config-notice", "relative-paths", "new-since", "too-large", "submodules", "redact-paths", "fail-level"}
	if !slices.Equal(got, want) {
		t.Errorf("stages with --new-from-rev and --redact %v, want %v", got, want)
	}
}
