package lint

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// TestSettingsForLanes: each case is linted under the settings
// Options.SettingsFor gives its folder (a rule off in one case's config is
// off there alone, severities are the case's), and a case id used twice is
// still a finding across cases under different settings.
func TestSettingsForLanes(t *testing.T) {
	combined, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	asOf := schema.NewDate(2026, 11, 20)
	with := func(setting string) *Settings {
		p := extend(combined, &Profile{Name: combined.Name, Rules: map[string]string{leadRule.ID: setting}}, func(string) bool { return false })
		return &Settings{Profile: p, AsOf: asOf}
	}
	on, off, loud := with("on"), with("off"), with("error")
	fsys := fstest.MapFS{
		"a/case.md":     {Data: []byte(caseMD)},
		"a/plan.md":     {Data: []byte(planMD(""))},
		"quiet/case.md": {Data: []byte(caseMD)}, // T-1 again
		"quiet/plan.md": {Data: []byte(planMD(""))},
		"zloud/case.md": {Data: []byte(strings.Replace(caseMD, "T-1", "T-3", 1))},
		"zloud/plan.md": {Data: []byte(planMD(""))},
	}
	var mu sync.Mutex // SettingsFor is called from the workers at once
	asked := map[string]bool{}
	opts := Options{FS: fsys, Rules: append([]*Rule{leadRule}, hygiene...), Profile: combined, AsOf: asOf,
		SettingsFor: func(dir string) (*Settings, error) {
			mu.Lock()
			asked[dir] = true
			mu.Unlock()
			switch dir {
			case "quiet":
				return off, nil
			case "zloud":
				return loud, nil
			}
			return on, nil
		}}
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var inA, inQuiet, inLoud int
	for _, f := range res.Findings {
		switch {
		case strings.HasPrefix(f.Path, "a/") && f.RuleID == leadRule.ID:
			inA++
			if f.Severity != Warning {
				t.Errorf("a: %s at %v, want the rule's warning", f.Message, f.Severity)
			}
		case strings.HasPrefix(f.Path, "quiet/") && f.RuleID == leadRule.ID:
			inQuiet++
		case strings.HasPrefix(f.Path, "zloud/") && f.RuleID == leadRule.ID:
			inLoud++
			if f.Severity != Error {
				t.Errorf("zloud: %s at %v, want error", f.Message, f.Severity)
			}
		}
	}
	if inA == 0 || inLoud == 0 || inQuiet != 0 {
		t.Errorf("lead-line findings: a %d, quiet %d (off there), zloud %d\n%s", inA, inQuiet, inLoud, lines(res))
	}
	if !asked["a"] || !asked["quiet"] || !asked["zloud"] {
		t.Errorf("SettingsFor asked for %v", asked)
	}

	// A case id used twice is a finding across lanes.
	dup := false
	for _, f := range res.Findings {
		dup = dup || f.Path == "quiet/case.md" && f.RuleID == InvalidRecordID && strings.Contains(f.Message, "already used by a/case.md")
	}
	if !dup {
		t.Errorf("the duplicate id across lanes is not reported:\n%s", lines(res))
	}
}
