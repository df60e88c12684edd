package schema

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SectionDef describes one "## Heading" section that a kind of record
// defines: its canonical name (what rules and Body.Section use), the headings
// accepted for it and the title that templates write.
type SectionDef struct {
	Name     string   // canonical name: "contingency"
	Title    string   // the heading written by `caselint new`: "Contingency plan"
	Headings []string // every accepted heading, Title first; matched case-insensitively
	Hint     string   // what the section holds, for templates and messages
	// Keywords are words that make a heading that is not accepted close to
	// this section ("Contingency Plans", "Agreed actions"): read as it, and
	// reported with the accepted heading to write (NearSection).
	Keywords []string
}

// sectionDefs is the table of sections by kind (case-format.md).
var sectionDefs = map[Kind][]SectionDef{
	KindPlan: {
		{Name: "concerns", Title: "Concerns", Headings: []string{"Concerns", "Risks", "Concerns and risks"},
			Hint:     "the exact nature of the concerns and risks of significant harm",
			Keywords: []string{"concern", "concerns", "risk", "risks", "worries"}},
		{Name: "outcomes", Title: "Outcomes", Headings: []string{"Outcomes"},
			Hint:     "a list; each item opens with its id: O1: ...",
			Keywords: []string{"outcome", "outcomes", "aims", "objectives", "goals"}},
		{Name: "actions", Title: "Actions", Headings: []string{"Actions"},
			Hint:     "a table with columns Action, Owner, Due, Outcome (optional ID), or a list of actions with labelled fields (Owner: ..., Due: ..., Outcome: ...)",
			Keywords: []string{"action", "actions", "tasks"}},
		{Name: "needs", Title: "Developmental needs", Headings: []string{"Developmental needs", "Needs and services"},
			Hint:     "the child's developmental needs and the services required",
			Keywords: []string{"needs", "developmental", "development", "services"}},
		{Name: "contact", Title: "Contact arrangements", Headings: []string{"Contact arrangements", "Monitoring"},
			Hint:     "who sees the child, how often, alone, and where",
			Keywords: []string{"contact", "monitoring", "visits", "visiting"}},
		{Name: "review", Title: "Review", Headings: []string{"Review"},
			Hint:     "when and how progress will be reviewed",
			Keywords: []string{"review", "reviews", "reviewing"}},
		{Name: "contingency", Title: "Contingency plan", Headings: []string{"Contingency plan", "Contingency"},
			Hint:     "what happens if the plan is not keeping the child safe",
			Keywords: []string{"contingency", "contingencies"}},
	},
	KindVisit: {
		{Name: "observations", Title: "Observations", Headings: []string{"Observations", "Home conditions", "Observations of the home", "Information and observations", "Visit observations",
			"What I saw", "What I observed", "Observations of the child"},
			Hint: "what was seen of the child, the home and the people in it"},
		{Name: "wishes", Title: "Wishes and feelings", Headings: []string{"Wishes and feelings", "Child's wishes and feelings", "Wishes, feelings and views",
			"Voice of the child", "Child's voice", "Child's views", "Views of the child", "What the child said",
			"Child's wishes", "Child's feelings", "What the child told me"},
			Hint: "the child's wishes and feelings, in their words where possible"},
		{Name: "meals", Title: "Meals and sleeping", Headings: []string{"Meals and sleeping", "Meals and sleeping arrangements", "Food and sleeping", "Food and sleep", "Meals and sleep", "Eating and sleeping"},
			Hint: "food in the home, meals, where and how the child sleeps"},
		{Name: "presentation", Title: "Presentation and behaviour", Headings: []string{"Presentation and behaviour", "Presentation and behavior",
			"Child's presentation and behaviour", "Child's presentation and behavior"},
			Hint: "how the child presented and behaved"},
		{Name: "incidents", Title: "Incidents and injuries", Headings: []string{"Incidents and injuries", "Incidents or injuries", "New incidents or injuries",
			"Any incidents or injuries", "Any new incidents or injuries"},
			Hint: "any incident or injury seen or reported"},
	},
	KindCoreGroup: {
		{Name: "progress", Title: "Progress against outcomes", Headings: []string{"Progress against outcomes"},
			Hint: "progress against each outcome of the plan"},
		{Name: "absent-views", Title: "Written views of absent members", Headings: []string{"Written views of absent members", "Views of absent members", "Absent members' views", "Written views", "Written reports", "Written reports received", "Apologies and written reports"},
			Hint: "the written views of members who could not attend"},
		{Name: "decisions", Title: "Decisions", Headings: []string{"Decisions", "Decisions and actions", "Decisions and actions agreed", "Actions and decisions", "Actions agreed", "Agreed actions", "Decisions made", "Actions", "Next steps", "Actions and next steps"},
			Hint: "what the core group decided"},
	},
}

// SectionNames returns the sections that records of kind k define, in the
// order a template writes them; nil for kinds without named sections. The
// slice is a fresh copy.
func SectionNames(k Kind) []SectionDef {
	defs := sectionDefs[k]
	if defs == nil {
		return nil
	}
	out := make([]SectionDef, len(defs))
	for i, d := range defs {
		d.Headings = append([]string(nil), d.Headings...)
		d.Keywords = append([]string(nil), d.Keywords...)
		out[i] = d
	}
	return out
}

// CanonicalSection returns the canonical name of the section of a record of
// kind k that heading opens, or "" when the kind defines no such section.
// Case, surrounding and repeated spaces and a trailing colon are ignored.
//
// A heading made of the words of an accepted heading in another order, or
// of two of the same section's headings together, is that section too:
// "Risks and concerns", "Contact arrangements and monitoring",
// "Developmental needs and services".
func CanonicalSection(k Kind, heading string) string {
	// An accepted heading as written, in ASCII, as nearly all are, is
	// looked up lower-cased on the stack.
	if n, ok := sectionOfASCII(k, heading); ok {
		return n
	}
	h := normHeading(heading)
	if n := sectionIndex()[k][h]; n != "" {
		return n
	}
	// A visit's or core group's heading numbered as the worker's template
	// numbers it ("1. Observations", "2) Wishes and feelings", "Section 3 -
	// Meals and sleeping", "Part 4: Presentation and behaviour") is the
	// section its words name. A plan's is a near miss instead (NearSection):
	// missing-plan-section asks for the plan's own headings.
	if k != KindPlan {
		if rest := stripNumbering(h); rest != h && rest != "" {
			return CanonicalSection(k, rest)
		}
	}
	// A gloss in brackets after the heading: "Contact arrangements (who
	// will see Ruby)", "Contingency plan (what happens if the plan is not
	// working)".
	if strings.HasSuffix(h, ")") {
		if i := strings.Index(h, "("); i > 0 {
			if n := CanonicalSection(k, h[:i]); n != "" {
				return n
			}
		}
	}
	words := headingWords(h)
	if len(words) == 0 || len(words) > 8 {
		return ""
	}
	if n := sectionByWords(k, words); n != "" {
		return n
	}
	if k == KindCoreGroup {
		return coreGroupSectionByKeyword(words)
	}
	return ""
}

