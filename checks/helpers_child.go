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

// leadWorkersManagerPhraseOn names, for a message about an act of day d,
// the lead worker's manager then: "Bob Dean, the line manager of Ann Cole,
// the lead worker then" when plan.md records that the case changed hands
// after d ([[previous_lead]]); otherwise leadWorkersManagerPhrase.
func leadWorkersManagerPhraseOn(pass *lint.Pass, d schema.Date) string {
	lw := pass.Case.LeadWorkerOn(d)
	if lw == "" || lint.SamePerson(lw, pass.Case.LeadWorker()) && lint.SamePerson(pass.Case.LeadWorkersManagerOn(d), pass.Case.LeadWorkersManager()) {
		return leadWorkersManagerPhrase(pass)
	}
	if m := pass.Case.LeadWorkersManagerOn(d); m != "" {
		return m + ", the line manager of " + lw + ", the lead worker then"
	}
	return "the line manager of " + lw + ", the lead worker then"
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

// isRemote reports whether visit v's record says the child was seen only
// by video or telephone (lint.Pass.NotFaceToFaceInWords).
func isRemote(pass *lint.Pass, v *schema.Visit) bool {
	_, ok := pass.NotFaceToFaceInWords(v)
	return ok
}

// isUnseenInWords reports whether visit v's record says, against
// child_seen = true, that the child was not seen (lint.Pass.NotSeenInWords).
func isUnseenInWords(pass *lint.Pass, v *schema.Visit) bool {
	_, ok := pass.NotSeenInWords(v)
	return ok
}

// isAsleepInWords reports whether visit v's record says, against
// seen_alone = true, that the child (a year old or more) was asleep
// through the visit (lint.Pass.ChildAsleepInWords).
func isAsleepInWords(pass *lint.Pass, v *schema.Visit) bool {
	_, ok := pass.ChildAsleepInWords(v)
	return ok
}
