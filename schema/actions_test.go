package schema

import (
	"fmt"
	"strings"
	"testing"
)

// actionsOf formats the plan's actions: "line:ID|action|owner@line|due@line|outcome@line".
func actionsOf(src *Source, b *Body) []string {
	if b.Actions == nil {
		return nil
	}
	var out []string
	line := func(off int) int { return src.Position(off).Line }
	for _, a := range b.Actions.Rows {
		out = append(out, fmt.Sprintf("%d:%s|%s|%s@%d|%s@%d|%s@%d", line(a.Offset), a.ID, a.Action.Text,
			a.Owner.Text, line(a.Owner.Line), a.Due.Text, line(a.Due.Line), a.Outcome.Text, line(a.Outcome.Line)))
	}
	return out
}

func TestParseBodyActionList(t *testing.T) {
	// The frontmatter takes lines 1-3; "## Actions" is line 4.
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"inline", "## Actions\n- A3 (O2): Find a tenancy worker. Owner: Sam Doe. Due: 2026-02-01.\n- A4: Register with a dentist. Who: Dr. Kim Green. By: 31 July 2026. Outcomes: O1, O3 <!-- want: x -->\n",
			[]string{"5:A3|Find a tenancy worker|Sam Doe@5|2026-02-01@5|O2@5", "6:A4|Register with a dentist|Dr. Kim Green@6|31 July 2026@6|O1, O3@6"}},
		{"own lines", "## Actions\n1. **A1** Walk Jamie to school\n   **Owner:** Sam Doe\n   **Due:** each school day\n   **Outcome:** O1\n2. A2: Refer to housing\n   Owner: Aisha Patel\n   When: by end of July 2026\n",
			[]string{"5:A1|Walk Jamie to school|Sam Doe@6|each school day@7|O1@8", "9:A2|Refer to housing|Aisha Patel@10|by end of July 2026@11|@9"}},
		{"nested", "## Actions\n- A1: Walk Jamie to school\n  - Owner: Sam Doe\n  - Timescale: daily\n  - Linked to: O1\n- Untitled item with no fields\n",
			[]string{"5:A1|Walk Jamie to school|Sam Doe@6|daily@7|O1@8", "9:|Untitled item with no fields|@9|@9|@9"}},
		{"headings", "## Actions\nThe core group agreed these actions.\n\n### A1: Walk Jamie to school\nOwner: Sam Doe\nDue: daily\n\n### A2 (O2): Fix the heating\n- **Who**: Aisha Patel\n- **When**: 2026-02-01\n",
			[]string{"7:A1|Walk Jamie to school|Sam Doe@8|daily@9|@7", "11:A2|Fix the heating|Aisha Patel@12|2026-02-01@13|O2@11"}},
		{"paragraphs", "## Actions\nA1: Walk Jamie to school. Owner: Sam Doe. Due: daily. Outcome: O1.\n\nA2: Fix the heating. Owner: TBC. Due: ongoing.\n",
			[]string{"5:A1|Walk Jamie to school|Sam Doe@5|daily@5|O1@5", "7:A2|Fix the heating|TBC@7|ongoing@7|@7"}},
		{"capital label in a sentence", "## Actions\n- Find a tenancy worker Owner: Sam Doe Due: weekly (O2)\n",
			[]string{"5:|Find a tenancy worker|Sam Doe@5|weekly@5|O2@5"}},
		{"free prose", "## Actions\nSam will try to get the heating fixed and Aisha will help when she can.\n", nil},
		{"a list without labels", "## Actions\n- Sam to attend a parenting course\n- Aisha to visit\n", nil},
		{"times and links are not labels", "## Actions\n- A1: Meet at 10:30 at https://example.org. Owner: Sam Doe. Due: weekly.\n",
			[]string{"5:A1|Meet at 10:30 at https://example.org|Sam Doe@5|weekly@5|@5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, b := parseBody(KindPlan, tt.body)
			got := actionsOf(src, b)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if b.Actions != nil && !b.Actions.List {
				t.Error("List not set")
			}
		})
	}
}

