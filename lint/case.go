package lint

import (
	"bytes"
	"slices"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Case is one child's case: the records in a folder holding case.md, read
// and ordered. Conferences, core groups and visits are sorted by date.
type Case struct {
	Dir         string // slash-separated, relative to the root
	Record      *schema.CaseRecord
	Plan        *schema.Plan // nil when the case has none
	Conferences []*schema.Conference
	CoreGroups  []*schema.CoreGroup
	Visits      []*schema.Visit
	// Documents are all the case's files that are records, by path,
	// including those whose frontmatter could not be decoded.
	Documents []*schema.Document
	// unread are the Documents whose frontmatter was not wholly read as
	// parsed (NotFullyRead), set by assemble.
	unread []*schema.Document

	// persons are case.md's people, in its order, with what the case
	// derives of each (casePerson); people finds the first of them by
	// their PersonKey.
	persons []casePerson
	people  map[string]*casePerson
	// notAlone is what each visit's words say of the child being seen
	// alone (Pass.NotSeenAloneInWords), filled as the rules ask: the rules
	// of a case run one after the other.
	notAlone map[visitWordsKey]saidInWords
	// bedroomNot is what each visit's words say of the child's bedroom
	// not being seen (Pass.BedroomNotSeenInWords), by visit and profile.
	bedroomNot map[visitWordsKey]saidInWords
	// notFaceToFace is what each visit's words say of the child seen only
	// by video or telephone (Pass.NotFaceToFaceInWords), by visit and
	// profile.
	notFaceToFace map[visitWordsKey]saidInWords
	// notSeen is what each visit's words say of the child not seen at all
	// (Pass.NotSeenInWords), by visit and profile.
	notSeen map[visitWordsKey]saidInWords
	// asleep is what each visit's words say of the child asleep through
	// the visit (Pass.ChildAsleepInWords), by visit and profile.
	asleep map[visitWordsKey]saidInWords
	// readings are each visit's texts as the seeing lexicon read them
	// (Pass.readVisit), by visit and profile.
	readings map[visitWordsKey]*visitReading
	// refs are the words naming the child and the family in a visit's
	// notes (nameRefs), once they are asked for.
	refs *nameRefs
	// seerNames are the words of the case's people's names and the
	// family words, as the one who saw the child alone (seerOthers), once
	// they are asked for.
	seerNames map[string]bool
	// slots are the case's people as the word lists' slots read them
	// (slotPeople), once they are asked for.
	slots *slotPeople
	// ownersOfActions is the Owners of each action of the plan, by
	// profile (actionOwners), once a case.
	ownersOfActions map[*Profile][][]Owner
	// childKey is the PersonKey of the child's name, once it is asked for
	// (childKeyRead).
	childKey     string
	childKeyRead bool
	// coreGroup is CoreGroupMembers, once it is asked for.
	coreGroup     []string
	coreGroupRead bool
	// asOf is the day the case is read as of (ReadOn); zero when unknown.
	asOf schema.Date
	// profileAuthority is the authority of the profile the case is read
	// with (ReadWith); "" when unknown or the combined profile.
	profileAuthority string
	// aliases are the keys of the case's people written with a title
	// before an initial ("mrs s khan") without it ("s khan"), each with the
	// people it may be; one of them is the person (lookup).
	aliases map[string][]*casePerson
	// profile is the profile the case is read with (ReadWith), for Done;
	// nil when unknown.
	profile *Profile
	// coreGroupsDone are each core group's Attended and WrittenReports,
	// once they are asked for (coreGroupDone); the rules of a case run
	// one after the other.
	coreGroupsDone map[*schema.CoreGroup]doneRefs
	// cancelled is CancelledInWords of each core group asked about (Met).
	cancelled map[*schema.CoreGroup]bool
	// startConference is PlanStartConference, and strayInitials
	// StrayInitialConferences, once either is asked for (every rule that
	// counts from the plan's start asks).
	startConference     *schema.Conference
	strayInitials       []*schema.Conference
	startConferenceRead bool
	// notTheEnd is CessationNotTheEnd, once it is asked for (notTheEndRead):
	// every rule asks it through Pass.Until.
	notTheEnd     NotTheEnd
	notTheEndRead bool
	// contradicted is whether CessationContradiction says anything, once
	// it is asked for (contradictionRead): PlanEnd asks it.
	contradicted      bool
	contradictionRead bool
}

// NewCase builds a case from its case record and the other records in its
// folder, in any order. Records of the wrong kind, and plans after the first,
// are for the engine to report; NewCase keeps the first plan.
func NewCase(dir string, rec *schema.CaseRecord, records []schema.Record) *Case {
	c := &Case{Dir: dir, Record: rec}
	if rec != nil {
		c.persons = make([]casePerson, len(rec.People))
		c.people = make(map[string]*casePerson, len(rec.People))
		for i := range rec.People {
			p := &c.persons[i]
			p.Person = &rec.People[i]
			p.key = schema.PersonKey(p.Name)
			if p.key != "" {
				if _, dup := c.people[p.key]; !dup {
					c.people[p.key] = p
				}
			}
		}
		// A reference leaving off the title before an initial ("S Khan")
		// names the one person of the case it may be ("Mrs S Khan"), and
		// no one when it may be two ("Mrs S Khan", "Mr S Khan").
		for i := range c.persons {
			p := &c.persons[i]
			alias := string(schema.InitialWithoutTitle([]byte(p.key)))
			if alias == p.key || c.people[p.key] != p {
				continue
			}
			if _, ok := c.people[alias]; ok {
				continue // a person of that name: theirs
			}
			if c.aliases == nil {
				c.aliases = map[string][]*casePerson{}
			}
			c.aliases[alias] = append(c.aliases[alias], p)
		}
	}
	for _, r := range records {
		switch r := r.(type) {
		case *schema.Plan:
			if c.Plan == nil {
				c.Plan = r
			}
		case *schema.Conference:
			c.Conferences = append(c.Conferences, r)
		case *schema.CoreGroup:
			c.CoreGroups = append(c.CoreGroups, r)
		case *schema.Visit:
			c.Visits = append(c.Visits, r)
		}
	}
	// Stable, as sort.SliceStable was, without its reflection's allocations.
	slices.SortStableFunc(c.Conferences, func(a, b *schema.Conference) int { return a.Date.Compare(b.Date) })
	slices.SortStableFunc(c.CoreGroups, func(a, b *schema.CoreGroup) int { return a.Date.Compare(b.Date) })
	slices.SortStableFunc(c.Visits, func(a, b *schema.Visit) int {
		switch {
		case a.Date.Less(b.Date):
			return -1
		case b.Date.Less(a.Date):
			return 1
		}
		return 0
	})
	return c
}

// Child returns the child the case is about (the zero Child when case.md
// could not be read).
func (c *Case) Child() schema.Child {
	if c.Record == nil {
		return schema.Child{}
	}
	return c.Record.Child
}

// ReadOn sets the day the case is read as of: what is dated after it
// has not happened yet. The engine sets it before the rules run.
func (c *Case) ReadOn(d schema.Date) { c.asOf = d }

// ChildName returns the child's name, or "the child".
func (c *Case) ChildName() string {
	if n := c.Child().Name; n != "" {
		return n
	}
	return "the child"
}

// IsChild reports whether ref names the child: the child's name as
// case.md gives it; where case.md gives a full name ("Ellie Brook"), the
// first name alone ("Ellie"), unless one of the people has it too; or,
// where case.md gives only a first name ("Sophie"),
// that name with the surname of one of the child's family in case.md's
// people ("Sophie Thornton" beside "Kerry Thornton", mother), as a list of
// names to notify or copy is often written. A full name that is one of the
// case's people is that person, not the child.
func (c *Case) IsChild(ref string) bool {
	var buf [64]byte
	return c.isChildKey(schema.AppendPersonKey(buf[:0], ref))
}

// isChildKey is IsChild of a reference's PersonKey.
func (c *Case) isChildKey(kb []byte) bool {
	if !c.childKeyRead {
		c.childKey, c.childKeyRead = schema.PersonKey(c.Child().Name), true
	}
	child := c.childKey
	if len(kb) == 0 || child == "" {
		return false
	}
	if string(kb) == child {
		return true
	}
	// kb is the first name of a child case.md names in full ("Ellie" for
	// "Ellie Brook"), as visits' present and copies write them, and the
	// first name of no one among the people (their first word).
	if first, _, full := strings.Cut(child, " "); full && string(kb) == first {
		for i := range c.persons {
			if name, _, _ := strings.Cut(c.persons[i].key, " "); name == first {
				return false
			}
		}
		return true
	}
	// kb is the child's name and one more word, the surname, and not a
	// name among the people.
	if len(kb) <= len(child)+1 || string(kb[:len(child)]) != child || kb[len(child)] != ' ' {
		return false
	}
	surname := kb[len(child)+1:]
	if bytes.IndexByte(surname, ' ') >= 0 || c.people[string(kb)] != nil {
		return false
	}
	for i := range c.persons {
		p := &c.persons[i]
		name := strings.Fields(p.key)
		if p.isFamily() && len(name) > 1 && name[len(name)-1] == string(surname) {
			return true
		}
	}
	return false
}

// Person returns the person ref names (exact name, any case, a role in
// brackets ignored), or nil. The child is not a Person; see IsChild.
func (c *Case) Person(ref string) *schema.Person {
	if p := c.person(ref); p != nil {
		return p.Person
	}
	return nil
}

// person is Person with what the case derives of the person.
func (c *Case) person(ref string) *casePerson {
	var buf [64]byte
	return c.lookup(schema.AppendPersonKey(buf[:0], ref))
}

// lookup returns the case's person of PersonKey k: the one of that key;
// for a key without the title before an initial ("s khan"), the one person
// it may be; for a key with it ("mrs s khan"), the person of the key
// without it ("S Khan" in [[people]]); or nil.
func (c *Case) lookup(k []byte) *casePerson {
	if p := c.people[string(k)]; p != nil {
		return p
	}
	if ps := c.aliases[string(k)]; len(ps) == 1 {
		return ps[0]
	}
	if short := schema.InitialWithoutTitle(k); len(short) < len(k) {
		return c.people[string(short)]
	}
	return nil
}

// Ambiguous returns the names of the case's people a reference may be,
// when it may be more than one: "S Khan" with "Mrs S Khan" and "Mr S Khan"
// among the people. nil otherwise.
func (c *Case) Ambiguous(ref string) []string {
	var buf [64]byte
	k := schema.AppendPersonKey(buf[:0], ref)
	if c.people[string(k)] != nil {
		return nil
	}
	ps := c.aliases[string(k)]
	if len(ps) < 2 {
		return nil
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = strings.TrimSpace(p.Name)
	}
	return names
}

// refer is IsChild and person of ref, its PersonKey made once.
func (c *Case) refer(ref string) (child bool, p *casePerson) {
	var buf [64]byte
	kb := schema.AppendPersonKey(buf[:0], ref)
	return c.isChildKey(kb), c.lookup(kb)
}

// Known reports whether ref names the child or one of the case's people.
func (c *Case) Known(ref string) bool {
	child, p := c.refer(ref)
	return child || p != nil
}

// IsBabyOn reports whether the child is under one year old on d (AgeOn, in
// ending.go, is the one definition of the child's age).
func (c *Case) IsBabyOn(d schema.Date) bool {
	age, ok := c.AgeOn(d)
	return ok && age < 1
}

// Cessation returns the plan's cessation, or nil while the plan is active.
func (c *Case) Cessation() *schema.Cessation {
	if c.Plan == nil {
		return nil
	}
	return c.Plan.Cessation
}

// ConferencesOfKind returns the case's conferences of kind k, by date.
func (c *Case) ConferencesOfKind(k string) []*schema.Conference {
	var out []*schema.Conference
	for _, cf := range c.Conferences {
		if cf.Kind == k {
			out = append(out, cf)
		}
	}
	return out
}
