package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSARIFRedactedRules: under Redact the rules carry no description or
// help (their examples use sample names a reader could take for the
// case's), only their title and the link to their page.
func TestSARIFRedactedRules(t *testing.T) {
	opts := testOptions()
	opts.Redact = true
	out := render(t, NewSARIF, testResult(t), opts)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []map[string]any `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != len(opts.Rules) {
		t.Fatalf("%d rules, want %d", len(rules), len(opts.Rules))
	}
	for _, r := range rules {
		for _, key := range []string{"help", "fullDescription"} {
			if _, ok := r[key]; ok {
				t.Errorf("rule %v carries %s under Redact", r["id"], key)
			}
		}
		if r["helpUri"] == nil || r["shortDescription"] == nil {
			t.Errorf("rule %v lost its title or link: %v", r["id"], r)
		}
	}
	if strings.Contains(string(out), "Zoë") {
		t.Error("a rule's example is in the redacted report")
	}
	// Without Redact the help is there, as the golden file shows.
	if !strings.Contains(string(render(t, NewSARIF, testResult(t), testOptions())), `"help"`) {
		t.Error("no help without Redact")
	}
}
