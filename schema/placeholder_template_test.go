package schema

import (
	"strings"
	"testing"
)

// TestHasTemplatePrompts: a template's blanks and prompts, and a
// placeholder deferred to someone, are placeholders; text that only
// opens like them is not.
func TestHasTemplatePrompts(t *testing.T) {
	words := NewWordList(DefaultPlaceholders())
	for _, text := range []string{
		"T.B.C.", "t.b.c", "T.B.A.", "N.A.", "XXX", "xxxx", "XXXXXXX.",
		"TBC by SW", "TBC by Amy Cole", "TBC by the team manager", "T.B.C. by SW at CG",
		"TBC by Amy Cole at the next core group", "to be agreed by SW",
		"[Write the contingency plan here]", "[Details]", "<contingency plan>", "< to be written >",
		"**[Insert details]**", "Insert contingency plan here", "Enter details", "Enter details.",
		"Please complete this section", "Write here", "Fill in the details", "Set out the plan below",
	} {
		if !words.Has(text) {
			t.Errorf("Has(%q) = false, want true", text)
		}
	}
	for _, text := range []string{
		"N.F.A.", "Complete a strategy discussion the same day", "Complete", "Enter",
		"Add Ella to the breakfast club", "Record any missed meals and tell Amy Cole",
		"TBC by SW when Gina Shaw moves house next month", "Tom Reid convenes a strategy discussion",
		"[TBC] by [date] Tom Reid", "Strategy discussion [Tom Reid]", "x", "Xavier",
		"If Ella is hungry, Tom Reid convenes a strategy discussion", "Add contingency plan",
		"Give me any food", "Complete review",
		"Contingency: if Ella is hungry twice in a week, then Tom Reid calls a strategy discussion",
	} {
		if words.Has(text) {
			t.Errorf("Has(%q) = true, want false", text)
		}
	}
}

// TestSectionPromptByHeading: an instruction to write the section by its
// heading is a placeholder of that section only.
func TestSectionPromptByHeading(t *testing.T) {
	words := NewWordList(DefaultPlaceholders())
	for _, c := range []struct {
		heading, content string
		want             bool
	}{
		{"Contingency plan", "Add contingency plan", true},
		{"Contingency plan", "Please insert the contingency plan.", true},
		{"Contingency plan", "Insert contingency plan TBC", true},
		{"Concerns", "Enter concerns", true},
		{"Concerns", "Add contingency plan", false},
		{"Contingency plan", "Add contingency plan: Tom Reid convenes a strategy discussion", false},
		{"Review", "Complete review", true},
		{"Decisions", "Complete review", false},
	} {
		if got := IsSectionPlaceholder(c.heading, c.content, words); got != c.want {
			t.Errorf("IsSectionPlaceholder(%q, %q) = %v, want %v", c.heading, c.content, got, c.want)
		}
	}
}

// TestFoldPlaceholder: dots between single letters are dropped and a word
// of x's is "xxx", for placeholder matching only.
func TestFoldPlaceholder(t *testing.T) {
	for in, want := range map[string]string{
		"t.b.c": "tbc", "n.a": "na", "n.f.a": "nfa", "e.g. tbc": "eg tbc", "t.b.c. by sw": "tbc by sw", "a. tbc": "a. tbc", "xxxx": "xxx", "xx": "xx",
		"xxx by sw": "xxx by sw", "xxxy": "xxxy", "axxx": "axxx", "mr.smith": "mr.smith",
		"1.2": "1.2", "tbc.": "tbc.", "a.bc": "a.bc", "ab.c": "ab.c", "xxxxx.xxxx": "xxx.xxx",
	} {
		if got := string(foldPlaceholder([]byte(in))); got != want {
			t.Errorf("foldPlaceholder(%q) = %q, want %q", in, got, want)
		}
		if got, _ := appendNormASCII(nil, in); string(got) != normPlaceholder(in) {
			t.Errorf("appendNormASCII(%q) = %q, normPlaceholder %q", in, got, normPlaceholder(in))
		}
	}
}

