package lint

import (
	"github.com/caselint/caselint/schema"
)

// suppress applies the caselint:ignore comments of docs to findings. An
// ignore with a reason marks the findings of its rule on the line it covers
// as suppressed (they stay in the list: SARIF carries them); one that marks
// nothing is reported as unused-suppression. An ignore without a reason,
// or with a placeholder for one ("TBC", "-": the profile's IsPlaceholder),
// or with a reason that does not say why (GivesNoWhy: "ok", "x", "see
// notes"), suppresses nothing and is reported as unexplained-suppression.
//
// Of the findings on its line that are about instances following one
// another in time (Finding.opened: the gap open now, on plan.md's started
// line), an ignore covers only the earliest, and only when no earlier
// instance of its rule is reported anywhere in the case (a gap since
// closed, reported at the visit that closed it): that earlier instance is
// the one the ignore was written about, and an ignore cannot know of a gap
// that had not opened (coveredOnLine). Findings with no such instance
// (their line identifies them) are all covered, as before.
//
// An ignore naming a rule that the profile has turned off is not reported
// as unused: the same record may be linted under another profile.
//
// dropped counts, by line, the findings of each rule in each file that were
// never stored (place.go): an ignore covers them as it would the others,
// and their count is taken out of dropped.
func (e *engine) suppress(docs []*schema.Document, findings []Finding, dropped map[ruleLine]int) []Finding {
	// The findings of each rule on each line, so that each ignore looks
	// only at those it could cover.
	onLine := map[ruleLine][]int{}
	for i, f := range findings {
		k := ruleLine{ruleDoc{f.RuleID, f.Path}, f.Pos.Line}
		onLine[k] = append(onLine[k], i)
	}
	first := firstOpened(findings)
	var extra []Finding
	var pl placer // each directive's line scanned and hashed once
	for _, d := range docs {
		for _, dir := range d.Directives {
			if dir.Kind != schema.Ignore {
				continue
			}
			at := pl.place(d, dir.Offset)
			if len(dir.Rules) == 0 {
				extra = append(extra, pl.finding(e, UnexplainedSuppressionID, d, dir.Offset, "",
					"caselint:ignore names no rule: write the rule id and the reason, e.g. caselint:ignore unseen-child Child in hospital, seen on the ward"))
				continue
			}
			rule := dir.Rules[0]
			if dir.Reason == "" {
				extra = append(extra, pl.finding(e, UnexplainedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore %s gives no reason, so it suppresses nothing: say why this is a reviewed exception", rule)))
				continue
			}
			if e.opts.Profile != nil && e.opts.Profile.IsPlaceholder(dir.Reason) {
				// "TBC", "-": a reason still to be written is no reason.
				extra = append(extra, pl.finding(e, UnexplainedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore %s gives %q, a placeholder, not a reason, so it suppresses nothing: say why this is a reviewed exception", rule, dir.Reason)))
				continue
			}
			if e.opts.Profile != nil && e.opts.Profile.GivesNoWhy(dir.Reason) {
				// "ok", "x", "see notes": nothing a reviewer can check.
				extra = append(extra, pl.finding(e, UnexplainedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore %s gives %q, which does not say why, so it suppresses nothing: say in a few words why this is a reviewed exception", rule, Brief(dir.Reason))))
				continue
			}
			if !e.isRule(rule) {
				extra = append(extra, pl.finding(e, UnusedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore names %s, which is not a rule%s", rule, suggest(rule, e.opts.Rules))))
				continue
			}
			k := ruleLine{ruleDoc{rule, d.Source.Path}, dir.Covers}
			used := dropped[k] > 0
			delete(dropped, k)
			covered, later := coveredOnLine(findings, onLine[k], first)
			for _, i := range covered {
				if f := &findings[i]; f.Suppression == nil {
					f.Suppression = &Suppression{Reason: dir.Reason, Pos: at.pos}
					used = true
				}
			}
			switch {
			case used || e.severity[rule] == 0:
			case later.IsZero():
				extra = append(extra, pl.finding(e, UnusedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore %s suppresses nothing on line %d: remove it, or move it to the line the finding is on", rule, dir.Covers)))
			default:
				extra = append(extra, pl.finding(e, UnusedSuppressionID, d, dir.Offset, "",
					"").withMsg(schema.Msgf("caselint:ignore %s on line %d was written about an earlier instance, which is no longer reported here: the one reported now opened on %s, later, so this comment does not cover it; review that finding, and remove this comment", rule, dir.Covers, later.Long())))
			}
		}
	}
	return append(findings, extra...)
}

// isRule reports whether id is the id of one of the engine's rules, on or
// off: the set is made once an engine, not once a case.
func (e *engine) isRule(id string) bool {
	e.ruleIDsOnce.Do(func() {
		e.ruleIDs = make(map[string]bool, len(e.opts.Rules))
		for _, r := range e.opts.Rules {
			e.ruleIDs[r.ID] = true
		}
	})
	return e.ruleIDs[id]
}

// firstOpened is, by rule, the day the earliest instance of that rule's
// problems reported in the case opened: a finding's Diagnostic.Opened, or
// the start of the gap it reports (Span.From: a gap since closed).
func firstOpened(findings []Finding) map[string]schema.Date {
	var first map[string]schema.Date
	for _, f := range findings {
		d := f.opened
		if d.IsZero() && f.Span != nil {
			d = f.Span.From
		}
		if d.IsZero() {
			continue
		}
		if first == nil {
			first = map[string]schema.Date{}
		}
		if c, ok := first[f.RuleID]; !ok || d.Before(c) {
			first[f.RuleID] = d
		}
	}
	return first
}

// coveredOnLine returns which of the findings at idx (those of one rule on
// the line an ignore covers) the ignore covers: every one with no opening
// day (its line identifies it), and, of those about an instance that
// opened on a day, those of the earliest day, when no instance of the rule
// opened before it (first, firstOpened). later is the day the earliest of
// the instances left uncovered opened, zero when none is.
func coveredOnLine(findings []Finding, idx []int, first map[string]schema.Date) (covered []int, later schema.Date) {
	var earliest schema.Date
	for _, i := range idx {
		if d := findings[i].opened; !d.IsZero() && (earliest.IsZero() || d.Before(earliest)) {
			earliest = d
		}
	}
	for _, i := range idx {
		f := findings[i]
		switch {
		case f.opened.IsZero():
			covered = append(covered, i)
		case f.opened == earliest && !first[f.RuleID].Before(earliest):
			covered = append(covered, i)
		case later.IsZero() || f.opened.Before(later):
			later = f.opened
		}
	}
	return covered, later
}
