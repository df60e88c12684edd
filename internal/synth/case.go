package synth

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // commit times are London times wherever the corpus is made

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// The defects a case can be seeded with, each named by the rule that
// reports it.
type defect int

const (
	dUnnamedOwner    defect = iota // an action owned by "TBC"
	dVagueTimescale                // an action due "ongoing"
	dNoContingency                 // contingency plan "To follow."
	dLabel                         // "disturbed" in a visit record
	dLateMinutes                   // minutes circulated on the 6th working day
	dUnknownKey                    // agncy = ... in case.md
	dVisitGap                      // the child not seen alone for three weeks
	dUncountersigned               // no countersignature
	dLateFirstCG                   // first core group on the 12th working day
	dAbsentNoReport                // a professional's apologies, no written report
	dMissingCopy                   // a parent has no copy of the plan
	dCoreGroupGap                  // core group not held for over a month
	numDefects
)

var defectRules = [numDefects]string{
	dUnnamedOwner:    "unnamed-action-owner",
	dVagueTimescale:  "missing-action-timescale",
	dNoContingency:   "missing-contingency-plan",
	dLabel:           "non-specific-label",
	dLateMinutes:     "late-minutes",
	dUnknownKey:      "invalid-record",
	dVisitGap:        "unseen-child",
	dUncountersigned: "uncountersigned-plan",
	dLateFirstCG:     "late-first-core-group",
	dAbsentNoReport:  "absent-member-without-report",
	dMissingCopy:     "missing-plan-copy",
	dCoreGroupGap:    "overdue-core-group",
}

// DefectRules returns the ids of the rules that report the defects the
// corpus seeds.
func DefectRules() []string { return append([]string(nil), defectRules[:]...) }

type person struct {
	name, role, agency, language string
	family, qualified            bool
	kind                         string // lead, manager, chair, school, health, support, family
}

type visit struct {
	date      schema.Date
	hour, min int
	seenAlone bool // else a baby seen awake
	bedroom   bool
	want      string // a want on the date line
	label     bool   // a non-specific label in the record
}

type coreGroup struct {
	date      schema.Date
	minutes   schema.Date // zero: not yet circulated
	apologies []int
	reports   []int
	wantDate  string
	wantMins  string
	wantAtt   string
}

type action struct {
	task, owner, due string
	outcomes         []int
	want             string
}

// gen makes one case.
type gen struct {
	r    *rand.Rand
	cal  *calendar.Calendar
	opts Options
	asOf schema.Date

	id, dir, council, team string
	child                  string
	pron                   [3]string // he, him, his
	born                   schema.Date
	childLang              string
	people                 []person
	lead, manager, chair   int
	family                 []int // family members in the core group
	pros                   []int // other professionals in the core group
	other                  string
	young                  bool // under 5: nursery, not school
	category               string

	start, cutoff schema.Date // the plan's start; the last day anything happens
	ceased        bool
	reviews       []schema.Date // review conferences held
	nextReview    schema.Date   // the next one planned (open plans)
	reducedFrom   schema.Date   // reduced visiting agreed; zero: none
	firstCG       schema.Date   // as the initial conference set it
	visits        []visit
	cgs           []coreGroup
	outcomes      []string
	actions       []action
	defects       map[defect]bool
	files         []*file
	replacer      *strings.Replacer
}

func makeCase(opts Options, i int) *caseModel {
	g := &gen{r: rng(opts.Seed, i), cal: defaultCalendar(), opts: opts, asOf: opts.AsOf, defects: map[defect]bool{}}
	g.identity(i)
	g.schedule()
	if defective(opts, i) {
		g.pickDefects()
	}
	g.timeline()
	g.planContent()
	g.write()
	sortFiles(g.files)
	days := g.start.DaysUntil(g.cutoff)
	people := make([]string, len(g.people))
	for i, p := range g.people {
		people[i] = p.name
	}
	return &caseModel{index: i, dir: g.dir, people: people, files: g.files, defects: len(g.defects), ceased: g.ceased,
		visits: len(g.visits), coreGroups: len(g.cgs), months: (days + 15) / 30}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) chance(p float64) bool     { return g.r.Float64() < p }
func (g *gen) between(lo, hi int) int    { return lo + g.r.IntN(hi-lo+1) }

