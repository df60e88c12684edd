package lint

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docStages returns the stage names docs/architecture.md lists, in order,
// under the heading "### "+section of its results pipeline.
func docStages(t *testing.T, doc, section string) []string {
	t.Helper()
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "\n### "+section+"\n")
	if !ok {
		t.Fatalf("%s: no section %q", doc, section)
	}
	rest, _, _ = strings.Cut(rest, "\n#")
	var out []string
	for _, m := range regexp.MustCompile("(?m)^[0-9]+\\. `([a-z-]+)`").FindAllStringSubmatch(rest, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPipelineDoc: docs/architecture.md lists the per-case and per-run
// stages in the order they run.
func TestPipelineDoc(t *testing.T) {
	for _, tc := range []struct {
		section string
		names   []string
	}{
		{"Per case", stageNames(caseStages)},
		{"Per run", stageNames(runStages)},
	} {
		if got := docStages(t, "../docs/architecture.md", tc.section); !slices.Equal(got, tc.names) {
			t.Errorf("docs/architecture.md, %s: lists %v, the code runs %v", tc.section, got, tc.names)
		}
	}
}

func stageNames[S interface{ name() string }](ss []S) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.name())
	}
	return out
}
