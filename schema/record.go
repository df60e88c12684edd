package schema

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind is what a record records: the frontmatter's type key.
type Kind string

// The kinds of record.
const (
	KindCase       Kind = "case"
	KindPlan       Kind = "plan"
	KindConference Kind = "conference"
	KindCoreGroup  Kind = "core-group"
	KindVisit      Kind = "visit"
)

// Kinds lists every kind of record, in the order a case is read.
var Kinds = []Kind{KindCase, KindPlan, KindConference, KindCoreGroup, KindVisit}

// Document is one parsed Markdown file: its source, its frontmatter decoded
// into a typed Record, its body parsed once, the caselint directives in its
// comments and the problems that make it an invalid record.
//
// Parse never fails: whatever is wrong with a file is a Problem, and as much
// of the record as could be read is kept so that the rest of the case can
// still be linted.
type Document struct {
	Source *Source
	Kind   Kind // "" when the type is missing or unknown

	// FrontStart and FrontEnd delimit the TOML text between the +++ lines;
	// BodyStart is where the Markdown body begins.
	FrontStart, FrontEnd, BodyStart int

	Keys       *KeyIndex   // where each frontmatter key and value stands
	Record     Record      // nil when the frontmatter could not be decoded at all
	Body       *Body       // nil for kinds whose body no rule reads
	Directives []Directive // want and caselint:ignore comments
	Problems   []Problem   // what makes it an invalid record
	// MoreProblems counts the problems past MaxProblems, not recorded.
	MoreProblems int
}

// Problem is something wrong with a record as a record: it becomes an
// invalid-record finding at Offset.
type Problem struct {
	Offset  int
	Message string
	// Msg is Message with what it quotes from the record apart (see Msg);
	// its Format is empty for a Problem built from Message alone, whose
	// text is then all taken for the record's.
	Msg Msg
}

// Record is the typed frontmatter of a document: *CaseRecord, *Plan,
// *Conference, *CoreGroup or *Visit.
type Record interface{ record() }

func (*CaseRecord) record() {}
func (*Plan) record()       {}
func (*Conference) record() {}
func (*CoreGroup) record()  {}
func (*Visit) record()      {}

// CaseRecord is case.md: who the child is and the people around them.
type CaseRecord struct {
	Doc         *Document     `toml:"-"`
	Type        string        `toml:"type"`
	ID          string        `toml:"id" caselint:"required"`
	Child       Child         `toml:"child" caselint:"required"`
	People      []Person      `toml:"people"`
	LegalStatus []LegalStatus `toml:"legal_status"`
}

// Child is the child the case is about.
type Child struct {
	Name          string   `toml:"name" caselint:"required"`
	Born          Date     `toml:"born"`
	Unborn        bool     `toml:"unborn"`
	Expected      Date     `toml:"expected"`
	FirstLanguage string   `toml:"first_language" caselint:"required"`
	Needs         []string `toml:"needs"`
}

// Person is someone around the child: family, carer or professional.
type Person struct {
	Name      string `toml:"name" caselint:"required"`
	Role      string `toml:"role"`
	Family    bool   `toml:"family"`
	Language  string `toml:"language"`
	Agency    string `toml:"agency"`
	Qualified bool   `toml:"qualified"`
	// QualifiedFalse is set when qualified = false is written: the record
	// says the person is not a qualified social worker, which is more than
	// leaving the flag out.
	QualifiedFalse bool `toml:"-"`
}

// LegalStatus is a change in the child's legal status.
type LegalStatus struct {
	Status string `toml:"status" caselint:"required"`
	From   Date   `toml:"from" caselint:"required"`
}

// Plan is plan.md: the Child Protection Plan.
type Plan struct {
	Doc              *Document        `toml:"-"`
	Type             string           `toml:"type"`
	Started          Date             `toml:"started" caselint:"required"`
	Category         string           `toml:"category"`
	LeadWorker       string           `toml:"lead_worker" caselint:"required"`
	Manager          string           `toml:"manager"`
	CoreGroup        []string         `toml:"core_group"`
	CountersignedBy  string           `toml:"countersigned_by"`
	Countersigned    Date             `toml:"countersigned"`
	ReviewConference Date             `toml:"review_conference"`
	SeenAloneEvery   Interval         `toml:"seen_alone_every"`
	ReducedVisiting  *ReducedVisiting `toml:"reduced_visiting"`
	Copies           []Copy           `toml:"copies"`
	Cessation        *Cessation       `toml:"cessation"`
	PreviousLead     []PreviousLead   `toml:"previous_lead"`
}

