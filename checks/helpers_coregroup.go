package checks

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// Helpers shared by the core group and ending-the-plan rules.

// cgStartedLine is where a gap still open at the as-of date is reported:
// plan.md's started line.
func cgStartedLine(plan *schema.Plan) int { return plan.Doc.At("started") }

// cgIntervalWords says an interval as the procedures do: "10 working days",
// "1 month" as "a month".
func cgIntervalWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "a " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return iv.String()
}

// cgEveryWords says how often an interval recurs: "every month", "every
// 6 weeks".
func cgEveryWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "every " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return "every " + iv.String()
}