// onOrBefore returns the last working day on or before d.
func (g *gen) onOrBefore(d schema.Date) schema.Date {
	for !g.cal.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// identity chooses the child, the family and the professionals, and how
// long the plan has run.
func (g *gen) identity(i int) {
	a := authorities[g.r.IntN(len(authorities))]
	g.council, g.team = a.council, g.pick(teams)
	family := g.pick(surnames)
	if g.chance(0.5) {
		g.child, g.pron = g.pick(girls), [3]string{"she", "her", "her"}
	} else {
		g.child, g.pron = g.pick(boys), [3]string{"he", "him", "his"}
	}

	// How long the plan has run up to the as-of date (or ran, when it has
	// ended): most plans are recent, a few long.
	var days int
	if g.chance(0.05) {
		days = g.between(180, 548)
		g.ceased = g.chance(0.4)
	} else {
		days = 56 + min(int(g.r.ExpFloat64()*14), 124)
	}
	if g.ceased {
		days = max(days, 280)
		after := g.between(10, 120)
		g.start = g.onOrBefore(g.asOf.AddDays(-days - after))
	} else {
		g.start = g.onOrBefore(g.asOf.AddDays(-days))
	}
	g.id = fmt.Sprintf("%s-%d-%05d", a.prefix, g.start.Year, i+1)
	g.dir = relPath(CasesDir, g.id)

	// The child's age on the as-of date: 0 to 16.
	var age int
	switch x := g.r.Float64(); {
	case x < 0.12:
		age = 0
	case x < 0.35:
		age = g.between(1, 4)
	case x < 0.65:
		age = g.between(5, 10)
	default:
		age = g.between(11, 16)
	}
	if age == 0 {
		g.born = g.start.AddDays(-g.between(14, 200))
	} else {
		g.born = g.asOf.AddYears(-age).AddDays(-g.between(1, 360))
	}
	if g.born.After(g.start) {
		g.born = g.start.AddDays(-g.between(14, 60))
	}

	add := func(p person) int { g.people = append(g.people, p); return len(g.people) - 1 }
	council := "Children's Services, " + g.team
	g.lead = add(person{name: g.adult(), role: "social worker", agency: council, qualified: true, kind: "lead"})
	g.manager = add(person{name: g.adult(), role: "team manager", agency: council, kind: "manager"})
	g.chair = add(person{name: g.adult(), role: "conference and review manager", agency: "Children's Services, Safeguarding Quality Assurance", kind: "chair"})

	lang := "English"
	if g.chance(0.2) {
		lang = g.pick(homeLanguages)
	}
	g.childLang = "English"
	if lang != "English" && g.chance(0.4) {
		g.childLang = lang
	}
	mother := add(person{name: g.pick(women) + " " + family, role: "mother", family: true, language: lang, kind: "family"})
	g.family = append(g.family, mother)
	switch x := g.r.Float64(); {
	case x < 0.3:
		g.family = append(g.family, add(person{name: g.pick(men) + " " + family, role: "father", family: true, language: lang, kind: "family"}))
	case x < 0.5:
		g.family = append(g.family, add(person{name: g.pick(women) + " " + g.pick(surnames), role: "maternal grandmother", family: true, language: lang, kind: "family"}))
	}
	g.other = g.pick(men) + " " + g.pick(surnames)

	ageAtStart := g.ageOn(g.start)
	type pro struct{ role, agency, kind string }
	var pool []pro
	switch {
	case ageAtStart < 5:
		pool = append(pool, pro{"health visitor", "0-19 Health Service", "health"}, pro{"nursery manager", g.pick(nurseries), "school"}, pro{"GP", "Riverside Medical Practice", "health"})
	case ageAtStart < 11:
		pool = append(pool, pro{"designated safeguarding lead", g.pick(schoolsPrimary), "school"}, pro{"school nurse", "School Nursing Service", "health"}, pro{"family support worker", g.council + " Family Hub", "support"})
	default:
		pool = append(pool, pro{"designated safeguarding lead", g.pick(schoolsSecondary), "school"}, pro{"school nurse", "School Nursing Service", "health"}, pro{"CAMHS practitioner", "Child and Adolescent Mental Health Service", "health"})
	}
	pool = append(pool, pro{"family support worker", g.council + " Family Hub", "support"}, pro{"domestic abuse outreach worker", "Harbour Domestic Abuse Service", "support"}, pro{"substance misuse worker", "Change Grow Live", "support"})
	n := g.between(1, 4)
	seen := map[string]bool{}
	for _, p := range pool {
		if len(g.pros) == n {
			break
		}
		if seen[p.role] || (len(g.pros) > 0 && g.chance(0.3)) {
			continue
		}
		seen[p.role] = true
		g.pros = append(g.pros, add(person{name: g.adult(), role: p.role, agency: p.agency, kind: p.kind}))
	}
	g.category = g.pick(categories)
	if g.category == "sexual abuse" && ageAtStart < 5 {
		g.category = "neglect"
	}
	g.young = ageAtStart < 5
}

// adult returns a name not yet used in the case.
func (g *gen) adult() string {
	for {
		n := g.pick(adultFirst) + " " + g.pick(surnames)
		ok := n != g.child
		for _, p := range g.people {
			if strings.EqualFold(p.name, n) || strings.EqualFold(strings.Fields(p.name)[0], strings.Fields(n)[0]) {
				ok = false
			}
		}
		if ok {
			return n
		}
	}
}

// ageOn returns the child's age in whole years on d.
func (g *gen) ageOn(d schema.Date) int {
	age := d.Year - g.born.Year
	if d.Before(g.born.AddYears(age)) {
		age--
	}
	return age
}

// schedule sets the conferences: the initial one the plan starts on, the
// first review within 3 months and the others within 6, up to the as-of
// date or the review that ended the plan.
func (g *gen) schedule() {
	g.cutoff = g.asOf.AddDays(-1)
	r := g.onOrBefore(g.start.AddMonths(3).AddDays(-g.between(0, 12)))
	for {
		if g.ceased && !r.Before(g.start.AddMonths(6)) {
			g.reviews = append(g.reviews, r)
			g.cutoff = r
			return
		}
		if r.After(g.cutoff) {
			g.nextReview = r
			return
		}
		g.reviews = append(g.reviews, r)
		r = g.onOrBefore(r.AddMonths(6).AddDays(-g.between(0, 21)))
	}
}

func (g *gen) pickDefects() {
	n := 1
	if g.chance(0.3) {
		n = 2
	}
	for len(g.defects) < n {
		g.defects[defect(g.r.IntN(int(numDefects)))] = true
	}
}

// timeline schedules the visits and the core group meetings.
func (g *gen) timeline() {
	// Core groups: the first within 10 working days of the initial
	// conference, on the day it set; then at least monthly.
	g.firstCG = g.cal.AddWorkingDays(g.start, g.between(5, 10))
	if g.defects[dLateFirstCG] {
		g.firstCG = g.cal.AddWorkingDays(g.start, g.between(12, 14))
	}
	g.coreGroups(g.defects[dCoreGroupGap])
	if g.defects[dCoreGroupGap] && len(g.cgs) < 2 {
		// No meeting ends the gap yet: seed another defect.
		delete(g.defects, dCoreGroupGap)
		g.defects[dMissingCopy] = true
		g.coreGroups(false)
	}
	if g.defects[dCoreGroupGap] {
		g.cgs[1].wantDate = defectRules[dCoreGroupGap]
	}
	if g.defects[dLateFirstCG] && len(g.cgs) > 0 {
		g.cgs[0].wantDate = defectRules[dLateFirstCG]
	}

	// Reduced visiting: the core group recommends ending the plan at the
	// next review, and the chair approves seeing the child every 4 weeks
	// until then. It is agreed at a core group after the last review that
	// continued the plan.
	lastContinue := g.start
	if n := len(g.reviews); n > 0 {
		if g.ceased {
			if n > 1 {
				lastContinue = g.reviews[n-2]
			}
		} else {
			lastContinue = g.reviews[n-1]
		}
	}
	if len(g.reviews) > 0 && (g.ceased || g.chance(0.3)) {
		for _, cg := range g.cgs {
			if cg.date.After(lastContinue.AddDays(7)) && cg.date.Before(g.cutoff.AddDays(-21)) {
				g.reducedFrom = cg.date
				break
			}
		}
	}

	for i := range g.cgs {
		cg := &g.cgs[i]
		mins := g.cal.AddWorkingDays(cg.date, g.between(1, 2))
		if g.defects[dLateMinutes] && i == 0 && len(g.cgs) > 1 {
			mins = g.cal.AddWorkingDays(cg.date, g.between(5, 7))
			cg.wantMins = defectRules[dLateMinutes]
		}
		if !mins.After(g.asOf) {
			cg.minutes = mins
		}
		if len(g.pros) > 0 && g.chance(0.2) {
			p := g.pros[g.r.IntN(len(g.pros))]
			cg.apologies = []int{p}
			cg.reports = []int{p}
		}
	}
	if g.defects[dLateMinutes] && (len(g.cgs) < 2 || g.cgs[0].wantMins == "") {
		delete(g.defects, dLateMinutes)
		g.defects[dUnnamedOwner] = true
	}
	if g.defects[dAbsentNoReport] {
		cg := &g.cgs[len(g.cgs)/2]
		cg.apologies = []int{g.pros[0]}
		cg.reports = nil
		cg.wantAtt = defectRules[dAbsentNoReport]
	}

	// Visits: the first within days of the conference, then every 10 to 14
	// days (3 to 4 weeks under reduced visiting); the bedroom is seen on the
	// first visit after each conference and now and then besides.
	conferences := append([]schema.Date{g.start}, g.reviews...)
	gapAt := -1
	if g.defects[dVisitGap] {
		gapAt = 1
	}
	d := g.cal.AddWorkingDays(g.start, g.between(1, 2))
	long := g.start.DaysUntil(g.cutoff) > 180
	for i := 0; !d.After(g.cutoff); i++ {
		v := visit{date: d, hour: g.between(9, 18), min: 15 * g.r.IntN(4), bedroom: g.chance(0.3)}
		v.seenAlone = g.ageOn(d) >= 1
		for _, c := range conferences {
			if d.After(c) && (i == 0 || !g.visits[i-1].date.After(c)) {
				v.bedroom = true
			}
		}
		if i == gapAt+1 && gapAt >= 0 {
			v.want = defectRules[dVisitGap]
		}
		g.visits = append(g.visits, v)
		step := g.between(10, 14)
		if long {
			step = g.between(12, 14)
		}
		if !g.reducedFrom.IsZero() && !d.Before(g.reducedFrom) {
			step = g.between(18, 28)
		}
		if i == gapAt {
			step = g.between(17, 24)
		}
		next := g.onOrBefore(d.AddDays(step))
		if !next.After(d) {
			next = d.AddDays(step)
		}
		d = next
	}
	if g.defects[dLabel] {
		g.visits[len(g.visits)/2].label = true
	}
}

// coreGroups schedules the meetings after the first, at least monthly; with
// gap, the second comes over a month after the first.
func (g *gen) coreGroups(gap bool) {
	g.cgs = nil
	for d, i := g.firstCG, 0; !d.After(g.cutoff); i++ {
		g.cgs = append(g.cgs, coreGroup{date: d})
		next := g.onOrBefore(minDate(d.AddDays(g.between(25, 30)), d.AddMonths(1)))
		if gap && i == 0 {
			next = g.onOrBefore(d.AddMonths(1).AddDays(g.between(5, 9)))
		}
		d = next
	}
}

func minDate(a, b schema.Date) schema.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// planContent chooses the outcomes and, for each, the actions of its theme
// that serve it.
func (g *gen) planContent() {
	idx := g.r.Perm(len(outcomes))[:g.between(3, 5)]
	sort.Ints(idx)
	for _, i := range idx {
		g.outcomes = append(g.outcomes, outcomes[i].text)
	}
	used := map[int]int{} // action bank index to its place in g.actions
	for o, i := range idx {
		theme := outcomes[i].theme
		var fit []int
		for k, a := range actions {
			if a.theme == theme {
				fit = append(fit, k)
			}
		}
		n := min(len(fit), g.between(1, 2))
		for _, j := range g.r.Perm(len(fit))[:n] {
			k := fit[j]
			if at, ok := used[k]; ok {
				g.actions[at].outcomes = append(g.actions[at].outcomes, o)
				continue
			}
			a := actions[k]
			act := action{task: g.fill(a.task), outcomes: []int{o}}
			act.owner = g.people[g.ownerOf(a.owner)].name
			if a.every != "" {
				act.due = a.every
			} else {
				act.due = g.start.AddDays(g.between(14, 90)).String()
			}
			used[k] = len(g.actions)
			g.actions = append(g.actions, act)
		}
	}
	// Every member of the core group has a part in the plan (Oxfordshire 1.8
	// §5.7): one with no action of the bank shares the progress they see.
	// No random draw, so that the rest of the case is as it was.
	for _, m := range g.coreGroupMembers() {
		name := g.people[m].name
		owns := m == g.lead
		for _, a := range g.actions {
			owns = owns || a.owner == name
		}
		if !owns {
			g.actions = append(g.actions, action{
				task:     g.fill("Tell the lead worker at each core group what they see of {C}'s progress"),
				owner:    name,
				due:      "monthly",
				outcomes: []int{0},
			})
		}
	}
	if g.defects[dUnnamedOwner] {
		// A further action with no owner, so that every member keeps a part.
		a := g.actions[len(g.actions)-1]
		a.outcomes = append([]int(nil), a.outcomes...)
		a.owner, a.want = "TBC", defectRules[dUnnamedOwner]
		g.actions = append(g.actions, a)
	}
	if g.defects[dVagueTimescale] {
		a := &g.actions[len(g.actions)/2]
		a.due = "ongoing"
		a.want = joinWant(a.want, defectRules[dVagueTimescale])
	}
}

func joinWant(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

func (g *gen) ownerOf(kind string) int {
	switch kind {
	case "lead":
		return g.lead
	case "family":
		return g.family[g.r.IntN(len(g.family))]
	}
	for _, p := range g.pros {
		if g.people[p].kind == kind {
			return p
		}
	}
	return g.lead
}

// fill replaces the placeholders of the word banks: {C} the child, {S},
// {O} and {H} the child's pronouns (she, her, her), {P} the mother, {Q} the
// adult of concern, {W} the lead worker, {M} the manager, {R} the
// conference chair. A child under 5 goes to nursery, not school.
func (g *gen) fill(s string) string {
	if g.young {
		s = strings.ReplaceAll(s, "school", "nursery")
	}
	if !strings.Contains(s, "{") {
		return s
	}
	if g.replacer == nil {
		g.replacer = strings.NewReplacer(
			"{C}", g.child,
			"{S}", g.pron[0],
			"{O}", g.pron[1],
			"{H}", g.pron[2],
			"{P}", g.people[g.family[0]].name,
			"{Q}", g.other,
			"{W}", g.people[g.lead].name,
			"{M}", g.people[g.manager].name,
			"{R}", g.people[g.chair].name,
		)
	}
	return g.replacer.Replace(s)
}

// sentences returns n different sentences of bank, filled.
func (g *gen) sentences(bank []string, n int) string {
	n = min(n, len(bank))
	var out []string
	for _, i := range g.r.Perm(len(bank))[:n] {
		out = append(out, g.fill(bank[i]))
	}
	return strings.Join(out, " ")
}

// recorded returns when a record of an event on d was committed: 0 to 3
// working days later, in working hours, and never after the as-of date.
func (g *gen) recorded(d schema.Date) time.Time {
	days := []int{0, 1, 1, 1, 2, 3}[g.r.IntN(6)]
	c := g.cal.AddWorkingDays(d, days)
	if c.After(g.asOf) {
		c = g.asOf
	}
	if c.Before(d) {
		c = d
	}
	return londonTime(c, g.between(9, 18), g.between(0, 59))
}

// recordedAfter is recorded for an event at h:m on d: a record committed on
// the day itself is committed after the event, an hour after it at the
// earliest (recorded-before-event). It draws no more numbers than recorded.
func (g *gen) recordedAfter(d schema.Date, h, m int) time.Time {
	t := g.recorded(d)
	if after := londonTime(d, h, m).Add(time.Hour); t.Before(after) {
		t = after.Add(time.Duration(t.Minute()) * time.Minute)
	}
	return t
}

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

func londonTime(d schema.Date, h, m int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, h, m, g0(m), 0, london)
}

// g0 spreads the seconds of a commit time a little.
func g0(m int) int { return (m * 37) % 60 }
