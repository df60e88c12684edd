package checks_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint/ruledoc"
)

var update = flag.Bool("update", false, "rewrite docs/rules/ from the rules' metadata")

// TestDocs fails when docs/rules/ has drifted from the rules' metadata.
// Run go test ./checks -run TestDocs -update to regenerate it.
func TestDocs(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	want := map[string]string{"README.md": ruledoc.Index(checks.All())}
	for _, r := range checks.All() {
		want[r.ID+".md"] = ruledoc.Markdown(r)
	}
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, p := range old {
			if _, keep := want[filepath.Base(p)]; !keep {
				os.Remove(p)
			}
		}
		for name, text := range want {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("docs/rules/%s is missing: run go test ./checks -run TestDocs -update", name)
			continue
		}
		if string(got) != text {
			t.Errorf("docs/rules/%s has drifted from the rule's metadata: run go test ./checks -run TestDocs -update", name)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range pages {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("docs/rules/%s documents no rule: remove it (go test ./checks -run TestDocs -update)", filepath.Base(p))
		}
	}
}

// TestCoverage keeps docs/coverage.md honest: every rule that enforces a
// procedure appears in it, every rule it links to exists, and the count at
// its top is the count of its rows.
func TestCoverage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "coverage.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, r := range checks.All() {
		if r.Family == checks.FamilyRecordHygiene {
			continue
		}
		if !strings.Contains(text, "rules/"+r.ID+".md") {
			t.Errorf("docs/coverage.md does not say which requirement %s enforces", r.ID)
		}
	}
	for _, m := range regexp.MustCompile(`rules/([a-z0-9-]+)\.md`).FindAllStringSubmatch(text, -1) {
		if checks.ByID(m[1]) == nil && m[1] != "README" {
			t.Errorf("docs/coverage.md links to rules/%s.md, which is no rule", m[1])
		}
	}
	// Every requirement row (Ref St-n or Ox-n, a letter for a part) has its
	// verdict in the fifth column: enforced, not enforced, or not checkable.
	enforced, checkable := 0, 0
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "| St-") && !strings.HasPrefix(line, "| Ox-") {
			continue
		}
		cells := strings.Split(line, "|")
		ref := strings.TrimSpace(cells[1])
		if seen[ref] {
			t.Errorf("docs/coverage.md has two rows %s", ref)
		}
		seen[ref] = true
		if len(cells) < 7 {
			t.Errorf("docs/coverage.md row %s has no verdict column", ref)
			continue
		}
		switch v := strings.TrimSpace(cells[5]); {
		case v == "enforced":
			enforced++
			checkable++
		case v == "not enforced":
			checkable++
		case strings.HasPrefix(v, "not checkable: "):
		default:
			t.Errorf("docs/coverage.md row %s: verdict %q is not enforced, not enforced or not checkable: why", ref, v)
		}
	}
	if checkable == 0 {
		t.Fatal("docs/coverage.md has no checkable requirement rows")
	}
	want := fmt.Sprintf("checkable requirements enforced: %d of %d (%d%%)", enforced, checkable, enforced*100/checkable)
	if !strings.Contains(strings.ToLower(text), want) {
		t.Errorf("docs/coverage.md must say %q, the count of its rows", want)
	}
}
