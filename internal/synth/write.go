package synth

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/caselint/caselint/schema"
)

// rec writes one record: TOML frontmatter, then the Markdown body.
type rec struct {
	b     strings.Builder
	wants bool
}

// kv writes key = value, with a want comment when want is set.
func (r *rec) kv(key, value, want string) {
	r.b.WriteString(key)
	r.b.WriteString(" = ")
	r.b.WriteString(value)
	r.want(want, "  # want: ")
	r.b.WriteByte('\n')
}

func (r *rec) want(want, prefix string) {
	if r.wants && want != "" {
		r.b.WriteString(prefix)
		r.b.WriteString(want)
		if strings.Contains(prefix, "<!--") {
			r.b.WriteString(" -->")
		}
	}
}

func (r *rec) line(s string) {
	r.b.WriteString(s)
	r.b.WriteByte('\n')
}

// para writes a paragraph wrapped at 76 columns, and a blank line: an item
// with no marker.
func (r *rec) para(s string) {
	r.item("", s)
	r.b.WriteByte('\n')
}

// item writes a list item wrapped at 76 columns, its lines indented under
// its text.
func (r *rec) item(marker, s string) {
	r.b.WriteString(marker)
	col := len(marker)
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if col+1+len(w) > 76 {
				r.b.WriteByte('\n')
				r.b.WriteString(strings.Repeat(" ", len(marker)))
				col = len(marker)
			} else {
				r.b.WriteByte(' ')
				col++
			}
		}
		r.b.WriteString(w)
		col += len(w)
	}
	r.b.WriteByte('\n')
}

func (r *rec) section(heading string) { r.line("## " + heading); r.line("") }

func (r *rec) bytes() []byte { return []byte(strings.TrimRight(r.b.String(), "\n") + "\n") }

