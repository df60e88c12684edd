package lint

import (
	"fmt"

	"github.com/caselint/caselint/schema"
)

// suppress applies the caselint:ignore comments of docs to findings. An
// ignore with a reason marks the findings of its rule on the line it covers
// as suppressed (they stay in the list: SARIF carries them); one that marks
// nothing is reported as unused-suppression. An ignore without a reason
// suppresses nothing and is reported as unexplained-suppression.
//
// An ignore naming a rule that the profile has turned off is not reported
// as unused: the same record may be linted under another profile.
func (e *engine) suppress(docs []*schema.Document, findings []Finding) []Finding {
	known := map[string]bool{}
	for _, r := range e.opts.Rules {
		known[r.ID] = true
	}
	var extra []Finding
	for _, d := range docs {
		for _, dir := range d.Directives {
			if dir.Kind != schema.Ignore {
				continue
			}
			at := placeOf(d, dir.Offset)
			if len(dir.Rules) == 0 {
				extra = append(extra, e.finding(UnexplainedSuppressionID, at,
					"caselint:ignore names no rule: write the rule id and the reason, e.g. caselint:ignore unseen-child Child in hospital, seen on the ward"))
				continue
			}
			rule := dir.Rules[0]
			if dir.Reason == "" {
				extra = append(extra, e.finding(UnexplainedSuppressionID, at,
					fmt.Sprintf("caselint:ignore %s gives no reason, so it suppresses nothing: say why this is a reviewed exception", rule)))
				continue
			}
			if !known[rule] {
				extra = append(extra, e.finding(UnusedSuppressionID, at,
					fmt.Sprintf("caselint:ignore names %s, which is not a rule%s", rule, suggest(rule, e.opts.Rules))))
				continue
			}
			used := false
			for i := range findings {
				f := &findings[i]
				if f.RuleID == rule && f.Path == d.Source.Path && f.Pos.Line == dir.Covers && f.Suppression == nil {
					f.Suppression = &Suppression{Reason: dir.Reason, Pos: at.pos}
					used = true
				}
			}
			if !used && e.severity[rule] != 0 {
				extra = append(extra, e.finding(UnusedSuppressionID, at,
					fmt.Sprintf("caselint:ignore %s suppresses nothing on line %d: remove it, or move it to the line the finding is on", rule, dir.Covers)))
			}
		}
	}
	return append(findings, extra...)
}
