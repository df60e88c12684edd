package lint

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Whether a plan's ending was decided as the procedures require: "The
// decision to cease a Child Protection Plan can only be made by a quorate
// Child Protection conference" (Stoke-on-Trent C06 §07).

// CessationUndecided reports whether plan.md's [cessation] ended the plan
// without the conference its ending needs (CessationNeedsReview: no longer
// at risk, or, where the procedure keeps it until the review conference,
// section 20): the conference it names is missing, not a conference, or
// not a quorate review conference deciding "cease" on the cessation date
// (CeaseConferenceFaults); or, naming none, no conference that day is one.
// A named record that could not be read, and values caselint cannot read,
// are invalid-record's, and not held against the ending. This is
// cessation-without-conference's test.
func (c *Case) CessationUndecided(p *Profile) bool {
	if _, needed := c.CessationNeedsReview(p); !needed {
		return false
	}
	cs := c.Cessation()
	if ref := strings.TrimSpace(cs.Conference); ref != "" {
		cf, doc := c.ConferenceAt(ref)
		switch {
		case doc == nil:
			return true
		case doc.Kind != "" && doc.Kind != schema.KindConference:
			return true
		case cf == nil:
			return false // unreadable: invalid-record says why
		}
		return len(CeaseConferenceFaults(cf, cs.Date)) > 0
	}
	for _, cf := range c.Conferences {
		if cf != nil && cf.Doc != nil && cf.Date == cs.Date && len(CeaseConferenceFaults(cf, cs.Date)) == 0 {
			return false
		}
	}
	return true
}

// CeaseConferenceFaults says what keeps conference cf from being a quorate
// review conference that decided on day that the plan cease; none when it
// is one. A value caselint cannot read (kind = "Review CP Conference",
// quorate = "yes", decision = "ceased") is invalid-record's finding on the
// conference, once, and not a fault here.
func CeaseConferenceFaults(cf *schema.Conference, day schema.Date) []string {
	var out []string
	switch cf.Kind {
	case schema.ConferenceReview:
	case schema.ConferenceInitial, schema.ConferenceTransfer:
		article := ""
		if strings.ContainsRune("aeiou", rune(cf.Kind[0])) {
			article = "n"
		}
		out = append(out, fmt.Sprintf("is a%s %s conference, not a review conference", article, cf.Kind))
	}
	if !cf.Quorate && !quorateUnreadable(cf) {
		out = append(out, "is not recorded as quorate (quorate = true)")
	}
	switch {
	case cf.Decision == schema.DecisionAdjourned:
		// An adjourned sitting decided nothing (C06 §07: "can only be
		// made by a quorate Child Protection conference").
		out = append(out, "was adjourned without a decision")
	case cf.Decision != schema.DecisionCease && knownDecision(cf.Decision):
		out = append(out, fmt.Sprintf("decided %q, not \"cease\"", cf.Decision))
	}
	if cf.Date != day {
		when := "an undated meeting"
		if !cf.Date.IsZero() {
			when = cf.Date.Long()
		}
		out = append(out, fmt.Sprintf("was held on %s, not on the cessation date", when))
	}
	return out
}

// knownDecision reports whether d is a conference decision as the record
// format spells it (the schema reads "Cease" as "cease"); anything else is
// an invalid record.
func knownDecision(d string) bool {
	switch d {
	case schema.DecisionPlan, schema.DecisionNoPlan, schema.DecisionContinue, schema.DecisionCease:
		return true
	}
	return false
}

// quorateUnreadable reports whether the conference writes quorate as
// something other than true or false ("yes"): invalid-record reports it.
func quorateUnreadable(cf *schema.Conference) bool {
	if cf.Doc == nil || cf.Doc.Keys == nil || cf.Doc.Source == nil {
		return false
	}
	sp, ok := cf.Doc.Keys.Value("quorate")
	if !ok || sp.Start < 0 || sp.End > len(cf.Doc.Source.Data) || sp.Start >= sp.End {
		return false
	}
	v := strings.TrimSpace(string(cf.Doc.Source.Data[sp.Start:sp.End]))
	return v != "true" && v != "false"
}
