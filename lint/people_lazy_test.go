package lint

import (
	"io/fs"
	"maps"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

// The case keeps each person's PersonKey and reads their role only when a
// rule asks (casePerson), and IsChild, Known, AmongPeople and the people
// questions make a reference's key once. The tests below hold the answers to
// those of the earlier code, which read every role when the case was built
// and made a key at every step: the old* functions are that code, kept here
// as the reference.

// oldPerson is Person as a lookup of the first person with ref's key.
func oldPerson(c *Case, ref string) *schema.Person { return oldPersonByKey(c, schema.PersonKey(ref)) }

func oldPersonByKey(c *Case, k string) *schema.Person {
	if c.Record == nil || k == "" {
		return nil
	}
	for i := range c.Record.People {
		if schema.PersonKey(c.Record.People[i].Name) == k {
			return &c.Record.People[i]
		}
	}
	// Without the title before an initial ("s khan"): the one person
	// whose key it is with that title ("mrs s khan"), counting each key
	// once; with it, the person of the key without it.
	var found *schema.Person
	var keys []string
	for i := range c.Record.People {
		pk := schema.PersonKey(c.Record.People[i].Name)
		if pk != k && string(schema.InitialWithoutTitle([]byte(pk))) == k && !slices.Contains(keys, pk) {
			keys = append(keys, pk)
			if found == nil {
				found = &c.Record.People[i]
			}
		}
	}
	if len(keys) == 1 {
		return found
	}
	if short := string(schema.InitialWithoutTitle([]byte(k))); short != k && len(keys) == 0 {
		for i := range c.Record.People {
			if schema.PersonKey(c.Record.People[i].Name) == short {
				return &c.Record.People[i]
			}
		}
	}
	return nil
}

func oldIsFamilyPerson(p *schema.Person) bool { return p.Family || readRole(p.Role).family }

func oldIsChild(c *Case, ref string) bool {
	k := schema.PersonKey(ref)
	child := schema.PersonKey(c.Child().Name)
	if k == "" || child == "" {
		return false
	}
	if k == child {
		return true
	}
	if first, _, full := strings.Cut(child, " "); full && k == first {
		if c.Record != nil {
			for i := range c.Record.People {
				if f := strings.Fields(schema.PersonKey(c.Record.People[i].Name)); len(f) > 0 && f[0] == first {
					return false
				}
			}
		}
		return true
	}
	surname, ok := strings.CutPrefix(k, child+" ")
	if !ok || strings.Contains(surname, " ") || oldPersonByKey(c, k) != nil || c.Record == nil {
		return false
	}
	for i := range c.Record.People {
		p := &c.Record.People[i]
		name := strings.Fields(schema.PersonKey(p.Name))
		if oldIsFamilyPerson(p) && len(name) > 1 && name[len(name)-1] == surname {
			return true
		}
	}
	return false
}

func oldAmongPeople(ref string, refs []string) bool {
	for _, r := range refs {
		if schema.SamePersonKey(ref, r) {
			return true
		}
	}
	return false
}

func oldIsConferenceChair(c *Case, ref string) bool {
	p := oldPerson(c, ref)
	if p == nil || oldIsChild(c, ref) {
		return false
	}
	r := readRole(p.Role)
	if r.chair {
		return true
	}
	if oldIsFamilyPerson(p) || r.lineManager || r.socialWorker || c.IsLeadWorker(ref) {
		return false
	}
	for _, cf := range c.Conferences {
		if cf != nil && schema.SamePersonKey(cf.Chair, ref) {
			return true
		}
	}
	return false
}

func oldIsLeadWorkersManager(c *Case, ref string) bool {
	if strings.TrimSpace(ref) == "" || oldIsChild(c, ref) || c.IsLeadWorker(ref) {
		return false
	}
	if p := oldPerson(c, ref); p != nil && readRole(p.Role).reviewService {
		return false
	}
	if m := c.LeadWorkersManager(); m != "" {
		return schema.SamePersonKey(ref, m)
	}
	return c.IsLineManagerFor(ref, c.LeadWorker())
}

// peopleAnswers are the answers of one reference, by question.
type peopleAnswers struct {
	person                                                            *schema.Person
	child, known, family, professional, chair, sw, qualified, manager bool
	service                                                           Service
	roles                                                             roleFacts
}

func oldPeopleAnswers(c *Case, ref string) peopleAnswers {
	a := peopleAnswers{person: oldPerson(c, ref), child: oldIsChild(c, ref), manager: oldIsLeadWorkersManager(c, ref)}
	a.known = a.child || a.person != nil
	if p := a.person; p != nil && !a.child {
		a.roles = readRole(p.Role)
		a.family = oldIsFamilyPerson(p)
		a.professional = !a.family
		a.chair = oldIsConferenceChair(c, ref)
		a.sw = !a.family && AgencyService(p.Agency) != ServiceOther && !a.roles.otherService &&
			((p.Qualified && !a.roles.otherProfession) || a.roles.socialWorker) && !c.OfAnotherAuthority(ref)
		a.qualified = !a.family && p.Qualified && !a.roles.unqualified && !a.roles.otherProfession
		if !a.family {
			a.service = AgencyService(p.Agency)
		}
	}
	return a
}

// newPeopleAnswers asks c, in an order shuffled by rng, so that a role is
// first read by any of the questions.
func newPeopleAnswers(c *Case, ref string, rng *rand.Rand) peopleAnswers {
	var a peopleAnswers
	asks := []func(){
		func() { a.person = c.Person(ref) },
		func() { a.child = c.IsChild(ref) },
		func() { a.known = c.Known(ref) },
		func() { a.family = c.IsFamily(ref) },
		func() { a.professional = c.IsProfessional(ref) },
		func() { a.chair = c.IsConferenceChair(ref) },
		func() { a.sw = c.IsSocialWorker(ref) },
		func() { a.qualified = c.IsQualifiedSocialWorker(ref) },
		func() { a.service = c.Service(ref) },
		func() { a.manager = c.IsLeadWorkersManager(ref) },
	}
	rng.Shuffle(len(asks), func(i, j int) { asks[i], asks[j] = asks[j], asks[i] })
	for _, ask := range asks {
		ask()
	}
	if p := c.person(ref); p != nil && !a.child {
		a.roles = p.role()
	}
	return a
}

// caseRefs returns every name a case's records give for a person, the
// people's and the child's names, and variants of each as records write
// them (another case, a title, a role in brackets, full stops, spaces, the
// child's first name with a family surname).
func caseRefs(c *Case, rng *rand.Rand) []string {
	var names []string
	if c.Record != nil {
		names = append(names, c.Record.Child.Name)
		for _, p := range c.Record.People {
			names = append(names, p.Name)
		}
	}
	for _, d := range c.Documents {
		for _, r := range references(d.Record) {
			names = append(names, r.name)
		}
	}
	if c.Plan != nil {
		names = append(names, c.Plan.LeadWorker)
	}
	first := strings.Fields(c.Child().Name)
	out := append([]string{"", " ", "()", "Dr", "Mrs Bell", "Mr Bell"}, names...)
	for _, n := range names {
		out = append(out, strings.ToUpper(n), " "+strings.ToLower(n)+"  ", n+" (social worker)",
			"Dr "+n, strings.ReplaceAll(n, " ", ". "), strings.ReplaceAll(n, " ", "\u00a0"))
		if f := strings.Fields(n); len(f) > 1 && len(first) > 0 {
			out = append(out, first[0]+" "+f[len(f)-1], first[0]+" "+f[len(f)-1]+" (child)")
		}
		if rng.Intn(3) == 0 && len(n) > 2 {
			i := rng.Intn(len(n))
			out = append(out, n[:i]+n[i+1:])
		}
	}
	return out
}

// checkPeopleAnswers compares, on a fresh case for each pass, the new
// answers with the old for every reference, and AmongPeople with the old
// over lists of the references.
func checkPeopleAnswers(t *testing.T, name string, build func() *Case, rng *rand.Rand) {
	t.Helper()
	refs := caseRefs(build(), rng)
	c := build()
	for _, ref := range refs {
		if got, want := newPeopleAnswers(c, ref, rng), oldPeopleAnswers(c, ref); got != want {
			t.Errorf("%s: %q: got %+v, want %+v", name, ref, got, want)
		}
	}
	for i := 0; i < 20 && len(refs) > 0; i++ {
		list := make([]string, rng.Intn(5))
		for j := range list {
			list[j] = refs[rng.Intn(len(refs))]
		}
		ref := refs[rng.Intn(len(refs))]
		if got, want := AmongPeople(ref, list), oldAmongPeople(ref, list); got != want {
			t.Errorf("%s: AmongPeople(%q, %q) = %v, want %v", name, ref, list, got, want)
		}
	}
	// Each person's lazily read role, read last to first on a fresh case,
	// is what reading it up front said.
	c = build()
	for i := len(c.persons) - 1; i >= 0; i-- {
		p := &c.persons[i]
		if got, want := p.role(), readRole(c.Record.People[i].Role); got != want {
			t.Errorf("%s: role of %q: got %+v, want %+v", name, p.Name, got, want)
		}
		if p.key != schema.PersonKey(p.Name) {
			t.Errorf("%s: key of %q: got %q", name, p.Name, p.key)
		}
	}
}

func TestPeopleAnswersAsBeforeOnTestdata(t *testing.T) {
	root := "../testdata"
	fsys := os.DirFS(root)
	rng := rand.New(rand.NewSource(18))
	n := 0
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(name) != "case.md" {
			return err
		}
		dir := path.Dir(name)
		build := func() *Case {
			c, err := LoadCase(fsys, dir)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			return c
		}
		checkPeopleAnswers(t, dir, build, rng)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("read %d cases under %s, want the fixtures' hundreds", n, root)
	}
}

