package lint

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/caselint/caselint/schema"
)

// The people around the child, as the procedures name them. Each question
// ("is this a professional?", "is this the lead worker's line manager?") is
// answered here once; rules ask the case, never the roles themselves.
//
// Roles and agencies are free text in case.md: practitioners write "Team
// Manager", "TM", "Mum", "Children's Services" or "CEF". The tests below
// read them as words (case, punctuation and apostrophes ignored) and match
// whole words or phrases, never parts of words.

// SamePerson reports whether two references name the same person: exact
// name, any case, surrounding spaces and a note in brackets ignored, a
// title before an initial read as schema.SameKey does ("S Khan" is "Mrs S
// Khan"; "Mrs S Khan" is not "Mr S Khan"). Whether the note says the
// person did not do what the field records is Profile.Done's to say.
func SamePerson(a, b string) bool { return schema.SamePersonKey(a, b) }

// PersonNamed returns the person of names whom query names, as a team
// manager types a worker's name: the one the same person as query
// (SamePerson), or, when none is and query is a single word, the one
// whose first name or surname it is, any case ("priya" for "Priya
// Sharma", "Sharma" too). people is how many different people query
// names: 1 when person is found; 0 when no one, and more when a single
// word is the first name or surname of several (two Priyas), which names
// none of them. A title in the name ("Ms Priya Sharma") is left out, as
// SamePerson leaves it.
func PersonNamed(query string, names []string) (person string, people int) {
	q := schema.PersonKey(query)
	if q == "" {
		return "", 0
	}
	for _, n := range names {
		if schema.PersonKey(n) == q {
			return n, 1
		}
	}
	if strings.Contains(q, " ") {
		return "", 0
	}
	var keys []string
	for _, n := range names {
		k := schema.PersonKey(n)
		first, _, _ := strings.Cut(k, " ")
		last := k[strings.LastIndexByte(k, ' ')+1:]
		if (first == q || last == q) && !slices.Contains(keys, k) {
			keys = append(keys, k)
			person = n
		}
	}
	if len(keys) != 1 {
		return "", len(keys)
	}
	return person, 1
}

// AmongPeople reports whether ref names one of refs (SamePerson).
// ref's key is made once, not again for each of refs.
func AmongPeople(ref string, refs []string) bool {
	var ba, bb [64]byte
	k := schema.AppendPersonKey(ba[:0], ref)
	if len(k) == 0 {
		return false
	}
	for _, r := range refs {
		if schema.SameKey(schema.AppendPersonKey(bb[:0], r), k) {
			return true
		}
	}
	return false
}

