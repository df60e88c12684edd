package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnqualifiedLeadWorker: the lead worker is not a qualified social worker.
var UnqualifiedLeadWorker = &lint.Rule{
	ID:       "unqualified-lead-worker",
	Title:    "The lead worker is not a qualified social worker",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "The lead worker will always be a qualified social worker from within Vulnerable Children and Corporate Parenting"},
		{Source: Oxon, Paragraph: "§3", Quote: "The Lead Social Worker will always be a suitably qualified and experienced social worker from within Children, Education and Families"},
	},
	Text: `The lead worker will always be a qualified social worker from within the
local authority's children's social care (Vulnerable Children and Corporate
Parenting in Stoke-on-Trent; Children, Education and Families in
Oxfordshire). case.md records this with qualified = true on the lead
worker's [[people]] entry, and their service in agency.

The rule fires when the plan's lead_worker is among the case's people but
is not marked qualified = true, or is marked so but their role says
otherwise (a student or trainee social worker, a social work assistant, a
support worker, or another profession: qualified = true on a health
visitor says nothing of social work), or is a family member; and when
their agency, or their role ("hospital social worker", "CAMHS social
worker"), is plainly another service (health, education, police,
probation, a charity). Under the stoke-on-trent or oxfordshire profile
(or a config extending one) it also fires when their agency or role names
another local authority ("Cheshire East Council Children's Services"): a
lead worker still named from the previous authority after a child moved
in is not from within this authority's service. Under the combined
profile, which is no one authority's, another council is not judged. An
agency that is not written, or not plain ("Locality Team 3"), is not
judged: the format leaves it optional. It is reported on the
lead_worker line. A lead worker who is not among the case's people at all
is missing-lead-worker's concern.`,
	Bad: `# case.md
[[people]]
name = "Lee Brown"
role = "family support worker"

# plan.md
lead_worker = "Lee Brown"`,
	Good: `# case.md
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true

# plan.md
lead_worker = "Aisha Patel"`,
	Since:    "0.1.0",
	Synonyms: []string{"lead worker not qualified", "lead worker not a social worker", "unqualified worker as lead"},
	Related:  []string{"core-member-without-part", "incomplete-core-group", "missing-core-group", "missing-lead-worker", "uncountersigned-plan"},
	Run:      runUnqualifiedLeadWorker,
}

func runUnqualifiedLeadWorker(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil {
		return nil
	}
	c := pass.Case
	lead := c.LeadWorker()
	p := c.Person(lead)
	if p == nil || c.IsChild(lead) {
		return nil // missing-lead-worker's concern
	}
	at := doc.At("lead_worker")
	theirs, _ := c.LeadWorkerElsewhere()
	switch {
	case c.IsFamily(lead):
		pass.Reportf(doc, at,
			"the lead worker %s is a family member of %s in case.md: the lead worker must always be a qualified social worker%s; name one as lead worker (%s)",
			pass.Case.NameWithRole(lead), pass.Case.ChildName(), serviceWords(pass), cite(pass))
	case !c.IsQualifiedSocialWorker(lead) && p.Qualified:
		pass.Reportf(doc, at,
			"the lead worker %s is marked qualified = true, but their role says they are not a qualified social worker, and the lead worker must always be one: name a qualified social worker as lead worker, or correct the role in case.md (%s)",
			pass.Case.NameWithRole(lead), cite(pass))
	case !c.IsQualifiedSocialWorker(lead):
		pass.Reportf(doc, at,
			"the lead worker %s is not recorded as a qualified social worker, and the lead worker must always be one: name a qualified social worker as lead worker, or, if %s is qualified, set qualified = true on their entry in case.md (%s)",
			pass.Case.NameWithRole(lead), p.Name, cite(pass))
	case c.OfOtherService(lead) && c.Service(lead) != lint.ServiceOther:
		pass.Reportf(doc, at,
			"the lead worker %s is, by their role, of another service than the local authority's children's social care: the lead worker must always be a qualified social worker%s; name one as lead worker, or correct the role in case.md (%s)",
			pass.Case.NameWithRole(lead), serviceWords(pass), cite(pass))
	case c.Service(lead) == lint.ServiceOther:
		pass.Reportf(doc, at,
			"the lead worker %s works for %s, not for the local authority's children's social care: the lead worker must always be a qualified social worker%s; name one as lead worker, or correct the agency in case.md (%s)",
			pass.Case.NameWithRole(lead), strings.TrimSpace(p.Agency), serviceWords(pass), cite(pass))
	case theirs != "":
		pass.Reportf(doc, at,
			"the lead worker %s is, by their %s, a social worker of another local authority than the one whose procedure the plan is read under: the lead worker must always be a qualified social worker%s; name one of this authority's social workers as lead worker (after a child moves in, the receiving authority allocates its own), or, if %s is of this authority, correct their %s in case.md (%s)",
			pass.Case.NameWithRole(lead), elsewhereBy(p), serviceWords(pass), p.Name, elsewhereBy(p), cite(pass))
	}
	return nil
}

// serviceWords names the service the lead worker must come from, in the
// words of the profile's procedure.
func serviceWords(pass *lint.Pass) string {
	if d := pass.Profile.Directorate(); d != "" {
		return " from within " + d
	}
	return " from within the local authority's children's social care"
}

// elsewhereBy says where the lead worker's record names their authority:
// the agency, or, when it names none, the role.
func elsewhereBy(p *schema.Person) string {
	if lint.AgencyAuthority(p.Agency) != "" {
		return "agency (" + strings.TrimSpace(p.Agency) + ")"
	}
	return "role (" + strings.TrimSpace(p.Role) + ")"
}