// PlanHeadingSection returns the section a plan's "##" heading names:
// CanonicalSection's, or "contingency" for a heading that asks what
// happens if the plan fails (contingencyQuestion). Only a "##" heading is
// read so: a "### What if Mum does not engage" inside the Actions section
// is a sub-heading there, not a contingency plan opening mid-section.
func PlanHeadingSection(heading string) string {
	if n := CanonicalSection(KindPlan, heading); n != "" {
		return n
	}
	if contingencyQuestion(headingWords(normHeading(heading))) {
		return "contingency"
	}
	return ""
}

// contingencyQuestion reports whether a plan heading's words (headingWords)
// ask what happens if the plan fails, as plan templates head the
// contingency plan: "What will happen if things do not improve", "If the
// plan is not working", "What happens if the plan does not keep Zara
// safe", "What if things get worse". C06 §01 asks for a plan "should the
// plan not be adequate in safeguarding the child/young person", 1.8 §1 for
// one "to be followed if circumstances change significantly": a heading
// that asks that question is the contingency plan. It opens "if", "what
// if", or "what (will|would|should|shall) happen(s) if" (perhaps "what we
// will do if"), and names the plan failing (not, no, fails, worse, wrong,
// breach, change ...); a heading about disagreeing with the plan or
// complaining ("If you do not agree with this plan") is not one.
func contingencyQuestion(words []string) bool {
	if len(words) < 3 || len(words) > 16 {
		return false
	}
	i := 0
	switch {
	case words[0] == "if":
		i = 1
	case words[0] == "what" && words[1] == "if":
		i = 2
	case words[0] == "what":
		j := 1
		if words[j] == "we" || words[j] == "you" {
			j++
		}
		if j < len(words) && (words[j] == "will" || words[j] == "would" || words[j] == "should" || words[j] == "shall") {
			j++
		}
		if j < len(words) && (words[j] == "happen" || words[j] == "happens" || words[j] == "do") {
			j++
		}
		if j == 1 || j >= len(words) || words[j] != "if" {
			return false
		}
		i = j + 1
	default:
		return false
	}
	failing := false
	for _, w := range words[i:] {
		switch w {
		case "agree", "disagree", "agreed", "unhappy", "complain", "complaint", "complaints", "understand", "questions", "question":
			return false
		case "not", "no", "t", "cannot", "fail", "fails", "failing", "failed", "worse", "worsen", "worsens",
			"deteriorate", "deteriorates", "deteriorating", "wrong", "breach", "breaches", "breached",
			"escalate", "escalates", "increase", "increases", "unsafe", "change", "changes", "breaks", "break",
			"broken", "continue", "continues", "persist", "persists", "insufficient", "inadequate", "unsuccessful":
			failing = true
		}
	}
	return failing
}

// sectionByWords returns the section whose accepted headings hold every
// word of words and one of them whole, or "".
func sectionByWords(k Kind, words []string) string {
	for _, d := range sectionWords()[k] {
		inAll := true
		for _, w := range words {
			inAll = inAll && d.all[w]
		}
		if !inAll {
			continue
		}
		for _, a := range d.headings {
			if containsWords(words, a) {
				return d.name
			}
		}
	}
	return ""
}

// headingWordSet is the words of one section's accepted headings
// (headingWords), for sectionByWords.
type headingWordSet struct {
	name     string
	all      map[string]bool // every word of every accepted heading
	headings [][]string      // each accepted heading's words, in order
}

// sectionWords is the words of the accepted headings of each kind's
// sections, in the order of sectionDefs, made once.
var sectionWords = sync.OnceValue(func() map[Kind][]headingWordSet {
	out := map[Kind][]headingWordSet{}
	for k, defs := range sectionDefs {
		for _, d := range defs {
			set := headingWordSet{name: d.Name, all: map[string]bool{}}
			for _, a := range d.Headings {
				words := headingWords(normHeading(a))
				for _, w := range words {
					set.all[w] = true
				}
				set.headings = append(set.headings, words)
			}
			out[k] = append(out[k], set)
		}
	}
	return out
})

// coreGroupSectionByKeyword reads a core group minutes heading by its
// words, as minute-takers write them: the written views of absent members
// under "Written reports from absent members", "Views of those unable to
// attend", "Reports received from absent professionals"; the decisions
// under "Key decisions", "Decisions taken", "Actions arising", "Action
// plan", "Summary and decisions"; the progress under "Progress update". The
// absent members' views come first ("Actions from the written reports" is
// rare, a report from someone absent is not), then the decisions ("Progress
// and decisions" holds the decisions, which a rule asks for).
func coreGroupSectionByKeyword(words []string) string {
	has := func(ws ...string) bool {
		for _, w := range ws {
			for _, x := range words {
				if x == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("absent", "absence", "absentees"),
		has("unable", "not", "couldn", "cannot") && has("attend", "attending", "attendance"),
		has("written") && has("report", "reports", "view", "views", "contribution", "contributions", "information"),
		has("reports", "contributions") && has("received", "from"):
		return "absent-views"
	case has("decision", "decisions", "action", "actions", "agreed"),
		has("next") && has("steps"):
		return "decisions"
	case has("progress"):
		return "progress"
	}
	return ""
}

// containsWords reports whether every word of b is in a.
func containsWords(a, b []string) bool {
	for _, w := range b {
		found := false
		for _, x := range a {
			found = found || x == w
		}
		if !found {
			return false
		}
	}
	return true
}

// headingWords returns the words of a normalised heading without the
// joining ones (and, &, of, the), for comparing headings as sets of words.
func headingWords(h string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "and", "of", "the":
			continue
		}
		out = append(out, w)
	}
	return out
}

// sectionIndex maps each kind's accepted headings, normalised, to the
// canonical section names.
var sectionIndex = sync.OnceValue(func() map[Kind]map[string]string {
	idx := map[Kind]map[string]string{}
	for k, defs := range sectionDefs {
		idx[k] = map[string]string{}
		for _, d := range defs {
			for _, h := range d.Headings {
				idx[k][normHeading(h)] = d.Name
			}
		}
	}
	return idx
})

