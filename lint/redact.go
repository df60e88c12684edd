package lint

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// Redaction (Options.Redact) replaces, in everything a run reports about a
// case, the names of the child and of the people around them with their
// roles: "[the child]", "[mother]", "[social worker]", "[person]" when
// case.md gives no role. It is done here, once, while the case is at hand,
// so every output format gets the same redacted text.
//
// What is replaced, in messages and notifications:
//
//   - the child's name and each person's name as case.md writes them, as
//     whole words, in any case, with any spacing between the words, longest
//     first ("Sam Doe" before "Sam"); a possessive keeps its "'s"
//     ("[the child]'s bedroom"). A one-word name written with a capital is
//     matched only where it has one: a father called Will does not take
//     "will" from a message;
//   - each word of those names (a first name or a surname alone), where it
//     is written with the same capitals as in case.md, except titles (Dr,
//     Mrs) and names of months and days, which dates in messages use;
//   - names the records use for someone case.md does not list (a misspelt
//     lead worker, an unknown action owner): "[person]";
//   - the authors of commits (the history rules name them):
//     their role when they are one of the case's people, else "[author]".
//
// Suppression reasons are record text written by a practitioner (they often
// say why the child was not seen); they are withheld whole. The commit
// authors in a finding's Origin and Attributed are replaced as in messages.
// Whatever else a message quotes from the records is redacted by its
// structure (redact_msg.go); paths by RedactPaths (redact_paths.go).
// Fingerprints hash the line, not the message, and do not change.

// WithheldReason stands for a suppression's reason under Options.Redact.
const WithheldReason = "[reason withheld by --redact]"

// redactor replaces the names of one case's people with their roles.
type redactor struct {
	full    []redactName      // matched in any case, longest first
	parts   []redactName      // matched with the capitals case.md gives, longest first
	authors map[string]string // commit author (PersonKey) to label
}

type redactName struct {
	name  []rune
	label string // "[mother]"
	// capital is set for a one-word name written with a capital: it is
	// matched only where it starts with one, so that a father called Will
	// does not take "will" from a message.
	capital bool
}

// newRedactor builds the redactor of case c, whose records are docs. A
// role becomes a label only when every word of it is one of caselint's
// (words): a role is written in case.md, and may hold anything.
func newRedactor(c *Case, docs []*schema.Document, p *Profile, words vocabulary) *redactor {
	r := &redactor{authors: map[string]string{}}
	type person struct{ name, role string }
	var people []person
	child := ""
	if c.Record != nil {
		child = bareName(c.Record.Child.Name)
		for _, p := range c.Record.People {
			people = append(people, person{bareName(p.Name), strings.TrimSpace(p.Role)})
		}
	}

	// A role may name the child ("Jamie's father"): say "the child" there.
	// A role that names anyone else is "person".
	childOnly := &redactor{}
	if child != "" {
		childOnly.addFull(child, "the child")
		childOnly.addParts(child, "the child")
		childOnly.sort()
	}
	var everyone []string
	for _, p := range people {
		everyone = append(everyone, p.name)
	}
	label := func(role string) string {
		role = strings.Join(strings.Fields(role), " ")
		if role == "" {
			return "[person]"
		}
		role = childOnly.text(role)
		for _, n := range everyone {
			if n != "" && (containsWord(role, n, true) || anyPart(role, n)) {
				return "[person]"
			}
		}
		role = strings.ReplaceAll(strings.ReplaceAll(role, "[", ""), "]", "")
		if role == "the child" {
			return "[the child]"
		}
		if !words.allKnown(role) {
			return "[person]"
		}
		return "[" + role + "]"
	}

	if child != "" {
		r.addFull(child, "[the child]")
	}
	for _, p := range people {
		if p.name != "" && !strings.EqualFold(p.name, child) {
			r.addFull(p.name, label(p.role))
		}
	}
	// Parts after the full names: a part shared by two labels is "[person]".
	partLabel := map[string]string{}
	var partOrder []string
	addParts := func(name, lab string) {
		for _, w := range nameParts(name) {
			if old, ok := partLabel[w]; !ok {
				partLabel[w] = lab
				partOrder = append(partOrder, w)
			} else if old != lab {
				partLabel[w] = "[person]"
			}
		}
	}
	if child != "" {
		addParts(child, "[the child]")
	}
	for _, p := range people {
		addParts(p.name, label(p.role))
	}
	for _, w := range partOrder {
		r.parts = append(r.parts, redactName{name: []rune(w), label: partLabel[w]})
	}

	// Names the records give to people case.md does not list.
	placeholder := map[string]bool{}
	if p != nil {
		for _, w := range append(append([]string(nil), p.Words.Placeholders...), p.Words.CollectiveOwners...) {
			placeholder[strings.ToLower(strings.TrimSpace(w))] = true
		}
	}
	seen := map[string]bool{}
	for w := range partLabel {
		seen[strings.ToLower(w)] = true // "Sam" of "Sam Doe" is hers
	}
	for _, d := range docs {
		for _, ref := range personRefs(d) {
			ref = bareName(ref)
			k := strings.ToLower(ref)
			if seen[k] || !looksLikeName(ref) || placeholder[k] || c.Known(ref) {
				continue
			}
			seen[k] = true
			r.addFull(ref, "[person]")
		}
	}
	r.sort()
	return r
}

