package newrecord

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// The templates, one method per kind. Each writes the frontmatter key by key
// (with the spec's trailing comments), then the body: every section the
// kind defines, each a "## Title", a one-line prompt in an HTML comment and
// the placeholder.

// tmpl writes one record.
type tmpl struct {
	opts    Options
	c       *lint.Case // nil for a new case
	profile *lint.Profile
	b       strings.Builder
}

func (t *tmpl) bytes() []byte { return []byte(t.b.String()) }

// commentCol is the column trailing comments start at, as in the spec.
const commentCol = 32

// kv writes key = value (value already TOML), with a trailing comment when
// comment is not empty.
func (t *tmpl) kv(key, value, comment string) {
	line := key + " = " + value
	t.withComment(line, comment)
}

func (t *tmpl) withComment(line, comment string) {
	if comment != "" {
		pad := max(2, commentCol-utf8.RuneCountInString(line))
		line += strings.Repeat(" ", pad) + "# " + comment
	}
	t.b.WriteString(line + "\n")
}

func (t *tmpl) line(s string) { t.b.WriteString(s + "\n") }

// tbc is the placeholder as a frontmatter value: a string where caselint
// expects a date, true or false, or a person, so that it is reported until
// it is replaced.
var tbc = str(Placeholder)

// section writes a body section: its heading, the prompt and the
// placeholder.
func (t *tmpl) section(title, prompt string) {
	t.b.WriteString("\n## " + title + "\n\n")
	t.b.WriteString("<!-- " + commentText(prompt) + " -->\n")
	t.b.WriteString(Placeholder + "\n")
}