// sectionOfASCII returns sectionIndex's section of normHeading(heading),
// with ok set, when heading is ASCII, at most 64 bytes and found there;
// without allocating.
func sectionOfASCII(k Kind, heading string) (name string, ok bool) {
	h := trimHeading(collapse(heading))
	var buf [64]byte
	if len(h) > len(buf) {
		return "", false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	name = sectionIndex()[k][string(buf[:len(h)])]
	return name, name != ""
}

// trimHeading is normHeading without the lower-casing.
func trimHeading(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "*_ "))
	s = strings.TrimSpace(strings.TrimRight(s, ":"))
	return strings.TrimSpace(strings.Trim(s, "*_ "))
}

// normHeading lower-cases a heading or column label, collapses its spaces
// and drops a trailing colon and emphasis marks around it.
func normHeading(s string) string {
	return strings.ToLower(trimHeading(collapse(s)))
}

// NearSection returns the canonical section of a record of kind k that a
// heading is close to without being one of its accepted headings, and the
// accepted heading to write instead: a numbered heading ("1. Concerns",
// "Section 2: Outcomes"), a typo or a plural ("Contingncy plan", "Risk"),
// or a heading holding one of the section's keywords ("Contingency Plans",
// "Agreed actions", "Review arrangements"). It returns "", "" for an
// accepted heading and for one close to no section. Only plans have
// keywords; the caller decides whether the section is already present.
func NearSection(k Kind, heading string) (name, suggest string) {
	h := normHeading(heading)
	if h == "" || CanonicalSection(k, heading) != "" {
		return "", ""
	}
	defs := sectionDefs[k]
	if k != KindPlan {
		return "", ""
	}
	// Numbered: the rest is an accepted heading, or close to one.
	if rest := stripNumbering(h); rest != h && rest != "" {
		if n := CanonicalSection(k, rest); n != "" {
			return n, acceptedHeading(defs, n, rest)
		}
		h = rest
	}
	// A typo or a plural of an accepted heading.
	for _, d := range defs {
		for _, a := range d.Headings {
			a := strings.ToLower(a)
			limit := 1
			if len(a) >= 6 {
				limit = 2
			}
			// The distance is at least the difference in length: a long
			// heading is not measured (each measure takes memory and time
			// in its length).
			if n := utf8.RuneCountInString(h) - utf8.RuneCountInString(a); n <= limit && n >= -limit && Levenshtein(h, a) <= limit || h+"s" == a || h == a+"s" {
				return d.Name, headingAsWritten(d, a)
			}
		}
	}
	// A keyword. The order settles a heading with two ("Contingency
	// action plan" is the contingency plan, "Review of actions" the review).
	words := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, name := range []string{"contingency", "contact", "needs", "review", "concerns", "outcomes", "actions"} {
		for _, d := range defs {
			if d.Name != name {
				continue
			}
			for _, w := range words {
				for _, kw := range d.Keywords {
					if w == kw {
						return d.Name, d.Title
					}
				}
			}
		}
	}
	return "", ""
}

// headingAsWritten returns the accepted heading a of d as the table writes it.
func headingAsWritten(d SectionDef, a string) string {
	for _, h := range d.Headings {
		if strings.EqualFold(h, a) {
			return h
		}
	}
	return d.Title
}

// acceptedHeading returns the accepted heading of section name that norm
// (a normalised heading) is, as the table writes it.
func acceptedHeading(defs []SectionDef, name, norm string) string {
	for _, d := range defs {
		if d.Name != name {
			continue
		}
		for _, h := range d.Headings {
			if normHeading(h) == norm {
				return h
			}
		}
		return d.Title
	}
	return ""
}

// WithoutNumbering returns heading as CanonicalSection reads it (lower
// case, spaces collapsed, emphasis and a trailing colon dropped), without
// the number, letter or "Section N" that opens it ("2. Lily's wishes" is
// "lily's wishes"): the one reading of a numbered heading, for the rules
// that match a visit's heading by its words.
func WithoutNumbering(heading string) string {
	h := normHeading(heading)
	if rest := stripNumbering(h); rest != "" {
		return rest
	}
	return h
}

// stripNumbering drops a number or letter that opens a heading: "1.",
// "2)", "3 -", "a.", "iv.", "Section 2:", "Part 1 -", "1.2".
func stripNumbering(h string) string {
	s := h
	for _, w := range []string{"section ", "part ", "step "} {
		s = strings.TrimPrefix(s, w)
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		// A letter or a roman numeral followed by "." or ")".
		j := 0
		for j < len(s) && j < 4 && strings.IndexByte("abcdefghivx", s[j]) >= 0 {
			j++
		}
		if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') && (j == 1 || strings.Trim(s[:j], "ivx") == "") {
			i = j
		} else {
			return h
		}
	}
	rest := strings.TrimLeft(s[i:], ".):-–— \t")
	if rest == s {
		return h
	}
	return strings.TrimSpace(rest)
}

// actionColumns maps the accepted headers of the plan's action table (and
// the labels of the fields of an action written as a list item) to their
// canonical column names (compared after normHeading).
var actionColumns = map[string]string{
	"action": "action", "actions": "action", "task": "action", "tasks": "action", "what": "action",
	"owner": "owner", "owners": "owner", "owner(s)": "owner", "who": "owner", "responsible": "owner",
	"by whom": "owner", "lead": "owner", "action by": "owner", "by who": "owner", "who by": "owner",
	"due": "due", "due date": "due", "when": "due", "timescale": "due", "timescales": "due", "by when": "due",
	"by": "due", "due by": "due", "date due": "due",
	"outcome": "outcome", "outcomes": "outcome", "outcome(s)": "outcome", "linked to": "outcome",
	"id": "id", "#": "id", "ref": "id", "ref no": "id", "reference": "id", "no": "id",
	"number": "id", "action no": "id", "action number": "id", "action ref": "id",
}

// actionColumnNames returns the accepted headers, sorted, so that a typo
// close to two is always read as the same one.
var actionColumnNames = sync.OnceValue(func() []string {
	names := make([]string, 0, len(actionColumns))
	for a := range actionColumns {
		names = append(names, a)
	}
	sort.Strings(names)
	return names
})

// actionColumnTitles is the header to suggest for each canonical column.
var actionColumnTitles = map[string]string{
	"action": "Action", "owner": "Owner", "due": "Due", "outcome": "Outcome", "id": "ID",
}