// words lower-cases text and splits it into words of letters and digits:
// apostrophes are dropped ("Children's" is "childrens") and every other
// mark separates words ("Step-mother" is "step mother").
func words(text string) []string {
	text = strings.Map(dropApostrophe, strings.ToLower(text))
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// dropApostrophe is the strings.Map function that drops apostrophes (', ’
// and ‘) and keeps every other rune.
func dropApostrophe(r rune) rune {
	if r == '\'' || r == '\u2019' || r == '\u2018' {
		return -1
	}
	return r
}

// phrase is text as its words joined by single spaces, with a space at
// each end so that whole phrases can be found with strings.Contains.
func phrase(text string) string { return " " + strings.Join(words(text), " ") + " " }

// hasPhrase reports whether the phrase p (as made by phrase) holds one of
// the phrases of list as whole words.
func hasPhrase(p string, list ...string) bool {
	for _, l := range list {
		if containsSpaced(p, l) {
			return true
		}
	}
	return false
}

// containsSpaced is strings.Contains(p, " "+l+" "), without making the
// string: l where a space comes before it and after it.
func containsSpaced(p, l string) bool {
	for from := 1; from+len(l) < len(p); {
		i := strings.Index(p[from:len(p)-1], l)
		if i < 0 {
			return false
		}
		i += from
		if p[i-1] == ' ' && p[i+len(l)] == ' ' {
			return true
		}
		from = i + 1
	}
	return false
}

// roleText is a role read into words once, for the tests below, which
// ask of one role several times (readRole asks them all).
type roleText struct {
	phrase string // phrase(role)
	// wholes are the words of the role, of the role without its bracketed
	// parts, and of each of those parts, each joined by single spaces.
	wholes []string
}

func readRoleText(role string) roleText {
	outer, inners := splitBrackets(role)
	whole := strings.Join(words(role), " ")
	t := roleText{phrase: " " + whole + " ", wholes: make([]string, 0, 2+len(inners))}
	t.wholes = append(t.wholes, whole)
	if outer == role {
		t.wholes = append(t.wholes, whole) // no brackets: the same words
	} else {
		t.wholes = append(t.wholes, strings.Join(words(outer), " "))
	}
	for _, v := range inners {
		t.wholes = append(t.wholes, strings.Join(words(v), " "))
	}
	return t
}

// is reports whether the role, or the role without its bracketed parts,
// or one of those parts, is exactly one of list: "Manager (CSC)" is
// "manager", "Safeguarding Manager (Chair)" is "chair" (isConferenceChair
// asks of the bracketed parts apart: isOutside, isInside).
func (t roleText) is(list ...string) bool {
	for _, w := range t.wholes {
		for _, l := range list {
			if w == l {
				return true
			}
		}
	}
	return false
}

// isOutside reports whether the whole role, or the role without its
// bracketed parts, is exactly one of list.
func (t roleText) isOutside(list ...string) bool {
	for _, w := range t.wholes[:min(2, len(t.wholes))] {
		if slices.Contains(list, w) {
			return true
		}
	}
	return false
}

// isInside reports whether one of the role's bracketed parts is exactly
// one of list.
func (t roleText) isInside(list ...string) bool {
	for _, w := range t.wholes[min(2, len(t.wholes)):] {
		if slices.Contains(list, w) {
			return true
		}
	}
	return false
}

// isChairService reports whether the phrase p (as made by phrase) is a
// title of the conference and review service under which an independent
// chair may work ("Safeguarding Manager", "Safeguarding and Review
// Manager", "Review Team Manager"), not an Independent Reviewing Officer's.
func isChairService(p string) bool {
	return hasPhrase(p, "safeguarding manager", "safeguarding and review manager", "safeguarding and reviewing manager",
		"safeguarding unit", "safeguarding service", "review manager", "review team manager", "conference",
		"quality assurance", "qa") && !hasPhrase(p, "iro", "reviewing officer")
}

// namesProfession reports whether the phrase p (as made by phrase) names a
// profession, a professional's title or a family relationship: "Designated
// Safeguarding Lead", "Safeguarding Manager", "health visitor", "mother".
func namesProfession(p string) bool {
	return hasPhrase(p, professionWords...) || hasPhrase(p, relationWords...) ||
		hasPhrase(p, "safeguarding", "headteacher", "teacher", "nurse", "officer", "iro")
}

// IsConferenceChairRole reports whether a role is that of an independent
// conference chair: the Independent Conference Chair of Oxfordshire 1.8, the
// Conference and Review Manager of Stoke-on-Trent C06 ("independent chair",
// "chair of the conference", "CP chair", "ICC" and "CRM" read the same). An
// Independent Reviewing Officer chairs a looked-after child's reviews (C06
// §03), not the conference, and a Review Team Manager or Safeguarding
// Manager is not a chair by their title.
func IsConferenceChairRole(role string) bool { return isConferenceChair(readRoleText(role)) }

func isConferenceChair(t roleText) bool {
	if hasPhrase(t.phrase, "core group", "core groups") && !hasPhrase(t.phrase, "conference", "independent", "icc", "crm",
		"cp chair", "child protection chair") {
		return false // "Chair (core group)", "core group chair": the lead worker's meeting, not the conference
	}
	chairs := []string{"chair", "chairperson", "icc", "crm", "cp chair", "cpc"}
	if t.isOutside(chairs...) {
		return true
	}
	if t.isInside(chairs...) {
		// "(Chair)" after a title of the conference and review service
		// ("Safeguarding Manager (Chair)"), or after no profession at all,
		// is the chair's role; "Designated Safeguarding Lead (Chair)" chairs
		// something of the school's.
		outer := " " + t.wholes[1] + " "
		if isChairService(outer) || !namesProfession(outer) {
			return true
		}
	}
	return hasPhrase(t.phrase, "conference and review manager", "conference chair", "conference chairperson",
		"independent chair", "independent chairperson", "chair of the conference", "cp chair",
		"child protection chair", "cp conference chair")
}

// IsLineManagerRole reports whether a role is a social worker's line
// manager's: a team manager (deputy, assistant, acting or senior), a
// practice, service, group, principal or operations manager, a team leader,
// a practice supervisor, or a plain "manager" ("TM", "ATM", "DTM"). A role of
// the conference and review service ("Conference and Review Manager", "Review
// Team Manager", "Independent Reviewing Officer") is not: they chair and
// review, and manage no lead worker. A senior practitioner is a social
// worker, not a line manager, unless the plan names them as the manager.
// Other managers ("Nursery Manager", "Offender Manager", "Safeguarding
// Manager") are not.
func IsLineManagerRole(role string) bool { return isLineManager(readRoleText(role)) }

func isLineManager(t roleText) bool { return lineManager(t, isReviewService(t)) }

// lineManager is isLineManager of a role whose isReviewService is review.
func lineManager(t roleText, review bool) bool {
	if review {
		return false
	}
	if t.is("manager", "supervisor", "tm", "atm", "dtm", "stm") {
		return true
	}
	return hasPhrase(t.phrase, "team manager", "practice manager", "service manager", "group manager",
		"principal manager", "operations manager", "line manager", "social work manager",
		"team leader", "practice supervisor", "social work supervisor", "tm", "atm", "dtm")
}

// isReviewService reports whether a role is of the conference and
// review service, independent of the lead worker's line: a chair, a Review
// Team Manager, an Independent Reviewing Officer.
func isReviewService(t roleText) bool { return reviewService(t, isConferenceChair(t)) }

// reviewService is isReviewService of a role whose isConferenceChair is
// chair.
func reviewService(t roleText, chair bool) bool {
	return chair || hasPhrase(t.phrase, "review", "reviewing", "independent", "conference", "iro")
}

// IsSocialWorkerRole reports whether a role is a social worker's ("social
// worker", "senior social worker", "student social worker", "senior
// practitioner", "advanced practitioner", "SW"). A manager is not one for
// this purpose, nor a social work assistant or a family support worker.
func IsSocialWorkerRole(role string) bool { return isSocialWorker(readRoleText(role)) }

func isSocialWorker(t roleText) bool { return socialWorker(t, isLineManager(t), isConferenceChair(t)) }

// socialWorker is isSocialWorker of a role whose isLineManager is line and
// isConferenceChair is chair.
func socialWorker(t roleText, line, chair bool) bool {
	if line || chair {
		return false
	}
	p := t.phrase
	if hasPhrase(p, "social work assistant", "assistant social worker", "social care assistant") {
		return false
	}
	return hasPhrase(p, "social worker", "social work practitioner", "senior practitioner",
		"advanced practitioner", "sw", "ssw", "lsw", "asw", "nqsw")
}

// isOtherService reports whether a role places its holder in a service
// other than the local authority's children's social care, whatever the
// agency says: a hospital's or a hospice's, health (CAMHS, mental health,
// an AMHP), adult services, youth justice (YOT, YOS, youth offending),
// probation or prison, the police, a school or education, CAFCASS, an
// independent social worker or fostering agency, drug and alcohol
// services, housing, a charity. A "hospital social worker" or an "adult
// social worker" is a social worker, but not the authority's children's
// services': not cover for the lead worker. Leaving care, fostering,
// adoption, disabled children's, MASH and emergency duty teams are the
// authority's children's services, and are not named here.
func isOtherService(t roleText) bool {
	return hasPhrase(t.phrase, "hospital", "hospice", "nhs", "health", "camhs", "cmht", "amhp",
		"adult", "adults", "yot", "yos", "youth offending", "youth justice", "probation", "prison",
		"police", "school", "schools", "education", "cafcass", "independent", "fostering agency",
		"ifa", "drug", "drugs", "alcohol", "substance", "housing", "charity", "voluntary", "nspcc",
		"barnardos")
}

// isOtherProfession reports whether a role names a profession other than
// social work: a health visitor, nurse, midwife, doctor, therapist, teacher,
// police officer, Children's Guardian, solicitor, support worker, or anyone
// of the conference and review service (a chair, an Independent Reviewing
// Officer). A social worker's role, a social work manager's, or one that
// says social work or social care, is not; nor is a role that names no
// profession ("", "practitioner", "locum", "duty worker"). Such a role is
// what qualified = true cannot turn into a social worker's: the flag says a
// social worker is qualified, not that a health visitor is a social worker.
func isOtherProfession(t roleText, line, review, socialWorker bool) bool {
	if socialWorker || (line && !review) || hasPhrase(t.phrase, "social work", "social care") {
		return false
	}
	return review || hasPhrase(t.phrase, "health visitor", "hv", "nurse", "midwife", "doctor", "gp",
		"paediatrician", "pediatrician", "psychologist", "psychiatrist", "psychotherapist",
		"therapist", "counsellor", "counselor", "consultant", "clinician", "dentist", "pharmacist",
		"paramedic", "teacher", "headteacher", "head teacher", "teaching", "senco", "dsl",
		"designated safeguarding lead", "school", "nursery", "early years", "police", "constable",
		"pc", "dc", "sergeant", "detective", "officer", "guardian", "solicitor", "lawyer",
		"barrister", "advocate", "mentor", "youth worker", "play worker", "support worker",
		"family support", "interpreter", "housing", "probation")
}

// isUnqualified reports whether a role says plainly that its holder is
// not (yet) a qualified social worker: a student, a trainee, an
// apprentice (a social work degree apprenticeship), an unqualified worker or
// an assistant, or a worker whose role says they are not (yet) qualified or
// registered ("Social worker (not yet qualified)", "Non-qualified social
// worker", "Pre-qualified social worker", "pre-registration", "Social worker
// (awaiting SWE registration)"), any hyphenation. Registration with Social
// Work England is what makes a social worker qualified to practise as one.
func isUnqualified(t roleText) bool {
	p := t.phrase
	if hasPhrase(p, "student", "trainee", "apprentice", "unqualified", "social work assistant",
		"assistant social worker", "social care assistant", "support worker",
		"non qualified", "nonqualified", "not qualified", "not yet qualified", "pre qualified",
		"prequalified", "pre qualification", "pre qualifying", "pre registration", "preregistration",
		"unregistered", "not registered", "not yet registered", "awaiting registration") {
		return true
	}
	// "awaiting SWE registration", "registration pending", "qualification
	// awaited": a waiting word and the registration or qualification.
	return hasPhrase(p, "awaiting", "pending", "awaited") && hasPhrase(p, "registration", "qualification")
}

// Family relationships and the words that say a role is a professional's.
var (
	relationWords = []string{
		"mother", "father", "mum", "mom", "mummy", "dad", "daddy", "parent", "parents",
		"stepmother", "stepfather", "stepmum", "stepdad", "stepparent", "grandmother",
		"grandfather", "grandparent", "grandma", "grandad", "granddad", "grandpa", "nan", "nana",
		"nanna", "gran", "aunt", "auntie", "aunty", "uncle", "brother", "sister", "sibling",
		"cousin", "carer", "carers", "partner", "boyfriend", "girlfriend", "husband", "wife",
		"niece", "nephew", "stepbrother", "stepsister", "special guardian", "kinship carer",
		"godmother", "godfather", "godparent", "friend", "neighbour", "neighbor",
	}
	professionWords = []string{
		"worker", "officer", "nurse", "visitor", "teacher", "doctor", "gp", "manager", "practitioner",
		"therapist", "chair", "police", "midwife", "psychologist", "psychiatrist", "paediatrician",
		"pediatrician", "consultant", "senco", "head", "headteacher", "advocate", "coordinator",
		"co ordinator", "lead", "assistant", "mentor", "counsellor", "counselor", "guardian",
		"solicitor", "dsl", "sw", "hv", "professional", "supervisor", "clinician", "keyworker",
		"school", "support",
	}
)

// isFamilyRole reports whether a role is plainly a family relationship, a
// carer's or of the family's own network ("mother", "Mum", "maternal
// grandmother", "mother's partner", "foster carer", "special guardian",
// "family friend"), and not a professional's ("family
// support worker", "carers' support worker", "children's guardian").
func isFamilyRole(role string) bool { return isFamilyPhrase(phrase(role)) }

// isFamilyPhrase is isFamilyRole of the role's phrase (phrase).
func isFamilyPhrase(p string) bool {
	if hasPhrase(p, "special guardian") {
		return true
	}
	if hasPhrase(p, professionWords...) {
		return false
	}
	return hasPhrase(p, relationWords...)
}

// Service is which service an agency written in case.md belongs to.
type Service int

const (
	ServiceUnknown    Service = iota // not written, or not plain
	ServiceSocialCare                // the local authority's children's social care
	ServiceOther                     // plainly another agency: health, education, police, a charity
)

// AgencyService says which service an agency as written in case.md is.
// The directorate names of the two procedures (directorates) and "Children's
// Services", "Children's Social Care" or "CSC" are children's social care,
// whatever else they say; then a health, education, police, probation,
// housing, adult or voluntary agency is another service; then a council,
// "social care" or "social work" is the local authority's. Anything else
// (an empty agency, "Locality Team 3", "Early Help") is unknown.
func AgencyService(agency string) Service {
	p := phrase(agency)
	if strings.TrimSpace(p) == "" {
		return ServiceUnknown
	}
	if hasPhrase(p, "childrens social care", "childrens services", "childrens social work",
		"children and families", "vulnerable children", "corporate parenting", "csc",
		"childrens safeguarding") {
		return ServiceSocialCare
	}
	for _, d := range directorates {
		if hasPhrase(p, d.phrases...) {
			return ServiceSocialCare
		}
	}
	if hasPhrase(p, "health", "nhs", "gp", "surgery", "medical", "hospital", "clinic", "midwife",
		"midwifery", "nursing", "camhs", "trust", "school", "schools", "academy", "college",
		"education", "nursery", "preschool", "pre school", "early years", "police", "constabulary",
		"probation", "youth offending", "youth justice", "yot", "yos", "housing", "adult", "adults",
		"charity", "voluntary", "barnardos", "nspcc", "action for children", "childrens society",
		"womens aid", "refuge", "cafcass", "drug", "drugs", "alcohol", "substance", "dwp",
		"fostering agency", "independent fostering", "ltd", "limited", "cic") {
		return ServiceOther
	}
	if hasPhrase(p, "social care", "social work", "council", "local authority", "la", "mash",
		"safeguarding", "city council", "county council") {
		return ServiceSocialCare
	}
	return ServiceUnknown
}

// IsMinuteTakerRole reports whether a role is one whose work is to record
// meetings ("minute taker", "business support officer", "administrator",
// "clerk", "note taker").
func IsMinuteTakerRole(role string) bool {
	return hasPhrase(phrase(role), "minute taker", "minutes", "minute", "minuting", "business support",
		"administrator", "admin", "administrative", "clerk", "note taker", "notetaker")
}

// IsFamily reports whether ref names one of the case's people who is family
// or a carer: recorded family = true, or whose role is plainly a family
// relationship or a carer's (isFamilyRole: "mother", "Mum", "foster
// carer"), for a record that forgot the flag. The child is not counted.
func (c *Case) IsFamily(ref string) bool {
	child, p := c.refer(ref)
	return !child && p != nil && p.isFamily()
}

// roleFacts are what a person's role says (readRole).
type roleFacts struct {
	chair, lineManager, reviewService, socialWorker, unqualified, family bool
	otherService, otherProfession                                        bool
}

// readRole reads what role says (the tests above), asking each once.
func readRole(role string) roleFacts {
	t := readRoleText(role)
	chair := isConferenceChair(t)
	review := reviewService(t, chair)
	line := lineManager(t, review)
	sw := socialWorker(t, line, chair)
	return roleFacts{
		chair:           chair,
		lineManager:     line,
		reviewService:   review,
		socialWorker:    sw,
		unqualified:     isUnqualified(t),
		family:          isFamilyPhrase(t.phrase),
		otherService:    isOtherService(t),
		otherProfession: isOtherProfession(t, line, review, sw),
	}
}

// casePerson is one of case.md's people with what the case derives of
// them: their PersonKey, made when the case is built (NewCase), and what
// their role says, read the first time a rule asks (role) and kept. A
// case is linted by one goroutine, so the memo needs no lock.
type casePerson struct {
	*schema.Person
	key       string    // schema.PersonKey(Name)
	facts     roleFacts // readRole(Role), once factsRead
	factsRead bool
	// auth is the authority their agency or role names (authority), once
	// authorityRead.
	auth          string
	authorityRead bool
}

// role returns what p's role says.
func (p *casePerson) role() roleFacts {
	if !p.factsRead {
		p.facts, p.factsRead = readRole(p.Role), true
	}
	return p.facts
}

// isFamily reports whether p is family: recorded so (family = true) or by
// a family role (isFamilyRole).
func (p *casePerson) isFamily() bool { return p.Family || p.role().family }

// IsProfessional reports whether ref names one of the case's people who is
// neither family (IsFamily) nor the child. Someone not among the people is
// not judged.
func (c *Case) IsProfessional(ref string) bool {
	child, p := c.refer(ref)
	return !child && p != nil && !p.isFamily()
}

// Service says which service the person ref names works for, by the
// agency case.md records for them (AgencyService); ServiceUnknown for
// someone not among the people, family, or with no agency written.
func (c *Case) Service(ref string) Service {
	child, p := c.refer(ref)
	if p == nil || child || p.isFamily() {
		return ServiceUnknown
	}
	return AgencyService(p.Agency)
}

// OfOtherService reports whether ref names one of the case's people who,
// by their agency (AgencyService) or their role ("hospital social worker",
// "CAMHS social worker"), works plainly for another service than the
// authority's children's social care. Family and the child do not.
func (c *Case) OfOtherService(ref string) bool {
	child, p := c.refer(ref)
	return p != nil && !child && !p.isFamily() && p.ofOtherService()
}

// IsConferenceChair reports whether ref names one of the case's people who
// is an independent conference chair: their role is a chair's
// (IsConferenceChairRole), or, their role saying nothing else (not family,
// a line manager or a social worker), they chaired one of the case's
// conferences.
func (c *Case) IsConferenceChair(ref string) bool {
	child, p := c.refer(ref)
	if p == nil || child {
		return false
	}
	r := p.role()
	if r.chair {
		return true
	}
	if p.isFamily() || r.lineManager || r.socialWorker || c.IsLeadWorker(ref) {
		return false
	}
	var buf [64]byte
	for _, cf := range c.Conferences { // SamePerson(cf.Chair, ref): p.key is ref's key
		if cf != nil && string(schema.AppendPersonKey(buf[:0], cf.Chair)) == p.key {
			return true
		}
	}
	return false
}

// ConferenceChairs returns the names of the case's people who are
// conference chairs (IsConferenceChair), in the order of case.md.
func (c *Case) ConferenceChairs() []string {
	if c.Record == nil {
		return nil
	}
	var out []string
	for _, p := range c.Record.People {
		if c.IsConferenceChair(p.Name) && !AmongPeople(p.Name, out) {
			out = append(out, strings.TrimSpace(p.Name))
		}
	}
	return out
}

// LeadWorker returns the lead worker as the plan names them, spaces
// trimmed, or "" when there is no plan or it names none.
func (c *Case) LeadWorker() string {
	if c.Plan == nil {
		return ""
	}
	return strings.TrimSpace(c.Plan.LeadWorker)
}

// IsLeadWorker reports whether ref names the plan's lead worker.
func (c *Case) IsLeadWorker(ref string) bool {
	lw := c.LeadWorker()
	return lw != "" && SamePerson(ref, lw)
}

// LeadWorkersManager returns the lead worker's line manager as the plan
// names them (manager), or "" when it names none.
func (c *Case) LeadWorkersManager() string {
	if c.Plan == nil {
		return ""
	}
	return strings.TrimSpace(c.Plan.Manager)
}

// IsLeadWorkersManager reports whether ref names the lead worker's line
// manager: the plan's manager when the plan names one; otherwise one of the
// case's people who could be the lead worker's line manager
// (IsLineManagerFor: a line manager's role, in the lead worker's service,
// never a GP surgery's practice manager or a nursery's). The lead worker is never their own manager, nor is anyone of
// the conference and review service (a chair, a Review Team Manager, an
// Independent Reviewing Officer), even named as manager: their
// independence is the point.
func (c *Case) IsLeadWorkersManager(ref string) bool {
	if strings.TrimSpace(ref) == "" || c.IsChild(ref) || c.IsLeadWorker(ref) {
		return false
	}
	if m := c.LeadWorkersManager(); m != "" {
		// The role is read only of the one the plan names.
		if !SamePerson(ref, m) {
			return false
		}
		p := c.person(ref)
		return p == nil || !p.role().reviewService
	}
	if p := c.person(ref); p != nil && p.role().reviewService {
		return false
	}
	return c.IsLineManagerFor(ref, c.LeadWorker()) // the one test of who can be (linemanager.go)
}

// IsSocialWorker reports whether ref names one of the case's people, not
// family, who is a social worker of the authority (rules.md v1.1 "a person
// of the authority whose role is a social worker"): their role is a social
// worker's (IsSocialWorkerRole), or they are recorded as a qualified social
// worker (qualified = true) and their role names no other profession (a
// health visitor, a teacher, a police officer, an Independent Reviewing
// Officer: the flag qualifies a social worker, it makes no one one); and
// neither their agency (AgencyService) nor their role (a hospital, CAMHS,
// adult or YOT social worker) places them in another service; and neither
// their agency nor their role names recognisably another authority than
// the one holding the plan (OfAnotherAuthority).
func (c *Case) IsSocialWorker(ref string) bool {
	child, p := c.refer(ref)
	if p == nil || child || !p.isSocialWorker() {
		return false
	}
	return !p.ofOtherService() && !c.OfAnotherAuthority(ref)
}

// isSocialWorker reports whether p is a social worker by what case.md says
// of them, wherever they work: not family, and a social worker's role, or
// qualified = true on a role that names no other profession.
func (p *casePerson) isSocialWorker() bool {
	if p.isFamily() {
		return false
	}
	r := p.role()
	return r.socialWorker || (p.Qualified && !r.otherProfession)
}

// notQualified reports whether case.md says p is not a qualified social
// worker: their role says so (isUnqualified), or qualified = false is
// written on their entry.
func (p *casePerson) notQualified() bool { return p.QualifiedFalse || p.role().unqualified }

// ofOtherService reports whether p's agency (AgencyService) or role
// (isOtherService) places them plainly in another service than the
// authority's children's social care.
func (p *casePerson) ofOtherService() bool {
	return AgencyService(p.Agency) == ServiceOther || p.role().otherService
}

// OfAnotherAuthority reports whether ref, one of the case's people, is
// recognisably of another local authority than the one holding the plan:
// their agency names an authority (AgencyAuthority), or, when it names
// none, their role does in brackets or beside a social worker's words
// ("social worker (Cheshire East)": roleAuthority), and it is not the
// plan's authority (sameAuthority). The plan's authority is the one the
// lead worker's agency or role names, or, when neither names one, their
// manager's as the plan names them (the same team); when none of those
// names one, it is the authority whose procedure the case is read under
// (ReadWith: Stoke-on-Trent's or Oxfordshire's; Stoke-on-Trent C06 §03
// "The lead worker will always be a qualified social worker from within
// Vulnerable Children and Corporate Parenting", §07: after a transfer
// conference the receiving authority holds the plan). Only under the
// combined profile, which is no one authority's, with neither side
// naming an authority ("Children's Services", or nothing written), is
// nothing judged: the record does not say which authority holds the plan.
func (c *Case) OfAnotherAuthority(ref string) bool {
	child, p := c.refer(ref)
	if p == nil || child || c.IsLeadWorker(ref) {
		return false
	}
	theirs := p.authority()
	if theirs == "" {
		return false
	}
	ours := c.PlanAuthority()
	return ours != "" && !sameAuthority(theirs, ours)
}

// LeadWorkerElsewhere returns the local authority the lead worker's agency
// or role names (AgencyAuthority, then the role) and the authority of the
// profile the case is read under (ReadWith, Profile.Authority), when both
// are named and are not one authority: a lead worker of another authority
// than the one whose procedure the plan is linted under. Stoke-on-Trent
// C06 §03: "The lead worker will always be a qualified social worker from
// within Vulnerable Children and Corporate Parenting"; Oxfordshire 1.8 §3:
// "from within Children, Education and Families". A lead worker still
// named from the previous authority after a transfer in, or from a
// neighbouring council, is no lead worker of this plan. Under the
// combined profile, which is no one authority's, and when the lead
// worker's record names no authority ("Children's Services"), it returns
// "", "".
func (c *Case) LeadWorkerElsewhere() (theirs, ours string) {
	ours = c.profileAuthority
	if ours == "" {
		return "", ""
	}
	lead := c.LeadWorker()
	if lead == "" {
		return "", ""
	}
	child, p := c.refer(lead)
	if p == nil || child {
		return "", ""
	}
	theirs = p.authority()
	if theirs == "" || sameAuthority(theirs, ours) {
		return "", ""
	}
	return theirs, ours
}

// PlanAuthority returns the local authority holding the plan, as
// AgencyAuthority names it: the one the lead worker's agency or role
// names, or, when neither names one, the one their manager's (the plan's
// manager) names; when none does, the authority of the profile the case
// is read under (ReadWith, Profile.Authority); "" under the combined
// profile when no one names one.
func (c *Case) PlanAuthority() string {
	for _, ref := range []string{c.LeadWorker(), c.LeadWorkersManager()} {
		if ref == "" {
			continue
		}
		if p := c.person(ref); p != nil {
			if a := p.authority(); a != "" {
				return a
			}
		}
	}
	return c.profileAuthority
}

// authority returns the local authority p's agency names
// (AgencyAuthority), or, when it names none, the one their role names
// (roleAuthority); "" when neither names one. Read once and kept.
func (p *casePerson) authority() string {
	if !p.authorityRead {
		p.auth = AgencyAuthority(p.Agency)
		if p.auth == "" {
			p.auth = roleAuthority(p.Role)
		}
		p.authorityRead = true
	}
	return p.auth
}

// A directorate is the children's social care of one of the procedures'
// authorities, as its procedure names it: the one place caselint knows
// these names. AgencyService reads its phrases as children's social care,
// AgencyAuthority reads them and the council's as its authority, and
// Profile.Directorate gives its name for messages.
type directorate struct {
	profile   string   // the shipped profile of its procedure
	name      string   // as the procedure writes it
	authority string   // as AgencyAuthority names it
	phrases   []string // phrase forms that name the directorate: its name and abbreviation
	council   []string // phrase forms that name only the council ("SOTCC")
}

var directorates = []directorate{
	{ProfileStoke, "Vulnerable Children and Corporate Parenting", "stoke on trent",
		[]string{"vulnerable children and corporate parenting", "vccp"}, []string{"sotcc"}},
	{ProfileOxfordshire, "Children, Education and Families", "oxfordshire",
		[]string{"children education and families", "cef"}, []string{"occ"}},
}

// Directorate returns the name of the children's social care its
// procedure requires the lead worker to come from ("Vulnerable Children
// and Corporate Parenting" under Stoke-on-Trent's), or "" for a profile
// of neither procedure (the combined profile).
func (p *Profile) Directorate() string {
	for _, d := range directorates {
		if p.Base == d.profile {
			return d.name
		}
	}
	return ""
}

// authorityWords are the words around a local authority's name that are
// not the name ("Cheshire East Council" is Cheshire East, "London Borough
// of Merton" is Merton).
var authorityWords = map[string]bool{
	"the": true, "of": true, "and": true, "council": true, "county": true, "city": true,
	"borough": true, "metropolitan": true, "district": true, "unitary": true, "london": true,
	"royal": true, "la": true, "local": true, "authority": true, "cc": true, "mbc": true,
	"childrens": true, "children": true, "services": true, "service": true, "social": true,
	"care": true, "work": true, "families": true, "family": true, "education": true,
	"safeguarding": true, "team": true, "department": true, "directorate": true, "csc": true,
}

// AgencyAuthority returns the local authority an agency as written in
// case.md names, as its words joined by spaces ("cheshire east",
// "stoke on trent"), or "" when it names none. An authority is named, in
// this order: by one of the listed authorities' names (authorities.txt:
// "Cheshire East", "Hull", "Tower Hamlets", "Rhondda Cynon Taf"),
// anywhere in an agency of social care or a council ("Crewe office,
// Cheshire East Council"), or else beside only the words around a
// council's name or a team's ("Cheshire East", "Bristol City", "Leeds
// Locality Team 2"), never before a street word ("Stoke Road"); by the
// directorate or council of one of the two procedures ("Vulnerable
// Children and Corporate Parenting" and "SOTCC" are Stoke-on-Trent's,
// "Children, Education and Families" and "OCC Children's Services"
// Oxfordshire's); by the words after "Borough of" or "City of" ("London
// Borough of Merton"); by the words before "Council" or before
// "Children's Services" / "Children's Social Care" ("Cheshire East
// Council Children's Services"). A listed authority is named by its key,
// the words of its first name in authorities.txt ("Hull" and "Kingston
// upon Hull City Council" are both "kingston upon hull"). An agency of
// another service ("Royal Stoke University Hospital"), or one that names
// no place ("Children's Services", "City Council", "Locality Team 3"),
// names none.
func AgencyAuthority(agency string) string {
	p := phrase(agency)
	if strings.TrimSpace(p) == "" {
		return ""
	}
	svc := AgencyService(agency)
	if svc == ServiceOther {
		return ""
	}
	ws := words(agency)
	if a := listedAuthorityIn(ws, svc == ServiceSocialCare); a != "" {
		return a
	}
	for _, d := range directorates {
		for _, phrases := range [][]string{d.phrases, d.council} {
			if hasPhrase(p, phrases...) {
				return d.authority // "OCC Children's Services" is Oxfordshire, not "occ"
			}
		}
	}
	name := func(ws []string) string {
		var out []string
		for _, w := range ws {
			if !authorityWords[w] && !unicode.IsDigit(rune(w[0])) {
				out = append(out, w)
			}
		}
		return canonicalAuthority(strings.Join(out, " "))
	}
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "borough" || ws[i] == "city" || ws[i] == "county") && ws[i+1] == "of" {
			rest := ws[i+2:]
			for j, w := range rest {
				if w == "council" || w == "childrens" || w == "children" || w == "social" {
					rest = rest[:j]
					break
				}
			}
			if n := name(rest); n != "" {
				return n
			}
		}
	}
	for i, w := range ws {
		if w == "council" || (w == "childrens" && i+1 < len(ws) && (ws[i+1] == "services" || ws[i+1] == "social")) {
			if n := name(ws[:i]); n != "" {
				return n
			}
		}
	}
	return ""
}

