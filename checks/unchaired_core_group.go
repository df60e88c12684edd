package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnchairedCoreGroup: a core group record names no chair or no minute-taker,
// or one the procedure does not give the role to.
var UnchairedCoreGroup = &lint.Rule{
	ID:       "unchaired-core-group",
	Title:    "A core group meeting has no chair or minute-taker, or one the procedure does not give the role to",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindConference, schema.KindCoreGroup, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "Share responsibility for either chairing the core group, or recording the minutes, as decided by the group prior to each meeting"},
		{Source: Oxon, Paragraph: "§3 ¶5", Quote: "To convene, chair and record the Core Group meetings after the initial meeting following on from the Conference"},
		{Source: Oxon, Paragraph: "§4", Quote: "Chair the first Core Group Meetings and subsequent meetings as necessary"},
		{Source: Oxon, Paragraph: "§5.4", Quote: "Core Group Meetings will usually continue to be chaired by the Lead Social Worker or his/her manager"},
		{Source: Oxon, Paragraph: "§5.5", Quote: "Core Group Meetings ... must be recorded"},
	},
	Text: `Every core group meeting is chaired and recorded, and the record says by
whom (chair and minutes_by on the core group record). Who may do it differs
between the procedures:

- Stoke-on-Trent C06 §05: the members of the core group share the chairing
  and the recording of the minutes, as the group decides before each
  meeting. The chair and the minute-taker are members (named in plan.md's
  core_group); the lead worker's manager may also chair or take the
  minutes, since they monitor the plan and cover for the lead worker (§04),
  and the group may ask an
  administrator to take the minutes (a person whose role is a minute
  taker's, business support or an administrator). A social worker of the
  authority may stand in for the lead worker at a meeting the lead worker
  did not attend (covering for them, or the lead worker before the case
  changed hands, who is no longer in core_group).
- Oxfordshire 1.8 §4: the lead worker's manager chairs the first core group
  meeting; after it the lead social worker convenes, chairs and records the
  meetings (§3), which "usually continue to be chaired by the Lead Social
  Worker or his/her manager" (§5.4). Another social worker of the authority
  may chair when the lead worker was not at the meeting (covering for them,
  §3 "becomes unavailable"). Who takes the minutes is not restricted.
- combined: both.

The rule reads this authority's core group meetings up to the as-of date,
or the end of the plan (for a child who moved in, the first is the first
after this authority's transfer conference; the previous authority's
meetings kept in the case are history), and fires:

- when a record names no chair, or no minute-taker, or only a placeholder
  (reported on the chair or minutes_by line, or the record's type line when
  the key is missing);
- when the chair or minute-taker is not someone the profile's procedure
  gives the role to, as above (reported on the chair or minutes_by line).

The lead worker and manager are those of the day of the meeting: before the
case changed hands, the lead worker and manager then, as plan.md's
[[previous_lead]] records them or, when it records none, as the records
show them (docs/format.md). Under Stoke-on-Trent the lead worker then was a
member of the core group then.

People not among the case's people are invalid-record's concern and are not
judged here. A meeting chaired otherwise for a good reason (the manager
off sick on the day) is a reviewed exception: suppress the finding with the
reason.`,
	Bad: `# core-groups/2026-09-04.md: the first core group
chair = "Dr Fiona Marsh"     # the GP
attended = ["Nadia Okafor", "Rhiannon Bevan", "Dr Fiona Marsh"]`,
	Good: `# core-groups/2026-09-04.md: the first core group
chair = "Gareth Lloyd"       # the lead worker's manager
minutes_by = "Nadia Okafor"  # the lead worker
attended = ["Nadia Okafor", "Rhiannon Bevan", "Dr Fiona Marsh", "Gareth Lloyd"]`,
	Since:    "0.1.0",
	Synonyms: []string{"core group had no chair", "no minute taker", "wrong person chaired core group"},
	Related:  []string{"absent-member-without-report", "incomplete-core-group", "late-minutes", "late-recording", "missed-core-groups", "missing-absent-views"},
	Run:      runUnchairedCoreGroup,
}