// ActionColumn returns the canonical name ("action", "owner", "due",
// "outcome", "id") of an action table header or field label, or "" for
// any other header.
func ActionColumn(header string) string {
	h := normHeading(header)
	if c, ok := actionColumns[h]; ok {
		return c
	}
	return actionColumns[strings.ReplaceAll(h, ".", "")] // "Ref.", "No."
}

// actionColumnKeywords are the words that make a header close to a column
// (NearActionColumn), in the order they are tried: "Linked outcome" is the
// Outcome column, "Action owner" the Owner column, "Action ref" the ID.
var actionColumnKeywords = []struct {
	name  string
	words []string
}{
	{"outcome", []string{"outcome", "outcomes", "linked", "objective", "objectives", "goal", "goals", "aim", "aims"}},
	{"due", []string{"due", "when", "date", "dates", "deadline", "target", "timescale", "timescales", "timeframe", "timeframes", "completion", "complete", "completed", "frequency", "review"}},
	{"owner", []string{"owner", "owners", "responsible", "responsibility", "who", "lead", "person", "worker"}},
	{"id", []string{"ref", "reference", "no", "number", "id"}},
	{"action", []string{"action", "actions", "task", "tasks", "what"}},
}

// IsOwnerDueHeader reports whether an action table's header names both
// who and by when, in one column: "Who and when", "Who / by when", "By
// whom and when", "Owner and due date", "Person responsible & timescale".
func IsOwnerDueHeader(header string) bool {
	owner, due := false, false
	for _, w := range strings.FieldsFunc(normHeading(header), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "who", "whom", "owner", "owners", "responsible", "responsibility", "person", "lead":
			owner = true
		case "when", "date", "dates", "timescale", "timescales", "timeframe", "timeframes", "due", "deadline":
			due = true
		}
	}
	return owner && due
}

// isRecordedDateHeader reports whether a header's words name a date
// something happened ("Date agreed", "Date completed", "Date set",
// "Updated") rather than the date an action is due: a plan that records when
// each action was agreed beside its "Target date" must not have the agreed
// date read as the timescale. A header that also says by when ("To be
// completed by", "Target date set") is a due date.
func isRecordedDateHeader(words []string) bool {
	past := false
	for _, w := range words {
		switch w {
		case "target", "due", "deadline", "by", "to", "timescale", "when", "completion":
			return false
		case "agreed", "set", "raised", "added", "opened", "started", "start", "created",
			"logged", "reviewed", "updated", "achieved", "actioned", "completed", "done", "closed", "last":
			past = true
		}
	}
	return past
}

// NearActionColumn returns the canonical column a header (or field label)
// is close to without being one of its accepted names ("Target date" is
// "due", "Linked outcome" is "outcome", "Ownr" is "owner"), and the header
// to write instead; "", "" for an accepted header or one close to none.
func NearActionColumn(header string) (name, suggest string) {
	h := normHeading(header)
	if h == "" || ActionColumn(header) != "" {
		return "", ""
	}
	for _, a := range actionColumnNames() {
		if len(a) >= 5 && Levenshtein(h, a) <= 1 {
			n := actionColumns[a]
			return n, actionColumnTitles[n]
		}
	}
	words := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, c := range actionColumnKeywords {
		if c.name == "due" && isRecordedDateHeader(words) {
			continue // "Date agreed", "Date completed": when, not by when
		}
		for _, w := range words {
			for _, kw := range c.words {
				if w == kw {
					return c.name, actionColumnTitles[c.name]
				}
			}
		}
	}
	return "", ""
}

var defaultPlaceholders = []string{
	"TBC", "TBA", "TBD", "N/A", "NA", "none", "-", "—", "–", "?",
	"to follow", "to be confirmed", "to be agreed", "to be arranged",
	"to be decided", "to be discussed", "to be completed", "to be added",
	"not yet agreed", "pending", "awaiting", "xxx",
}

// DefaultPlaceholders returns the words that, alone, make a section count as
// missing (a fresh slice, so that a profile can append its own).
//
// "none" is among them, which is right for a plan ("Contingency plan: none"
// is a missing contingency plan) but wrong for a visit, where "None" is an
// answer ("Incidents and injuries: none"). Section.Placeholder() always uses
// this default list; visit rules must test strings.TrimSpace(Content()) == ""
// instead of Placeholder.
func DefaultPlaceholders() []string {
	return append([]string(nil), defaultPlaceholders...)
}

// A WordList is a list of placeholder words made ready to be asked
// about (Has): each word normalised once (normPlaceholder), the longest
// text that could be one of them known, and the letters they open with
// gathered. It is only read once made, so one list serves every
// goroutine; a profile makes its lists when it is made.
type WordList struct {
	words []string
	// norms are the words normalised, in their order; a word that
	// normalises to nothing ("-", "—") is left out (a text that is not
	// empty once trimmed is never it).
	norms []string
	limit int // placeholderLimit(words)
	// firsts holds the first byte of each of norms.
	firsts [256]bool
}

// NewWordList makes words ready to be asked about. words must not be
// changed afterwards.
func NewWordList(words []string) *WordList {
	l := &WordList{words: words, limit: placeholderLimit(words)}
	for _, w := range words {
		n := normPlaceholder(w)
		if n == "" {
			continue
		}
		l.norms = append(l.norms, n)
		l.firsts[n[0]] = true
	}
	return l
}

// Words returns the words the list was made of.
func (l *WordList) Words() []string { return l.words }

// defaultPlaceholderList is defaultPlaceholders made ready (Section.Placeholder).
var defaultPlaceholderList = NewWordList(defaultPlaceholders)

// Has reports whether text is empty or only one of the list's words: case
// is ignored, spaces are collapsed, punctuation and symbols around the
// text (a trailing ".", brackets, emphasis marks) are not significant, nor
// are dots between single letters ("T.B.C." is "TBC"), and a word of x's
// is "xxx" (normPlaceholder). A word may be followed by a deferral ("TBC -
// to be agreed at core group", "TBC by SW": isDeferral) or by another
// word. Text with no letter or digit at all ("-", "—", "?", "...") counts
// as a placeholder whatever the list holds, and so does a template's
// prompt, whatever the list holds: text all in square or angle brackets
// ("[Write the contingency plan here]", "<contingency plan>":
// isBracketed), or an instruction to write ("Insert contingency plan
// here", "Enter details": isPrompt).
func (l *WordList) Has(text string) bool {
	return hasWord(l, text)
}