func TestPeopleAnswersAsBeforeOnRandomCases(t *testing.T) {
	rng := rand.New(rand.NewSource(1818))
	firsts := []string{"Sophie", "Kerry", "Lee", "Dr Kim", "Ólafur", "Jo", "J.", "Mrs", ""}
	surnames := []string{"Thornton", "Green", "Doe", "Bell", "Ødegaard", "Smith (GP)", "ward", ""}
	roles := []string{"mother", "Mum", "maternal grandmother", "social worker", "student social worker",
		"Team Manager", "Conference and Review Manager", "GP", "Practice Manager", "Review Team Manager",
		"Safeguarding Manager (Chair)", "family support worker", "foster carer", "minute taker", "", "SW"}
	agencies := []string{"Children's Services", "Hanley Surgery (NHS)", "Education", "CEF", "", "Locality Team 3"}
	pick := func(l []string) string { return l[rng.Intn(len(l))] }
	name := func() string { return strings.TrimSpace(pick(firsts) + " " + pick(surnames)) }
	for i := 0; i < 300; i++ {
		child := pick(firsts)
		if rng.Intn(3) == 0 {
			child = name()
		}
		people := make([]schema.Person, rng.Intn(8))
		for j := range people {
			people[j] = schema.Person{Name: name(), Role: pick(roles), Agency: pick(agencies),
				Family: rng.Intn(4) == 0, Qualified: rng.Intn(2) == 0}
		}
		plan := &schema.Plan{LeadWorker: name()}
		if rng.Intn(2) == 0 {
			plan.Manager = name()
		}
		confs := []*schema.Conference{{Chair: name()}, {Chair: name()}}
		build := func() *Case {
			rec := &schema.CaseRecord{Child: schema.Child{Name: child}, People: append([]schema.Person(nil), people...)}
			return NewCase("c", rec, []schema.Record{plan, confs[0], confs[1]})
		}
		checkPeopleAnswers(t, child, build, rng)
	}
	// A case whose case.md could not be read has no people.
	checkPeopleAnswers(t, "nil", func() *Case { return NewCase("c", nil, nil) }, rng)
}