// PreviousLead is a lead worker who held the plan before the one it names
// now, with their line manager then, and the day the case passed to the
// next lead worker (format 1.1, docs/format.md): what they did before
// that day is judged against them.
type PreviousLead struct {
	LeadWorker string `toml:"lead_worker" caselint:"required"`
	Manager    string `toml:"manager"`
	HandedOver Date   `toml:"handed_over" caselint:"required"`
}

// ReducedVisiting is an agreement to see the child less often (Oxfordshire
// 1.8 §3).
type ReducedVisiting struct {
	Agreed     Date   `toml:"agreed"`
	ApprovedBy string `toml:"approved_by"`
}

// Copy is a written copy of the plan given to someone.
type Copy struct {
	To       string `toml:"to" caselint:"required"`
	Language string `toml:"language"`
	Given    Date   `toml:"given"`
}

// Cessation records the end of the plan.
type Cessation struct {
	Date                     Date     `toml:"date" caselint:"required"`
	Reason                   string   `toml:"reason"`
	Conference               string   `toml:"conference"`
	ExceptionalCircumstances string   `toml:"exceptional_circumstances"`
	Notified                 []string `toml:"notified"`
	FollowUp                 string   `toml:"follow_up"`
}

// Conference is an initial, review or transfer child protection conference.
type Conference struct {
	Doc            *Document `toml:"-"`
	Type           string    `toml:"type"`
	Kind           string    `toml:"kind" caselint:"required"`
	Date           Date      `toml:"date" caselint:"required"`
	Chair          string    `toml:"chair"`
	Quorate        bool      `toml:"quorate"`
	Decision       string    `toml:"decision" caselint:"required"`
	Outcomes       []string  `toml:"outcomes"`
	FirstCoreGroup Date      `toml:"first_core_group"`
	NextReview     Date      `toml:"next_review"`
	Notified       Date      `toml:"notified"`
}

// The kinds of conference and their decisions.
const (
	ConferenceInitial  = "initial"
	ConferenceReview   = "review"
	ConferenceTransfer = "transfer"

	DecisionPlan     = "plan"
	DecisionNoPlan   = "no plan"
	DecisionContinue = "continue"
	DecisionCease    = "cease"
	// DecisionAdjourned: the conference sat but was adjourned before it
	// decided; the sitting that reconvenes it decides (any kind).
	DecisionAdjourned = "adjourned"
)

// CoreGroup is the record of one core group meeting.
type CoreGroup struct {
	Doc               *Document `toml:"-"`
	Type              string    `toml:"type"`
	Date              Date      `toml:"date" caselint:"required"`
	Chair             string    `toml:"chair"`
	MinutesBy         string    `toml:"minutes_by"`
	Attended          []string  `toml:"attended" caselint:"required"`
	Apologies         []string  `toml:"apologies"`
	WrittenReports    []string  `toml:"written_reports"`
	MinutesCirculated Date      `toml:"minutes_circulated"`
}

// Visit is the record of one visit to, or contact with, the child.
type Visit struct {
	Doc              *Document `toml:"-"`
	Type             string    `toml:"type"`
	Date             DateTime  `toml:"date" caselint:"required"`
	By               string    `toml:"by" caselint:"required"`
	DelegatedBy      string    `toml:"delegated_by"`
	DelegationAgreed string    `toml:"delegation_agreed"`
	Present          []string  `toml:"present"`
	ChildSeen        bool      `toml:"child_seen" caselint:"required"`
	SeenAlone        bool      `toml:"seen_alone"`
	Awake            bool      `toml:"awake"`
	BedroomSeen      bool      `toml:"bedroom_seen"`
	NotSeenReason    string    `toml:"not_seen_reason"`
	AccessRefused    bool      `toml:"access_refused"`
	EscalatedTo      string    `toml:"escalated_to"`
	Escalated        Date      `toml:"escalated"`
}

