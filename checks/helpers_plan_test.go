package checks

import (
	"reflect"
	"testing"
)

func TestActionOutcomeRefs(t *testing.T) {
	for in, want := range map[string][]string{
		"O1, O2":         {"O1", "O2"},
		"o1 and O3":      {"O1", "O3"},
		"Outcome 2":      {"O2"},
		"Outcomes 1 & 3": {"O1", "O3"},
		"(O2)":           {"O2"},
		"O7x":            {"O7X"},
		"":               nil,
	} {
		if got := actionOutcomeRefs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("actionOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
}