// str writes s as a TOML basic string.
func str(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// list writes names as a TOML array of strings.
func list(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = str(n)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// commentText makes text safe inside an HTML comment, on one line.
func commentText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.TrimSuffix(s, ">")
}

// sentence capitalises the first letter of a hint and ends it with a full
// stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// aboutChild puts the child's name in a hint written of "the child".
func aboutChild(hint, child string) string {
	if child == "the child" {
		return hint
	}
	hint = strings.ReplaceAll(hint, "the child's", child+"'s")
	return strings.ReplaceAll(hint, "the child", child)
}

// orTBC is name as a TOML string, or the placeholder when it is empty.
func orTBC(name string) string {
	if strings.TrimSpace(name) == "" {
		return tbc
	}
	return str(strings.TrimSpace(name))
}

// childName is the child's name as case.md gives it, or "the child".
func (t *tmpl) childName() string {
	if t.c != nil {
		if n := strings.TrimSpace(t.c.Child().Name); n != "" {
			return n
		}
	}
	return "the child"
}

// profileWords names the profile for a prompt: "the combined profile".
func (t *tmpl) profileWords() string {
	if t.profile.Name != "" {
		return "the " + t.profile.Name + " profile"
	}
	return "the profile"
}

// every words an interval for prose: "every 2 weeks", "every 28 working
// days", "every month".
func every(i schema.Interval) string {
	if i.N == 1 {
		return "every " + strings.TrimPrefix(i.String(), "1 ")
	}
	return "every " + i.String()
}

// --- case ----------------------------------------------------------------

func (t *tmpl) caseRecord(id, child string) {
	t.line("+++")
	t.kv("type", str("case"), "")
	t.kv("id", str(id), "unique across the repository")
	t.line("")
	t.line("[child]")
	t.kv("name", str(child), "first name or pseudonym")
	t.kv("born", tbc, "date of birth, such as 2015-04-02; before the birth, write unborn = true and expected = the due date instead")
	t.kv("first_language", tbc, `such as "English"`)
	t.withComment(`# needs = ["asthma"]`, "disabilities or needs the plan must account for")
	t.line("")
	t.line("# Everyone who attends meetings, owns actions or is given a copy of the")
	t.line("# plan: one [[people]] table each, named as every other record will name")
	t.line("# them. caselint new takes from here a plan's lead worker (qualified = true),")
	t.line("# manager (a \"team manager\" of the lead worker's own service, not a")
	t.line("# nursery's or a school's) and core group, and a conference's chair (the")
	t.line("# \"independent conference chair\"). For example:")
	t.line("#")
	t.line("# [[people]]")
	t.line(`# name = "Sam Doe"`)
	t.line(`# role = "mother"`)
	t.withComment("# family = true", "a family member or carer, not a professional")
	t.withComment(`# language = "Polish"`, "their first or preferred language, for their copy of the plan")
	t.line("#")
	t.line("# [[people]]")
	t.line(`# name = "Aisha Patel"`)
	t.line(`# role = "social worker"`)
	t.line(`# agency = "Children's Services"`)
	t.withComment("# qualified = true", "a qualified social worker: may be lead worker")
	t.line("#")
	t.line("# [[people]]")
	t.line(`# name = "Rob Jones"`)
	t.line(`# role = "team manager"`)
	t.line(`# agency = "Children's Services"`)
	t.line("#")
	t.line("# [[people]]")
	t.line(`# name = "Chris Hall"`)
	t.line(`# role = "independent conference chair"`)
	t.line("+++")
	t.section("Background", fmt.Sprintf("Who %s is, who they live with, and what led to the child protection enquiry.", child))
}

// --- plan ----------------------------------------------------------------

// planCopyAge is the age from which the child is given their own copy of
// the plan, as missing-plan-copy asks.
const planCopyAge = 10

func (t *tmpl) plan() {
	c := t.c
	child := t.childName()
	started, startNote := t.opts.Date, "the day of the conference decision that made the plan"
	if cf := decidingConference(c); cf != nil {
		started = cf.Date
		startNote = fmt.Sprintf("the day of the %s conference's decision, %s", cf.Kind, cf.Date.Long())
	}
	lead := leadWorker(c)
	manager := c.LineManagerFor(lead) // in the lead worker's service, never a nursery's manager
	core := coreGroup(c, lead)

	t.line("+++")
	t.kv("type", str("plan"), "")
	t.kv("started", started.String(), startNote)
	t.kv("category", tbc, "neglect, physical abuse, emotional abuse, sexual abuse or multiple")
	t.kv("lead_worker", orTBC(lead), "the qualified social worker who leads the plan")
	t.kv("manager", orTBC(manager), "the lead worker's line manager")
	if len(core) == 0 {
		t.kv("core_group", list([]string{Placeholder}), "the lead worker, family members and the professionals working with the family")
	} else {
		t.kv("core_group", list(core), "as the conference agreed it")
	}
	t.kv("countersigned_by", orTBC(manager), "the manager who read and countersigned the plan")
	who := "the manager"
	if manager != "" {
		who = manager
	}
	t.kv("countersigned", tbc, "the date "+who+" countersigned it")
	if cf := latestConference(c); cf != nil && !cf.NextReview.IsZero() {
		t.kv("review_conference", cf.NextReview.String(), fmt.Sprintf("as the %s conference of %s set it", cf.Kind, cf.Date.Long()))
	} else {
		t.kv("review_conference", tbc, "the date of the next review conference")
	}
	if !t.profile.SeenAloneEvery.IsZero() {
		t.kv("seen_alone_every", str(t.profile.SeenAloneEvery.String()), "as "+t.profileWords()+" asks; the plan may agree more often")
	}
	for _, cp := range planCopies(c, core, started) {
		t.line("")
		t.withComment("[[copies]]", "a written copy of the plan, in their language")
		t.kv("to", str(cp.To), "")
		if cp.Language != "" {
			t.kv("language", str(cp.Language), "")
		}
		t.kv("given", tbc, "the date the copy was given")
	}
	t.line("+++")
	t.line("")
	t.line("# Child Protection Plan: " + child)

	outcomes := conferenceOutcomes(c)
	for _, def := range schema.SectionNames(schema.KindPlan) {
		prompt := sentence(aboutChild(def.Hint, child))
		switch def.Name {
		case "concerns":
			prompt = sentence(strings.ReplaceAll(def.Hint, "significant harm", "significant harm to "+child))
		case "outcomes":
			if len(outcomes) > 0 {
				prompt += " The conference agreed " + strings.Join(outcomes, ", ") + "."
			}
		case "actions":
			t.b.WriteString("\n## " + def.Title + "\n\n")
			t.b.WriteString("<!-- " + commentText(sentence(def.Hint)+" Due is a date (2026-03-01) or how often it recurs (weekly, every 2 weeks); Outcome names the outcomes it serves (O1, O2).") + " -->\n")
			t.line("| ID | Action | Owner | Due | Outcome |")
			t.line("|----|--------|-------|-----|---------|")
			t.line("| A1 | " + Placeholder + " | " + Placeholder + " | " + Placeholder + " | " + Placeholder + " |")
			continue
		case "contact":
			if iv := t.profile.SeenAloneEvery; !iv.IsZero() {
				by := lead
				if by == "" {
					by = "The lead worker"
				}
				prompt += " " + sentence(fmt.Sprintf("%s asks that %s is seen alone at least %s: for example, %q",
					t.profileWords(), child, every(iv), by+" will see "+child+" alone at least "+every(iv)+", at home and at school"))
			}
			if t.profile.BedroomEachPeriod {
				prompt += fmt.Sprintf(" Say too that %s's bedroom will be seen between conferences.", child)
			}
		case "review":
			if iv := t.profile.CoreGroupEvery; !iv.IsZero() {
				prompt += fmt.Sprintf(" The core group meets at least %s.", every(iv))
			}
		}
		t.section(def.Title, prompt)
	}
}

// decidingConference is the conference that made the plan
// (lint.Case.PlanStartConference).
func decidingConference(c *lint.Case) *schema.Conference {
	return c.PlanStartConference()
}

// latestConference is the case's last dated conference, or nil.
func latestConference(c *lint.Case) *schema.Conference {
	var latest *schema.Conference
	for _, cf := range c.Conferences {
		if !cf.Date.IsZero() {
			latest = cf
		}
	}
	return latest
}

// conferenceOutcomes are the outcome ids the latest conference agreed.
func conferenceOutcomes(c *lint.Case) []string {
	cf := latestConference(c)
	if cf == nil {
		return nil
	}
	var ids []string
	for _, o := range cf.Outcomes {
		if o = strings.TrimSpace(o); o != "" {
			ids = append(ids, o)
		}
	}
	return ids
}

func people(c *lint.Case) []schema.Person {
	if c == nil || c.Record == nil {
		return nil
	}
	var out []schema.Person
	for _, p := range c.Record.People {
		if strings.TrimSpace(p.Name) != "" {
			out = append(out, p)
		}
	}
	return out
}

// leadWorker is the case's qualified social worker: the first person the
// case model counts as one, one whose role is a social worker's first.
func leadWorker(c *lint.Case) string {
	first := ""
	for _, p := range people(c) {
		if !c.IsQualifiedSocialWorker(p.Name) {
			continue
		}
		if lint.IsSocialWorkerRole(p.Role) {
			return strings.TrimSpace(p.Name)
		}
		if first == "" {
			first = strings.TrimSpace(p.Name)
		}
	}
	return first
}

// isConferenceChair is the case model's definition (lint/people.go), so
// that what caselint new writes is what the rules accept; so is the line
// manager (lint.Case.LineManagerFor).
func isConferenceChair(role string) bool { return lint.IsConferenceChairRole(role) }

// conferenceChair is the first person whose role is an independent
// conference chair's.
func conferenceChair(c *lint.Case) string {
	for _, p := range people(c) {
		if isConferenceChair(p.Role) {
			return strings.TrimSpace(p.Name)
		}
	}
	return ""
}

// coreGroup is everyone in case.md but the conference chair and the lead
// worker's line managers (those who could be: lint.Case.IsLineManagerFor),
// who chair and supervise rather than work with the family; a nursery's or
// a school's manager works with the family and is in it. The lead worker
// first, then in case.md's order.
func coreGroup(c *lint.Case, lead string) []string {
	var out []string
	if lead != "" {
		out = append(out, lead)
	}
	for _, p := range people(c) {
		name := strings.TrimSpace(p.Name)
		if isConferenceChair(p.Role) || c.IsLineManagerFor(name, lead) || schema.PersonKey(name) == schema.PersonKey(lead) {
			continue
		}
		out = append(out, name)
	}
	return out
}

// planCopies are the written copies a plan starting on started owes: each
// family member of the core group, in their language, and the child from
// the age of planCopyAge, in theirs.
func planCopies(c *lint.Case, core []string, started schema.Date) []schema.Copy {
	var out []schema.Copy
	for _, m := range core {
		if p := c.Person(m); p != nil && c.IsFamily(m) {
			out = append(out, schema.Copy{To: strings.TrimSpace(p.Name), Language: strings.TrimSpace(p.Language)})
		}
	}
	if age, ok := c.AgeOn(started); ok && age >= planCopyAge && strings.TrimSpace(c.Child().Name) != "" {
		out = append(out, schema.Copy{To: strings.TrimSpace(c.Child().Name), Language: strings.TrimSpace(c.Child().FirstLanguage)})
	}
	return out
}

// planOutcomes are the ids of the plan's outcomes, in order.
func planOutcomes(c *lint.Case) []string {
	if c.Plan == nil || c.Plan.Doc == nil || c.Plan.Doc.Body == nil {
		return nil
	}
	var ids []string
	for _, o := range c.Plan.Doc.Body.Outcomes {
		if o.ID != "" {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// --- visit ---------------------------------------------------------------

func (t *tmpl) visit() {
	c := t.c
	child := t.childName()
	day := t.opts.Date
	by := ""
	if c.Plan != nil {
		by = strings.TrimSpace(c.Plan.LeadWorker)
	}
	present := []string{Placeholder}
	if n := strings.TrimSpace(c.Child().Name); n != "" {
		present = []string{n}
	}

	t.line("+++")
	t.kv("type", str("visit"), "")
	t.kv("date", day.String(), "add the time of day: "+day.String()+"T16:30:00")
	t.kv("by", orTBC(by), "who visited; anyone but the lead worker needs delegated_by and delegation_agreed")
	t.kv("present", list(present), "everyone there, "+child+" included if seen")
	t.kv("child_seen", tbc, "true or false")
	t.kv("seen_alone", tbc, "true or false")
	if c.IsBabyOn(day) {
		t.kv("awake", tbc, "true or false: a baby under one seen awake counts as seen alone")
	}
	if t.profile.BedroomEachPeriod {
		t.kv("bedroom_seen", tbc, "true or false: the bedroom is seen at least once between conferences")
	}
	t.withComment(`# not_seen_reason = "..."`, "when "+child+" was not seen, or not seen alone: why")
	t.withComment(`# access_refused = true`, "when contact was refused or avoided; then escalated_to and escalated")
	t.line("+++")
	for _, def := range schema.SectionNames(schema.KindVisit) {
		prompt := sentence(aboutChild(def.Hint, child))
		if def.Name == "incidents" {
			prompt += ` Write "None." when there were none.`
		}
		t.section(def.Title, prompt)
	}
}

// --- core group ----------------------------------------------------------

func (t *tmpl) coreGroup() {
	c := t.c
	var chair string
	var members []string
	if c.Plan != nil {
		chair = strings.TrimSpace(c.Plan.Manager)
		for _, m := range c.Plan.CoreGroup {
			if m = strings.TrimSpace(m); m != "" {
				members = append(members, m)
			}
		}
	}
	if len(members) == 0 {
		members = []string{Placeholder}
	}

	t.line("+++")
	t.kv("type", str("core-group"), "")
	t.kv("date", t.opts.Date.String(), "")
	t.kv("chair", orTBC(chair), "")
	t.kv("minutes_by", tbc, "who took the minutes")
	t.kv("attended", list(members), "the plan's core group: move anyone who was not there to apologies")
	t.kv("apologies", "[]", "members who sent apologies")
	t.kv("written_reports", "[]", "absent members who sent a written report")
	if iv := t.profile.MinutesWithin; !iv.IsZero() {
		t.kv("minutes_circulated", tbc, "the date the minutes went to the core group, within "+iv.String())
	} else if t.profile.MinutesByNextMeeting {
		t.kv("minutes_circulated", tbc, "the date the minutes went to the core group, promptly and before the next meeting")
	} else {
		t.withComment("# minutes_circulated = "+t.opts.Date.String(), "the date the minutes went to the core group")
	}
	t.line("+++")
	ids := planOutcomes(c)
	for _, def := range schema.SectionNames(schema.KindCoreGroup) {
		prompt := sentence(def.Hint)
		switch def.Name {
		case "progress":
			if len(ids) > 0 {
				prompt = "Progress against each outcome of the plan: " + strings.Join(ids, ", ") + "."
			}
		case "absent-views":
			prompt += ` Write "None: everyone attended." when everyone did.`
		case "decisions":
			prompt = "What the core group decided, any change to the plan, and the date of the next meeting."
		}
		t.section(def.Title, prompt)
	}
}

// --- conference ----------------------------------------------------------

func (t *tmpl) conference(kind string) {
	c := t.c
	outcomes := planOutcomes(c)
	if len(outcomes) == 0 && kind != schema.ConferenceInitial {
		outcomes = conferenceOutcomes(c)
	}

	t.line("+++")
	t.kv("type", str("conference"), "")
	t.kv("kind", str(kind), "")
	t.kv("date", t.opts.Date.String(), "")
	t.kv("chair", orTBC(conferenceChair(c)), "the independent conference chair")
	t.kv("quorate", tbc, "true or false")
	switch kind {
	case schema.ConferenceReview:
		t.kv("decision", tbc, `"continue" or "cease"`)
	default:
		t.kv("decision", tbc, `"plan" or "no plan"`)
	}
	if len(outcomes) > 0 {
		t.kv("outcomes", list(outcomes), "the outcomes the conference agreed, as the plan numbers them")
	} else {
		t.kv("outcomes", "[]", `the ids of the outcomes the conference agreed: ["O1", "O2"]`)
	}
	switch kind {
	case schema.ConferenceInitial:
		note := "the date set for the first core group"
		if iv := t.profile.FirstCoreGroupWithin; !iv.IsZero() {
			note += ", within " + iv.String()
		}
		t.kv("first_core_group", tbc, note)
		note = "the date of the first review conference"
		if iv := t.profile.FirstReviewWithin; !iv.IsZero() {
			note += ", within " + iv.String()
		}
		t.kv("next_review", tbc, note)
	case schema.ConferenceReview:
		note := "the date of the next review conference"
		if iv := t.profile.ReviewEvery; !iv.IsZero() {
			note += ", within " + iv.String()
		}
		t.kv("next_review", tbc, note+"; remove it when the plan ceases")
	case schema.ConferenceTransfer:
		t.kv("notified", tbc, "when the receiving authority was told of the move")
		t.kv("next_review", tbc, "the date of the next review conference")
	}
	t.line("+++")
	t.section("Present", "Who attended, with their role; who sent a written report; who was invited and did not come.")
	t.section("Summary", "What the conference heard, and "+t.childName()+"'s views.")
	decision := "What the conference decided, and why."
	switch kind {
	case schema.ConferenceInitial, schema.ConferenceTransfer:
		decision = "What the conference decided, and why: the category, the lead social worker, the core group, the outcomes agreed, and the dates of the first core group and the review conference."
	case schema.ConferenceReview:
		decision = "Whether the plan continues or ceases, and why; any change to the outcomes or the core group; the date of the next review."
	}
	t.section("Decision", decision)
}
