package checks

import (
	"github.com/caselint/caselint/lint"
)

// Rule-private helpers of the ending-the-plan rules. The concepts (age,
// legal status, cessation reasons) are the case model's: lint/ending.go.

// endCessationLine is where anything about how the plan ended is reported:
// plan.md's [cessation] header.
func endCessationLine(pass *lint.Pass) int { return pass.Case.Plan.Doc.At("cessation") }

// endState says how long the plan ran: "is still active", or "ran until
// 2 May 2026".
func endState(pass *lint.Pass) string {
	if end, ended := pass.PlanEnd(); ended {
		return "ran until " + end.Long()
	}
	return "is still active"
}