// TestSectionWrittenPlaceholder: a section's sub-headings and its tables'
// header rows are not what it has written; blank or placeholder cells
// are not either; one real row, or real text under a sub-heading, is.
func TestSectionWrittenPlaceholder(t *testing.T) {
	table := "| If this happens | What will happen | Who will do it |\n|---|---|---|\n"
	for body, want := range map[string]bool{
		"## Contingency plan\n" + table + "| | | |\n":                                                                  true,
		"## Contingency plan\n" + table:                                                                                true,
		"## Contingency plan\n" + table + "| TBC | TBC | TBC |\n| - | n/a | |\n":                                       true,
		"## Contingency plan\nTBC\n\n" + table + "| TBC | TBC | TBC |\n":                                               true,
		"## Contingency plan\n### If Ella is not safe at home\n\n### Who will act\n":                                   true,
		"## Contingency plan\n### If Ella is not safe at home\nTBC\n### Who will act\nSW\n":                            false,
		"## Contingency plan\n### If Ella is not safe at home\nTBC\n### Who will act\n- \n":                            true,
		"## Contingency plan\n" + table + "| | | |\n| Ella hungry twice | Strategy discussion | Tom Reid |\n| | | |\n": false,
		"## Contingency plan\n" + table + "| Ella hungry twice | TBC | TBC |\n":                                        false,
		"## Contingency plan\n### If Ella is not safe\nTom Reid convenes a strategy discussion.\n":                     false,
		"## Contingency plan\n" + table + "| | | |\nIf Ella is hungry, Tom Reid acts.\n":                               false,
		"## Contingency plan\n" + table + "| " + strings.Repeat("-", 400) + " TBC | | |\n":                             true,
		"## Contingency plan\n" + table + "| " + strings.Repeat("-", 400) + " Tom Reid | | |\n":                        false,
		"## Contingency plan\n" + table + "| " + strings.Repeat("Tom Reid acts. ", 30) + " | | |\n":                    false,
		"## Contingency plan\n- | a | b |\n  |---|---|\n  | Tom | Reid |\n":                                            false,
	} {
		_, b := parseBody(KindPlan, body)
		s := b.Sections[0]
		if got := s.PlaceholderIn(defaultPlaceholderList); got != want {
			prose, cells := s.Written()
			t.Errorf("%q: PlaceholderIn = %v, want %v (prose %q, cells %q)", body, got, want, prose, cells)
		}
		checkFresh(t, "written", KindPlan, []byte(body))
	}
}

// TestPlaceholderInAllocatesNothingOnLongSections: a long ordinary
// section (of many lines: a line is read whole), and an actions table,
// are told not to be placeholders from their first bytes without
// allocating.
func TestPlaceholderInAllocatesNothingOnLongSections(t *testing.T) {
	words := NewWordList(DefaultPlaceholders())
	for _, body := range []string{
		"## Observations\n" + strings.Repeat("Mia showed me her room.\n", 200),
		"## Actions\n| ID | Action | Owner | Due | Outcome |\n|---|---|---|---|---|\n" +
			strings.Repeat("| A1 | Walk Ella to school with breakfast eaten every single day | Gina Shaw | daily | O1 |\n", 20),
		"## Contingency plan\n### If Ella is not safe\n" + strings.Repeat("Tom Reid convenes a strategy discussion.\n", 20),
		"## Contingency plan\n| If | What | Who |\n|---|---|---|\n| Ella arrives at school hungry twice in a single week | a strategy discussion | Tom Reid |\n",
	} {
		_, b := parseBody(KindPlan, body)
		s := b.Sections[0]
		allocs := testing.AllocsPerRun(20, func() {
			s.text.longOver.Store(0) // nothing kept from the last run
			if s.isPlaceholder(words) {
				t.Fatalf("%.40q...: a placeholder", body)
			}
		})
		if allocs != 0 {
			t.Errorf("%.40q...: %v allocations", body, allocs)
		}
	}
}
