package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers for the seeing-the-child rules.

// visitsUntil returns the case's visits that can be read and are dated on
// or before pass.Until(), in date order. A visit whose frontmatter could not
// be decoded, or whose date is missing, is invalid-record's concern.
func visitsUntil(pass *lint.Pass) []*schema.Visit {
	until := pass.Until()
	var out []*schema.Visit
	for _, v := range pass.Case.Visits {
		if v == nil || v.Doc == nil || v.Date.IsZero() || v.Date.Date.After(until) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// leadWorkersManagerPhrase names the lead worker's manager for a message:
// "Owen Clarke, the lead worker's line manager", or "the lead worker's line
// manager" when the plan names no manager.
func leadWorkersManagerPhrase(pass *lint.Pass) string {
	if plan := pass.Case.Plan; plan != nil && strings.TrimSpace(plan.Manager) != "" {
		return strings.TrimSpace(plan.Manager) + ", the lead worker's line manager"
	}
	return "the lead worker's line manager"
}

// leadWorkerName names the lead worker for a message.
func leadWorkerName(pass *lint.Pass) string {
	if plan := pass.Case.Plan; plan != nil && strings.TrimSpace(plan.LeadWorker) != "" {
		return strings.TrimSpace(plan.LeadWorker)
	}
	return "the lead social worker"
}

// visitBeforeBirth reports whether d is before the child was born, or the child
// is recorded as unborn: there was no child to see.
func visitBeforeBirth(pass *lint.Pass, d schema.Date) bool {
	ch := pass.Case.Child()
	if ch.Unborn && ch.Born.IsZero() {
		return true
	}
	return !ch.Born.IsZero() && d.Before(ch.Born)
}

// visitKeyAt returns the offset of the first of keys written in the visit's
// frontmatter, or the type line.
func visitKeyAt(doc *schema.Document, keys ...string) int {
	for _, k := range keys {
		if doc.Keys.Has(k) {
			return doc.At(k)
		}
	}
	return doc.TypeLine()
}

// joinWithAnd joins items as English: "a", "a and b", "a, b and c".
func joinWithAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