func TestParseBodyActionNearMisses(t *testing.T) {
	src, b := parseBody(KindPlan, "## Actions\n| Ref | Task | Responsible | Target date | Linked outcome | Progress |\n|---|---|---|---|---|---|\n| A1 | Walk Jamie to school | Sam Doe | daily | O1 | ok |\n")
	got := actionsOf(src, b)
	if want := "7:A1|Walk Jamie to school|Sam Doe@7|daily@7|O1@7"; strings.Join(got, "") != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var near []string
	for _, n := range b.Actions.NearMisses {
		near = append(near, fmt.Sprintf("%d:%s=%s(%s)", src.Position(n.Offset).Line, n.Written, n.Name, n.Suggest))
	}
	if want := "5:Target date=due(Due) 5:Linked outcome=outcome(Outcome)"; strings.Join(near, " ") != want {
		t.Errorf("near misses %q, want %q", near, want)
	}
}

func TestNearSection(t *testing.T) {
	for in, want := range map[string]string{
		"1. Concerns":             "concerns=Concerns",
		"2) Outcomes":             "outcomes=Outcomes",
		"Section 3: Actions":      "actions=Actions",
		"Contingency Plans":       "contingency=Contingency plan",
		"Risk":                    "concerns=Risks",
		"Contingncy plan":         "contingency=Contingency plan",
		"Agreed actions":          "actions=Actions",
		"Review arrangements":     "review=Review",
		"Contingency action plan": "contingency=Contingency plan",
		"Concerns":                "=",
		"Background":              "=",
		"Family history":          "=",
	} {
		n, s := NearSection(KindPlan, in)
		if got := n + "=" + s; got != want {
			t.Errorf("NearSection(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCanonicalSectionWords(t *testing.T) {
	for in, want := range map[string]string{
		"Risks and concerns":                                         "concerns",
		"Contact arrangements (who will see Ruby)":                   "contact",
		"Contingency Plan (what happens if the plan is not working)": "contingency",
		"Review arrangements (see below)":                            "",
		"Concerns & risks":                                           "concerns",
		"Contact arrangements and monitoring":                        "contact",
		"Developmental needs and services":                           "needs",
		"Contingency plan:":                                          "contingency",
		"**Review**":                                                 "review",
		"Monitoring arrangements":                                    "contact",
		"Monitoring and contact arrangements":                        "contact",
		"Review arrangements":                                        "",
		"Risk":                                                       "",
		"Concerns about dad":                                         "",
	} {
		if got := CanonicalSection(KindPlan, in); got != want {
			t.Errorf("CanonicalSection(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseBodyActionsUnderSeveralHeadings(t *testing.T) {
	src, b := parseBody(KindPlan, "## Actions for Sam\n- A1 (O1): Walk Jamie to school (Owner: Sam Doe; Due: every 2/52)\n\n## Actions for professionals\n| Action | Owner | Due | Outcome |\n|---|---|---|---|\n| Fix the heating | Aisha Patel | within 3/12 | O2 |\n")
	_ = src
	var near []string
	for _, s := range b.Sections {
		near = append(near, s.Name+"="+s.Suggest)
	}
	if got := strings.Join(near, " "); got != "actions=Actions actions=Actions" {
		t.Errorf("sections %s", got)
	}
	if b.Actions == nil || len(b.Actions.Rows) != 2 || b.Actions.Rows[0].Due.Text != "within 3/12" || b.Actions.Rows[1].Due.Text != "every 2/52" || b.Actions.Rows[1].Outcome.Text != "O1" {
		t.Errorf("actions %+v", b.Actions)
	}
}

func TestParseBodyOutcomesWithoutList(t *testing.T) {
	src, b := parseBody(KindPlan, "## Outcomes\nThe conference agreed:\n**O1:** Jamie attends school.\nO2 - The flat is warm. <!-- want: x -->\n\n### O3: Sam gets help\n\n| ID | Outcome |\n|---|---|\n| O4 | Jamie sees a dentist |\n")
	var got []string
	for _, o := range b.Outcomes {
		got = append(got, fmt.Sprintf("%d:%s=%s", src.Position(o.Offset).Line, o.ID, o.Text))
	}
	if want := "6:O1=Jamie attends school. 7:O2=The flat is warm. 9:O3=Sam gets help 13:O4=Jamie sees a dentist"; strings.Join(got, " ") != want {
		t.Errorf("outcomes %q, want %q", strings.Join(got, " "), want)
	}
}

func TestActionColumns(t *testing.T) {
	for in, want := range map[string]string{
		"Owner": "owner", "**Who**": "owner", "Action by": "owner", "Lead": "owner", "By whom": "owner",
		"Due:": "due", "Due by": "due", "By when": "due", "Timescale": "due", "By": "due",
		"Outcomes": "outcome", "Linked to": "outcome", "ID": "id", "Task": "action", "What": "action",
		"Target date": "", "Progress": "", "Ref": "id", "Ref no.": "id", "No.": "id",
	} {
		if got := ActionColumn(in); got != want {
			t.Errorf("ActionColumn(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Target date": "due", "Deadline": "due", "Due (date)": "due", "When by": "due",
		"Linked outcome": "outcome", "Outcome no.": "outcome", "Person responsible": "owner",
		"Action owner": "owner", "Action ref.": "", "Reference no": "id", "What": "", "What needs to happen": "action", "Ownr": "owner",
		"Date agreed": "", "Date completed": "", "Date set": "", "Last updated": "",
		"To be completed by": "due", "Target completion date": "due", "Completion date": "due",
		"Agreed outcome": "outcome",
		"Progress":       "", "Comments": "", "RAG": "", "Owner": "",
	} {
		if got, _ := NearActionColumn(in); got != want {
			t.Errorf("NearActionColumn(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalSectionCoreGroup(t *testing.T) {
	for in, want := range map[string]string{
		"Written views of absent members":            "absent-views",
		"Written reports from absent members":        "absent-views",
		"Reports received from absent professionals": "absent-views",
		"Views of those unable to attend":            "absent-views",
		"Contributions from members not attending":   "absent-views",
		"Written contributions":                      "absent-views",
		"Absent members":                             "absent-views",
		"Key decisions":                              "decisions",
		"Decisions taken":                            "decisions",
		"Actions arising":                            "decisions",
		"Action plan":                                "decisions",
		"Summary and decisions":                      "decisions",
		"Progress and decisions":                     "decisions",
		"Agreed":                                     "decisions",
		"Next steps agreed":                          "decisions",
		"Progress update":                            "progress",
		"Progress against outcomes":                  "progress",
		"Apologies":                                  "",
		"Attendance and apologies":                   "",
		"Background":                                 "",
	} {
		if got := CanonicalSection(KindCoreGroup, in); got != want {
			t.Errorf("CanonicalSection(core group, %q) = %q, want %q", in, got, want)
		}
	}
	// A plan's headings are not read by these keywords.
	if got := CanonicalSection(KindPlan, "Key decisions"); got != "" {
		t.Errorf("CanonicalSection(plan, \"Key decisions\") = %q, want \"\"", got)
	}
}

func TestParseBodyNumberedOutcomes(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"## Outcomes\n1. Jamie attends school.\n2. Jamie is fed.\n", "O1 O2"},
		{"## Outcomes\n3. Jamie attends school.\n4. Jamie is fed.\n", "O3 O4"},
		{"## Outcomes\n1. O2: Jamie attends school.\n2. Jamie is fed.\n", "O2 "},
		{"## Outcomes\n- Jamie attends school.\n", ""},
		{"## Outcomes\n- Outcome 1: Jamie attends school.\n- Outcome 2 - Jamie is fed.\n", "O1 O2"},
		{"## Outcomes\n| No. | Outcome |\n|---|---|\n| 1 | Jamie attends school. |\n| 2. | Jamie is fed. |\n", "O1 O2"},
		{"## Outcomes\n| Outcome | Measure |\n|---|---|\n| Jamie attends school | 95% |\n", ""},
	} {
		_, b := parseBody(KindPlan, c.body)
		var ids []string
		for _, o := range b.Outcomes {
			ids = append(ids, o.ID)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("%q: outcome ids %q, want %q", c.body, got, c.want)
		}
	}
}

func TestParseBodyActionsGroupedByOutcome(t *testing.T) {
	src, b := parseBody(KindPlan, "## Actions\n"+
		"- **O1** Ruby has regular meals.\n"+
		"  - Clean the home. Owner: Leanne Shaw. Due: weekly\n"+
		"  - Breakfast club. Owner: TBC. Due: ongoing\n"+
		"- O2: Ruby's health needs are met.\n"+
		"  - Eye clinic. Owner: Leanne Shaw. Due: by 31 July 2026. Outcome: O2, O3\n"+
		"- **A9** Register with a dentist\n"+
		"  **Owner:** Leanne Shaw\n"+
		"  - Due: monthly\n"+
		"  - Outcome: O2\n")
	got := strings.Join(actionsOf(src, b), " ")
	want := "6:|Clean the home|Leanne Shaw@6|weekly@6|O1@6 " +
		"7:|Breakfast club|TBC@7|ongoing@7|O1@7 " +
		"9:|Eye clinic|Leanne Shaw@9|by 31 July 2026@9|O2, O3@9 " +
		"10:A9|Register with a dentist|Leanne Shaw@11|monthly@12|O2@13"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestParseBodyLetteredOutcomes(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		// Lines of a paragraph (no Markdown list is made of letters).
		{"## Outcomes\na. Mia is supervised by an adult at all times at home.\nb. Mia goes to school every day.\n",
			"a=Mia is supervised by an adult at all times at home. b=Mia goes to school every day."},
		{"## Outcomes\nThe conference agreed:\n(a) Mia is safe.\n(b) Mia is fed.\n", "a=Mia is safe. b=Mia is fed."},
		{"## Outcomes\nA) Mia is safe.\nB) Mia is fed.\n", "a=Mia is safe. b=Mia is fed."},
		{"## Outcomes\n(i) Mia is safe.\n(ii) Mia is fed.\n(iv) Mia sleeps.\n", "i=Mia is safe. ii=Mia is fed. iv=Mia sleeps."},
		{"## Outcomes\n(1) Mia is safe.\n(2) Mia is fed.\n", "O1=Mia is safe. O2=Mia is fed."},
		// Items of a bulleted list.
		{"## Outcomes\n- a) Mia is safe.\n- b) Mia is fed.\n", "a=Mia is safe. b=Mia is fed."},
		{"## Outcomes\n- (i) Mia is safe.\n- (ii) Mia is fed.\n", "i=Mia is safe. ii=Mia is fed."},
		// Not marks: prose, initials, "i.e.", a list not starting at a or i.
		{"## Outcomes\nMia is safe at home and goes to school every day.\n", ""},
		{"## Outcomes\nJ. Smith will be kept away from the home.\n", ""},
		{"## Outcomes\ni.e. Mia is safe.\n", ""},
		{"## Outcomes\n- J. Smith is kept away.\n- Mia is fed.\n", "=J. Smith is kept away. =Mia is fed."},
		{"## Outcomes\na.Mia is safe.\n", ""},
		// Rows of a table whose first cell is the mark.
		{"## Outcomes\n| | Outcome |\n|---|---|\n| (a) | Mia is safe. |\n| b. | Mia is fed. |\n", "a=Mia is safe. b=Mia is fed."},
		{"## Outcomes\n| | Outcome |\n|---|---|\n| J | Mia is safe. |\n", ""},
		{"## Outcomes\nab. Mia is safe.\n", ""},
	} {
		_, b := parseBody(KindPlan, c.body)
		var got []string
		for _, o := range b.Outcomes {
			got = append(got, o.ID+"="+o.Text)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: outcomes %q, want %q", c.body, strings.Join(got, " "), c.want)
		}
	}
}

func TestSplitOutcomeMarker(t *testing.T) {
	for in, want := range map[string]string{
		"a. Mia is safe": "a|Mia is safe", "(b) Mia": "b|Mia", "C) Mia": "c|Mia", "(iv) Mia": "iv|Mia",
		"xii. Mia": "xii|Mia", "(12) Mia": "O12|Mia", "3) Mia": "O3|Mia",
		"(a)": "|(a)", "a.": "|a.", "i.e. Mia": "|i.e. Mia", "(ab) Mia": "|(ab) Mia", "ivx. Mia": "|ivx. Mia",
		"(0) Mia": "|(0) Mia", "a: Mia": "|a: Mia", "(a Mia": "|(a Mia", "Mia": "|Mia",
	} {
		id, rest := splitOutcomeMarker(in)
		if got := id + "|" + rest; got != want {
			t.Errorf("splitOutcomeMarker(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseBodyActionTablesUnderOutcomes(t *testing.T) {
	src, b := parseBody(KindPlan, "## Actions\n"+ // line 4
		"### O1: Mia is supervised at home\n"+
		"| Action | Owner | Due |\n"+
		"|---|---|---|\n"+
		"| Arrange a childminder | Kerry Hope | 2026-02-01 |\n"+ // line 8
		"### O2: Mia attends school\n"+
		"| Action | Owner | Due | Outcome |\n"+
		"|---|---|---|---|\n"+
		"| Walk Mia to school | Kerry Hope | daily |  |\n"+ // line 12
		"| Attendance review | Lee Morgan | monthly | O2, O3 |\n\n"+ // a bold line after a table needs a blank line
		"**Outcome 3 - Mia's health**\n\n"+
		"| Action | Owner | Due |\n"+
		"|---|---|---|\n"+
		"| Dentist | Kerry Hope | 2026-03-01 |\n"+ // line 19
		"### Other actions\n"+
		"| Action | Owner | Due |\n"+
		"|---|---|---|\n"+
		"| Review | Aisha Patel | monthly |\n") // line 23
	got := strings.Join(actionsOf(src, b), " ")
	want := "8:|Arrange a childminder|Kerry Hope@8|2026-02-01@8|O1@8 " +
		"12:|Walk Mia to school|Kerry Hope@12|daily@12|O2@12 " +
		"13:|Attendance review|Lee Morgan@13|monthly@13|O2, O3@13 " +
		"19:|Dentist|Kerry Hope@19|2026-03-01@19|O3@19 " +
		"23:|Review|Aisha Patel@23|monthly@23|@23"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if !b.Actions.HasColumn("outcome") {
		t.Errorf("columns %q: the outcome is read from the sub-headings", b.Actions.Columns)
	}
	// Without outcome sub-headings a table with no Outcome column has none.
	if _, b := parseBody(KindPlan, "## Actions\n### For Mia\n| Action | Owner | Due |\n|---|---|---|\n| x | Kerry Hope | daily |\n"); b.Actions.HasColumn("outcome") || b.Actions.Rows[0].Outcome.Text != "" {
		t.Errorf("ungrouped table: %+v", b.Actions)
	}
}

func TestParseBodyActionListUnderOutcomes(t *testing.T) {
	src, b := parseBody(KindPlan, "## Actions\n"+ // line 4
		"### O1: Mia is supervised at home\n"+
		"- Arrange a childminder. Owner: Kerry Hope. Due: 2026-02-01\n"+ // line 6
		"- Check the locks. Owner: Kerry Hope. Due: weekly. Outcome: O3\n"+
		"### O2: Mia attends school\n"+
		"#### A3: Walk Mia to school\n"+ // line 9
		"Owner: Kerry Hope\n"+
		"Due: daily\n"+
		"### Other\n"+
		"- Review. Owner: Aisha Patel. Due: monthly\n") // line 13
	got := strings.Join(actionsOf(src, b), " ")
	want := "6:|Arrange a childminder|Kerry Hope@6|2026-02-01@6|O1@6 " +
		"7:|Check the locks|Kerry Hope@7|weekly@7|O3@7 " +
		"9:A3|Walk Mia to school|Kerry Hope@10|daily@11|O2@9 " +
		"13:|Review|Aisha Patel@13|monthly@13|@13"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestParseBodyStruckOut: a plan updated at a review strikes out what it
// no longer says. An action's cell or field is read without its struck
// text, and an action struck out whole is none of the plan's; outcomes and
// a section's text are read the same way (outcomes keep their struck text,
// as an outcome struck through as achieved keeps its id).
func TestParseBodyStruckOut(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"table", "## Actions\n| ID | Action | Owner | Due | Outcome |\n|---|---|---|---|---|\n" +
			"| A1 | Walk Jamie to school | ~~Sam Doe~~ Pat Doe | ~~weekly~~ daily | O1 |\n" +
			"| A2 | Fix the heating | ~~Aisha Patel~~ | ~~2026-02-01~~ | O2 |\n" +
			"| A3 | ~~Attend the programme~~ | ~~Sam Doe~~ | ~~weekly~~ | O1 |\n" +
			"| A4 | ~~Attend the programme~~ Done | Sam Doe | 2026-02-01 | O1 |\n",
			[]string{"7:A1|Walk Jamie to school|Pat Doe@7|daily@7|O1@7", "8:A2|Fix the heating|@8|@8|O2@8",
				"10:A4|Done|Sam Doe@10|2026-02-01@10|O1@10"}},
		{"list", "## Actions\n- A1 (O1): Walk Jamie. Owner: ~~Sam Doe~~ Pat Doe. Due: ~~weekly~~ daily.\n" +
			"- A2 (O2): Fix the heating. Owner: ~~Aisha Patel~~. Due: 2026-02-01.\n" +
			"- ~~A3 (O1): Attend the programme. Owner: Sam Doe. Due: weekly.~~\n",
			[]string{"5:A1|Walk Jamie|Pat Doe@5|daily@5|O1@5", "6:A2|Fix the heating|@6|2026-02-01@6|O2@6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, b := parseBody(KindPlan, tt.body)
			got := actionsOf(src, b)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	_, b := parseBody(KindPlan, "## Outcomes\n1. O1: Jamie is safe.\n2. ~~O2: Jamie sleeps well.~~ Achieved.\n\n## Contingency plan\n~~If Sam drinks, Jamie goes to Pat Doe.~~\n")
	if len(b.Outcomes) != 2 || b.Outcomes[1].ID != "O2" {
		t.Errorf("outcomes = %+v, want O1 and O2", b.Outcomes)
	}
	if s := b.Section("contingency"); s == nil || !s.Placeholder() || s.Content() != "" {
		t.Errorf("a contingency plan struck out whole: want it empty")
	}
}

// TestParseBodyWhoAndWhen: one column for who and when, in a table with
// neither, is read as both, each cell split into its owner and timescale.
func TestParseBodyWhoAndWhen(t *testing.T) {
	for _, h := range []string{"Who and when", "Who / by when", "By whom and when", "Owner & due date", "Person responsible and timescale"} {
		if !IsOwnerDueHeader(h) {
			t.Errorf("IsOwnerDueHeader(%q) = false", h)
		}
	}
	for _, h := range []string{"Who", "When", "Owner", "Due date", "Action", "Outcome", "Review"} {
		if IsOwnerDueHeader(h) {
			t.Errorf("IsOwnerDueHeader(%q) = true", h)
		}
	}
	body := "## Actions\n| Action | Who and when | Outcome |\n|---|---|---|\n" +
		"| Safety plan | Claire Dunn, by 12/06/2026 | O1 |\n" +
		"| Collect Zara | Parveen Akhtar - daily | O1 |\n" +
		"| ELSA | Joanne Platt weekly | O2 |\n" +
		"| Asthma plan | Gemma Lowe by 3 July 2026 | O4 |\n" +
		"| Walk to school | Weekly - Sam Doe | O1 |\n" +
		"| Sessions | Sam Doe - ongoing | O3 |\n" +
		"| Inhaler | Sam Doe | O4 |\n" +
		"| Heating | TBC | O4 |\n"
	src, b := parseBody(KindPlan, body)
	want := []string{
		"7:|Safety plan|Claire Dunn@7|by 12/06/2026@7|O1@7",
		"8:|Collect Zara|Parveen Akhtar@8|daily@8|O1@8",
		"9:|ELSA|Joanne Platt@9|weekly@9|O2@9",
		"10:|Asthma plan|Gemma Lowe@10|by 3 July 2026@10|O4@10",
		"11:|Walk to school|Sam Doe@11|Weekly@11|O1@11",
		"12:|Sessions|Sam Doe@12|ongoing@12|O3@12",
		"13:|Inhaler|Sam Doe@13|@13|O4@13",
		"14:|Heating|TBC@14|@14|O4@14",
	}
	if got := actionsOf(src, b); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !b.Actions.HasColumn("owner") || !b.Actions.HasColumn("due") || len(b.Actions.NearMisses) != 0 {
		t.Errorf("columns %v, near misses %v: want owner and due, none", b.Actions.Columns, b.Actions.NearMisses)
	}
}

// TestNearActionColumnReview: a "Review" column is read as Due when the
// table has no Due column, as "Review date" is; "Reviewed" is when, not
// by when.
func TestNearActionColumnReview(t *testing.T) {
	for h, want := range map[string]string{"Review": "due", "Review date": "due", "Date for review": "due", "Reviewed": "", "Date reviewed": ""} {
		if got, _ := NearActionColumn(h); got != want {
			t.Errorf("NearActionColumn(%q) = %q, want %q", h, got, want)
		}
	}
	src, b := parseBody(KindPlan, "## Actions\n| ID | Action | Owner | Review | Outcome |\n|---|---|---|---|---|\n| A1 | Walk Jamie to school | Sam Doe | 31/07/2026 | O1 |\n")
	if got, want := strings.Join(actionsOf(src, b), ""), "7:A1|Walk Jamie to school|Sam Doe@7|31/07/2026@7|O1@7"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestParseBodyOutcomesAndActions: in a plan with no actions section, the
// actions of an "Outcomes and actions" section are the plan's; with an
// actions section, only its actions are.
func TestParseBodyOutcomesAndActions(t *testing.T) {
	table := "| ID | Action | Owner | Due | Outcome |\n|---|---|---|---|---|\n| A1 | Walk Jamie to school | TBC | daily | O1 |\n"
	src, b := parseBody(KindPlan, "## Outcomes and actions\n1. O1: Jamie is safe.\n\n"+table)
	if got, want := strings.Join(actionsOf(src, b), ""), "9:A1|Walk Jamie to school|TBC@9|daily@9|O1@9"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(b.Outcomes) != 1 || b.Outcomes[0].ID != "O1" {
		t.Errorf("outcomes %+v, want O1", b.Outcomes)
	}
	_, b = parseBody(KindPlan, "## Outcomes\n1. O1: Jamie is safe.\n\n"+table)
	if b.Actions != nil {
		t.Errorf("a table under ## Outcomes alone: actions %+v, want none", b.Actions)
	}
	_, b = parseBody(KindPlan, "## Outcomes and actions\n1. O1: Jamie is safe.\n\n"+table+"\n## Actions\n- A2 (O1): Cook. Owner: Sam Doe. Due: weekly.\n")
	if b.Actions == nil || len(b.Actions.Rows) != 1 || b.Actions.Rows[0].ID != "A2" {
		t.Errorf("with an Actions section: want its action only")
	}
}