func runUnchairedCoreGroup(pass *lint.Pass) error {
	if pass.Case.Plan == nil {
		return nil
	}
	c := pass.Case
	stoke := pass.Profile.Base != lint.ProfileOxfordshire
	oxon := pass.Profile.Base != lint.ProfileStoke
	until := pass.Until()
	for i, cg := range c.PlanCoreGroups() {
		if cg.Date.After(until) {
			break
		}
		chair := pass.Profile.CoreGroupChair(cg)
		minutes := pass.Profile.CoreGroupMinuteTaker(cg)

		// Nobody named.
		var missing []string
		if chair == "" {
			missing = append(missing, "who chaired it (chair)")
		}
		if minutes == "" {
			missing = append(missing, "who recorded the minutes (minutes_by)")
		}
		if len(missing) == 2 && !cg.Doc.Keys.Has("chair") && !cg.Doc.Keys.Has("minutes_by") {
			pass.Reportf(cg.Doc, cg.Doc.TypeLine(),
				"the record of the core group of %s names neither %s nor %s: every meeting is chaired and recorded; name them (%s)",
				cg.Date.Long(), missing[0], missing[1], cite(pass))
		} else {
			if chair == "" {
				pass.Reportf(cg.Doc, ucgKeyLine(cg.Doc, "chair"),
					"the record of the core group of %s does not say who chaired it: name the chair in chair (%s)",
					cg.Date.Long(), cite(pass))
			}
			if minutes == "" {
				pass.Reportf(cg.Doc, ucgKeyLine(cg.Doc, "minutes_by"),
					"the record of the core group of %s does not say who recorded the minutes: name them in minutes_by (%s)",
					cg.Date.Long(), cite(pass))
			}
		}

		// The lead worker and their manager on the day of the meeting: before
		// the case changed hands, those who held it then.
		day := cg.Date
		leadThen := c.LeadWorkerOn(day)

		// Oxfordshire: the manager chairs the first; the lead worker or the
		// manager the later ones.
		if oxon && chair != "" && c.Known(chair) {
			switch {
			case i == 0 && !c.IsLeadWorkersManagerOn(chair, day):
				pass.Reportf(cg.Doc, cg.Doc.At("chair"),
					"the first core group of the plan, on %s, was chaired by %s: the lead worker's manager%s chairs the first core group meeting; the lead worker chairs the later ones (%s)",
					cg.Date.Long(), pass.Case.NameWithRole(chair), ucgManagerWords(pass, day), citeOnly(pass, Oxon, "§4", "§3"))
			case i > 0 && !c.IsLeadWorkerOn(chair, day) && !c.IsLeadWorkersManagerOn(chair, day) &&
				!(c.IsSocialWorker(chair) && !lint.AmongPeople(leadThen, c.Attended(cg))):
				pass.Reportf(cg.Doc, cg.Doc.At("chair"),
					"the core group of %s was chaired by %s, who is neither the lead worker, %s, nor their manager%s: core group meetings are chaired by the lead social worker or their manager (%s)",
					cg.Date.Long(), pass.Case.NameWithRole(chair), ucgLeadWorkerWords(pass, day), ucgManagerWords(pass, day), citeOnly(pass, Oxon, "§5.4", "§3"))
			}
		}

		// Stoke-on-Trent: members share the chairing and the minutes. A
		// social worker of the authority at a meeting the lead worker did
		// not attend stands in for them, a member (covering, or the lead
		// worker before the case changed hands).
		// The lead worker on the day, recorded in [[previous_lead]] and no
		// longer in core_group, was a member then.
		standIn := func(ref string) bool {
			return c.IsLeadWorkerOn(ref, day) || c.IsSocialWorker(ref) && !lint.AmongPeople(leadThen, c.Attended(cg))
		}
		if stoke && len(c.CoreGroupMembers()) > 0 {
			if chair != "" && c.Known(chair) && !c.IsCoreGroupMember(chair) && !c.IsLeadWorkersManagerOn(chair, day) && !standIn(chair) {
				pass.Reportf(cg.Doc, cg.Doc.At("chair"),
					"the core group of %s was chaired by %s, who is not a member of the core group: the members share the chairing of the core group and the recording of its minutes; add them to core_group in plan.md if they are a member, or record the member who chaired (%s)",
					cg.Date.Long(), pass.Case.NameWithRole(chair), citeOnly(pass, Stoke, "§05"))
			}
			if minutes != "" && c.Known(minutes) && !c.IsCoreGroupMember(minutes) && !c.IsLeadWorkersManagerOn(minutes, day) && !c.IsMinuteTaker(minutes) && !standIn(minutes) {
				pass.Reportf(cg.Doc, cg.Doc.At("minutes_by"),
					"the minutes of the core group of %s were recorded by %s, who is not a member of the core group: the members share the chairing of the core group and the recording of its minutes; add them to core_group in plan.md if they are a member, or record the member who took the minutes (%s)",
					cg.Date.Long(), pass.Case.NameWithRole(minutes), citeOnly(pass, Stoke, "§05"))
			}
		}
	}
	return nil
}

// ucgKeyLine is where a missing or empty key is reported: its own line, or
// the record's type line when it is missing.
func ucgKeyLine(doc *schema.Document, key string) int {
	if doc.Keys.Has(key) {
		return doc.At(key)
	}
	return doc.TypeLine()
}

// ucgManagerWords names the lead worker's manager on day d for a message,
// when plan.md names one: " (Gareth Lloyd)".
func ucgManagerWords(pass *lint.Pass, d schema.Date) string {
	if m := pass.Case.LeadWorkersManagerOn(d); m != "" {
		return " (" + m + ")"
	}
	return ""
}

// ucgLeadWorkerWords names the lead worker on day d for a message.
func ucgLeadWorkerWords(pass *lint.Pass, d schema.Date) string {
	if lw := pass.Case.LeadWorkerOn(d); lw != "" {
		return lw
	}
	return "named in plan.md"
}