// PersonKey normalises a reference to a person for lookup: surrounding
// spaces and a trailing note in brackets are dropped ("Dr Kim Green (GP)"
// is "dr kim green"), and case is ignored. Full stops are not part of a
// name ("Dr. Kim Green" and "J. Smith" are "Dr Kim Green" and "J Smith"),
// and a title before a first name and surname is dropped ("Dr Kim Green"
// and "Kim Green" are one person) but kept before a surname alone, where
// it is what tells "Mr Bell" from "Mrs Bell", and before an initial, where
// it is what tells "Mrs S Khan" from "Mr S Khan". A name typed on a Mac or
// in Word reads as the same name typed elsewhere: its accents are composed
// (Unicode NFC: "Siobhán" with a combining acute is "Siobhán") and its
// curly or modifier apostrophes (’ ‘ ʼ) are the straight one ("O’Neill" is
// "O'Neill").
//
// What the bracket says is not part of the key: a role ("Paul Rigby (team
// manager)") and a status ("Paul Rigby (on leave)") alike; PersonNote
// returns it, for the rules to read a status that says the person did not
// do what the field records.
func PersonKey(ref string) string {
	var buf [64]byte
	return string(AppendPersonKey(buf[:0], ref))
}

// SamePersonKey reports whether a and b name the same person by their
// PersonKeys (SameKey), without allocating for names of up to 64 bytes.
func SamePersonKey(a, b string) bool {
	var ba, bb [64]byte
	return SameKey(AppendPersonKey(ba[:0], a), AppendPersonKey(bb[:0], b))
}

// SameKey reports whether two PersonKeys, not empty, may name the same
// person: they are equal, or one is the other with the title before its
// initial left off ("s khan" is "mrs s khan", and "mr s khan"; but "mrs s
// khan" is not "mr s khan"). Which of two people written so a reference
// means is the case's to say (lint.Case.Person).
func SameKey(ka, kb []byte) bool {
	if len(ka) == 0 || len(kb) == 0 {
		return false
	}
	if string(ka) == string(kb) {
		return true
	}
	switch {
	case len(ka) > len(kb):
		return string(InitialWithoutTitle(ka)) == string(kb)
	case len(kb) > len(ka):
		return string(InitialWithoutTitle(kb)) == string(ka)
	}
	return false
}

// InitialWithoutTitle returns PersonKey k without the title it keeps
// before an initial ("mrs s khan" is "s khan"), or k itself when it has no
// such title.
func InitialWithoutTitle(k []byte) []byte {
	i := bytes.IndexByte(k, ' ')
	if i <= 0 || !isPersonTitle(string(k[:i])) {
		return k
	}
	rest := k[i+1:]
	if j := bytes.IndexByte(rest, ' '); j > 0 && utf8.RuneCount(rest[:j]) == 1 {
		return rest
	}
	return k
}

// AppendPersonKey appends PersonKey(ref) to dst: the one definition of the
// key, in one pass over the name when it is ASCII (as nearly every name
// in a record is) and through Unicode composition and case folding
// otherwise.
func AppendPersonKey(dst []byte, ref string) []byte {
	s, _ := splitNote(ref)
	start := len(dst)
	if !isASCII(s) {
		dst = append(dst, foldName(s)...)
	} else {
		// foldName(s), for ASCII: the words of s (split at white space and
		// full stops), lower-cased and joined by single spaces.
		inWord := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '.' || asciiSpace[c] {
				inWord = false
				continue
			}
			if !inWord && len(dst) > start {
				dst = append(dst, ' ')
			}
			inWord = true
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
	}
	k := dst[start:]
	if i := bytes.IndexByte(k, ' '); i > 0 && isPersonTitle(string(k[:i])) {
		rest := k[i+1:]
		// The title is dropped before a first name and a surname, and kept
		// before a surname alone or an initial ("Mrs S Khan").
		if j := bytes.IndexByte(rest, ' '); j >= 0 && utf8.RuneCount(rest[:j]) > 1 {
			dst = append(dst[:start], rest...)
		}
	}
	return dst
}

// PersonNote returns what a reference to a person says in its trailing
// brackets, spaces trimmed: "team manager" of "Paul Rigby (team manager)",
// "DNA" of "Alison Ward (DNA)", "" when there is none. It may be a role or
// a status: the profile's words tell them apart (lint.Profile.Done).
func PersonNote(ref string) string {
	_, note := splitNote(ref)
	return note
}