// sameAuthority reports whether two authorities as AgencyAuthority names
// them may be the same: two listed authorities when they are the one
// authority ("cheshire east" is not "cheshire west and chester"); else
// when the words of one are all among the other's ("stoke" and "stoke on
// trent", an authority not listed written two ways).
func sameAuthority(a, b string) bool {
	if a == b {
		return true
	}
	if IsListedAuthority(a) && IsListedAuthority(b) {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// IsQualifiedSocialWorker reports whether ref names one of the case's
// people recorded as a qualified social worker (qualified = true), who is
// not family and whose role does not say they are not qualified (a student
// or trainee social worker, a social work assistant, a support worker), nor
// that they are of another profession (a health visitor, a teacher: the
// flag says a social worker is qualified, not that a nurse is one).
func (c *Case) IsQualifiedSocialWorker(ref string) bool {
	child, p := c.refer(ref)
	return p != nil && !child && !p.isFamily() && p.Qualified && !p.role().unqualified && !p.role().otherProfession
}

// IsPlaceholder reports whether text is no answer at all: empty, without a
// letter or digit ("-", "?"), or only one of the profile's placeholder words
// ("TBC", "(TBC)", "n/a.", "to follow", "Unknown"), case, spaces and
// surrounding punctuation ignored. It is the one test every rule uses.
func (p *Profile) IsPlaceholder(text string) bool {
	return p.readyWords().placeholders.Has(text)
}

// IsCollective reports whether text names a group rather than a person
// ("all", "professionals", "the parents"): one of the profile's collective
// owners, case, spaces and a trailing full stop ignored.
func (p *Profile) IsCollective(text string) bool {
	t := strings.Join(words(text), " ")
	for _, w := range p.Words.CollectiveOwners {
		if t != "" && t == strings.Join(words(w), " ") {
			return true
		}
	}
	return false
}

// NameWithRole writes ref for a message with the person's role in
// brackets, "Lee Morgan (class teacher)", unless ref already carries one; the name as case.md spells it.
func (c *Case) NameWithRole(ref string) string {
	ref = strings.TrimSpace(ref)
	if strings.HasSuffix(ref, ")") {
		return ref
	}
	if p := c.Person(ref); p != nil {
		name := strings.TrimSpace(p.Name)
		if r := strings.TrimSpace(p.Role); r != "" {
			return name + " (" + r + ")"
		}
		return name
	}
	return ref
}

// roleMemo keeps readRole's answer for each role a run has read: the same
// few roles ("social worker", "mother", "health visitor") are in every
// case.md, and reading one takes a few microseconds. It is safe for
// concurrent use, and holds at most roleMemoMax roles (a run's memory
// stays bounded whatever the records hold).
type roleMemo struct {
	roles sync.Map // role → roleFacts
	n     atomic.Int32
}

// roleMemoMax is the most roles a roleMemo keeps.
const roleMemoMax = 4096

// read returns readRole(role), kept.
func (m *roleMemo) read(role string) roleFacts {
	if f, ok := m.roles.Load(role); ok {
		return f.(roleFacts)
	}
	f := readRole(role)
	if m.n.Load() < roleMemoMax {
		if _, had := m.roles.LoadOrStore(strings.Clone(role), f); !had {
			m.n.Add(1)
		}
	}
	return f
}

// readRoles reads each of the case's people's roles from memo, where
// casePerson.role would read each afresh.
func (c *Case) readRoles(memo *roleMemo) {
	for i := range c.persons {
		p := &c.persons[i]
		p.facts, p.factsRead = memo.read(p.Role), true
	}
}

// LeadWorkerGone reports whether the plan's lead_worker carries a note in
// brackets saying they are no longer the child's lead worker ("Sarah
// Bennett (left 30/10)", "(to be reallocated)", "(vacant)": the profile's
// lead_worker_gone). Oxfordshire 1.8 §3: "Each child with a Child
// Protection Plan must have a Lead Social Worker"; a plan naming one who
// has gone names none. A role ("(SW)") or leave ("(on leave)": the lead
// worker is covered, not gone) says nothing of the kind.
func (c *Case) LeadWorkerGone() bool {
	note := schema.PersonNote(c.LeadWorker())
	if strings.TrimSpace(note) == "" || c.profile == nil {
		return false
	}
	return hasPhrase(phrase(note), c.profile.readyWords().leadWorkerGone...)
}
