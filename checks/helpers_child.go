package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Message helpers of the seeing-the-child rules. What counts as seeing the
// child, a refusal or a birth is the case model's (lint/seeing.go).

// leadWorkersManagerPhrase names the lead worker's manager for a message:
// "Owen Clarke, the lead worker's line manager", or "the lead worker's line
// manager" when the plan names no manager.
func leadWorkersManagerPhrase(pass *lint.Pass) string {
	if m := pass.Case.LeadWorkersManager(); m != "" {
		return m + ", the lead worker's line manager"
	}
	return "the lead worker's line manager"
}

// leadWorkerName names the lead worker for a message.
func leadWorkerName(pass *lint.Pass) string {
	if lw := pass.Case.LeadWorker(); lw != "" {
		return lw
	}
	return "the lead social worker"
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