// hasWord is Has of text, a string or bytes (a table cell read on the
// stack: Section.PlaceholderIn).
func hasWord[T string | []byte](l *WordList, text T) bool {
	t := trimNotAlnum(text)
	if len(t) == 0 {
		return true
	}
	if nonSpaceOver(t, l.limit) { // too long to be any of the words: don't normalise it
		return false
	}
	if isBracketed(text) {
		return true
	}
	// Nor when no word, nor any prompt, opens with the text's first
	// letter (most visit sections: "Leo said ..."), which is known
	// without normalising it.
	first, ok := firstNormASCII(t)
	if ok && !l.firsts[first] && !promptFirsts[first] {
		return false
	}
	// The text normalised (normPlaceholder), in a buffer on the stack
	// when it is ASCII, as most are: a call allocates nothing unless a
	// word opens the text and more follows.
	var tbuf [256]byte
	tn, ascii := appendNormASCII(tbuf[:0], t)
	if !ascii {
		tn = []byte(normPlaceholder(string(t)))
	}
	for _, nw := range l.norms {
		if nw[0] != tn[0] {
			continue // neither the word nor "word ..."
		}
		if string(tn) == nw {
			return true
		}
		n := len(nw)
		if len(tn) <= n || tn[n] != ' ' || string(tn[:n]) != nw {
			continue
		}
		rest := string(tn[n+1:])
		if isDeferral(nw, rest) || l.Has(rest) { // "TBC - to be agreed at core group"
			return true
		}
		// "None agreed yet - to be agreed at the first core group": the
		// words saying it stands for now, then another of the words.
		if toks, ok := withoutForNow(strings.FieldsFunc(rest, notAlnum), false); ok && len(toks) > 0 && l.Has(strings.Join(toks, " ")) {
			return true
		}
	}
	return (!ok || promptFirsts[first]) && isPrompt(tn)
}

// isBracketed reports whether text, less white space and emphasis marks
// around it, is all in one pair of square or angle brackets with a letter
// or digit inside: a template's prompt ("[Write the contingency plan
// here]", "[Details]", "<contingency plan>"), left as the template wrote it.
func isBracketed[T string | []byte](text T) bool {
	i, j := 0, len(text)
	mark := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '_' }
	for i < j && mark(text[i]) {
		i++
	}
	for j > i && mark(text[j-1]) {
		j--
	}
	if j-i < 3 {
		return false
	}
	open, close := text[i], text[j-1]
	if !(open == '[' && close == ']' || open == '<' && close == '>') {
		return false
	}
	alnum := false
	for k := i + 1; k < j-1; {
		if text[k] == open || text[k] == close {
			return false
		}
		r, n := decodeRune(text[k:])
		alnum = alnum || !notAlnum(r)
		k += n
	}
	return alnum
}

// trimNotAlnum is strings.TrimFunc(s, notAlnum), of a string or bytes.
func trimNotAlnum[T string | []byte](s T) T {
	i := 0
	for i < len(s) {
		r, n := decodeRune(s[i:])
		if !notAlnum(r) {
			break
		}
		i += n
	}
	j := len(s)
	for j > i {
		r, n := utf8.DecodeLastRuneInString(string(s[max(i, j-utf8.UTFMax):j]))
		if !notAlnum(r) {
			break
		}
		j -= n
	}
	return s[i:j]
}

// promptVerbs open a template's instruction to write ("Insert contingency
// plan here", "Enter details", "Please complete this section").
var promptVerbs = map[string]bool{
	"write": true, "insert": true, "enter": true, "add": true, "type": true, "complete": true,
	"fill": true, "describe": true, "detail": true, "give": true, "state": true, "outline": true,
	"provide": true, "include": true, "record": true, "list": true, "set": true,
	"summarise": true,
	"summarize": true, //nolint:misspell // the American spelling, as some templates write it
}

// promptObjects are what a template asks to be written ("details", "the
// plan", "this section"): an instruction to write that names only these
// is a prompt (one that names the section's heading is too:
// IsSectionPlaceholder).
var promptObjects = map[string]bool{
	"the": true, "a": true, "an": true, "your": true, "any": true, "all": true, "this": true,
	"these": true, "relevant": true, "details": true, "detail": true, "text": true,
	"information": true, "info": true, "plan": true, "plans": true, "section": true,
	"name": true, "names": true, "date": true, "dates": true, "and": true, "of": true,
	"for": true, "summary": true, "description": true, "response": true, "answer": true,
	"box": true, "field": true, "here": true, "below": true, "in": true, "out": true, "up": true,
}

// promptFirsts holds the first letter of each of promptVerbs and of
// "please", so that Has tells most text is no prompt on its first letter.
var promptFirsts = func() (f [256]bool) {
	for w := range promptVerbs {
		f[w[0]] = true
	}
	f['p'] = true
	return f
}()

// maxPromptWords bounds the words of a template's instruction to write.
const maxPromptWords = 10

// isPrompt reports whether tn, normalised text (normPlaceholder), is a
// template's instruction to write rather than what was to be written:
// perhaps "please", then one of promptVerbs ("fill in", "set out"), then
// either a few words ending "here" or "below" ("Insert contingency plan
// here", "Write the plan below") or only promptObjects ("Enter details",
// "Complete this section"). A verb with nothing after it is no prompt
// ("Complete"), nor is one followed by what was done ("Complete a
// strategy discussion").
func isPrompt(tn []byte) bool {
	// The words, as strings.FieldsFunc(tn, notAlnum) has them.
	var spans [maxPromptWords][2]int
	toks := spans[:0]
	start := -1
	for i := 0; i <= len(tn); {
		alnum, n := false, 1
		if i < len(tn) {
			if c := tn[i]; c < utf8.RuneSelf {
				alnum = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
			} else {
				var r rune
				r, n = decodeRune(tn[i:])
				alnum = !notAlnum(r)
			}
		}
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			if len(toks) == cap(toks) {
				return false // too long to be a prompt
			}
			toks = append(toks, [2]int{start, i})
			start = -1
		}
		i += n
	}
	// The words are looked up as slices of tn: nothing is allocated.
	i := 0
	if i < len(toks) && string(tn[toks[i][0]:toks[i][1]]) == "please" {
		i++
	}
	if i >= len(toks) || !promptVerbs[string(tn[toks[i][0]:toks[i][1]])] {
		return false
	}
	i++
	if i == len(toks) {
		return false
	}
	switch last := toks[len(toks)-1]; string(tn[last[0]:last[1]]) {
	case "here", "below":
		return true
	}
	for ; i < len(toks); i++ {
		if !promptObjects[string(tn[toks[i][0]:toks[i][1]])] {
			return false
		}
	}
	return true
}

