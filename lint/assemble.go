package lint

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/caselint/caselint/schema"
)

// assemble builds the Case of folder dir from its parsed documents, and
// records on them what is wrong with the case as a set of records: a missing
// or second plan, a record outside any case, a person no one introduced.
//
// p is the profile the case is read with (nil when there is none): a
// placeholder in an optional field that names a person ("N/A", "None") is
// that field empty, not a person to introduce (optionalPersonField).
func assemble(dir string, docs []*schema.Document, p *Profile) *Case {
	// By path, but the case's own plan.md first among plans: when a case
	// has two, the other one is the second.
	conventional := path.Join(dir, "plan.md")
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i].Source.Path, docs[j].Source.Path
		if (a == conventional) != (b == conventional) {
			return a == conventional
		}
		return a < b
	})
	// The records whose frontmatter was not wholly read, as parsed: before
	// the problems of the case as a set are added below (NotFullyRead).
	var unread []*schema.Document
	for _, d := range docs {
		if len(d.Problems) > 0 || d.MoreProblems > 0 || d.Record == nil {
			unread = append(unread, d)
		}
	}
	var rec *schema.CaseRecord
	var caseDoc *schema.Document
	records := make([]schema.Record, 0, len(docs))
	var plans []*schema.Document
	caseFile := path.Join(dir, "case.md") // made once, not for every document
	for _, d := range docs {
		isCaseFile := dir != "" && d.Source.Path == caseFile
		switch {
		case isCaseFile:
			caseDoc = d
			if r, ok := d.Record.(*schema.CaseRecord); ok {
				rec = r
			} else if d.Kind != "" && d.Kind != schema.KindCase {
				d.Problemf(d.TypeLine(), "case.md must be the case record (type = \"case\"), not a %s record: name this file after what it records", d.Kind)
			}
		case dir == "" && d.Kind != "":
			d.Problemf(d.TypeLine(), "this %s record is in no case: put it in the folder of a case, below its case.md", d.Kind)
		case d.Kind == schema.KindCase:
			d.Problemf(d.TypeLine(), "a case record must be named case.md; this folder's case is %s", caseFile)
		case d.Kind == schema.KindPlan:
			plans = append(plans, d)
			if len(plans) > 1 {
				d.Problemf(d.TypeLine(), "the case already has a plan (%s); a case has one Child Protection Plan: keep its history in git, not in a second file", plans[0].Source.Path)
				continue
			}
			if d.Record != nil {
				records = append(records, d.Record)
			}
		default:
			if d.Record != nil && dir != "" {
				records = append(records, d.Record)
			}
		}
	}
	c := NewCase(dir, rec, records)
	c.Documents, c.unread = docs, unread
	c.ReadWith(p)
	if dir == "" {
		return c
	}
	if caseDoc != nil && (caseDoc.Kind == schema.KindCase || caseDoc.Kind == "") && len(plans) == 0 {
		caseDoc.Problemf(caseDoc.TypeLine(), "the case has no plan: add plan.md (type = \"plan\") to this folder")
	}
	if rec != nil {
		for _, d := range docs {
			if d.Record != nil && d != caseDoc {
				checkPeople(c, d)
			}
		}
		checkPeople(c, caseDoc)
		checkSameNames(c, caseDoc)
	}
	return c
}

// personRef is a frontmatter value that names a person.
type personRef struct {
	// keys holds the key path of the value, its first depth parts used:
	// held in place, a reference costs no allocation of its own.
	keys  [3]string
	depth int
	index int // element of an array value; -1 for a single value
	name  string
}

// path returns the key path of the value.
func (r *personRef) path() []string { return r.keys[:r.depth] }

// checkPeople records a problem for every frontmatter reference to someone
// who is neither the child nor among the case's people. The lead worker,
// the core group and the approver of reduced visiting are left to the rules
// that own them, which say more.
func checkPeople(c *Case, d *schema.Document) {
	eachReference(d.Record, func(r personRef) {
		if r.name == "" || (optionalPersonField(r) && c.blank(r.name)) || c.Known(r.name) {
			return
		}
		unknownPerson(c, d, r)
	})
}

// optionalPersonField reports whether r is of a field that may name no
// one, where a placeholder ("N/A", "None") is the field left empty: a
// visit's delegated_by, delegation_agreed and escalated_to, a core group's
// apologies and written_reports. Elsewhere (a visit's by, a chair, the
// plan's manager) a placeholder is still reported: the field needs a
// person.
func optionalPersonField(r personRef) bool {
	if r.depth != 1 {
		return false
	}
	switch r.keys[0] {
	case "delegated_by", "delegation_agreed", "escalated_to", "apologies", "written_reports":
		return true
	}
	return false
}