// author returns the label of a commit author: their role when they are
// one of the case's people, else "[author]".
func (r *redactor) author(c *Case, name string) string {
	if strings.TrimSpace(name) == "" {
		return name
	}
	k := schema.PersonKey(name)
	if l, ok := r.authors[k]; ok {
		return l
	}
	l := "[author]"
	if c.IsChild(name) {
		l = "[the child]"
	} else if c.Person(name) != nil {
		l = r.text(bareName(name))
		if !strings.HasPrefix(l, "[") {
			l = "[author]"
		}
	}
	r.authors[k] = l
	return l
}

// addAuthors adds the authors of commits named in findings, so that a
// message naming one ("by Aisha Patel (commit 1a2b3c4)") is redacted too.
func (r *redactor) addAuthors(c *Case, names []string) {
	added := false
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		l := r.author(c, n)
		r.addFull(bareName(n), l)
		added = true
	}
	if added {
		r.sort()
	}
}

func (r *redactor) addFull(name, label string) {
	if name = strings.TrimSpace(name); name != "" {
		rs := []rune(name)
		capital := !strings.ContainsFunc(name, unicode.IsSpace) && unicode.IsUpper(rs[0])
		r.full = append(r.full, redactName{name: rs, label: label, capital: capital})
	}
}

func (r *redactor) addParts(name, label string) {
	for _, w := range nameParts(name) {
		r.parts = append(r.parts, redactName{name: []rune(w), label: label})
	}
}

func (r *redactor) sort() {
	for _, l := range [][]redactName{r.full, r.parts} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].name) > len(l[j].name) })
	}
}

// text returns s with every name replaced by its label.
func (r *redactor) text(s string) string { return r.replace(s, false) }

// replace is text; with mark, each label is written between labelOpen and
// labelClose, so that redactText can tell the labels it wrote from
// brackets in the records.
func (r *redactor) replace(s string, mark bool) string {
	if r == nil || s == "" || (len(r.full) == 0 && len(r.parts) == 0) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); {
		if i == 0 || !isWordRune(rs[i-1]) {
			if j, label, ok := r.matchAt(rs, i); ok {
				if mark {
					b.WriteRune(labelOpen)
					b.WriteString(label)
					b.WriteRune(labelClose)
				} else {
					b.WriteString(label)
				}
				j = skipRole(rs, j, label)
				i = j
				changed = true
				continue
			}
		}
		b.WriteRune(rs[i])
		i++
	}
	if !changed {
		return s
	}
	return b.String()
}

// matchAt returns the end of the longest name that starts at rs[i] as a
// whole word, and its label.
func (r *redactor) matchAt(rs []rune, i int) (int, string, bool) {
	for _, n := range r.full {
		if n.capital && !unicode.IsUpper(rs[i]) {
			continue
		}
		if j, ok := matchName(rs, i, n.name, true); ok {
			return j, n.label, true
		}
	}
	for _, n := range r.parts {
		if j, ok := matchName(rs, i, n.name, false); ok {
			return j, n.label, true
		}
	}
	return 0, "", false
}

// matchName matches name at rs[i] as a whole word: any run of spaces in the
// name matches any run of spaces in rs, and ' matches ’. It returns the end.
func matchName(rs []rune, i int, name []rune, fold bool) (int, bool) {
	j := i
	for k := 0; k < len(name); k++ {
		c := name[k]
		if unicode.IsSpace(c) {
			if j >= len(rs) || !unicode.IsSpace(rs[j]) {
				return 0, false
			}
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			for k+1 < len(name) && unicode.IsSpace(name[k+1]) {
				k++
			}
			continue
		}
		if j >= len(rs) || !sameRune(rs[j], c, fold) {
			return 0, false
		}
		j++
	}
	if j < len(rs) && isWordRune(rs[j]) {
		return 0, false
	}
	return j, true
}

