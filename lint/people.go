package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// The people around the child, as the procedures name them. Each question
// ("is this a professional?", "is this the lead worker's line manager?") is
// answered here once; rules ask the case, never the roles themselves.

// SamePerson reports whether two references name the same person: exact
// name, any case, surrounding spaces and a role in brackets ignored.
func SamePerson(a, b string) bool {
	ka := schema.PersonKey(a)
	return ka != "" && ka == schema.PersonKey(b)
}

// AmongPeople reports whether ref names one of refs (SamePerson).
func AmongPeople(ref string, refs []string) bool {
	for _, r := range refs {
		if SamePerson(ref, r) {
			return true
		}
	}
	return false
}

// normRole lower-cases a role and collapses its spaces.
func normRole(role string) string {
	return strings.ToLower(strings.Join(strings.Fields(role), " "))
}

// IsConferenceChairRole reports whether a role is that of an independent
// conference chair: the Independent Conference Chair of Oxfordshire 1.8, the
// Conference and Review Manager of Stoke-on-Trent C06 ("independent chair",
// "chair of the conference" and "CP chair" read the same).
func IsConferenceChairRole(role string) bool {
	r := normRole(role)
	switch {
	case strings.Contains(r, "conference and review manager"),
		strings.Contains(r, "conference chair"),
		strings.Contains(r, "independent chair"),
		strings.Contains(r, "chair of the conference"),
		strings.Contains(r, "cp chair"),
		strings.Contains(r, "child protection chair"):
		return true
	}
	return false
}

// IsLineManagerRole reports whether a role is a social worker's line
// manager's: a team, practice, service or deputy team manager, a
// supervisor or a senior practitioner acting up. A role of the conference and
// review service ("Conference and Review Manager", "Review Team Manager",
// "Safeguarding and Review Manager", "Independent Reviewing Officer") is
// not: they chair and review, and manage no lead worker.
func IsLineManagerRole(role string) bool {
	r := normRole(role)
	if IsConferenceChairRole(r) || strings.Contains(r, "review") || strings.Contains(r, "independent") ||
		strings.Contains(r, "conference") {
		return false
	}
	return strings.Contains(r, "manager") || strings.Contains(r, "supervisor") || strings.Contains(r, "team leader")
}

// IsSocialWorkerRole reports whether a role is a social worker's ("social
// worker", "senior social worker", "student social worker", "SW"). A
// manager is not one for this purpose, nor a family support worker.
func IsSocialWorkerRole(role string) bool {
	r := normRole(role)
	if IsLineManagerRole(r) || IsConferenceChairRole(r) {
		return false
	}
	if strings.Contains(r, "social worker") {
		return true
	}
	for _, f := range strings.FieldsFunc(r, func(c rune) bool { return c == ' ' || c == '/' || c == ',' || c == '(' || c == ')' }) {
		if f == "sw" || f == "ssw" || f == "lsw" {
			return true
		}
	}
	return false
}

// IsFamily reports whether ref names one of the case's people recorded as
// family or carers (family = true). The child is not counted.
func (c *Case) IsFamily(ref string) bool {
	if c.IsChild(ref) {
		return false
	}
	p := c.Person(ref)
	return p != nil && p.Family
}

// IsProfessional reports whether ref names one of the case's people who is
// neither family nor the child. Someone not among the people is not judged.
func (c *Case) IsProfessional(ref string) bool {
	if c.IsChild(ref) {
		return false
	}
	p := c.Person(ref)
	return p != nil && !p.Family
}

// IsConferenceChair reports whether ref names one of the case's people whose
// role is an independent conference chair (IsConferenceChairRole).
func (c *Case) IsConferenceChair(ref string) bool {
	p := c.Person(ref)
	return p != nil && IsConferenceChairRole(p.Role)
}

// LeadWorker returns the lead worker as the plan names them, spaces
// trimmed, or "" when there is no plan or it names none.
func (c *Case) LeadWorker() string {
	if c.Plan == nil {
		return ""
	}
	return strings.TrimSpace(c.Plan.LeadWorker)
}

// IsLeadWorker reports whether ref names the plan's lead worker.
func (c *Case) IsLeadWorker(ref string) bool {
	lw := c.LeadWorker()
	return lw != "" && SamePerson(ref, lw)
}

// LeadWorkersManager returns the lead worker's line manager as the plan
// names them (manager), or "" when it names none.
func (c *Case) LeadWorkersManager() string {
	if c.Plan == nil {
		return ""
	}
	return strings.TrimSpace(c.Plan.Manager)
}

// IsLeadWorkersManager reports whether ref names the lead worker's line
// manager: the plan's manager when the plan names one; otherwise one of the
// case's people whose role is a line manager's (IsLineManagerRole) and who
// is not the lead worker.
func (c *Case) IsLeadWorkersManager(ref string) bool {
	if strings.TrimSpace(ref) == "" {
		return false
	}
	if m := c.LeadWorkersManager(); m != "" {
		return SamePerson(ref, m)
	}
	p := c.Person(ref)
	return p != nil && !c.IsLeadWorker(ref) && IsLineManagerRole(p.Role)
}

// IsSocialWorker reports whether ref names one of the case's people, not
// family, whose role is a social worker's (IsSocialWorkerRole) or who is
// recorded as a qualified social worker (qualified = true).
func (c *Case) IsSocialWorker(ref string) bool {
	p := c.Person(ref)
	if p == nil || p.Family || c.IsChild(ref) {
		return false
	}
	return p.Qualified || IsSocialWorkerRole(p.Role)
}

// IsQualifiedSocialWorker reports whether ref names one of the case's
// people recorded as a qualified social worker (qualified = true).
func (c *Case) IsQualifiedSocialWorker(ref string) bool {
	p := c.Person(ref)
	return p != nil && !p.Family && p.Qualified
}

// IsPlaceholder reports whether text is no answer at all: empty, without a
// letter or digit ("-", "?"), or only one of the profile's placeholder words
// ("TBC", "(TBC)", "n/a.", "to follow"), case, spaces and surrounding
// punctuation ignored. It is the one test every rule uses.
func (p *Profile) IsPlaceholder(text string) bool {
	return schema.IsPlaceholder(text, p.Words.Placeholders)
}