// readRole asks each of its questions once and reads the role's words
// once; its answers are those of the questions asked one by one of the
// role read as it was before (every word list read anew), on every role
// the test records write and on those roles joined and bracketed in
// pairs.
func TestReadRoleAsAskedOneByOne(t *testing.T) {
	asked := func(role string) roleFacts {
		outer, inners := splitBrackets(role)
		rt := roleText{phrase: phrase(role)}
		for _, v := range append([]string{role, outer}, inners...) {
			rt.wholes = append(rt.wholes, strings.Join(words(v), " "))
		}
		return roleFacts{
			chair: isConferenceChair(rt), lineManager: isLineManager(rt), reviewService: isReviewService(rt),
			socialWorker: isSocialWorker(rt), unqualified: isUnqualified(rt), family: isFamilyPhrase(rt.phrase),
			otherService:    isOtherService(rt),
			otherProfession: isOtherProfession(rt, isLineManager(rt), isReviewService(rt), isSocialWorker(rt)),
		}
	}
	roles := map[string]bool{}
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "role" {
				roles[strings.Trim(strings.TrimSpace(v), `"`)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) < 80 {
		t.Fatalf("only %d roles in the test records", len(roles))
	}
	for _, r := range []string{"Manager (CSC)", "Safeguarding Manager (Chair)", "Conference and Review Manager", "Review Team Manager",
		"Independent Reviewing Officer", "Senior practitioner (acting team manager)", "Student social worker", "ATM", "SW", "CP Chair",
		"Social  Worker", "social worker ( )", "(mother)", "Kinship carer [maternal grandmother]", "Mum's partner", "Social Work Assistant",
		"Team Manager ((nested) bracket)", "Team Manager) odd (", ""} {
		roles[r] = true
	}
	base := slices.Sorted(maps.Keys(roles))
	for _, a := range base[:60] {
		for _, b := range base[len(base)-60:] {
			roles[a+" ("+b+")"], roles[a+" "+b], roles["["+a+"] "+b] = true, true, true
		}
	}
	for role := range roles {
		if got, want := readRole(role), asked(role); got != want {
			t.Errorf("readRole(%q) = %+v, want %+v", role, got, want)
		}
	}
}