// unknownPerson records on d the problem that r names someone unknown.
func unknownPerson(c *Case, d *schema.Document, r personRef) {
	off := d.AtValue(r.path()...)
	if r.index >= 0 {
		off = d.AtElem(r.index, r.path()...)
	}
	if names := c.Ambiguous(r.name); names != nil {
		d.Problemf(off, "%s could be %s, two of the people in case.md: write the name as [[people]] gives it, with the title", r.name, joinOr(names))
		return
	}
	d.Problemf(off, "%s is not among the people in case.md: add them to [[people]] there, or correct the name%s", r.name, c.SuggestPerson(r.name))
}

// joinOr joins names as "A or B", "A, B or C".
func joinOr(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// checkSameNames records a problem on each [[people]] entry of case.md
// whose name is, as a reference reads it (PersonKey), that of an entry
// before it ("Mrs Sana Khan" and "Sana Khan"): a reference to the name
// could be either, and caselint would read every one as the first.
func checkSameNames(c *Case, d *schema.Document) {
	if d == nil || c.Record == nil {
		return
	}
	for i := range c.persons {
		p := &c.persons[i]
		first := c.people[p.key]
		if p.key == "" || first == nil || first == p {
			continue
		}
		d.Problemf(d.AtValue("people", strconv.Itoa(i), "name"),
			"%s is the name of another entry of [[people]], %s, as a reference reads it: two people need names that tell them apart (a first name, or the title before an initial: \"Mrs S Khan\", \"Mr S Khan\"); one person needs one entry",
			strings.TrimSpace(p.Name), strings.TrimSpace(first.Name))
	}
}

// SuggestPerson returns " (did you mean NAME?)" naming the case's person
// whose name is closest to ref, when one is close enough to be a typo, or
// whose first name or surname alone ref is (PersonNamed: "Nadia" for
// Nadia Hussain, the only Nadia), or "".
func (c *Case) SuggestPerson(ref string) string {
	if c.Record == nil {
		return ""
	}
	k := schema.PersonKey(ref)
	best, bestD := "", 3
	for _, p := range c.Record.People {
		if d := schema.Levenshtein(k, schema.PersonKey(p.Name)); d < bestD {
			best, bestD = p.Name, d
		}
	}
	if best == "" {
		// A first name or surname alone ("Nadia"), of one of the people:
		// the name in full is what to write.
		names := make([]string, len(c.Record.People))
		for i, p := range c.Record.People {
			names[i] = p.Name
		}
		if person, n := PersonNamed(ref, names); n == 1 {
			return fmt.Sprintf(" (did you mean %s? write the name in full, as case.md has it)", person)
		}
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// references returns the frontmatter values of rec that name a person
// (eachReference).
func references(rec schema.Record) []personRef {
	var refs []personRef
	eachReference(rec, func(r personRef) { refs = append(refs, r) })
	return refs
}

// eachReference calls visit with each frontmatter value of rec that names
// a person, in the order of its fields, without gathering them.
func eachReference(rec schema.Record, visit func(personRef)) {
	one := func(name string, path ...string) {
		r := personRef{depth: len(path), index: -1, name: name}
		copy(r.keys[:], path)
		visit(r)
	}
	list := func(names []string, path ...string) {
		for i, n := range names {
			r := personRef{depth: len(path), index: i, name: n}
			copy(r.keys[:], path)
			visit(r)
		}
	}
	switch r := rec.(type) {
	case *schema.Plan:
		one(r.Manager, "manager")
		one(r.CountersignedBy, "countersigned_by")
		for i, cp := range r.Copies {
			one(cp.To, "copies", strconv.Itoa(i), "to")
		}
		if r.Cessation != nil {
			list(r.Cessation.Notified, "cessation", "notified")
		}
		for i, pl := range r.PreviousLead {
			one(pl.LeadWorker, "previous_lead", strconv.Itoa(i), "lead_worker")
			one(pl.Manager, "previous_lead", strconv.Itoa(i), "manager")
		}
	case *schema.Conference:
		one(r.Chair, "chair")
	case *schema.CoreGroup:
		one(r.Chair, "chair")
		one(r.MinutesBy, "minutes_by")
		list(r.Attended, "attended")
		list(r.Apologies, "apologies")
		list(r.WrittenReports, "written_reports")
	case *schema.Visit:
		one(r.By, "by")
		one(r.DelegatedBy, "delegated_by")
		one(r.DelegationAgreed, "delegation_agreed")
		list(r.Present, "present")
		one(r.EscalatedTo, "escalated_to")
	}
}