// IsSectionPlaceholder reports whether content, the text of a section
// under heading, is empty or only a placeholder by words: words.Has
// of it, or of what follows the heading repeated at its start ("Contingency
// plan to be agreed at the first core group", "The contingency plan is
// TBC", "Leo's wishes and feelings: not ascertained"; withoutHeading).
func IsSectionPlaceholder(heading, content string, words *WordList) bool {
	if words.Has(content) {
		return true
	}
	rest, ok := withoutHeading(content, heading)
	if ok && words.Has(rest) {
		return true
	}
	// The section's heading denied: "No contingency plan.", "There is no
	// contingency plan agreed at present": it says there is none.
	if rest, ok := withoutNo(content); ok {
		if rest, ok := withoutHeading(rest, heading); ok && (words.Has(rest) || onlyNoneTail(rest) || deferredNone(rest, words)) {
			return true
		}
	}
	// A template's instruction to write the section, by its heading:
	// "Insert contingency plan", "Please add the concerns".
	if rest, ok := withoutPromptVerb(content); ok {
		rest, ok := withoutHeading(rest, heading)
		return ok && words.Has(rest)
	}
	return false
}

// withoutNo returns content without the words that open it when they
// deny what follows: "no", "there is no", "there is currently no",
// "there's no"; ok is false when content does not open so. Nothing is
// allocated.
func withoutNo(content string) (rest string, ok bool) {
	var wbuf [4]leadWord
	w := leadWords(wbuf[:0], content, 4)
	is := func(i int, s ...string) bool {
		if i >= len(w) {
			return false
		}
		for _, t := range s {
			if strings.EqualFold(content[w[i].start:w[i].end], t) {
				return true
			}
		}
		return false
	}
	switch {
	case is(0, "no"):
		return content[w[0].end:], true
	case is(0, "there") && is(1, "is", "was") && is(2, "no"):
		return content[w[2].end:], true
	case is(0, "there") && is(1, "is", "was") && is(2, "currently", "yet", "still") && is(3, "no"):
		return content[w[3].end:], true
	case is(0, "there") && is(1, "s") && is(2, "no"): // "there's no", read as two words
		return content[w[2].end:], true
	}
	return "", false
}

// noneTail are the words that may close a section's heading denied ("No
// contingency plan agreed at this time", "No contingency plan in place
// yet") and still say only that there is none.
var noneTail = map[string]bool{
	"agreed": true, "yet": true, "in": true, "place": true, "at": true, "this": true,
	"time": true, "present": true, "has": true, "have": true, "been": true, "was": true,
	"is": true, "identified": true, "needed": true, "required": true, "currently": true,
	"made": true, "set": true, "for": true, "now": true, "the": true, "moment": true,
	"written": true, "drawn": true, "up": true, "stage": true, "considered": true,
	"necessary": true, "as": true, "of": true, "today": true, "discussed": true,
}

// withoutNoneTail returns text without the noneTail words that open it
// ("in place at present; to be discussed at the core group" is "to be
// discussed at the core group"), or "" when none do: what follows the
// heading denied may defer it.
func withoutNoneTail(text string) string {
	toks := strings.FieldsFunc(strings.ToLower(text), notAlnum)
	i := 0
	for i < len(toks) && noneTail[toks[i]] {
		i++
	}
	if i == 0 || i == len(toks) {
		return ""
	}
	return strings.Join(toks[i:], " ")
}

// deferredNone reports whether text, what follows a section's heading
// denied, opens with noneTail words and goes on only to defer it ("in
// place at present; to be discussed at the core group").
func deferredNone(text string, words *WordList) bool {
	r := withoutNoneTail(text)
	return r != "" && words.Has(r)
}

// onlyNoneTail reports whether text holds only noneTail words (or none).
func onlyNoneTail(text string) bool {
	for _, tok := range strings.FieldsFunc(strings.ToLower(text), notAlnum) {
		if !noneTail[tok] {
			return false
		}
	}
	return true
}

// withoutPromptVerb returns content without the words that open it when
// they are "please" and one of promptVerbs, or perhaps only the verb
// ("Insert contingency plan" is "contingency plan"); ok is false when
// content does not open so. Nothing is allocated.
func withoutPromptVerb(content string) (rest string, ok bool) {
	var wbuf [3]leadWord
	w := leadWords(wbuf[:0], content, 3)
	i := 0
	if len(w) > 0 && strings.EqualFold(content[w[0].start:w[0].end], "please") {
		i++
	}
	if i >= len(w) || !isPromptVerb(content[w[i].start:w[i].end]) {
		return "", false
	}
	return content[w[i].end:], true
}

// isPromptVerb reports whether word, any case, is one of promptVerbs;
// it is lower-cased on the stack.
func isPromptVerb(word string) bool {
	var buf [16]byte
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return promptVerbs[string(buf[:len(word)])]
}

// IsWrittenPlaceholder reports whether a section under heading that has
// written prose and table cells (Section.Written) is empty or only a
// placeholder by words: every cell empty or a placeholder (words.Has:
// a template's table left blank, or "TBC" in every cell), and the prose
// one (IsSectionPlaceholder). One real row among blank ones, or real text
// under a sub-heading, is written.
func IsWrittenPlaceholder(heading, prose string, cells []string, words *WordList) bool {
	for _, c := range cells {
		if !words.Has(c) {
			return false
		}
	}
	return IsSectionPlaceholder(heading, prose, words)
}

// leadInLimit is the most bytes withoutHeading takes from the start of a
// section's content beside its heading's: an article or a possessive
// before it, "plan" and "is" after it, and what is between.
const leadInLimit = 40

