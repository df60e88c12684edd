package schema

import (
	"fmt"
	"strings"
	"testing"
)

// frontFor is frontmatter put before every test body, so that ParseBody is
// called with a start offset > 0 and the offsets are seen to be absolute.
func frontFor(k Kind, nl string) string {
	return strings.ReplaceAll("+++\ntype = \""+string(k)+"\"\n+++\n", "\n", nl)
}

// parseBody parses body as the body of a record of kind k after frontmatter.
func parseBody(k Kind, body string) (*Source, *Body) {
	front := frontFor(k, "\n")
	src := NewSource("case/x.md", []byte(front+body))
	return src, ParseBody(src, k, len(front))
}

// lc is the "line:col" of offset off.
func lc(src *Source, off int) string {
	p := src.Position(off)
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

func TestParseBodySectionNames(t *testing.T) {
	tests := []struct {
		kind Kind
		body string
		want []string // "name=heading"
	}{
		{KindPlan, "## Concerns\nx\n## Risks\n## Concerns and risks:\n## CONCERNS AND  RISKS\n",
			[]string{"concerns=Concerns", "concerns=Risks", "concerns=Concerns and risks:", "concerns=CONCERNS AND RISKS"}},
		{KindPlan, "## outcomes\n##   Actions  \n## Developmental needs\n## Needs and services\n",
			[]string{"outcomes=outcomes", "actions=Actions", "needs=Developmental needs", "needs=Needs and services"}},
		{KindPlan, "## Contact arrangements\n## Monitoring:\n## review\n## Contingency plan\n## Contingency ##\n",
			[]string{"contact=Contact arrangements", "contact=Monitoring:", "review=review", "contingency=Contingency plan", "contingency=Contingency"}},
		{KindPlan, "## **Outcomes**\n## Background\n## Observations\n",
			[]string{"outcomes=Outcomes", "=Background", "=Observations"}},
		{KindPlan, "Outcomes\n--------\n\nContingency\n===\n", // setext: level 2, then level 1 (read as the section, as the wrong level)
			[]string{"outcomes=Outcomes", "contingency=Contingency"}},
		{KindVisit, "## Observations\n## Wishes and feelings\n## Meals and sleeping\n## Presentation and behavior\n## Presentation and Behaviour\n## Incidents and injuries\n## Outcomes\n",
			[]string{"observations=Observations", "wishes=Wishes and feelings", "meals=Meals and sleeping", "presentation=Presentation and behavior",
				"presentation=Presentation and Behaviour", "incidents=Incidents and injuries", "=Outcomes"}},
		{KindVisit, "## Home conditions\n## The child’s wishes and feelings\n## Voice of the child\n## Meals & sleeping arrangements\n## Presentation & Behaviour\n## Any new incidents or injuries\n## Injuries\n## Sleeping\n",
			[]string{"observations=Home conditions", "wishes=The child’s wishes and feelings", "wishes=Voice of the child", "meals=Meals & sleeping arrangements",
				"presentation=Presentation & Behaviour", "incidents=Any new incidents or injuries", "=Injuries", "=Sleeping"}},
		{KindCoreGroup, "## Progress against outcomes\n## Written views of absent members\n## decisions:\n",
			[]string{"progress=Progress against outcomes", "absent-views=Written views of absent members", "decisions=decisions:"}},
		{KindVisit, "## 1. Observations\n## 2) Wishes and feelings\n## Section 3 - Meals and sleeping\n## Part 4: Presentation and behaviour\n## 5.Incidents and injuries\n## 6. Anything else\n",
			[]string{"observations=1. Observations", "wishes=2) Wishes and feelings", "meals=Section 3 - Meals and sleeping",
				"presentation=Part 4: Presentation and behaviour", "incidents=5.Incidents and injuries", "=6. Anything else"}}, // numbered as a template numbers them
		{KindCoreGroup, "## 1. Progress against outcomes\n## 2. Decisions\n", []string{"progress=1. Progress against outcomes", "decisions=2. Decisions"}},
		{KindPlan, "## 1. Concerns\n", []string{"concerns=1. Concerns"}}, // a plan's: a near miss (Suggest), read as the section
		{KindCase, "## Background\nFree narrative.\n", []string{"=Background"}},
		{KindPlan, "# Plan\n### Outcomes\n> ## Actions\n- ## Review\n", []string{"outcomes=Outcomes"}}, // top-level headings; ### read as the wrong level
		{KindPlan, "## Outcomes\n### Outcomes\n**Review**\n\n**Contingency:**\n\n**Concerns** about dad\n\n# Actions taken\n", []string{"outcomes=Outcomes", "review=Review", "contingency=Contingency:"}},
		{KindVisit, "# Observations\n**Wishes and feelings**\n", []string{"observations=Observations", "wishes=Wishes and feelings"}}, // another level, a bold line
		{KindVisit, "**Observations:** Home tidy.\n\n**Wishes & feelings** - Jamie said \"fine\".\n\nMore.\n\n**Incidents and injuries:**\n\n## Meals and sleeping\nToast.\n\n**Meals and sleeping:** again\n\n**Mum** said no.\n",
			[]string{"observations=Observations", "wishes=Wishes & feelings", "incidents=Incidents and injuries", "meals=Meals and sleeping"}},
		{KindPlan, "", nil},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			_, b := parseBody(tt.kind, tt.body)
			var got []string
			for _, s := range b.Sections {
				got = append(got, s.Name+"="+s.Heading)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sections\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseBodySectionRanges(t *testing.T) {
	body := "Intro text.\n\n" + // line 4
		"## Concerns\n" + // line 6
		"Jamie was left alone.\n\n" +
		"### Detail\n" +
		"More detail.\n" +
		"## Outcomes\n" + // line 11
		"# Appendix\n" + // line 12
		"Not in a section.\n" +
		"## Review <!-- want: x -->\n" + // line 14
		"Monthly."
	src, b := parseBody(KindPlan, body)
	if len(b.Sections) != 3 {
		t.Fatalf("got %d sections, want 3", len(b.Sections))
	}
	type rng struct{ heading, start, end, content string }
	want := []rng{
		{"6:1", "7:1", "11:1", "Jamie was left alone. Detail More detail."},
		{"11:1", "12:1", "12:1", ""},
		{"14:1", "15:1", "15:9", "Monthly."},
	}
	for i, s := range b.Sections {
		got := rng{lc(src, s.HeadingOffset), lc(src, s.Start), lc(src, s.End), s.Content()}
		if got != want[i] {
			t.Errorf("section %d (%s): got %+v, want %+v", i, s.Name, got, want[i])
		}
	}
	if s := b.Sections[2]; s.Heading != "Review" || s.End != len(src.Data) {
		t.Errorf("review: heading %q end %d, want Review and %d", s.Heading, s.End, len(src.Data))
	}
	if b.Section("outcomes") == nil || !b.Section("outcomes").Placeholder() {
		t.Errorf("empty outcomes section should be a placeholder")
	}
	// The setext heading's content starts after its underline.
	src, b = parseBody(KindPlan, "Review\n------\nMonthly.\n")
	if len(b.Sections) != 1 || lc(src, b.Sections[0].Start) != "6:1" || lc(src, b.Sections[0].HeadingOffset) != "4:1" {
		t.Errorf("setext heading: got %+v", b.Sections)
	}
}

func TestParseBodyPlaceholders(t *testing.T) {
	tests := []struct {
		content string
		want    bool
	}{
		{"TBC", true},
		{"tbc.", true},
		{"**TBC**", true},
		{"N/A", true},
		{"n/a.", true},
		{"NA", true},
		{"None.", true},
		{"-", true},
		{"—", true},
		{"?", true},
		{"To follow", true},
		{"To be confirmed.", true},
		{"TBD!", true},
		{"(TBA)", true},
		{"", true},
		{"\n\n", true},
		{"<!-- caselint:ignore missing-section reason -->", true},
		{"<!-- want: missing-section -->\n", true},
		{"TBC <!-- want: missing-section -->", true},
		{"- TBC", true},                 // a list of one placeholder
		{"| x |\n|---|\n| TBC |", true}, // a header row is the template's: its cells are TBC
		{"| x |\n|---|\n| TBC |\n| Jamie stays with his grandmother |", false},
		{"### Who will act\n", true},
		{"### Who will act\nRob Jones", false},
		{"TBC - awaiting the school's reply", false},
		{"Jamie will stay with his grandmother.", false},
		{"None of the above", false},
		{"`TBC`", true},
	}
	for _, tt := range tests {
		t.Run(tt.content, func(t *testing.T) {
			_, b := parseBody(KindPlan, "## Contingency plan\n"+tt.content+"\n## Review\nMonthly.\n")
			s := b.Section("contingency")
			if s == nil {
				t.Fatal("no contingency section")
			}
			if s.Placeholder() != tt.want {
				t.Errorf("Placeholder = %v, want %v (content %q)", s.Placeholder(), tt.want, s.Content())
			}
			if strings.Contains(s.Content(), "<!--") {
				t.Errorf("content keeps a comment: %q", s.Content())
			}
		})
	}
}

func TestWordListHas(t *testing.T) {
	words := append(DefaultPlaceholders(), "Awaiting information")
	tests := []struct {
		text  string
		words []string
		want  bool
	}{
		{"awaiting information.", words, true},
		{"awaiting information.", DefaultPlaceholders(), false},
		{"  ", nil, true},
		{"...", nil, true},
		{"TBC", nil, false},
		{"TBC", DefaultPlaceholders(), true},
		{"To  be\tconfirmed", DefaultPlaceholders(), true},
		// A placeholder, words saying it stands for now, then another.
		{"None agreed yet - to be agreed at the first core group.", append(DefaultPlaceholders(), "none agreed"), true},
		{"TBC at present - to be discussed at the next core group", DefaultPlaceholders(), true},
		{"None agreed yet - Nan will care for Jamie if Sam drinks.", append(DefaultPlaceholders(), "none agreed"), false},
	}
	for _, tt := range tests {
		if got := NewWordList(tt.words).Has(tt.text); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	// A placeholder for now, or deferred, is a placeholder; going on to
	// say something is not.
	for text, want := range map[string]bool{
		"None at present.": true, "N/A at this time": true, "none currently": true, "TBC as yet": true,
		"None yet": true, "None for the time being": true,
		"None at present, Nan will care for Jamie": false, "None presently known": false,
		"To be agreed at the first core group currently": true, "none at presents": false,
	} {
		if got := defaultPlaceholderList.Has(text); got != want {
			t.Errorf("Has(%q) = %v, want %v", text, got, want)
		}
	}
	d := DefaultPlaceholders()
	d[0] = "changed"
	if DefaultPlaceholders()[0] == "changed" {
		t.Error("DefaultPlaceholders shares its slice")
	}
}

func TestParseBodyOutcomes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // "ID|Text|line:col"
	}{
		{"colon and bold", "## Outcomes\n\n1. O1: Jamie attends school every day\n2. **O2** Sam engages with the tenancy worker\n3. **o3:** Home is warm\n",
			[]string{"O1|Jamie attends school every day|6:1", "O2|Sam engages with the tenancy worker|7:1", "O3|Home is warm|8:1"}},
		{"bullets and separators", "## Outcomes\nIntro paragraph.\n\n- O1 - Safe at home\n  over the weekend\n* another bullet, another list: read too\n",
			[]string{"O1|Safe at home over the weekend|7:1", "|another bullet, another list: read too|9:1"}},
		{"a second list after a paragraph", "## Outcomes\n\n1. O1: Ella has breakfast.\n\nAdded by the core group on 12 November 2026:\n\n2. O2: Gina takes up the parenting course.\n",
			[]string{"O1|Ella has breakfast.|6:1", "O2|Gina takes up the parenting course.|10:1"}},
		{"lists under sub-headings, numbered again", "## Outcomes\n### For Ella\n1. Ella has breakfast.\n2. Ella is on time.\n   - a nested list is part of the item\n### For Gina\n1. Gina takes up the course.\n",
			[]string{"O1|Ella has breakfast.|6:1", "O2|Ella is on time. a nested list is part of the item|7:1", "O3|Gina takes up the course.|10:1"}},
		{"numbered on after a note", "## Outcomes\n1. One\n2. Two\n\nA note.\n\n3. Three\n\n7) Seven\n",
			[]string{"O1|One|5:1", "O2|Two|6:1", "O3|Three|10:1", "O7|Seven|12:1"}},
		{"ids in one list, numbers in the next", "## Outcomes\n- O1: One\n- O4: Four\n\n1. Five\n",
			[]string{"O1|One|5:1", "O4|Four|6:1", "O5|Five|8:1"}},
		{"bullet changed partway", "## Outcomes\n- O1: One\n* O2: Two\n+ O3: Three\n",
			[]string{"O1|One|5:1", "O2|Two|6:1", "O3|Three|7:1"}},
		{"lettered across lists", "## Outcomes\n- a. One\n\nLater:\n\n- b. Two\n",
			[]string{"a|One|5:1", "b|Two|9:1"}},
		{"dot, dash, no id, O-word", "## outcomes\n  - O10. Ten\n  - o4 – Four\n  - Outcome without id\n  - O2x is not an id\n  - O5\n",
			[]string{"O10|Ten|5:1", "O4|Four|6:1", "|Outcome without id|7:1", "|O2x is not an id|8:1", "O5||9:1"}},
		{"comment dropped", "## Outcomes\n- **O1:** Fed daily <!-- want: vague-outcome -->\n",
			[]string{"O1|Fed daily|5:1"}},
		{"lines of a paragraph, no list", "## Outcomes\nO1: a paragraph\n", []string{"O1|a paragraph|5:1"}},
		{"table rows after a blank line", "## Outcomes\n| ID | Outcome |\n|---|---|\n| O1 | Ella has breakfast |\n\n| O2 | Gina takes up the course |\n| 3 | Numbered |\n| Note | not an outcome |\n",
			[]string{"O1|Ella has breakfast|7:1", "O2|Gina takes up the course|9:1", "O3|Numbered|10:1"}},
		{"list in another section", "## Concerns\n- O1: x\n## Outcomes\nTBC\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, b := parseBody(KindPlan, tt.body)
			var got []string
			for _, o := range b.Outcomes {
				got = append(got, o.ID+"|"+o.Text+"|"+lc(src, o.Offset))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outcomes\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	// Only plans have outcomes.
	if _, b := parseBody(KindVisit, "## Outcomes\n- O1: x\n"); b.Outcomes != nil {
		t.Errorf("visit has outcomes %v", b.Outcomes)
	}
}

// actionRow renders an action as "ID|action@pos|owner@pos|due@pos|outcome@pos".
func actionRow(src *Source, a Action) string {
	c := func(c Cell) string { return c.Text + "@" + lc(src, c.Offset) }
	return lc(src, a.Offset) + " " + a.ID + "|" + c(a.Action) + "|" + c(a.Owner) + "|" + c(a.Due) + "|" + c(a.Outcome)
}

func TestParseBodyActions(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		columns string
		rows    []string
	}{
		{"by name, other order",
			"## Actions\n\n| Owner | Due | Action | Outcome(s) | ID |\n|---|---|---|---|---|\n| Sam Doe | 2026-02-01 | Find a tenancy worker | O1, O2 | A1 |\n",
			"owner,due,action,outcome,id",
			[]string{"8:1 A1|Find a tenancy worker@8:26|Sam Doe@8:3|2026-02-01@8:13|O1, O2@8:50"}},
		{"aliases and no id",
			"## Actions\n| # | Task | Who | By when | Notes |\n|:-|:-:|-:|-|-|\n| 1 | Visit | Aisha Patel | weekly | x |\n",
			"id,action,owner,due,",
			[]string{"7:1 1|Visit@7:7|Aisha Patel@7:15|weekly@7:29|@7:1"}},
		{"missing columns",
			"## Actions\n| Action | Comment |\n|---|---|\n| Do it | y |\n",
			"action,",
			[]string{"7:1 |Do it@7:3|@7:1|@7:1|@7:1"}},
		{"no pipes at the ends",
			"## Actions\nAction | Owner | Due | Outcome\n--- | --- | --- | ---\n`Refer` to CAMHS | Dr Kim Green (GP) | 2026-03-01 | O3\n",
			"action,owner,due,outcome",
			[]string{"7:1 |Refer to CAMHS@7:2|Dr Kim Green (GP)@7:20|2026-03-01@7:40|O3@7:53"}},
		{"trailing ignore cell, empty cell, short row, escaped pipe",
			"## Actions\n| ID | Action | Owner | Due | Outcome |\n|---|---|---|---|---|\n" +
				"| A3 | Find a tenancy worker | TBC | 2026-02-01 | O2 | <!-- caselint:ignore unnamed-action-owner Owner agreed at next core group -->\n" +
				"| A4 | Call \\| write |  | monthly | O1 <!-- want: x --> |\n" +
				"| A5 | Short |\n",
			"id,action,owner,due,outcome",
			[]string{
				"7:1 A3|Find a tenancy worker@7:8|TBC@7:32|2026-02-01@7:38|O2@7:51",
				"8:1 A4|Call | write@8:8|@8:25|monthly@8:27|O1@8:37", // an empty cell: its closing "|"
				"9:1 A5|Short@9:8|@9:1|@9:1|@9:1",
			}},
		{"rows after a blank line are the table's",
			"## Actions\n| ID | Action | Owner | Due | Outcome |\n|---|---|---|---|---|\n| A1 | Walk Ella | Gina Shaw | daily | O1 |\n\n" +
				"| A3 | See Ella **alone** at home | TBC | ongoing | O1 | <!-- want: x \"a | b\" -->\n" +
				"  |A4|Call \\| write||monthly|O1\n" +
				"Note: A5 is below.\n" +
				"| A5 | Short |\n\n" +
				"<!-- a comment between -->\n\n" +
				"| A6 | Refer | Kim Hart | 2026-12-01 | O1 |\n\n" +
				"Not a row | nor this\n",
			"id,action,owner,due,outcome",
			[]string{
				"7:1 A1|Walk Ella@7:8|Gina Shaw@7:20|daily@7:32|O1@7:40",
				"9:1 A3|See Ella alone at home@9:8|TBC@9:37|ongoing@9:43|O1@9:53",
				"10:1 A4|Call | write@10:7|@10:21|monthly@10:22|O1@10:30", // an empty cell: its closing "|"
				"12:1 A5|Short@12:8|@12:1|@12:1|@12:1",
				"16:1 A6|Refer@16:8|Kim Hart@16:16|2026-12-01@16:27|O1@16:40",
			}},
		{"every table of the section, none of another",
			"## Concerns\n| Action |\n|---|\n| no |\n## Actions\nText first.\n\n| Action |\n|---|\n| yes |\n\n| Action |\n|---|\n| later |\n",
			"action",
			[]string{"13:1 |yes@13:3|@13:1|@13:1|@13:1", "17:1 |later@17:3|@17:1|@17:1|@17:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, b := parseBody(KindPlan, tt.body)
			if b.Actions == nil {
				t.Fatal("no action table")
			}
			if got := strings.Join(b.Actions.Columns, ","); got != tt.columns {
				t.Errorf("columns %q, want %q", got, tt.columns)
			}
			var got []string
			for _, a := range b.Actions.Rows {
				got = append(got, actionRow(src, a))
			}
			if strings.Join(got, "\n") != strings.Join(tt.rows, "\n") {
				t.Errorf("rows\n got %q\nwant %q", got, tt.rows)
			}
		})
	}
	for _, body := range []string{"## Actions\nTBC\n", "## Outcomes\n| Action |\n|---|\n| x |\n", ""} {
		if _, b := parseBody(KindPlan, body); b.Actions != nil {
			t.Errorf("%q: unexpected action table %+v", body, b.Actions)
		}
	}
	if _, b := parseBody(KindPlan, "## Actions\n| ID | Owner |\n|---|---|\n"); b.Actions == nil || len(b.Actions.Rows) != 0 ||
		!b.Actions.HasColumn("owner") || b.Actions.HasColumn("due") {
		t.Errorf("header-only table: %+v", b.Actions)
	}
}

func TestParseBodyCRLFAndBOM(t *testing.T) {
	body := "## Actions\r\n" + // line 4
		"\r\n" +
		"| ID | Action | Owner | Due | Outcome |\r\n" + // line 6
		"|---|---|---|---|---|\r\n" +
		"| A1 | Zapewnić łóżko 🛏️ | Sam Doe | 2026-02-01 | O1 |\r\n" + // line 8
		"\r\n" +
		"## Contingency\r\n" + // line 10
		"\tJamie is 😀 safe; if café closes,\r\n" + // indented: a code block, not prose
		"Ola była zaniepokojona: Jamie\tseemed\r\n" + // line 12
		"   *very* disturbed.\r\n"
	for _, bom := range []bool{false, true} {
		t.Run(fmt.Sprint("bom=", bom), func(t *testing.T) {
			data := frontFor(KindPlan, "\r\n") + body
			if bom {
				data = "\uFEFF" + data
			}
			src := NewSource("plan.md", []byte(data))
			b := ParseBody(src, KindPlan, strings.Index(data, "## Actions"))
			if b.Actions == nil || len(b.Actions.Rows) != 1 {
				t.Fatalf("actions: %+v", b.Actions)
			}
			if got, want := actionRow(src, b.Actions.Rows[0]), "8:1 A1|Zapewnić łóżko 🛏️@8:8|Sam Doe@8:28|2026-02-01@8:38|O1@8:51"; got != want {
				t.Errorf("row\n got %s\nwant %s", got, want)
			}
			if got := lc(src, b.Actions.Offset); got != "6:1" {
				t.Errorf("table at %s, want 6:1", got)
			}
			s := b.Section("contingency")
			if s == nil || lc(src, s.HeadingOffset) != "10:1" || lc(src, s.Start) != "11:1" || s.End != len(data) {
				t.Fatalf("contingency section: %+v", s)
			}
			// Find "disturbed" through the text runs.
			found := ""
			for _, r := range b.Text() {
				if i := strings.Index(r.Text, "disturbed"); i >= 0 {
					if r.Section != "contingency" {
						t.Errorf("run %q in section %q", r.Text, r.Section)
					}
					found = lc(src, r.Offset+i)
				}
				if string(src.Data[r.Offset:r.Offset+len(r.Text)]) != r.Text {
					t.Errorf("run %q is not the source at %d", r.Text, r.Offset)
				}
			}
			if found != "13:11" {
				t.Errorf("disturbed at %q, want 13:11", found)
			}
			for _, w := range []struct{ word, at string }{{"zaniepokojona", "12:10"}, {"seemed", "12:31"}, {"łóżko", "8:17"}} {
				if got := findWord(src, b, w.word); got != w.at {
					t.Errorf("%s at %q, want %s", w.word, got, w.at)
				}
			}
		})
	}
}

// findWord returns the "line:col" of the first occurrence of word in the
// body's text runs.
func findWord(src *Source, b *Body, word string) string {
	for _, r := range b.Text() {
		if i := strings.Index(r.Text, word); i >= 0 {
			return lc(src, r.Offset+i)
		}
	}
	return ""
}

func TestParseBodyTextRuns(t *testing.T) {
	body := "Prelude line.\n" + // line 4
		"## Presentation and behaviour\n" + // line 5
		"Jamie was **quiet** and\n" + // line 6
		"  seemed disturbed <!-- want: judgemental-language -->\n" + // line 7
		"by the visit. Call `Sam`.\n" + // line 8
		"\n" +
		"| a | b |\n|---|---|\n| café | x |\n" + // table row: line 12
		"## Incidents and injuries\n" +
		"None.\n"
	src, b := parseBody(KindVisit, body)
	var got []string
	for _, r := range b.Text() {
		got = append(got, fmt.Sprintf("%s@%s:%q", r.Section, lc(src, r.Offset), r.Text))
	}
	want := []string{
		`@4:1:"Prelude line."`,
		`presentation@6:1:"Jamie was "`,
		`presentation@6:13:"quiet"`,
		`presentation@6:20:" and\n  seemed disturbed "`,
		`presentation@8:1:"by the visit. Call "`,
		`presentation@8:21:"Sam"`,
		`presentation@8:25:"."`,
		`presentation@10:3:"a"`,
		`presentation@10:7:"b"`,
		`presentation@12:3:"café"`,
		`presentation@12:10:"x"`,
		`incidents@14:1:"None."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("runs\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if got := findWord(src, b, "disturbed"); got != "7:10" {
		t.Errorf("disturbed at %s, want 7:10", got)
	}
	s := b.Section("incidents")
	if s == nil || !s.Placeholder() || strings.TrimSpace(s.Content()) != "None." {
		t.Errorf("incidents: %+v", s)
	}
}

func TestParseBodyLoneCR(t *testing.T) {
	data := "+++\rtype = \"plan\"\r+++\r## Outcomes\r- O1: Safe\r- O2: Fed\r\r## Review\rMonthly\r"
	src := NewSource("plan.md", []byte(data))
	b := ParseBody(src, KindPlan, strings.Index(data, "## "))
	if len(b.Sections) != 2 || len(b.Outcomes) != 2 {
		t.Fatalf("sections %+v outcomes %+v", b.Sections, b.Outcomes)
	}
	if got := lc(src, b.Outcomes[1].Offset); got != "6:1" {
		t.Errorf("O2 at %s, want 6:1", got)
	}
	if got := findWord(src, b, "Monthly"); got != "9:1" {
		t.Errorf("Monthly at %s, want 9:1", got)
	}
	if string(src.Data) != data {
		t.Error("ParseBody changed the source")
	}
}

func TestParseBodyEdges(t *testing.T) {
	// A BOM at offset 0 (no frontmatter) is not text.
	src := NewSource("x.md", []byte("\uFEFF## Review\nMonthly\n"))
	b := ParseBody(src, KindPlan, 0)
	if len(b.Sections) != 1 || b.Sections[0].Name != "review" || lc(src, b.Sections[0].HeadingOffset) != "1:1" {
		t.Errorf("BOM: %+v", b.Sections)
	}
	// Out-of-range starts and nil sources do not panic.
	for _, start := range []int{-5, 0, len(src.Data), len(src.Data) + 10} {
		_ = ParseBody(src, KindPlan, start)
	}
	if b := ParseBody(nil, KindPlan, 0); b == nil {
		t.Error("nil source: nil body")
	}
}

func TestSectionNames(t *testing.T) {
	for _, k := range []Kind{KindPlan, KindVisit, KindCoreGroup} {
		defs := SectionNames(k)
		if len(defs) == 0 {
			t.Fatalf("%s: no sections", k)
		}
		for _, d := range defs {
			if d.Name == "" || d.Title == "" || len(d.Headings) == 0 || d.Headings[0] != d.Title {
				t.Errorf("%s: bad def %+v", k, d)
			}
			for _, h := range d.Headings {
				if got := CanonicalSection(k, " "+strings.ToUpper(h)+": "); got != d.Name {
					t.Errorf("%s: %q is %q, want %q", k, h, got, d.Name)
				}
			}
		}
		defs[0].Headings[0] = "changed"
		if SectionNames(k)[0].Headings[0] == "changed" {
			t.Errorf("%s: SectionNames shares its data", k)
		}
	}
	if SectionNames(KindCase) != nil {
		t.Error("case has named sections")
	}
}

// fuzzSeeds are bodies for FuzzParseBody, besides the test inputs above.
var fuzzSeeds = []string{
	"## Outcomes\n1. **O1** x\n",
	"## Actions\n| a | b |\n|---|---|\n| c | d | e | f |\n",
	"## Actions\r\n| ID | Owner |\r\n|-|-|\r\n| 1 | <!-- x --> |\r\n",
	strings.Repeat("- ", 200) + "x\n",
	strings.Repeat(">", 300) + " ## Outcomes\n",
	"## Review\r\rTBC\r",
	"<!--\n## Outcomes\n",
	"```\n## Outcomes\n",
	"## \n##\n###### x\n",
	"\uFEFF\t## é\n\tx",
	"## Actions\n|" + strings.Repeat(" a |", 300) + "\n|" + strings.Repeat("-|", 300) + "\n",
	"a\\\nb  \nc &amp; &#x1F600; `d\ne`\n",
	"\xff\xfe## Outcomes\n- O1\xc3",
}

func FuzzParseBody(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(0))
	}
	f.Add(samplePlan, uint8(1))
	f.Fuzz(func(t *testing.T, body string, k uint8) {
		kind := Kinds[int(k)%len(Kinds)]
		front := frontFor(kind, "\n")
		data := []byte(front + body)
		orig := string(data)
		src := NewSource("x.md", data)
		start := len(front)
		if len(body) > 0 && body[0]&1 == 1 {
			start = 1 // a start in the middle of a line
		}
		b := ParseBody(src, kind, start)
		if string(src.Data) != orig {
			t.Fatal("source changed")
		}
		in := func(what string, off int) {
			if off < start || off > len(data) {
				t.Fatalf("%s offset %d outside [%d, %d]", what, off, start, len(data))
			}
		}
		for _, s := range b.Sections {
			in("heading", s.HeadingOffset)
			in("start", s.Start)
			in("end", s.End)
			if s.Start > s.End || s.HeadingOffset > s.Start {
				t.Fatalf("section %+v: bad range", s)
			}
		}
		for _, o := range b.Outcomes {
			in("outcome", o.Offset)
		}
		if a := b.Actions; a != nil {
			in("table", a.Offset)
			for _, r := range a.Rows {
				in("row", r.Offset)
				for _, c := range []Cell{r.Action, r.Owner, r.Due, r.Outcome} {
					in("cell", c.Offset)
				}
			}
		}
		for _, r := range b.Text() {
			in("run", r.Offset)
			in("run end", r.Offset+len(r.Text))
		}
	})
}

func BenchmarkParseBody(b *testing.B) {
	front := frontFor(KindPlan, "\n")
	data := []byte(front + samplePlan)
	src := NewSource("plan.md", data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ParseBody(src, KindPlan, len(front))
	}
}

func TestParseBodySamplePlan(t *testing.T) {
	_, b := parseBody(KindPlan, samplePlan)
	var names []string
	for _, s := range b.Sections {
		names = append(names, s.Name)
		if s.Placeholder() {
			t.Errorf("section %s is a placeholder", s.Name)
		}
	}
	if got := strings.Join(names, ","); got != "concerns,outcomes,actions,needs,contact,review,contingency" {
		t.Errorf("sections %s", got)
	}
	if len(b.Outcomes) != 5 || b.Outcomes[4].ID != "O5" {
		t.Errorf("outcomes %+v", b.Outcomes)
	}
	if b.Actions == nil || len(b.Actions.Rows) != 14 || b.Actions.Rows[13].ID != "A14" || b.Actions.Rows[2].Owner.Text != "TBC" {
		t.Errorf("actions %+v", b.Actions)
	}
}

// samplePlan is the body of a realistic plan, about 150 lines.
var samplePlan = `
# Child Protection Plan: Jamie

This plan was agreed at the initial child protection conference on 12 January
2026 and will be reviewed at the review conference on 10 April 2026.

## Concerns and risks

Jamie (10) lives with his mother, Sam Doe, and her partner in a privately
rented two-bedroom flat. The conference agreed that Jamie is likely to suffer
significant harm through **neglect**:

- the home has been without heating for long periods this winter, and Jamie
  has been seen in school in the same clothes for several days running;
- food in the home is often insufficient; Jamie has told school staff he
  "has cereal for tea" most days;
- Jamie's school attendance this term is 71%, and he is frequently late;
- Sam's own health has been poor and she has missed several appointments with
  her GP, Dr Kim Green;
- there have been two reports of loud arguments at the flat late at night
  (police attended on 3 January; no further action).

Jamie has autism and needs a predictable routine. Changes of plan upset him
and he finds it hard to say when he is hungry or cold.

### What is going well

Sam loves Jamie and wants to work with the plan. Jamie is attached to his
grandmother, Ola, who lives nearby and has offered to help after school.

## Outcomes

1. **O1** Jamie attends school every day, on time, in clean clothes suitable
   for the weather.
2. **O2** Jamie has three meals a day, including a hot meal in the evening.
3. **O3:** The flat is warm, with working heating and hot water, and Jamie has
   his own bed with clean bedding.
4. O4: Sam attends her health appointments and is supported with her mood.
5. O5 - Jamie's routine is predictable, and he knows who will collect him from
   school each day.

## Actions

| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Visit Jamie at home and see him alone | Aisha Patel | every 2 weeks | O1, O2, O3 |
| A2 | Refer the family to the tenancy support service | Aisha Patel | 2026-01-26 | O3 |
| A3 | Find a tenancy worker to liaise with the landlord about the heating | TBC | 2026-02-01 | O3 | <!-- caselint:ignore unnamed-action-owner Owner agreed at next core group -->
| A4 | Monitor attendance and punctuality; tell the lead worker of any absence | Lee Morgan | weekly | O1 |
| A5 | Provide breakfast club place | Lee Morgan | 2026-01-19 | O1, O2 |
| A6 | Review Sam's health and mood; refer to talking therapies if she agrees | Dr Kim Green | 2026-02-15 | O4 |
| A7 | Apply for a uniform grant and winter coat | Aisha Patel | 2026-01-30 | O1 |
| A8 | Food bank referral and budgeting support | Aisha Patel | 2026-01-22 | O2 |
| A9 | Agree a written after-school routine with Sam and Ola | Sam Doe | 2026-02-05 | O5 |
| A10 | Visual timetable for Jamie at home and at school | Lee Morgan | 2026-02-12 | O5 |
| A11 | Attend GP appointments; tell the lead worker if one is missed | Sam Doe | monthly | O4 |
| A12 | Check Jamie has his own bed and bedding at each visit | Aisha Patel | fortnightly | O3 |
| A13 | Share police call-outs to the address with the lead worker | Lee Morgan | weekly | O1 |
| A14 | Core group meeting | Aisha Patel | monthly | O1, O2, O3, O4, O5 |

## Developmental needs

Jamie has a diagnosis of autism (2022). He has an Education, Health and Care
Plan; his next annual review is due in March. He needs:

- a predictable routine at home and at school, with warning of changes;
- support to say when he is hungry, cold or worried (school uses a
  feelings chart, which the family will use at home too);
- a settled place to sleep: he currently shares a room with boxes of the
  family's belongings and his bed has no mattress protector;
- help with personal care in the mornings.

Services required: the school's SENCO, the CAMHS neurodevelopmental team
(already involved), tenancy support and the food bank.

## Contact arrangements

- Aisha Patel visits at home **every two weeks**, sees Jamie alone each time
  and sees his bedroom at least every other visit.
- Visits are a mix of announced and unannounced, at different times of day,
  including at least one after 5pm each month.
- Lee Morgan (school) sees Jamie daily in term time and will tell the lead
  worker the same day if he is absent, late, hungry or unkempt.
- Dr Kim Green will see Sam monthly.
- Jamie may see his grandmother Ola whenever he wishes; Ola is happy to be
  contacted by the lead worker.

If Jamie cannot be seen alone, the reason is recorded and the visit is
repeated within five working days.

## Review

The core group will meet monthly, first on 22 January 2026, and review
progress against each outcome. The review child protection conference is on
10 April 2026; reports are due five working days before.

The team manager, Rob Jones, will review the plan in supervision with the
lead worker every month.

## Contingency plan

If the heating is not restored by 15 February, or Jamie is seen cold or
hungry again, the lead worker will:

1. discuss with the team manager the same day;
2. arrange for Jamie to stay with his grandmother Ola, if Sam agrees, while
   repairs are made;
3. convene an early core group meeting;
4. consider whether the threshold for legal planning is met.

If Sam withdraws her agreement, or the police are called to the address
again, a strategy discussion will be held under section 47 of the Children
Act 1989.

<!-- caselint:ignore vague-contingency Contingency agreed at conference -->
Out of hours, the Emergency Duty Team has a copy of this plan.
`

// TestVisitLabelledSections pins what a visit section written as a bold
// label holds: the text after the label, to the next section.
func TestVisitLabelledSections(t *testing.T) {
	_, b := parseBody(KindVisit, "**Observations:** Home tidy.\n\nFridge full.\n\n**Wishes and feelings** \u2013 Jamie said \"fine\".\n\n**Incidents and injuries:**\n\n**Meals and sleeping:** TBC\n")
	for name, want := range map[string]string{
		"observations": "Home tidy. Fridge full.",
		"wishes":       "Jamie said \"fine\".",
		"incidents":    "",
		"meals":        "TBC",
	} {
		s := b.Section(name)
		if s == nil {
			t.Errorf("no %s section", name)
			continue
		}
		if s.Content() != want || s.Placeholder() != (want == "" || want == "TBC") {
			t.Errorf("%s: Content %q (placeholder %v), want %q", name, s.Content(), s.Placeholder(), want)
		}
	}
}

// TestPlanLabelledSections pins a plan's section written as a bold label
// opening its paragraph: read as the section, without the label, with the
// "##" heading to write (Suggest); never when a "##" heading is that
// section, and a bold line alone is still pseudoHeading's (content after
// it).
func TestPlanLabelledSections(t *testing.T) {
	_, b := parseBody(KindPlan, "## Concerns\nHungry.\n\n## Review\nMonthly.\n\n**Review:** again\n\n**Contingency plan:** If Ella is hungry, a strategy discussion.\n\nSame day.\n\n**Developmental needs**\n\nMeals.\n\n**Outcomes** for Ella are below.\n\n**Contact arrangements** \u2013 TBC\n")
	var got []string
	for _, s := range b.Sections {
		got = append(got, fmt.Sprintf("%s=%s|%s|%d|%s", s.Name, s.Heading, s.Suggest, s.Level, s.Content()))
	}
	want := []string{
		"concerns=Concerns||2|Hungry.",
		"review=Review||2|Monthly. Review: again", // a "## Review" is there: the label is text
		"contingency=Contingency plan|Contingency plan|0|If Ella is hungry, a strategy discussion. Same day.",
		"needs=Developmental needs|Developmental needs|0|Meals. Outcomes for Ella are below.", // a bold word opening prose is not a label
		"contact=Contact arrangements|Contact arrangements|0|TBC",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections\n got %q\nwant %q", got, want)
	}
	if s := b.Section("contact"); s == nil || !s.Placeholder() {
		t.Errorf("a labelled placeholder is not a placeholder: %+v", s)
	}
}

// TestParseBodyTextInNearSection checks that the prose under a heading read
// as the section it is close to is in that section, though Body.Text is
// read after the sections are named, and that the prose before every
// heading is in none.
func TestParseBodyTextInNearSection(t *testing.T) {
	_, b := parseBody(KindPlan, "Intro words.\n\n## Contingency Plans\n\nMove to *Gran's* house.\n\n## Review\n\nMonthly.\n")
	var got []string
	for _, r := range b.Text() {
		got = append(got, r.Section+":"+r.Text)
	}
	if want := []string{":Intro words.", "contingency:Move to ", "contingency:Gran's", "contingency: house.", "review:Monthly."}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("runs %q, want %q", got, want)
	}
	if s := b.Section("contingency"); s == nil || s.Suggest != "Contingency plan" || s.Content() != "Move to Gran's house." {
		t.Errorf("contingency section: %+v", s)
	}
	if b2 := (*Body)(nil); b2.Text() != nil {
		t.Errorf("a nil body has text")
	}
}

func TestIsSectionPlaceholder(t *testing.T) {
	words := defaultPlaceholderList
	for _, tt := range []struct {
		heading, content string
		want             bool
	}{
		{"Contingency plan", "Contingency plan to be agreed at the first core group.", true},
		{"Contingency plan", "The contingency plan is TBC", true},
		{"Contingency plan", "Contingency plan: to follow", true},
		{"Contingency plan", "contingency plan - N/A at present", true},
		{"Contingency", "Contingency plan to be agreed at core group", true},
		{"Contingency plan (what happens if the plan is not working)", "Contingency plan TBC", true},
		{"Wishes and feelings", "Leo's wishes and feelings: TBC", true},
		{"Wishes and feelings", "Leo’s wishes and feelings: TBC", true},
		{"Contingency plan", "Contingency plan", true},
		{"Contingency plan", "Contingency plan to be agreed at core group whether Pat Doe can care for Jamie", false},
		{"Contingency plan", "Contingency plan: if Sam drinks, Jamie goes to Pat Doe", false},
		{"Contingency plan", "Contingency arrangements TBC", false},
		{"Outcomes", "Contingency plan TBC", false},
		{"Contingency plan", "Plan TBC, Jamie to Nan if Sam is arrested", false},
		{"", "TBC", true},
		{"", "Jamie goes to Nan", false},
		// The heading denied says there is none.
		{"Contingency plan", "No contingency plan.", true},
		{"Contingency plan", "No contingency plan agreed at this time.", true},
		{"Contingency", "There is currently no contingency plan in place", true},
		{"Contingency plan", "There's no contingency plan yet", true},
		{"Contingency plan", "No contingency plan - TBC", true},
		{"Contingency plan", "No contingency plan is needed while Pat lives in; if Pat leaves, a core group meets", false},
		{"Contingency plan", "No contact with Dean; if Dean calls, Sam rings 999", false},
		{"Review", "No review date set yet", false},
		// ... and then deferred.
		{"Contingency plan", "No contingency plan in place at present; to be discussed at the core group.", true},
		{"Contingency plan", "No contingency plan agreed yet - to be agreed at the first core group", true},
		{"Contingency plan", "No contingency plan because Pat lives in; to be discussed at core group", false},
		{"Contingency plan", "No contingency plan in place at present; Jamie goes to Pat Doe if Sam drinks", false},
	} {
		if got := IsSectionPlaceholder(tt.heading, tt.content, words); got != tt.want {
			t.Errorf("IsSectionPlaceholder(%q, %q) = %v, want %v", tt.heading, tt.content, got, tt.want)
		}
	}
}

func TestWithoutForNow(t *testing.T) {
	for text, want := range map[string]string{
		"None at present.":      "None",
		"Nil currently":         "Nil",
		"N/A at this time":      "N/A",
		"None":                  "None",
		"At present":            "At present",
		"Leo is well currently": "Leo is well",
		"None at presents":      "None at presents",
		"":                      "",
	} {
		if got := WithoutForNow(text); got != want {
			t.Errorf("WithoutForNow(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestVisitPlainLabels(t *testing.T) {
	for body, want := range map[string]map[string]string{
		"Observations: Home tidy.\n\nWishes and feelings: Jamie said \"fine\".\n\nIncidents and injuries: None.\n": {
			"observations": "Home tidy.", "wishes": "Jamie said \"fine\".", "incidents": "None."},
		"Wishes and feelings:\nJamie said he misses his dad.\n\nMeals and sleeping:\nTBC\n": {
			"wishes": "Jamie said he misses his dad.", "meals": "TBC"},
		// Not a label: words before the colon that are no accepted heading.
		"Mum said: Jamie is fine.\n": {"wishes": "-"},
		// A "##" heading of the section is the section; a later plain label is text.
		"## Wishes and feelings\nJamie said hello.\n\nWishes and feelings: again.\n": {"wishes": "Jamie said hello. Wishes and feelings: again."},
	} {
		_, b := parseBody(KindVisit, body)
		for name, w := range want {
			s := b.Section(name)
			if w == "-" {
				if s != nil {
					t.Errorf("%q: a %s section, want none", body, name)
				}
				continue
			}
			if s == nil {
				t.Errorf("%q: no %s section", body, name)
				continue
			}
			if s.Content() != w {
				t.Errorf("%q: %s Content %q, want %q", body, name, s.Content(), w)
			}
		}
	}
}

func TestPlanHeadingSectionContingencyQuestion(t *testing.T) {
	for h, want := range map[string]string{
		"What will happen if things do not improve":          "contingency",
		"If the plan is not working":                         "contingency",
		"What happens if the plan does not keep Zara safe":   "contingency",
		"What if things get worse?":                          "contingency",
		"What we will do if Mum drinks again or breaches":    "contingency",
		"If circumstances change":                            "contingency",
		"What would happen if the plan isn't working":        "contingency",
		"If you do not agree with this plan":                 "",
		"If you are not happy with the plan: complaints":     "",
		"What needs to happen":                               "",
		"If Zara goes to Nan's":                              "",
		"Contingency plan":                                   "contingency",
		"Review":                                             "review",
		"What will happen if things do not improve (plan B)": "contingency",
	} {
		if got := PlanHeadingSection(h); got != want {
			t.Errorf("PlanHeadingSection(%q) = %q, want %q", h, got, want)
		}
	}
	// Only a "##" heading: a "###" question inside Actions stays there.
	b := ParseBody(NewSource("plan.md", []byte("## Actions\n\n- A1: Walk Jamie to school. Owner: Sam Doe. Due: daily. Outcome: O1\n\n### What if Sam does not engage\n\n- A2: Call a core group. Owner: Aisha Patel. Due: within 5 working days. Outcome: O1\n")), KindPlan, 0)
	if b.Section("contingency") != nil {
		t.Errorf("a ### question opened a contingency section")
	}
	// A plain "Contingency:" label opens the contingency plan; other plain
	// labels of a plan do not open their section.
	b = ParseBody(NewSource("plan.md", []byte("## Review\n\nMonthly at core group.\n\nContingency: if Sam drinks, Jamie goes to Pat.\n\nOutcomes: see above.\n")), KindPlan, 0)
	s := b.Section("contingency")
	if s == nil || s.Suggest == "" || !strings.HasPrefix(s.Content(), "if Sam drinks") {
		t.Fatalf("contingency label: %+v", s)
	}
	if b.Section("outcomes") != nil {
		t.Errorf("a plain Outcomes label opened the section")
	}
}