// splitNote splits ref, its surrounding spaces dropped, into the name and
// the note in its trailing brackets ("Paul Rigby (voicemail left)" is
// "Paul Rigby" and "voicemail left"). A reference that is all brackets
// ("(TBC)") is a name with no note.
//
// A role written before the name ("TM Mark Ellis", "IRO Chris Hall",
// "Social Worker Sarah Bennett") is a note as one after it is
// (leadingRole); a note in brackets, which may say a status, wins.
func splitNote(ref string) (name, note string) {
	name, note = splitTrailingNote(strings.TrimSpace(ref))
	if rest, role, ok := leadingRole(name); ok {
		name = rest
		if note == "" {
			note = role
		}
	}
	return name, note
}

// splitTrailingNote splits s, trimmed, at a note after the name: in
// brackets, or a role after a comma or a spaced dash.
func splitTrailingNote(s string) (name, note string) {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	// A role after a comma or a spaced dash is a note too: "Mark Ellis,
	// Team Manager", "Sarah Bennett - Social Worker". A name written
	// surname first ("Ellis, Mark") has no role after its comma.
	if i := strings.LastIndex(s, ","); i > 0 && isRoleNote(s[i+1:]) {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	if i := strings.LastIndex(s, " - "); i > 0 && isRoleNote(s[i+3:]) {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+3:])
	}
	// A role's abbreviation after a name of two words, no mark between:
	// "Chris Hall IRO", "Mark Ellis TM" (exact capitals, as before a name).
	if i := strings.LastIndexByte(s, ' '); i > 0 && leadingRoleAbbrevs[s[i+1:]] && wordsAtLeast(s[:i], 2) && hasLower(s[:i]) {
		return strings.TrimSpace(s[:i]), s[i+1:]
	}
	return s, ""
}

// leadingRole splits s at a role written before a name: "TM Mark Ellis",
// "IRO Chris Hall", "CP Chair Chris Hall", "Social Worker: Sarah Bennett".
// An abbreviation is read only as its exact capitals (leadingRoleAbbrevs:
// "TM", not "Tm" or "Tam"), a role of words in any case (leadingRoleWords),
// either followed by a space, a colon or a spaced dash and then a word
// with a capital letter: the name ("IRO to confirm" is no name after a
// role, "TM" alone no name at all). A name written all in capitals
// ("DI SMITH") is read as a name.
func leadingRole(s string) (rest, role string, ok bool) {
	if len(s) < 4 || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		return s, "", false
	}
	end := 0 // where the role ends in s
	i := strings.IndexAny(s, " :")
	if i <= 0 {
		return s, "", false
	}
	if leadingRoleAbbrevs[s[:i]] {
		end = i
	} else if leadingRoleFirst[lowerWord(s[:i])] {
		for _, r := range leadingRoleWords {
			if len(s) > len(r) && strings.EqualFold(s[:len(r)], r) && (s[len(r)] == ' ' || s[len(r)] == ':') {
				end = len(r)
				break
			}
		}
	}
	if end == 0 {
		end = roleOfWordsBefore(s)
	}
	if end == 0 {
		return s, "", false
	}
	i = end
	for i < len(s) && (s[i] == ' ' || s[i] == ':') {
		i++
	}
	if strings.HasPrefix(s[i:], "- ") {
		i += 2
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' || !hasLower(s) {
		return s, "", false
	}
	return s[i:], s[:end], true
}

// roleOfWordsBefore returns where a role of a few words that
// leadingRoleWords does not list ends in s, when one opens it: up to four
// words, the last a role's word ("Outreach Worker", "Youth Offending
// Officer", "Specialist Nurse"), before a name of two words or more ("Claire
// Dunn"); 0 when none. A name of one word after it ("Nurse Smith") is read
// as a name.
func roleOfWordsBefore(s string) int {
	at, found := 0, 0
	for k := 0; k < 4; k++ {
		j := strings.IndexByte(s[at:], ' ')
		if j <= 0 {
			break
		}
		w := strings.TrimSuffix(s[at:at+j], ":")
		end := at + len(w)
		at += j + 1
		if !isNameLetters(w) {
			break
		}
		// The last role word that leaves a name of two words:
		// "Consultant Paediatrician Kim Green".
		if isRoleEndWord(w) && wordsAtLeast(s[at:], 2) {
			found = end
		}
	}
	return found
}

// isNameLetters reports whether w is ASCII letters and hyphens only.
func isNameLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; !(c >= 'a' && c <= 'z') && w[i] != '-' {
			return false
		}
	}
	return true
}