// withoutHeading returns content without its opening words when they
// repeat heading (less a gloss in brackets): the heading's words, any
// case, perhaps after "the", "a", "this", "our" or a possessive ("Leo's")
// and perhaps followed by "plan" and by "is", "are", "was" or "were"
// ("Contingency plan to be agreed", "Contingency plan is TBC").
// ok is false when content does not open so.
func withoutHeading(content, heading string) (rest string, ok bool) {
	if i := strings.IndexByte(heading, '('); i > 0 {
		heading = heading[:i]
	}
	// Most content opens with none of what could start the heading
	// repeated: told on the first letters, before any word is read.
	if !mayRepeatHeading(content, heading) {
		return "", false
	}
	// The words are compared in place, any case: nothing is allocated (a
	// plan's every section is asked).
	var hbuf [24]leadWord
	var wbuf [len(hbuf) + 6]leadWord
	hw := leadWords(hbuf[:0], heading, len(hbuf))
	if len(hw) == 0 || len(hw) == len(hbuf) { // none, or a heading too long to be repeated
		return "", false
	}
	w := leadWords(wbuf[:0], content, len(hw)+6)
	word := func(x leadWord, text string) string { return text[x.start:x.end] }
	is := func(i int, s ...string) bool {
		for _, t := range s {
			if strings.EqualFold(word(w[i], content), t) {
				return true
			}
		}
		return false
	}
	matchAt := func(i int) (end int, ok bool) {
		if i+len(hw) > len(w) {
			return 0, false
		}
		for j, h := range hw {
			if !strings.EqualFold(word(w[i+j], content), word(h, heading)) {
				return 0, false
			}
		}
		i += len(hw)
		if i < len(w) && !strings.EqualFold(word(hw[len(hw)-1], heading), "plan") && is(i, "plan", "plans") {
			i++
		}
		if i < len(w) && is(i, "is", "are", "was", "were") {
			i++
		}
		return w[i-1].end, true
	}
	if end, ok := matchAt(0); ok {
		return content[end:], true
	}
	if len(w) > 0 && is(0, "the", "a", "an", "this", "our") {
		if end, ok := matchAt(1); ok {
			return content[end:], true
		}
	}
	if len(w) > 1 && is(1, "s") && (content[w[0].end:w[1].start] == "'" || content[w[0].end:w[1].start] == "\u2019") { // "Leo's", "Leo’s" read as two words
		if end, ok := matchAt(2); ok {
			return content[end:], true
		}
	}
	return "", false
}

// mayRepeatHeading reports whether content could open with heading
// repeated, as withoutHeading reads it: its first letter or digit is the
// heading's (any case), or its first word may be an article or a name with
// a possessive ("the", "a", "an", "this", "our", "Leo's"). It is a cheap
// test that is never false where withoutHeading would match.
func mayRepeatHeading(content, heading string) bool {
	c, h := firstAlnum(content), firstAlnum(heading)
	if c < 0 || h < 0 {
		return false
	}
	_, cn := utf8.DecodeRuneInString(content[c:])
	_, hn := utf8.DecodeRuneInString(heading[h:])
	if strings.EqualFold(content[c:c+cn], heading[h:h+hn]) {
		return true
	}
	switch content[c] {
	case 't', 'T', 'a', 'A', 'o', 'O': // the, a, an, this, our
		return true
	}
	// A name and a possessive: an apostrophe right after the first word.
	end := len(content)
	if i := strings.IndexFunc(content[c:], notAlnum); i >= 0 {
		end = c + i
	}
	return strings.HasPrefix(content[end:], "'") || strings.HasPrefix(content[end:], "\u2019")
}

// firstAlnum returns the offset of the first letter or digit of s, or -1.
func firstAlnum(s string) int {
	return strings.IndexFunc(s, func(r rune) bool { return !notAlnum(r) })
}

// leadWord is one word of leadWords: where it starts and ends.
type leadWord struct {
	start, end int
}

