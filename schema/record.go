package schema

import (
	"bytes"
	"strings"
	"unicode/utf8"
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
// spaces and a trailing role in brackets are dropped ("Dr Kim Green (GP)"
// is "dr kim green"), and case is ignored. Full stops are not part of a
// name ("Dr. Kim Green" and "J. Smith" are "Dr Kim Green" and "J Smith"),
// and a title before a first name and surname is dropped ("Dr Kim Green"
// and "Kim Green" are one person) but kept before a surname alone, where
// it is what tells "Mr Bell" from "Mrs Bell".
func PersonKey(ref string) string {
	var buf [64]byte
	return string(AppendPersonKey(buf[:0], ref))
}

// SamePersonKey reports whether a and b have the same PersonKey, and it is
// not empty, without allocating for names of up to 64 bytes.
func SamePersonKey(a, b string) bool {
	var ba, bb [64]byte
	ka := AppendPersonKey(ba[:0], a)
	return len(ka) > 0 && string(ka) == string(AppendPersonKey(bb[:0], b))
}

// AppendPersonKey appends PersonKey(ref) to dst: the one definition of the
// key, in one pass over the name when it is ASCII (as nearly every name
// in a record is) and through Unicode case folding otherwise.
func AppendPersonKey(dst []byte, ref string) []byte {
	s := trimRole(ref)
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
	if i := bytes.IndexByte(k, ' '); i > 0 && isPersonTitle(string(k[:i])) && bytes.IndexByte(k[i+1:], ' ') >= 0 {
		dst = append(dst[:start], k[i+1:]...)
	}
	return dst
}

// trimRole drops the spaces around ref and a trailing role in brackets.
func trimRole(ref string) string {
	s := strings.TrimSpace(ref)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	return s
}

// foldName lower-cases the name s with its full stops read as spaces and
// its white space collapsed.
func foldName(s string) string {
	return strings.ToLower(collapse(strings.ReplaceAll(s, ".", " ")))
}

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