// isRoleEndWord reports whether w, of ASCII letters, is one of
// roleEndWords in any case.
func isRoleEndWord(w string) bool {
	return len(w) >= 4 && roleEndWords[lowerWord(w)]
}

// lowerWord returns w lower-cased, when it is an ASCII word of up to 16
// bytes: a key for a map of words, looked up without allocating; "" for a
// longer word.
func lowerWord(w string) string {
	var buf [16]byte
	if len(w) > len(buf) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(w)])
}

// wordsAtLeast reports whether s holds n words or more.
func wordsAtLeast(s string, n int) bool {
	in := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			in = false
			continue
		}
		if !in {
			in = true
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// roleEndWords end a role written in words: "Outreach Worker".
var roleEndWords = map[string]bool{
	"manager": true, "worker": true, "practitioner": true, "officer": true, "nurse": true,
	"visitor": true, "teacher": true, "headteacher": true, "coordinator": true,
	"co-ordinator": true, "therapist": true, "psychologist": true, "advocate": true,
	"director": true, "supervisor": true, "chair": true, "lead": true, "midwife": true,
	"paediatrician": true, "consultant": true, "mentor": true,
}

// hasLower reports whether s holds an ASCII lower-case letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// leadingRoleAbbrevs are the abbreviations of a role written before a
// name, in capitals as written: "TM Mark Ellis", "PC Gary Lamb".
var leadingRoleAbbrevs = map[string]bool{
	"SW": true, "LSW": true, "SSW": true, "ASW": true, "TM": true, "STM": true, "DTM": true,
	"ATM": true, "IRO": true, "DSL": true, "DDSL": true, "PC": true, "DC": true, "DS": true,
	"PCSO": true, "HV": true, "FSW": true, "GP": true, "SENCO": true, "SENCo": true,
}

// leadingRoleFirst are the first words of leadingRoleWords, lower case.
var leadingRoleFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range leadingRoleWords {
		m[strings.ToLower(strings.Fields(r)[0])] = true
	}
	return m
}()

// leadingRoleWords are the roles of words written before a name, any
// case, longest first where one opens another.
var leadingRoleWords = []string{
	"Senior Team Manager", "Deputy Team Manager", "Assistant Team Manager", "Team Manager",
	"Senior Social Worker", "Lead Social Worker", "Social Worker", "Lead Worker",
	"Senior Practitioner", "Advanced Practitioner", "Practice Manager", "Service Manager",
	"Independent Reviewing Officer", "Independent Chair", "Conference Chair", "CP Chair",
	"Chair", "Health Visitor", "School Nurse", "Family Support Worker",
	"Designated Safeguarding Lead", "Class Teacher", "Head Teacher", "Headteacher",
	"Police Constable", "Detective Constable", "Detective Sergeant",
}

// isRoleNote reports whether text, after a name's comma or dash, is a
// role: a few words, one of them roleNoteWords' ("Team Manager", "SW",
// "Independent Reviewing Officer").
func isRoleNote(text string) bool {
	f := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '.' || r == '/' })
	if len(f) == 0 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		if roleNoteWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// roleNoteWords are the words of a role written after a name: a role's
// last word (roleEndWords), its abbreviations (leadingRoleAbbrevs) in any
// case, and "doctor".
var roleNoteWords = func() map[string]bool {
	m := map[string]bool{"doctor": true}
	for w := range roleEndWords {
		m[w] = true
	}
	for a := range leadingRoleAbbrevs {
		m[strings.ToLower(a)] = true
	}
	return m
}()

// trimRole drops the spaces around ref and a trailing note in brackets.
func trimRole(ref string) string {
	s, _ := splitNote(ref)
	return s
}

// foldName lower-cases the name s with its full stops read as spaces and
// its white space collapsed.
// Its accents are composed (NFC) and its curly and modifier apostrophes
// read as the straight one.
func foldName(s string) string {
	s = norm.NFC.String(apostrophes.Replace(s))
	return strings.ToLower(collapse(strings.ReplaceAll(s, ".", " ")))
}

// apostrophes reads the apostrophes Word and a Mac type in names (’ ‘ ʼ)
// as the straight one.
var apostrophes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isPersonTitle reports whether word, lower case, is a title written
// before a name (a switch, which costs less than a map's hash for the
// many names keyed).
func isPersonTitle(word string) bool {
	switch word {
	case "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "revd", "sr":
		return true
	}
	return false
}