func sameRune(a, b rune, fold bool) bool {
	if a == b {
		return true
	}
	if isApostrophe(a) && isApostrophe(b) {
		return true
	}
	if !fold {
		return false
	}
	return unicode.ToLower(a) == unicode.ToLower(b) || unicode.ToUpper(a) == unicode.ToUpper(b)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// skipRole skips " (role)" after a name when it repeats the label's role:
// messages often say "Aisha Patel (social worker)".
func skipRole(rs []rune, j int, label string) int {
	role := strings.TrimSuffix(strings.TrimPrefix(label, "["), "]")
	rest := string(rs[j:])
	if !strings.HasPrefix(rest, " (") {
		return j
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 || !strings.EqualFold(strings.TrimSpace(rest[2:end]), role) {
		return j
	}
	return j + utf8.RuneCountInString(rest[:end+1])
}

// containsWord reports whether name stands in s as a whole word.
func containsWord(s, name string, fold bool) bool {
	rs, n := []rune(s), []rune(name)
	for i := range rs {
		if i == 0 || !isWordRune(rs[i-1]) {
			if _, ok := matchName(rs, i, n, fold); ok {
				return true
			}
		}
	}
	return false
}

func anyPart(s, name string) bool {
	for _, w := range nameParts(name) {
		if containsWord(s, w, false) {
			return true
		}
	}
	return false
}

// bareName is a reference without surrounding spaces or a trailing role in
// brackets: "Dr Kim Green (GP)" is "Dr Kim Green".
func bareName(ref string) string {
	s := strings.TrimSpace(ref)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

// nameParts are the words of a name of two or more words that stand for the
// person alone: not titles, initials, or words that dates use.
func nameParts(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	var out []string
	for _, w := range words {
		w = strings.TrimRight(w, ".,")
		letters := 0
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
			}
		}
		if letters < 2 || notAName[strings.ToLower(w)] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// notAName are words of names that are not the person's own: titles, and
// the months and days that dates in messages spell out.
var notAName = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`dr mr mrs ms miss mx prof professor rev sir dame lady lord
		cllr pc ds dc sgt jr jnr sr snr
		january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday`) {
		m[w] = true
	}
	return m
}()

// looksLikeName reports whether a reference no one is known by is written
// as a name (a capital, some lower case), not a placeholder such as TBC.
func looksLikeName(s string) bool {
	upper, lower := false, false
	for _, c := range s {
		upper = upper || unicode.IsUpper(c)
		lower = lower || unicode.IsLower(c)
	}
	return upper && lower
}

// personRefs are the frontmatter values of d that name a person, and the
// owners in a plan's actions table.
func personRefs(d *schema.Document) []string {
	var out []string
	for _, r := range references(d.Record) {
		out = append(out, r.name)
	}
	if p, ok := d.Record.(*schema.Plan); ok {
		out = append(out, p.LeadWorker)
		out = append(out, p.CoreGroup...)
		if p.ReducedVisiting != nil {
			out = append(out, p.ReducedVisiting.ApprovedBy)
		}
	}
	if d.Body != nil && d.Body.Actions != nil {
		for _, a := range d.Body.Actions.Rows {
			owners := strings.ReplaceAll(a.Owner.Text, " and ", ",")
			out = append(out, strings.FieldsFunc(owners, func(r rune) bool {
				return r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
			})...)
		}
	}
	return out
}

// redact replaces the names of case c in its findings and notifications,
// and redacts whatever else their messages quote from the records
// (redactMsg).
func (e *engine) redact(c *Case, docs []*schema.Document, findings []Finding, notes []Notification) {
	words := e.vocabulary()
	r := newRedactor(c, docs, e.opts.Profile, words)
	var authors []string
	for i := range findings {
		for _, v := range []*Version{findings[i].Origin, findings[i].Attributed} {
			if v != nil {
				authors = append(authors, v.Author)
			}
		}
	}
	r.addAuthors(c, authors)
	author := func(name string) string { return r.author(c, name) }
	for i := range findings {
		r.redactFinding(&findings[i], words, author)
	}
	for i := range notes {
		r.redactNotification(&notes[i], words)
	}
}

// redactRest redacts what the cases did not: the findings and
// notifications of no one case (a case id used twice, a file that could
// not be read, the history notice). No case's names are known there, so
// only caselint's words are kept.
func (e *engine) redactRest(res *Result) {
	e.redactFindings(res.Findings)
	words := e.vocabulary()
	var none *redactor
	for i := range res.Notifications {
		if n := &res.Notifications[i]; !n.redacted {
			none.redactNotification(n, words)
		}
	}
}

// redactFindings redacts the findings of fs no case redacted, keeping only
// caselint's words.
func (e *engine) redactFindings(fs []Finding) {
	words := e.vocabulary()
	var none *redactor
	anyAuthor := func(string) string { return "[author]" }
	for i := range fs {
		if f := &fs[i]; !f.redacted {
			none.redactFinding(f, words, anyAuthor)
		}
	}
}

// redactFinding redacts f's message with r (nil: keeping only caselint's
// words), withholds its suppression's reason, and names the author of each
// commit it carries (its origin, the commit it is attributed to) as author
// says. The commits and the suppression are copied, not changed in place,
// as the originals may be shared.
func (r *redactor) redactFinding(f *Finding, words vocabulary, author func(string) string) {
	f.Message = r.redactMsg(f.msg, f.Message, words)
	f.redacted = true
	if f.Suppression != nil {
		s := *f.Suppression
		s.Reason = WithheldReason
		f.Suppression = &s
	}
	for _, v := range []**Version{&f.Origin, &f.Attributed} {
		if *v != nil {
			c := **v
			c.Author = author(c.Author)
			*v = &c
		}
	}
}

// redactNotification redacts n's message with r (nil: keeping only
// caselint's words).
func (r *redactor) redactNotification(n *Notification, words vocabulary) {
	n.Message = r.redactMsg(n.msg, n.Message, words)
	n.redacted = true
}
