package lint

import "strings"

// LineManagerFor returns the one of the case's people best placed to be
// the line manager of lead (the lead worker, as case.md names them), for a
// plan that names none yet: someone whose role is a line manager's
// (IsLineManagerRole), not family, not of the conference and review
// service, and in lead's service. A manager of lead's own agency comes
// first, then one of the authority's children's social care, then one
// whose agency is not written; in case.md's order within each. A manager
// of plainly another service (a nursery's or a school's manager, a GP
// surgery's practice manager) is never chosen, nor, when lead works for
// another service (a hospital social worker), anyone not of lead's own
// agency. It returns "" when no one fits.
func (c *Case) LineManagerFor(lead string) string {
	if c == nil || c.Record == nil {
		return ""
	}
	best, bestRank := "", -1
	for i := range c.Record.People {
		p := &c.Record.People[i]
		r := c.lineManagerRank(p.Name, lead)
		if r >= 0 && (bestRank < 0 || r < bestRank) {
			best, bestRank = strings.TrimSpace(p.Name), r
		}
	}
	return best
}

// IsLineManagerFor reports whether ref, one of the case's people, could be
// lead's line manager (as LineManagerFor chooses among them).
func (c *Case) IsLineManagerFor(ref, lead string) bool { return c.lineManagerRank(ref, lead) >= 0 }

// lineManagerRank ranks ref as lead's line manager: 0 of lead's agency, 1
// of children's social care, 2 of no written agency; -1 when ref cannot
// be.
func (c *Case) lineManagerRank(ref, lead string) int {
	child, p := c.refer(ref)
	if p == nil || strings.TrimSpace(p.Name) == "" || child || p.isFamily() ||
		(strings.TrimSpace(lead) != "" && SamePerson(ref, lead)) ||
		p.role().reviewService || !p.role().lineManager {
		return -1
	}
	leadAgency, leadService := "", ServiceUnknown
	if lp := c.Person(lead); lp != nil && strings.TrimSpace(lead) != "" {
		leadAgency, leadService = lp.Agency, AgencyService(lp.Agency)
	}
	service := AgencyService(p.Agency)
	switch {
	case strings.TrimSpace(leadAgency) != "" && phrase(leadAgency) == phrase(p.Agency):
		return 0
	case service == ServiceOther || leadService == ServiceOther:
		return -1
	case service == ServiceSocialCare:
		return 1
	}
	return 2
}
