package schema

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// rec builds a record: "+++\n" + the lines + "\n+++\n".
func rec(lines ...string) string {
	return "+++\n" + strings.Join(lines, "\n") + "\n+++\n"
}

const caseHead = `type = "case"
id = "SOT-1"
[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"`

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "line:col message-prefix", in order
	}{
		{"valid visit", rec(`type = "visit"`, `date = 2026-01-19T16:30:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = true`), nil},
		{"unknown key with suggestion",
			rec(`type = "visit"`, `date = 2026-01-19`, `by = "A"`, `child_seen = true`, `seen_alon = true`),
			[]string{"6:1 unknown key seen_alon in visit record; did you mean seen_alone?"}},
		{"unknown key with no close match",
			rec(`type = "visit"`, `date = 2026-01-19`, `by = "A"`, `child_seen = true`, `weather = "rain"`),
			[]string{"6:1 unknown key weather in visit record"}},
		{"string in place of a date, at the value",
			rec(`type = "plan"`, `started   =   "2026-01-12"`, `lead_worker = "A"`),
			[]string{`3:15 started: expected a date such as 2026-01-12, found the string "2026-01-12" (remove the quotes to make it a date)`}},
		{"wrong type of a string",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = 42`),
			[]string{"4:15 lead_worker: expected a string, found a number"}},
		{"quoted boolean",
			rec(`type = "visit"`, `date = 2026-01-19`, `by = "A"`, `child_seen = "true"`),
			[]string{`5:14 child_seen: expected true or false, found the string "true" (remove the quotes)`}},
		{"impossible date",
			rec(`type = "case"`, `id = "SOT-1"`, `[child]`, `name = "Jamie"`, `born = 2015-02-30`, `first_language = "English"`),
			[]string{"6:8 impossible date 2015-02-30: February 2015 has 28 days"}},
		{"impossible month, and the next error is reported too",
			rec(`type = "plan"`, `started = 2026-13-01`, `lead_worker = "A"`, `countersigned = 2026-04-31`),
			[]string{"3:11 impossible date 2026-13-01: there is no month 13", "5:17 impossible date 2026-04-31: April 2026 has 30 days"}},
		{"invalid date shape",
			rec(`type = "plan"`, `started = 2026-1-2`, `lead_worker = "A"`),
			[]string{"3:11 invalid date 2026-1-2"}},
		{"time of day for a date",
			rec(`type = "plan"`, `started = 16:30:00`, `lead_worker = "A"`),
			[]string{"3:11 started: expected a date such as 2026-01-12, found a time of day"}},
		{"date-time for a date keeps the date",
			rec(`type = "plan"`, `started = 2026-01-12T10:00:00`, `lead_worker = "A"`), nil},
		{"offset date-time refused",
			rec(`type = "plan"`, `started = 2026-01-12T10:00:00Z`, `lead_worker = "A"`),
			[]string{"3:11 started: a date is written without a time zone"}},
		{"missing required top-level keys at the type line",
			rec(`# a plan`, `type = "plan"`),
			[]string{"3:1 missing required key started", "3:1 missing required key lead_worker"}},
		{"missing required keys of a table at its header",
			rec(`type = "case"`, `id = "SOT-1"`, ``, `[child]`, `name = "Jamie"`),
			[]string{"5:1 missing required key child.first_language", "5:1 missing required key child.born (or unborn = true"}},
		{"unborn child needs no born",
			rec(`type = "case"`, `id = "SOT-1"`, `[child]`, `name = "Baby"`, `unborn = true`, `expected = 2026-03-01`, `first_language = "English"`), nil},
		{"missing child table",
			rec(`type = "case"`, `id = "SOT-1"`),
			[]string{"2:1 missing required table [child]"}},
		{"missing required key in the second [[people]]",
			rec(caseHead, `[[people]]`, `name = "Sam"`, `[[people]]`, `role = "GP"`, `nme = "Kim"`),
			[]string{"10:1 missing required key people.name", "12:1 unknown key nme in [[people]] of case record; did you mean name?"}},
		{"wrong type in an array element",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `core_group = ["A",`, `  "B", 7,`, `  true]`),
			[]string{"6:8 core_group, item 3: expected a string, found a number", "7:3 core_group, item 4: expected a string, found a boolean"}},
		{"a string where a list is wanted",
			rec(`type = "core-group"`, `date = 2026-01-22`, `attended = "A, B"`),
			[]string{`4:12 attended: expected a list of strings such as ["Sam Doe"], found a string`}},
		{"a value where a table is wanted",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `cessation = "yes"`),
			[]string{"5:13 cessation: expected a table, found a string"}},
		{"not a table in a list of tables",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `copies = [{to = "Sam", given = "2026-01-02"}, 3]`),
			[]string{`5:32 copies.given: expected a date such as 2026-01-12, found the string "2026-01-02"`, "5:47 copies, item 2: expected a table, found a number"}},
		{"inline table keys",
			rec(`type = "case"`, `id = "SOT-1"`, `child = {name = "J", born = 2015-01-01, first_language = "English", nam = 1}`),
			[]string{"4:69 unknown key nam in [child] of case record; did you mean name?"}},
		{"dotted keys",
			rec(`type = "case"`, `id = "SOT-1"`, `child.name = "J"`, `child.born = 2015-01-01`, `child.first_language = "English"`, `child.sex = "m"`), []string{"7:1 unknown key sex in [child] of case record"}},
		{"missing type",
			rec(`# nothing`, `id = "x"`),
			[]string{`2:1 missing key type: say what the record is: type = "case", "plan"`}},
		{"unknown type",
			rec(`type = "core_group"`),
			[]string{`2:8 unknown type "core_group": a record's type is one of case, plan, conference, core-group or visit; did you mean "core-group"?`}},
		{"type not a string",
			rec(`type = 3`),
			[]string{`2:8 type: expected a string such as "plan", found a number`}},
		{"conference kind and decision",
			rec(`type = "conference"`, `kind = "intial"`, `date = 2026-01-12`, `decision = "plan"`),
			[]string{`3:8 kind: "intial" is not a kind of conference; did you mean "initial"?`}},
		{"decision must fit the kind",
			rec(`type = "conference"`, `kind = "review"`, `date = 2026-01-12`, `decision = "plan"`),
			[]string{`5:12 decision "plan" does not fit a review conference: say "continue" or "cease"`}},
		{"a review conference adjourned before it decided",
			rec(`type = "conference"`, `kind = "review"`, `date = 2026-07-16`, `decision = "Adjourned"`), nil},
		{"an initial conference adjourned",
			rec(`type = "conference"`, `kind = "initial"`, `date = 2026-07-16`, `decision = "adjourned"`), nil},
		{"decision forgives case",
			rec(`type = "conference"`, `kind = "Initial"`, `date = 2026-01-12`, `decision = "No Plan"`), nil},
		{"plan category",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `category = "neglet"`),
			[]string{`5:12 category: "neglet" is not a category of plan; did you mean "neglect"?`}},
		{"legal status",
			rec(caseHead, `[[legal_status]]`, `status = "care order"`, `from = 2026-01-01`, `[[legal_status]]`, `status = "section 21"`, `from = 2026-02-01`),
			[]string{`12:10 legal_status.status: "section 21" is not a legal status; did you mean "section 20"?`}},
		{"interval",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `seen_alone_every = "2 fortnights"`),
			[]string{`5:20 seen_alone_every: "2 fortnights": the unit must be days`}},
		{"cessation reason is not validated",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `[cessation]`, `date = 2026-05-01`, `reason = "bored"`), nil},
		{"syntax error",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker "A"`),
			[]string{"4:13 the frontmatter is not valid TOML: expected '.' or '='"}},
		{"syntax error in a multi-line array",
			rec(`type = "core-group"`, `date = 2026-01-22`, `attended = [`, `  "A"`, `  "B",`, `]`, `chair = 7`),
			[]string{"6:3 the frontmatter is not valid TOML", "8:9 chair: expected a string, found a number"}},
		{"broken header does not spill its keys",
			rec(caseHead, `[[people]`, `name = "Sam"`, `[[people]]`, `name = "Kim"`),
			[]string{"8:9 the frontmatter is not valid TOML"}},
		{"duplicate key",
			rec(`type = "plan"`, `started = 2026-01-12`, `lead_worker = "A"`, `lead_worker = "B"`),
			[]string{"5:1 the frontmatter is not valid TOML: Key 'lead_worker' has already been defined."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ok := Parse("r.md", []byte(tt.in))
			if !ok {
				t.Fatal("not a record")
			}
			checkProblems(t, doc.Source, doc.Problems, tt.want)
		})
	}
}

func TestDecodeRecords(t *testing.T) {
	in := rec(caseHead, `needs = ["autism"]`,
		`[[people]]`, `name = "Sam Doe"`, `family = true`,
		`[[people]]`, `name = "Aisha Patel"`, `qualified = true`, `bogus = 1`,
		`[[legal_status]]`, `status = "Interim  Care Order"`, `from = 2026-05-01`)
	doc, ok := Parse("case.md", []byte(in))
	if !ok {
		t.Fatal("not a record")
	}
	got, isCase := doc.Record.(*CaseRecord)
	if !isCase {
		t.Fatalf("Record = %T", doc.Record)
	}
	want := &CaseRecord{
		Doc: doc, Type: "case", ID: "SOT-1",
		Child: Child{Name: "Jamie", Born: NewDate(2015, 4, 2), FirstLanguage: "English", Needs: []string{"autism"}},
		People: []Person{
			{Name: "Sam Doe", Family: true},
			{Name: "Aisha Patel", Qualified: true},
		},
		LegalStatus: []LegalStatus{{Status: "interim care order", From: NewDate(2026, 5, 1)}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("record\n%+v\nwant\n%+v", got, want)
	}
	if doc.Kind != KindCase {
		t.Errorf("Kind = %q", doc.Kind)
	}
	checkProblems(t, doc.Source, doc.Problems, []string{"15:1 unknown key bogus in [[people]] of case record"})

	// A visit: everything that decoded stays set beside the keys that failed.
	doc, _ = Parse("v.md", []byte(rec(`type = "visit"`, `date = 2026-01-19`, `by = 3`, `child_seen = true`,
		`present = ["Jamie", 4, "Sam"]`, `escalated = 2026-02-30`, `access_refused = true`)))
	v := doc.Record.(*Visit)
	if v.Doc != doc || v.Date != (DateTime{Date: NewDate(2026, 1, 19)}) || v.By != "" || !v.ChildSeen || !v.AccessRefused ||
		!reflect.DeepEqual(v.Present, []string{"Jamie", "", "Sam"}) {
		t.Errorf("visit = %+v", v)
	}
	checkProblems(t, doc.Source, doc.Problems, []string{"4:6 by: expected a string", "6:21 present, item 2", "7:13 impossible date 2026-02-30"})

	// An unknown type leaves no record.
	doc, _ = Parse("x.md", []byte(rec(`type = "minutes"`, `date = 2026-01-01`)))
	if doc.Record != nil || doc.Kind != "" {
		t.Errorf("Record, Kind = %v, %q; want nil, \"\"", doc.Record, doc.Kind)
	}
	// A syntax error on the type line leaves no record either.
	doc, _ = Parse("x.md", []byte(rec(`type = "plan`, `started = 2026-01-01`, `lead_worker = "A"`)))
	if doc.Record != nil {
		t.Errorf("Record = %v; want nil", doc.Record)
	}
	checkProblems(t, doc.Source, doc.Problems, []string{"2:13 the frontmatter is not valid TOML: strings cannot contain newlines"})
}

func TestSuggest(t *testing.T) {
	names := []string{"date", "by", "seen_alone", "child_seen", "lead_worker"}
	for word, want := range map[string]string{
		"seen_alon":   "seen_alone",
		"Seen_Alone":  "seen_alone",
		"lead-worker": "lead_worker",
		"dte":         "date",
		"bye":         "by",
		"xyz":         "",
		"x":           "",
		"weather":     "",
		"childseen":   "child_seen",
	} {
		if got := Suggest(word, names); got != want {
			t.Errorf("Suggest(%q) = %q; want %q", word, got, want)
		}
	}
}

// TestQualifiedFalseWritten: qualified = false written is told apart from
// the flag left out.
func TestQualifiedFalseWritten(t *testing.T) {
	src := "+++\ntype = \"case\"\nid = \"X\"\n\n[child]\nname = \"Leo\"\nfirst_language = \"English\"\n\n" +
		"[[people]]\nname = \"Jade Holt\"\nrole = \"social worker\"\nqualified = false\n\n" +
		"[[people]]\nname = \"Kit Moss\"\nrole = \"social worker\"\n\n" +
		"[[people]]\nname = \"Amy Frost\"\nrole = \"social worker\"\nqualified = true\n+++\n"
	doc, _ := Parse("case.md", []byte(src))
	r, ok := doc.Record.(*CaseRecord)
	if !ok {
		t.Fatalf("not a case record: %v", doc.Problems)
	}
	var got []bool
	for _, p := range r.People {
		got = append(got, p.QualifiedFalse)
	}
	if want := []bool{true, false, false}; !slices.Equal(got, want) {
		t.Errorf("QualifiedFalse = %v, want %v", got, want)
	}
}
