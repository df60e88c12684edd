package lint

import (
	"slices"
	"strconv"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Who owns an action of the plan, read from the owner as practitioners
// write it: "Sam Doe", "Sam Doe (mother)", "Mum (Sam Doe)", "Sam Doe and
// Aisha Patel", "Sam Doe / Dr Kim Green", "Health Visitor", "Mum", "TBC",
// "professionals". Stoke-on-Trent C06 §01 ("who will have responsibility for
// what actions - including actions by family members") and Oxfordshire 1.8
// §1 ("ascribed to specific members") ask for a specific person: a name, or
// a role that names exactly one of the case's people.

// OwnerKind says what one owner of an action is.
type OwnerKind int

const (
	OwnerNamed       OwnerKind = iota // the child or one of the case's people, by name
	OwnerByRole                       // a role that names exactly one of them ("Mum", "GP", "lead worker")
	OwnerPlaceholder                  // no one yet: empty, "TBC", "?", "N/A"
	OwnerCollective                   // a group: "all", "professionals", "the parents"
	OwnerAmbiguous                    // a role that names several of the case's people
	OwnerUnknown                      // a name or role that is no one in case.md
)

// Owner is one owner of an action, as the owner cell names them.
type Owner struct {
	Text string    // the part of the cell, as written, trimmed
	Kind OwnerKind // what it is
	// Name is the person's name as case.md writes it (the child's name for
	// the child), for OwnerNamed and OwnerByRole.
	Name string
	// Candidates are the names a role could mean, for OwnerAmbiguous.
	Candidates []string
}

// Owners reads an action's owner cell into the people it names, one Owner
// for each, in order. A cell that is empty or only a placeholder is one
// OwnerPlaceholder. Several owners are separated by commas, semicolons,
// "/", "&", "+", a spaced dash or the words "and", "with", "or", "plus",
// "by" and "from" ("Sam Doe supported by Aisha Patel"); a role or a name in
// brackets stays with its owner. When case.md could not be read, names are
// OwnerUnknown, and rules do not judge them.
func (c *Case) Owners(cell string, prof *Profile) []Owner {
	cell = strings.TrimSpace(cell)
	if prof.IsPlaceholder(cell) || prof.IsPlaceholder(schema.PersonKey(cell)) {
		return []Owner{{Text: cell, Kind: OwnerPlaceholder}}
	}
	if o, ok := c.ownerByName(cell); ok {
		return []Owner{o}
	}
	var out []Owner
	for _, part := range splitOwners(cell) {
		if named := c.namesInBrackets(part); len(named) > 0 {
			out = append(out, named...) // "Parents (Sam Doe and Lee Doe)"
			continue
		}
		o, ok := c.resolveOwner(part, prof)
		if !ok {
			continue
		}
		if o.Kind == OwnerUnknown {
			// Names run together ("Sam Doe Aisha Patel", a line break lost).
			if names := c.segmentNames(part); len(names) > 1 {
				for _, n := range names {
					out = append(out, Owner{Text: n, Kind: OwnerNamed, Name: n})
				}
				continue
			}
		}
		out = append(out, o)
	}
	out = c.dropDescriptions(out)
	if len(out) == 0 {
		return []Owner{{Text: cell, Kind: OwnerPlaceholder}}
	}
	return out
}

// dropDescriptions drops the unknown parts that describe an owner named in
// the same cell by words of their role or agency: "Lee Morgan, class
// teacher, St Mary's".
func (c *Case) dropDescriptions(owners []Owner) []Owner {
	var about []string
	for _, o := range owners {
		if p := c.Person(o.Name); p != nil && (o.Kind == OwnerNamed || o.Kind == OwnerByRole) {
			about = append(about, phrase(p.Role), phrase(p.Agency))
		}
	}
	if len(about) == 0 {
		return owners
	}
	out := owners[:0:0]
	for _, o := range owners {
		if o.Kind == OwnerUnknown {
			if w := strings.Join(words(o.Text), " "); w != "" && hasPhrase(strings.Join(about, " "), w) {
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

// ActionOwner returns the owner of action a: its Owner field, or, for an
// action written as a sentence with no Owner field, the first phrase of
// its words (schema.Action.OwnerInWords: "Claire Dunn will ...", "Mum to
// ...", "... - Claire Dunn - ...") whose every owner is the child or one
// of the case's people, by name or by a role that names them, or a group
// or a role that could be several of them (which the owner rules report
// as they would in a field). "School", "the safety plan" or "Support Mum"
// name no owner: the field stays missing. When case.md could not be read,
// who is a person cannot be told, and the first phrase is the owner.
func (c *Case) ActionOwner(a *schema.Action, prof *Profile) schema.Cell {
	if len(a.OwnerInWords) == 0 {
		return a.Owner
	}
	if c.Record == nil {
		return a.OwnerInWords[0]
	}
	for _, cand := range a.OwnerInWords {
		if c.namesOwners(cand.Text, prof) && !c.childAlsoObject(a, cand.Text, prof) {
			return cand
		}
	}
	// "Sam to ...": part of a name of the case's, which is no name
	// (decisions.md, issue 12) and is reported as the field's would be,
	// "not among the people in case.md", rather than as no owner.
	for _, cand := range a.OwnerInWords {
		if c.partOfAName(cand.Text) {
			return cand
		}
	}
	return a.Owner
}

// partOfAName reports whether text is one to three words, each a word of
// the name of the child or of one of the case's people, a title aside:
// "Sam", "Doe" or "Ms Doe" for "Sam Doe".
func (c *Case) partOfAName(text string) bool {
	var w []string
	for _, x := range words(text) {
		if !nameTitles[x] { // "Ms Doe"
			w = append(w, x)
		}
	}
	if len(w) == 0 || len(w) > 3 || c.Record == nil {
		return false
	}
	names := []string{c.Child().Name}
	for _, p := range c.Record.People {
		names = append(names, p.Name)
	}
	for _, n := range names {
		nw := words(n)
		if len(nw) <= len(w) {
			continue
		}
		all := true
		for _, x := range w {
			all = all && slices.Contains(nw, x)
		}
		if all {
			return true
		}
	}
	return false
}

// childAlsoObject reports whether text names the child alone and the
// action's words name the child elsewhere too: in "Direct work with Jamie
// - Jamie - fortnightly" Jamie is whom the work is with, not who does it.
func (c *Case) childAlsoObject(a *schema.Action, text string, prof *Profile) bool {
	owners := c.Owners(text, prof)
	if len(owners) != 1 || owners[0].Kind != OwnerNamed || !c.IsChild(owners[0].Name) {
		return false
	}
	first := words(c.Child().Name)
	if len(first) == 0 {
		return false
	}
	n := 0
	for _, w := range words(a.Action.Text) {
		if w == first[0] {
			n++
		}
	}
	return n > 1
}

// namesOwners reports whether each owner text names is someone of the
// case, a group, or a role that could be several of them, and one does.
func (c *Case) namesOwners(text string, prof *Profile) bool {
	owners := c.Owners(text, prof)
	for _, o := range owners {
		switch o.Kind {
		case OwnerNamed, OwnerByRole, OwnerCollective, OwnerAmbiguous:
		default:
			return false
		}
	}
	return len(owners) > 0
}

// OwnsAction reports whether ref names someone who owns (or shares) one of
// the plan's actions, by name or by a role that names only them.
func (c *Case) OwnsAction(ref string, prof *Profile) bool {
	if c.Plan == nil || c.Plan.Doc == nil || c.Plan.Doc.Body == nil || c.Plan.Doc.Body.Actions == nil {
		return false
	}
	for _, owners := range c.actionOwners(prof) {
		for _, o := range owners {
			if (o.Kind == OwnerNamed || o.Kind == OwnerByRole) && SamePerson(o.Name, ref) {
				return true
			}
		}
	}
	return false
}

// actionOwners returns the Owners of each action of the plan, read once a
// case and profile: OwnsAction asks of every member of the core group.
func (c *Case) actionOwners(prof *Profile) [][]Owner {
	if owners, done := c.ownersOfActions[prof]; done {
		return owners
	}
	rows := c.Plan.Doc.Body.Actions.Rows
	owners := make([][]Owner, len(rows))
	for i := range rows {
		owners[i] = c.Owners(c.ActionOwner(&rows[i], prof).Text, prof)
	}
	if c.ownersOfActions == nil {
		c.ownersOfActions = map[*Profile][][]Owner{}
	}
	c.ownersOfActions[prof] = owners
	return owners
}

// namesInBrackets returns the owners a bracketed part of part names when
// it names several people, each by name: "Parents (Sam Doe and Lee Doe)".
func (c *Case) namesInBrackets(part string) []Owner {
	_, inners := splitBrackets(part)
	for _, in := range inners {
		parts := splitOwners(in)
		if len(parts) < 2 {
			continue
		}
		var out []Owner
		for _, q := range parts {
			o, ok := c.ownerByName(q)
			if !ok {
				out = nil
				break
			}
			out = append(out, o)
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// ownerByName returns the owner when text names the child or one of the
// case's people (a role in brackets after the name ignored).
func (c *Case) ownerByName(text string) (Owner, bool) {
	if c.IsChild(text) {
		return Owner{Text: text, Kind: OwnerNamed, Name: strings.TrimSpace(c.Child().Name)}, true
	}
	if p := c.Person(text); p != nil {
		return Owner{Text: text, Kind: OwnerNamed, Name: strings.TrimSpace(p.Name)}, true
	}
	return Owner{}, false
}

// resolveOwner reads one owner; false when the part holds only joining
// words ("supported").
func (c *Case) resolveOwner(part string, prof *Profile) (Owner, bool) {
	outer, inners := splitBrackets(part)
	outer = trimFiller(outer)
	if outer == "" && len(inners) == 0 {
		return Owner{}, false
	}
	text := strings.TrimSpace(part)
	if outer == "" {
		outer, inners = inners[0], inners[1:]
	}
	if prof.IsPlaceholder(outer) {
		return Owner{Text: text, Kind: OwnerPlaceholder}, true
	}
	if o, ok := c.ownerByName(outer); ok {
		o.Text = text
		return o, true
	}
	for _, in := range inners { // "Mum (Sam Doe)"
		if o, ok := c.ownerByName(in); ok {
			o.Text = text
			return o, true
		}
	}
	if prof.IsCollective(outer) {
		return Owner{Text: text, Kind: OwnerCollective}, true
	}
	if c.Record == nil {
		return Owner{Text: text, Kind: OwnerUnknown}, true
	}
	names := c.PeopleWithRole(outer)
	switch {
	case len(names) == 1:
		return Owner{Text: text, Kind: OwnerByRole, Name: names[0]}, true
	case len(names) > 1:
		return Owner{Text: text, Kind: OwnerAmbiguous, Candidates: names}, true
	}
	return Owner{Text: text, Kind: OwnerUnknown}, true
}

// nameTitles are the titles written before a name.
var nameTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true}

// Words practitioners write for the lead worker, their manager and the
// child, whoever case.md says they are.
var (
	leadWorkerWords = []string{"lead worker", "lead social worker", "lead professional",
		"allocated social worker", "allocated worker", "social worker", "sw", "lsw",
		"childs social worker", "the social worker"}
	managerWords = []string{"manager", "team manager", "line manager", "tm",
		"social workers manager", "lead workers manager"}
	childWords = []string{"child", "the child", "young person", "the young person", "yp", "cyp"}
)

// PeopleWithRole returns the names of the case's people whom role names:
// "lead worker" (or "social worker", "SW") the plan's lead worker, "team
// manager" the plan's manager, "child" or "young person" the child; any
// other role the people whose role in case.md holds its words ("Mum" is
// "mother", "HV" "health visitor", "Teacher" is "class teacher"), those
// whose role is exactly it first. "the", "his", "her" and "their" before
// the role are ignored.
func (c *Case) PeopleWithRole(role string) []string {
	w := roleWords(role)
	if len(w) == 0 || c.Record == nil {
		return nil
	}
	r := strings.Join(w, " ")
	if c.Child().Name != "" && strings.HasPrefix(r, strings.Join(words(c.Child().Name), " ")+"s ") {
		w = w[len(words(c.Child().Name)):] // "Jamie's GP"
		r = strings.Join(w, " ")
	}
	known := func(name string) []string {
		if p := c.Person(name); p != nil {
			return []string{strings.TrimSpace(p.Name)}
		}
		return nil
	}
	switch {
	case inWords(r, childWords):
		if n := strings.TrimSpace(c.Child().Name); n != "" {
			return []string{n}
		}
	case inWords(r, leadWorkerWords) && c.LeadWorker() != "":
		return known(c.LeadWorker())
	case inWords(r, managerWords) && c.LeadWorkersManager() != "":
		return known(c.LeadWorkersManager())
	}
	var exact, within []string
	for i := range c.Record.People {
		p := &c.Record.People[i]
		pw := roleWords(p.Role)
		switch {
		case len(pw) == 0 || strings.TrimSpace(p.Name) == "":
		case strings.Join(pw, " ") == r:
			exact = append(exact, strings.TrimSpace(p.Name))
		case strings.Contains(" "+strings.Join(pw, " ")+" ", " "+r+" "):
			within = append(within, strings.TrimSpace(p.Name))
		}
	}
	if len(exact) > 0 {
		return exact
	}
	if len(w) == 1 && roleQualifiers[w[0]] {
		// "School", "Health", "Nursery" alone name a setting or an
		// agency, not the one person of it who will act: not the school
		// nurse whose role holds the word (1.8 §1 "ascribed to specific
		// members").
		return nil
	}
	if len(within) == 0 && len(w) > 1 && roleQualifiers[w[0]] {
		// "Lead SW", "Allocated SW", "School DSL", "Named nurse": the
		// role without the word that only says which or where, when the
		// whole names no one.
		return c.PeopleWithRole(strings.Join(w[1:], " "))
	}
	return within
}

// roleQualifiers open a role written in a plan ("Lead SW", "School DSL")
// and only say which one, or where they work: the role is read without
// them when it names no one with them.
var roleQualifiers = map[string]bool{
	"lead": true, "allocated": true, "named": true, "key": true, "school": true,
	"schools": true, "nursery": true, "college": true, "academy": true, "health": true,
	"designated": true, "current": true, "new": true,
}

// roleAliases are the words practitioners write for a role, and the words
// case.md's roles use for it.
var roleAliases = map[string]string{
	"mum": "mother", "mom": "mother", "mummy": "mother", "dad": "father", "daddy": "father",
	"stepmother": "step mother", "stepmum": "step mother", "stepfather": "step father",
	"stepdad": "step father", "nan": "grandmother", "nana": "grandmother", "nanna": "grandmother",
	"gran": "grandmother", "grandma": "grandmother", "grandad": "grandfather",
	"granddad": "grandfather", "grandpa": "grandfather", "hv": "health visitor",
	"fsw": "family support worker", "dsl": "designated safeguarding lead",
	"doctor": "gp", "tm": "team manager",
}

// roleWords are the words of a role with aliases spelt out, and "the",
// "his", "her", "their" at the front dropped.
func roleWords(role string) []string {
	var out []string
	for _, w := range words(role) {
		if a, ok := roleAliases[w]; ok {
			out = append(out, strings.Fields(a)...)
			continue
		}
		out = append(out, w)
	}
	for len(out) > 0 {
		switch out[0] {
		case "the", "his", "her", "their", "childs", "a":
			out = out[1:]
			continue
		}
		break
	}
	return out
}

func inWords(r string, list []string) bool {
	for _, l := range list {
		if r == l {
			return true
		}
	}
	return false
}

// fillerWords join owners without naming anyone: "Sam Doe supported by
// Aisha Patel", "jointly".
var fillerWords = map[string]bool{
	"supported": true, "support": true, "assisted": true, "helped": true, "help": true,
	"jointly": true, "both": true, "to": true,
}

// tagWords alone, after an owner, tag them: "Aisha Patel - lead".
var tagWords = map[string]bool{"lead": true, "leading": true, "main": true, "overall": true}

// trimFiller drops joining words from both ends of s.
func trimFiller(s string) string {
	f := strings.Fields(s)
	tags := true
	for _, w := range f {
		w = strings.ToLower(strings.Trim(w, ".:;,"))
		tags = tags && (fillerWords[w] || tagWords[w])
	}
	if tags {
		return ""
	}
	for len(f) > 0 && fillerWords[strings.ToLower(strings.Trim(f[0], ".:;,"))] {
		f = f[1:]
	}
	for len(f) > 0 && fillerWords[strings.ToLower(strings.Trim(f[len(f)-1], ".:;,"))] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// splitBrackets returns s without its bracketed parts, and the text of each
// bracketed part.
func splitBrackets(s string) (string, []string) {
	var outer strings.Builder
	var inners []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			if depth == 0 {
				if in := strings.TrimSpace(s[start:i]); in != "" {
					inners = append(inners, in)
				}
			}
		case depth == 0:
			outer.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(outer.String()), " "), inners
}

// joinWords split an owner cell between owners.
var joinWords = map[string]bool{"and": true, "with": true, "or": true, "plus": true, "by": true, "from": true}

// splitOwners splits an owner cell naming several people into its parts,
// never inside brackets: "Sam Doe (mother) and Aisha Patel", "Dr Kim Green
// (GP, Hanley Surgery) / Lee Morgan".
func splitOwners(cell string) []string {
	// Hide the brackets so that what they hold is never split.
	var hidden []string
	var b strings.Builder
	depth, start := 0, 0
	for i, r := range cell {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				start = i
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			if depth == 0 {
				b.WriteString(" \x00" + strconv.Itoa(len(hidden)) + "\x00 ")
				hidden = append(hidden, cell[start:i+1])
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 { // an unclosed bracket: keep it as written
		b.WriteString(cell[start:])
	}
	restore := func(s string) string {
		for i, h := range hidden {
			s = strings.ReplaceAll(s, "\x00"+strconv.Itoa(i)+"\x00", h)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	text := strings.NewReplacer(" - ", ",", " \u2013 ", ",", " \u2014 ", ",").Replace(b.String())
	var out []string
	for _, p := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	}) {
		var cur []string
		flush := func() {
			if s := restore(strings.Join(cur, " ")); s != "" {
				out = append(out, s)
			}
			cur = nil
		}
		for _, f := range strings.Fields(p) {
			if joinWords[strings.ToLower(f)] {
				flush()
				continue
			}
			cur = append(cur, f)
		}
		flush()
	}
	return out
}

// segmentNames splits text into the names of the case's people and the
// child written one after another, or returns nil when it is not only
// such names.
func (c *Case) segmentNames(text string) []string {
	if c.Record == nil {
		return nil
	}
	outer, _ := splitBrackets(text)
	w := words(outer)
	type name struct {
		words []string
		name  string
	}
	var names []name
	add := func(n string) {
		if nw := words(n); len(nw) > 0 {
			names = append(names, name{nw, strings.TrimSpace(n)})
		}
	}
	add(c.Child().Name)
	for _, p := range c.Record.People {
		add(p.Name)
	}
	var out []string
	for i := 0; i < len(w); {
		best := -1
		for j, n := range names {
			if len(n.words) <= len(w)-i && strings.Join(w[i:i+len(n.words)], " ") == strings.Join(n.words, " ") &&
				(best < 0 || len(n.words) > len(names[best].words)) {
				best = j
			}
		}
		if best < 0 {
			return nil
		}
		out = append(out, names[best].name)
		i += len(names[best].words)
	}
	return out
}