func str(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func strs(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = str(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (g *gen) names(idx []int) []string {
	out := make([]string, len(idx))
	for i, p := range idx {
		out[i] = g.people[p].name
	}
	return out
}

func (g *gen) coreGroupMembers() []int {
	m := []int{g.lead}
	m = append(m, g.family...)
	return append(m, g.pros...)
}

func (g *gen) add(name string, author int, versions ...version) {
	for i := range versions {
		versions[i].author = author
	}
	sort.SliceStable(versions, func(i, j int) bool { return versions[i].when.Before(versions[j].when) })
	for i := 1; i < len(versions); i++ {
		if !versions[i].when.After(versions[i-1].when) {
			versions[i].when = versions[i-1].when.Add(time.Minute)
		}
	}
	g.files = append(g.files, &file{path: relPath(g.dir, name), versions: versions})
}

// write writes every record of the case, with its versions.
func (g *gen) write() {
	g.add("case.md", g.lead, version{when: g.recorded(g.start), data: g.caseRecord()})
	g.writePlan()
	g.writeConferences()
	g.writeCoreGroups()
	g.writeVisits()
}

func (g *gen) caseRecord() []byte {
	r := &rec{wants: g.opts.Wants}
	r.line("+++")
	r.kv("type", str("case"), "")
	r.kv("id", str(g.id), "")
	r.line("")
	r.line("[child]")
	r.kv("name", str(g.child), "")
	r.kv("born", g.born.String(), "")
	r.kv("first_language", str(g.childLang), "")
	for i, p := range g.people {
		r.line("")
		r.line("[[people]]")
		r.kv("name", str(p.name), "")
		r.kv("role", str(p.role), "")
		if p.family {
			r.kv("family", "true", "")
			r.kv("language", str(p.language), "")
		}
		if p.agency != "" {
			if g.defects[dUnknownKey] && len(g.pros) > 0 && i == g.pros[0] {
				r.kv("agncy", str(p.agency), defectRules[dUnknownKey])
			} else {
				r.kv("agency", str(p.agency), "")
			}
		}
		if p.qualified {
			r.kv("qualified", "true", "")
		}
	}
	r.line("+++")
	r.line("")
	r.section("Background")
	r.para(fmt.Sprintf("%s is %d and lives in %s. %s", g.child, g.ageOn(g.start), g.council, g.sentences(backgrounds, 2)))
	r.para(g.sentences(concerns[g.category], 1))
	r.para(g.fill("The initial child protection conference on " + g.start.Long() + " made {C} the subject of a Child Protection Plan under the category of " + g.category + ", with {W} as lead social worker."))
	return r.bytes()
}

// planState is what the plan says at a time: before the first review, after
// each review, after reduced visiting was agreed and after it ended.
type planText struct {
	concerns, needs, contact, review, contingency string
	countersigned                                 schema.Date
	copies                                        []schema.Date
	seenAloneEvery                                bool
	followUp                                      string
}

func (g *gen) writePlan() {
	pt := planText{
		concerns:       g.sentences(concerns[g.category], 2),
		needs:          g.sentences(needsText, 3),
		contact:        g.sentences(contactText, 1),
		review:         g.sentences(reviewText, 1),
		contingency:    g.sentences(contingencyText, 2),
		countersigned:  g.cal.AddWorkingDays(g.start, g.between(3, 8)),
		seenAloneEvery: g.chance(0.6),
		followUp:       g.fill("A Child in Need plan led by {W}, with the family hub continuing its support; reviewed after three months."),
	}
	for range g.copyHolders() {
		pt.copies = append(pt.copies, g.start.AddDays(g.between(5, 15)))
	}
	var vs []version
	vs = append(vs, version{when: g.recorded(pt.countersigned), data: g.plan(pt, g.start)})
	for _, r := range g.reviews {
		vs = append(vs, version{when: g.recorded(r), data: g.plan(pt, r)})
	}
	if !g.reducedFrom.IsZero() {
		vs = append(vs, version{when: g.recorded(g.reducedFrom), data: g.plan(pt, g.reducedFrom)})
	}
	g.add("plan.md", g.lead, vs...)
	// The work tree holds the plan as it stands at the end.
	f := g.files[len(g.files)-1]
	f.versions[len(f.versions)-1].data = g.plan(pt, g.cutoff)
}

// copyHolders are the people who get a copy of the plan: the family members
// of the core group, and the child from 10.
func (g *gen) copyHolders() []string {
	var out []string
	for _, p := range g.family {
		out = append(out, g.people[p].name)
	}
	if g.ageOn(g.start) >= 10 {
		out = append(out, g.child)
	}
	return out
}

// plan writes plan.md as it stood on day at.
func (g *gen) plan(pt planText, at schema.Date) []byte {
	r := &rec{wants: g.opts.Wants}
	r.line("+++")
	typeWant := ""
	if g.defects[dUncountersigned] {
		typeWant = defectRules[dUncountersigned]
	}

	r.kv("type", str("plan"), typeWant)
	r.kv("started", g.start.String(), "")
	r.kv("category", str(g.category), "")
	r.kv("lead_worker", str(g.people[g.lead].name), "")
	r.kv("manager", str(g.people[g.manager].name), "")
	cgWant := ""
	if g.defects[dMissingCopy] {
		cgWant = defectRules[dMissingCopy]
	}
	r.kv("core_group", strs(g.names(g.coreGroupMembers())), cgWant)
	if !g.defects[dUncountersigned] {
		r.kv("countersigned_by", str(g.people[g.manager].name), "")
		r.kv("countersigned", pt.countersigned.String(), "")
	}
	reduced := !g.reducedFrom.IsZero() && !at.Before(g.reducedFrom)
	ended := g.ceased && !at.Before(g.cutoff)
	next := g.nextReview
	for _, rv := range g.reviews {
		if rv.After(at) || (ended && rv == g.cutoff) {
			next = rv
			break
		}
	}
	r.kv("review_conference", next.String(), "")
	if pt.seenAloneEvery && !reduced {
		r.kv("seen_alone_every", str("2 weeks"), "")
	}
	if reduced {
		r.line("")
		r.line("[reduced_visiting]")
		r.kv("agreed", g.reducedFrom.String(), "")
		r.kv("approved_by", str(g.people[g.chair].name), "")
	}
	for i, to := range g.copyHolders() {
		if g.defects[dMissingCopy] && i == 0 {
			continue
		}
		lang := g.childLang
		if i < len(g.family) {
			lang = g.people[g.family[i]].language
		}
		r.line("")
		r.line("[[copies]]")
		r.kv("to", str(to), "")
		r.kv("language", str(lang), "")
		r.kv("given", pt.copies[i].String(), "")
	}
	// The lead worker circulates the plan to the professionals of the core
	// group and the conference chair (C06 §03, Oxfordshire 1.8 §3 ¶9).
	for _, p := range append(append([]int(nil), g.pros...), g.chair) {
		r.line("")
		r.line("[[copies]]")
		r.kv("to", str(g.people[p].name), "")
		r.kv("given", pt.countersigned.String(), "")
	}
	if ended {
		var notified []string
		for _, p := range g.coreGroupMembers() {
			if p != g.lead {
				notified = append(notified, g.people[p].name)
			}
		}
		if g.ageOn(g.cutoff) >= 10 { // the child of age and understanding is told too
			notified = append(notified, g.child)
		}
		r.line("")
		r.line("[cessation]")
		r.kv("date", g.cutoff.String(), "")
		r.kv("reason", str("no longer at risk"), "")
		r.kv("conference", str("conferences/"+g.cutoff.String()+"-review.md"), "")
		r.kv("notified", strs(notified), "")
		r.kv("follow_up", str(pt.followUp), "")
	}
	r.line("+++")
	r.line("")
	r.line("# Child Protection Plan: " + g.child)
	r.line("")
	r.para(fmt.Sprintf("Outline plan agreed at the initial child protection conference on %s; detailed plan agreed by the core group on %s.", g.start.Long(), g.firstCG.Long()))
	r.section("Concerns")
	r.para(pt.concerns)
	r.section("Outcomes")
	for i, o := range g.outcomes {
		r.item(fmt.Sprintf("%d. ", i+1), fmt.Sprintf("O%d: %s", i+1, g.fill(o)))
	}
	r.line("")
	r.section("Actions")
	r.line("| ID | Action | Owner | Due | Outcome |")
	r.line("|----|--------|-------|-----|---------|")
	for i, a := range g.actions {
		var os []string
		for _, o := range a.outcomes {
			os = append(os, fmt.Sprintf("O%d", o+1))
		}
		fmt.Fprintf(&r.b, "| A%d | %s | %s | %s | %s |", i+1, a.task, a.owner, a.due, strings.Join(os, ", "))
		r.want(a.want, " <!-- want: ")
		r.b.WriteByte('\n')
	}
	r.line("")
	r.section("Developmental needs")
	r.para(pt.needs)
	r.section("Contact arrangements")
	if reduced {
		r.para(g.fill("From " + g.reducedFrom.Long() + " the core group recommends that the plan end at the next review conference, and {W} sees {C} alone at least every four weeks, as agreed with {M} in supervision and approved by {R}."))
	}
	r.para(pt.contact)
	r.section("Review")
	r.para(pt.review)
	if g.defects[dNoContingency] {
		// A placeholder: reported at the heading.
		r.b.WriteString("## Contingency plan")
		r.want(defectRules[dNoContingency], " <!-- want: ")
		r.b.WriteString("\n\n")
		r.para("To follow.")
	} else {
		r.section("Contingency plan")
		r.para(pt.contingency)
	}
	return r.bytes()
}

func (g *gen) outcomeIDs() []string {
	ids := make([]string, len(g.outcomes))
	for i := range ids {
		ids[i] = fmt.Sprintf("O%d", i+1)
	}
	return ids
}

func (g *gen) writeConferences() {
	all := append([]schema.Date{g.start}, g.reviews...)
	for i, d := range all {
		r := &rec{wants: g.opts.Wants}
		kind, decision := "review", "continue"
		if i == 0 {
			kind, decision = "initial", "plan"
		}
		ending := g.ceased && i == len(all)-1
		if ending {
			decision = "cease"
		}
		r.line("+++")
		r.kv("type", str("conference"), "")
		r.kv("kind", str(kind), "")
		r.kv("date", d.String(), "")
		r.kv("chair", str(g.people[g.chair].name), "")
		r.kv("quorate", "true", "")
		r.kv("decision", str(decision), "")
		if !ending {
			r.kv("outcomes", strs(g.outcomeIDs()), "")
		}
		if i == 0 {
			want := ""
			if g.defects[dLateFirstCG] {
				want = defectRules[dLateFirstCG]
			}
			r.kv("first_core_group", g.firstCG.String(), want)
		}
		if !ending {
			next := g.nextReview
			if i+1 < len(all) {
				next = all[i+1]
			}
			r.kv("next_review", next.String(), "")
		}
		r.line("+++")
		r.line("")
		r.section("Present")
		present := append([]string{g.people[g.chair].name + " (chair)", g.people[g.manager].name}, g.names(g.coreGroupMembers())...)
		r.para(strings.Join(present, ", ") + ".")
		r.section("Summary")
		r.para(g.sentences(progress, 3))
		r.section("Decision")
		switch {
		case i == 0:
			r.para(g.fill("{C} is to be the subject of a Child Protection Plan under the category of " + g.category + ". Lead social worker: {W}. First core group on " + g.firstCG.Long() + "."))
		case ending:
			r.para(g.fill("The conference agreed that {C} is no longer at continuing risk of significant harm and the plan ends today. {W} will lead a Child in Need plan."))
		default:
			r.para("The plan continues with the same outcomes. The core group keeps meeting monthly.")
		}
		name := fmt.Sprintf("conferences/%s-%s.md", d, kind)
		g.add(name, g.chair, version{when: g.recorded(d), data: r.bytes()})
	}
}

func (g *gen) writeCoreGroups() {
	members := g.coreGroupMembers()
	for i, cg := range g.cgs {
		r := &rec{wants: g.opts.Wants}
		absent := map[int]bool{}
		for _, p := range cg.apologies {
			absent[p] = true
		}
		var attended []int
		for _, p := range members {
			if !absent[p] {
				attended = append(attended, p)
			}
		}
		minutesBy := g.lead
		if len(g.pros) > 0 && g.chance(0.5) {
			minutesBy = g.pros[g.r.IntN(len(g.pros))]
			if absent[minutesBy] {
				minutesBy = g.lead
			}
		}
		r.line("+++")
		r.kv("type", str("core-group"), "")
		r.kv("date", cg.date.String(), cg.wantDate)
		// The lead worker's manager chairs the first meeting, the lead
		// worker the later ones (Oxfordshire 1.8 §4, §3).
		chair := g.lead
		if i == 0 {
			chair = g.manager
		}
		r.kv("chair", str(g.people[chair].name), "")
		r.kv("minutes_by", str(g.people[minutesBy].name), "")
		r.kv("attended", strs(g.names(attended)), cg.wantAtt)
		if len(cg.apologies) > 0 {
			r.kv("apologies", strs(g.names(cg.apologies)), "")
		}
		if len(cg.reports) > 0 {
			r.kv("written_reports", strs(g.names(cg.reports)), "")
		}
		if !cg.minutes.IsZero() {
			r.kv("minutes_circulated", cg.minutes.String(), cg.wantMins)
		}
		r.line("+++")
		r.line("")
		r.section("Progress against outcomes")
		r.para(g.sentences(progress, g.between(2, 3)))
		r.section("Written views of absent members")
		switch {
		case len(cg.reports) > 0:
			p := g.people[cg.reports[0]]
			r.para(fmt.Sprintf("%s (%s) sent a written report: %s", p.name, p.role, g.sentences(progress, 1)))
		case len(cg.apologies) > 0:
			r.para(g.people[cg.apologies[0]].name + " sent apologies; no written report was received.")
		default:
			r.para("None: everyone attended.")
		}
		r.section("Decisions")
		r.para(g.sentences(decisions, 1))
		g.add("core-groups/"+cg.date.String()+".md", minutesBy, version{when: g.recorded(cg.date), data: r.bytes()})
	}
}

func (g *gen) writeVisits() {
	present := append([]string{g.child}, g.names(g.family[:1])...)
	if len(g.family) > 1 {
		present = append(present, g.people[g.family[1]].name)
	}
	for _, v := range g.visits {
		r := &rec{wants: g.opts.Wants}
		r.line("+++")
		r.kv("type", str("visit"), "")
		r.kv("date", fmt.Sprintf("%sT%02d:%02d:00", v.date, v.hour, v.min), v.want)
		r.kv("by", str(g.people[g.lead].name), "")
		r.kv("present", strs(present[:1+g.r.IntN(len(present))]), "")
		r.kv("child_seen", "true", "")
		if v.seenAlone {
			r.kv("seen_alone", "true", "")
		} else {
			r.kv("seen_alone", "false", "")
			r.kv("awake", "true", "")
		}
		r.kv("bedroom_seen", fmt.Sprint(v.bedroom), "")
		r.line("+++")
		r.line("")
		baby := !v.seenAlone
		r.section("Observations")
		r.para(g.sentences(observations, g.between(2, 3)))
		r.section("Wishes and feelings")
		if baby {
			r.para(g.sentences(babyWishes, 1))
		} else {
			r.para(g.sentences(wishes, 1))
		}
		r.section("Meals and sleeping")
		if baby {
			r.para(g.sentences(babyMeals, 2))
		} else {
			r.para(g.sentences(meals, 2))
		}
		r.section("Presentation and behaviour")
		if baby {
			r.para(g.sentences(babyPresentation, g.between(1, 2)))
		} else {
			r.para(g.sentences(presentation, g.between(1, 2)))
		}
		if v.label {
			r.b.WriteString(g.child + " was disturbed when I got up to leave.")
			r.want(defectRules[dLabel], " <!-- want: ")
			r.b.WriteString("\n\n")
		}
		r.section("Incidents and injuries")
		r.para(g.sentences(incidents, 1))
		first := r.bytes()
		vs := []version{{when: g.recordedAfter(v.date, v.hour, v.min), data: first}}
		// Now and then a correction is added to the body later, as the
		// procedures ask (the facts are not changed).
		if g.chance(0.03) {
			on := v.date.AddDays(g.between(8, 30))
			if on.Before(g.asOf) {
				r.section(fmt.Sprintf("Correction, %s (%s)", on.Long(), g.people[g.lead].name))
				r.para(g.fill("{P} has since said that the visitor at the door was a neighbour, not {Q}."))
				vs = append(vs, version{when: g.recorded(on), data: r.bytes()})
			}
		}
		g.add("visits/"+v.date.String()+".md", g.lead, vs...)
	}
}
