package newrecord_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/newrecord"
	"github.com/caselint/caselint/schema"
)

// TestPlanLineManagerIsInTheLeadWorkersService: caselint new plan takes
// the lead worker's line manager and countersigner from their own service,
// never a nursery's or a school's manager listed before them, and keeps
// those managers in the core group, where they work with the family.
func TestPlanLineManagerIsInTheLeadWorkersService(t *testing.T) {
	const head = `+++
type = "case"
id = "SOT-2026-0101"

[child]
name = "Poppy"
born = 2023-03-14
first_language = "English"

[[people]]
name = "Kelly Stone"
role = "mother"
family = true
`
	nursery := []string{
		"[[people]]\nname = \"Gail Hunt\"\nrole = \"Manager\"\nagency = \"Little Acorns Nursery\"\n",
		"[[people]]\nname = \"Gail Hunt\"\nrole = \"Nursery Manager\"\nagency = \"Little Acorns Nursery\"\n",
		"[[people]]\nname = \"Gail Hunt\"\nrole = \"Deputy Manager\"\nagency = \"Little Acorns Day Nursery Ltd\"\n",
	}
	const rest = `
[[people]]
name = "Dev Shah"
role = "Head"
agency = "Hillside Primary School"

[[people]]
name = "Aisha Patel"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Rob Jones"
role = "Team Manager"
agency = "Children's Services"
+++

## Background

Poppy lives with her mother and goes to Little Acorns Nursery.
`
	for _, n := range nursery {
		dir := filepath.Join(t.TempDir(), "SOT-2026-0101")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "case.md"), []byte(head+"\n"+n+rest), 0o644); err != nil {
			t.Fatal(err)
		}
		p := write(t, newrecord.Options{Kind: schema.KindPlan, Dir: dir, Date: schema.NewDate(2026, 6, 1)})
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, want := range []string{
			`lead_worker = "Aisha Patel"`, `manager = "Rob Jones"`, `countersigned_by = "Rob Jones"`,
			`core_group = ["Aisha Patel", "Kelly Stone", "Gail Hunt", "Dev Shah"]`,
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: the plan lacks %s:\n%s", strings.SplitN(n, "\n", 4)[2], want, s)
			}
		}
	}
}