// leadWords appends to dst up to n of the words (runs of letters and
// digits) that open text, with where each starts and ends.
func leadWords(dst []leadWord, text string, n int) []leadWord {
	start := -1
	for i, r := range text {
		if notAlnum(r) {
			if start >= 0 {
				dst = append(dst, leadWord{start, i})
				start = -1
				if len(dst) == n {
					return dst
				}
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 && len(dst) < n {
		dst = append(dst, leadWord{start, len(text)})
	}
	return dst
}

// placeholderLimit is the most non-space bytes a text trimmed of what is
// neither a letter nor a digit at either end can have and still be
// a placeholder by words (WordList.Has: a word, another after it, and a
// deferral).
func placeholderLimit(words []string) int {
	longest := 0
	for _, w := range words {
		longest = max(longest, len(w))
	}
	return 2*longest + 8 + maxDeferral
}

// firstNormASCII returns the first byte of normPlaceholder(w), lower
// case, when w opens, after ASCII that is neither a letter nor a digit,
// with an ASCII letter or digit; ok is false otherwise (w then has to be
// normalised to be compared).
func firstNormASCII[T string | []byte](w T) (first byte, ok bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return 0, false
		case 'A' <= c && c <= 'Z':
			return c + 'a' - 'A', true
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			return c, true
		}
	}
	return 0, false
}

// appendNormASCII appends normPlaceholder(s) to buf when s is ASCII; ascii
// is false otherwise.
func appendNormASCII[T string | []byte](buf []byte, s T) (_ []byte, ascii bool) {
	alnum := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' }
	i, j := 0, len(s)
	for i < j && !alnum(s[i]) {
		if s[i] >= utf8.RuneSelf {
			return buf, false
		}
		i++
	}
	for j > i && !alnum(s[j-1]) {
		if s[j-1] >= utf8.RuneSelf {
			return buf, false
		}
		j--
	}
	space := false
	start := len(buf)
	for k := i; k < j; k++ {
		c := s[k]
		switch {
		case c >= utf8.RuneSelf:
			return buf, false
		case asciiSpace[c]:
			space = true
			continue
		case space:
			buf = append(buf, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	if mayFold(buf[start:]) {
		buf = append(buf[:start], foldPlaceholder(buf[start:])...)
	}
	return buf, true
}

// maxDeferral bounds the length of a deferral after a placeholder.
const maxDeferral = 48

// isDeferral reports whether rest, after a placeholder, only says when the
// answer will be given: "To be agreed at core group", "TBC at the next
// core group", "TBC following the assessment", "pending ICPC 26/06".
//
// A placeholder followed only by words that say it stands for now ("None
// at present", "N/A at this time", "Nil currently", "TBC as yet") is one
// too: forNow before or after the deferral.
func isDeferral(placeholder, rest string) bool {
	toks := strings.FieldsFunc(rest, notAlnum)
	if len(toks) == 0 {
		return false
	}
	toks, lead := withoutForNow(toks, false)
	toks, trail := withoutForNow(toks, true)
	if len(toks) == 0 {
		return lead || trail
	}
	if toks[0] == "by" { // "TBC by SW", "TBC by Amy Cole at the next core group"
		toks = withoutWhom(toks[1:])
		if len(toks) == 0 {
			return true
		}
	}
	if placeholder != "pending" && placeholder != "awaiting" { // "pending ICPC"
		if !deferralOpeners[toks[0]] {
			return false
		}
		toks = toks[1:]
	}
	for _, tok := range toks {
		if !deferralWords[tok] && strings.TrimFunc(tok, unicode.IsDigit) != "" {
			return false
		}
	}
	return true
}

// maxWhom bounds the words naming who will give the answer, after "by"
// ("by SW", "by Amy Cole", "by the team manager").
const maxWhom = 3

// withoutWhom returns toks, which follow "by" after a placeholder, without
// the words that name who will give the answer: up to maxWhom words
// before a deferral's opener ("TBC by SW at CG") or the end; toks itself,
// less nothing, when no word does or more do.
func withoutWhom(toks []string) []string {
	i := 0
	for i < len(toks) && i < maxWhom && !deferralOpeners[toks[i]] {
		i++
	}
	if i == 0 || i < len(toks) && !deferralOpeners[toks[i]] {
		return append([]string{"by"}, toks...) // not whom: read "by ..." as before
	}
	return toks[i:]
}

// forNow are the words that say an answer stands only for now, as
// practitioners write them after a placeholder: "at present", "at this
// time", "currently", "yet", "today".
var forNow = [][]string{
	{"at", "present"}, {"at", "the", "present", "time"}, {"presently"}, {"currently"},
	{"at", "this", "time"}, {"at", "the", "moment"}, {"at", "this", "moment"},
	{"at", "this", "stage"}, {"at", "this", "point"}, {"for", "now"}, {"for", "the", "moment"},
	{"for", "the", "time", "being"}, {"as", "yet"}, {"yet"}, {"so", "far"}, {"to", "date"},
	{"as", "of", "today"}, {"today"}, {"this", "visit"}, {"at", "this", "visit"},
	{"on", "this", "visit"}, {"during", "this", "visit"}, {"during", "the", "visit"},
	{"on", "this", "occasion"},
}

// withoutForNow returns toks (lower case) without the words of forNow
// that open them (close them, with atEnd), and whether there were any:
// the longest such words.
func withoutForNow(toks []string, atEnd bool) ([]string, bool) {
	best := 0
	for _, f := range forNow {
		if len(f) <= best || len(f) > len(toks) {
			continue
		}
		at := 0
		if atEnd {
			at = len(toks) - len(f)
		}
		if slices.Equal(toks[at:at+len(f)], f) {
			best = len(f)
		}
	}
	if atEnd {
		return toks[:len(toks)-best], best > 0
	}
	return toks[best:], best > 0
}

// WithoutForNow returns text without the words that close it saying it
// stands only for now ("None at present" is "None", "Nil currently" is
// "Nil"), text itself when none close it. Case is kept; what is neither a
// letter nor a digit between the last word kept and the words taken away
// goes with them.
func WithoutForNow(text string) string {
	toks := strings.FieldsFunc(strings.ToLower(text), notAlnum)
	kept, ok := withoutForNow(toks, true)
	if !ok || len(kept) == 0 {
		return text
	}
	// Cut text after its len(kept)th word.
	n, inWord := 0, false
	for i, r := range text {
		if notAlnum(r) {
			if inWord && n == len(kept) {
				return text[:i]
			}
			inWord = false
			continue
		}
		if !inWord {
			n++
			inWord = true
		}
	}
	return text
}

var deferralOpeners = map[string]bool{
	"at": true, "by": true, "in": true, "on": true, "until": true, "till": true,
	"following": true, "after": true, "when": true, "once": true, "pending": true,
}

var deferralWords = map[string]bool{
	"at": true, "by": true, "in": true, "on": true, "of": true, "the": true, "a": true,
	"next": true, "first": true, "1st": true, "core": true, "group": true, "groups": true,
	"cg": true, "meeting": true, "conference": true, "icpc": true, "rcpc": true,
	"review": true, "initial": true, "child": true, "protection": true, "cp": true,
	"visit": true, "assessment": true, "strategy": true, "discussion": true,
	"supervision": true, "date": true, "planning": true, "plan": true, "is": true,
	"has": true, "been": true, "held": true, "completed": true, "done": true,
	"agreed": true, "confirmed": true, "known": true, "received": true, "panel": true,
}

// normPlaceholder returns s as placeholders are compared: trimmed of
// what is neither a letter nor a digit at either end, spaces collapsed,
// lower case, then folded (foldPlaceholder).
func normPlaceholder(s string) string {
	s = strings.TrimFunc(s, notAlnum)
	s = strings.ToLower(collapse(s))
	if !mayFold(s) {
		return s
	}
	return string(foldPlaceholder([]byte(s)))
}

// mayFold reports whether foldPlaceholder could change s: it holds a dot
// or a run of three x's.
func mayFold[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' || s[i] == 'x' && i+2 < len(s) && s[i+1] == 'x' && s[i+2] == 'x' {
			return true
		}
	}
	return false
}

// foldPlaceholder rewrites b, lower-case text, in place as placeholders
// are compared, and returns it (a prefix of b): a dot between two single
// letters, or after the last of them, is dropped ("t.b.c." is "tbc", "n.a"
// is "na", "e.g. tbc" is "eg tbc"), and a word of
// three or more x's is "xxx" ("XXXX", a template's blank). It is for
// placeholder matching only: "N.F.A." is "nfa" there, which no list holds.
func foldPlaceholder(b []byte) []byte {
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' }
	wordByte := func(c byte) bool { return letter(c) || '0' <= c && c <= '9' || c >= utf8.RuneSelf }
	w := 0
	var prev, prev2 byte // the two bytes before b[i], as read
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '.' && letter(prev) && !wordByte(prev2) &&
			(prev2 == '.' || i+1 < len(b) && letter(b[i+1]) && (i+2 == len(b) || !wordByte(b[i+2]))):
			prev2, prev = prev, c
			i++
			continue
		case c == 'x' && !wordByte(prev):
			j := i
			for j < len(b) && b[j] == 'x' {
				j++
			}
			if j-i >= 3 && (j == len(b) || !wordByte(b[j])) {
				w += copy(b[w:], "xxx")
				prev2, prev = 'x', 'x'
				i = j
				continue
			}
		}
		b[w] = c
		w++
		prev2, prev = prev, c
		i++
	}
	return b[:w]
}

func notAlnum(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// nonSpaceOver reports whether s has more than limit bytes that are not
// ASCII white space, reading no further than it must.
func nonSpaceOver[T string | []byte](s T, limit int) bool {
	if len(s) <= limit {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if n++; n > limit {
				return true
			}
		}
	}
	return false
}
