package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers shared by the plan-content rules.

// planDoc returns the case's plan and its document, or nils when the case
// has no plan that could be read.
func planDoc(pass *lint.Pass) (*schema.Plan, *schema.Document) {
	plan := pass.Case.Plan
	if plan == nil || plan.Doc == nil {
		return nil, nil
	}
	return plan, plan.Doc
}

// planBody returns the plan's parsed body, or nil.
func planBody(pass *lint.Pass) *schema.Body {
	if _, doc := planDoc(pass); doc != nil {
		return doc.Body
	}
	return nil
}

// planHasKey reports whether the key path is written in doc's frontmatter.
func planHasKey(doc *schema.Document, path ...string) bool {
	return doc != nil && doc.Keys.Has(path...)
}

// planSectionEmpty reports whether a section's text is empty or only a
// placeholder, by the parser's list or the profile's.
func planSectionEmpty(pass *lint.Pass, s *schema.Section) bool {
	return s.Placeholder() || sectionPlaceholder(pass, s)
}

// sectionPlaceholder reports whether a section's text is empty or only a
// placeholder by the profile's words (Profile.SectionPlaceholder).
func sectionPlaceholder(pass *lint.Pass, s *schema.Section) bool {
	return pass.Profile.SectionPlaceholder(s)
}

// planSectionNoAnswer reports whether a plan section gives none of what
// the procedure asks it for: it is empty or a placeholder
// (planSectionEmpty), or says only that it was not done or is written
// elsewhere ("Not discussed", "See above", "As per conference minutes":
// Profile.SectionNoAnswer). C06 §01 asks the plan itself to "Outline a
// Contingency Plan" and set out the rest; a pointer outlines nothing.
func planSectionNoAnswer(pass *lint.Pass, s *schema.Section) bool {
	return planSectionEmpty(pass, s) || pass.Profile.SectionNoAnswer(s)
}

// planSectionWritten reports whether the plan has a section of canonical name
// name with real content (one that is not empty, a placeholder, or only a
// pointer elsewhere: planSectionNoAnswer).
func planSectionWritten(pass *lint.Pass, body *schema.Body, name string) bool {
	if body == nil {
		return false
	}
	// An Actions section whose tables hold no action (a header row, or
	// a template's blank rows) has none written.
	if name == "actions" && body.Actions != nil && !body.Actions.List && len(body.Actions.Rows) == 0 {
		return false
	}
	for _, s := range body.Sections {
		if s.Name == name && !planSectionNoAnswer(pass, s) {
			return true
		}
	}
	return false
}

// planOutcomeOrder returns the ids of the plan's outcomes, upper case, in
// plan order.
func planOutcomeOrder(body *schema.Body) []string {
	var out []string
	if body == nil {
		return out
	}
	for _, o := range body.Outcomes {
		if o.ID != "" {
			out = append(out, strings.ToUpper(o.ID))
		}
	}
	return out
}

// planOutcomeIDs returns the ids of the plan's outcomes, upper case.
func planOutcomeIDs(body *schema.Body) map[string]bool {
	ids := map[string]bool{}
	if body == nil {
		return ids
	}
	for _, o := range body.Outcomes {
		if o.ID != "" {
			ids[strings.ToUpper(o.ID)] = true
		}
	}
	return ids
}

// namesEveryOutcome reports whether an action's Outcome cell names every
// outcome by a word ("All", "All outcomes", "each") and no outcome by its
// id.
func namesEveryOutcome(cell string) bool {
	every := false
	for _, f := range strings.FieldsFunc(strings.ToLower(cell), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case f == "all" || f == "every" || f == "each":
			every = true
		case strings.ContainsAny(f, "0123456789"):
			return false
		}
	}
	return every
}

// actionOutcomeRefs splits an action's Outcome cell into the ids it names, upper
// case: "O1, O2", "o1 o3", "O1; O2", "O1 and O2", "Outcome 2" (O2), a range
// "O1-O3" or "1 to 3", and "All" (every outcome of the plan, all in plan
// order). Joining words are dropped; when the cell names at least one id,
// words after it that are not ids ("Outcome 1 - safe at home") are its
// description and dropped too; otherwise anything else is kept as written
// (upper-cased) so that it can be reported.
//
// When the plan's outcomes are lettered or numbered in roman ("a.", "(ii)"),
// a letter or roman numeral names one ("(a)", "b", "a and c"; "a-c" and
// "a to c" name the outcomes listed between them), upper case like the
// others: "A", "II".
func actionOutcomeRefs(cell string, all []string) []string {
	var marks map[string]int // the plan's lettered ids, by place in all
	for i, id := range all {
		if isOutcomeMarkID(id) {
			if marks == nil {
				marks = map[string]int{}
			}
			marks[id] = i
		}
	}
	isMark := func(f string) bool {
		return len(marks) > 0 && isOutcomeMarkID(strings.ToUpper(f)) && (len(f) == 1 || isRomanNumeral(f))
	}
	var toks []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	}) {
		f = strings.Trim(f, ".:()[]*_")
		// "O1-O3", "1–3": a range in one token.
		if a, b, ok := cutDash(f); ok && (outcomeNumber(a) > 0 && outcomeNumber(b) > 0 || isMark(strings.Trim(a, "()")) && isMark(strings.Trim(b, "()"))) {
			toks = append(toks, strings.Trim(a, "()"), "-", strings.Trim(b, "()"))
			continue
		}
		if f != "" {
			toks = append(toks, f)
		}
	}
	var out, words []string
	ids := 0
	for i := 0; i < len(toks); i++ {
		f := toks[i]
		switch strings.ToLower(f) {
		case "and", "outcome", "outcomes", "of", "the", "them":
			continue
		case "all", "every", "each":
			out = append(out, all...)
			ids++
			continue
		}
		if isMark(f) {
			ids++
			from, ok := marks[strings.ToUpper(f)]
			// A range: "a - c", "a to c".
			if i+2 < len(toks) && ok && (toks[i+1] == "-" || toks[i+1] == "–" || toks[i+1] == "—" || strings.EqualFold(toks[i+1], "to")) {
				if to, ok := marks[strings.ToUpper(toks[i+2])]; ok && to > from {
					out = append(out, all[from:to+1]...)
					i += 2
					continue
				}
			}
			out = append(out, strings.ToUpper(f))
			continue
		}
		n := outcomeNumber(f)
		if n == 0 {
			if strings.ContainsAny(f, "0123456789") {
				out = append(out, strings.ToUpper(f)) // "O7x": a mistyped id, reported
				ids++
				continue
			}
			words = append(words, strings.ToUpper(f))
			continue
		}
		ids++
		// A range: "O1 - O3", "1 to 3".
		if i+2 < len(toks) && (toks[i+1] == "-" || toks[i+1] == "–" || toks[i+1] == "—" || strings.EqualFold(toks[i+1], "to")) {
			if m := outcomeNumber(toks[i+2]); m > n && m-n < 50 {
				for k := n; k <= m; k++ {
					out = append(out, "O"+strconv.Itoa(k))
				}
				i += 2
				continue
			}
		}
		out = append(out, "O"+strconv.Itoa(n))
	}
	if ids == 0 {
		return words
	}
	return out
}

// isOutcomeMarkID reports whether an outcome id (upper case) was taken
// from a letter or a roman numeral ("A", "IV"), not an O-number.
func isOutcomeMarkID(id string) bool {
	return id != "" && outcomeNumber(id) == 0 && strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// isRomanNumeral reports whether f is a roman numeral (any case) from i
// to xxxix.
func isRomanNumeral(f string) bool {
	f = strings.ToLower(f)
	t := strings.TrimLeft(f, "x")
	if f == "" || len(f)-len(t) > 3 {
		return false
	}
	switch t {
	case "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix":
		return true
	}
	return false
}

// outcomeName names an outcome id in a message as the plan writes it:
// "O3", or "(a)" for a lettered one.
func outcomeName(id string) string {
	if isOutcomeMarkID(strings.ToUpper(id)) {
		return "(" + strings.ToLower(id) + ")"
	}
	return id
}

// outcomeNames names outcome ids in a message: "O3, O4", "(c)".
func outcomeNames(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, outcomeName(id))
	}
	return strings.Join(out, ", ")
}

// outcomeNumber is the number of an outcome id ("O3", "o3", "3"), or 0.
func outcomeNumber(f string) int {
	if len(f) > 1 && (f[0] == 'O' || f[0] == 'o') {
		f = f[1:]
	}
	if f == "" || strings.Trim(f, "0123456789") != "" || len(f) > 3 {
		return 0
	}
	n, _ := strconv.Atoi(f)
	return n
}

// cutDash splits "O1-O3" or "1–3" at its dash.
func cutDash(f string) (a, b string, ok bool) {
	for _, d := range []string{"-", "–", "—"} {
		if a, b, ok := strings.Cut(f, d); ok {
			return a, b, true
		}
	}
	return "", "", false
}

// planActionLabel names an action for a message: `action A1`, or the start of
// its text when it has no id.
func planActionLabel(a schema.Action) string {
	if id := strings.TrimSpace(a.ID); id != "" {
		return "action " + id
	}
	t := strings.TrimSpace(a.Action.Text)
	if t == "" {
		return "an action"
	}
	if r := []rune(t); len(r) > 40 {
		t = strings.TrimSpace(string(r[:40])) + "…"
	}
	return fmt.Sprintf("the action %q", t)
}

// planHeadingList formats a section's accepted headings for a message:
// `"## Developmental needs" (or "## Needs and services")`.
func planHeadingList(d schema.SectionDef) string {
	s := fmt.Sprintf("%q", "## "+d.Title)
	var alt []string
	for _, h := range d.Headings {
		if !strings.EqualFold(h, d.Title) {
			alt = append(alt, fmt.Sprintf("%q", "## "+h))
		}
	}
	if len(alt) > 0 {
		s += " (or " + strings.Join(alt, ", ") + ")"
	}
	return s
}

// pathInCase returns the path of doc relative to the case folder, as
// cessation.conference and people write it.
func pathInCase(pass *lint.Pass, doc *schema.Document) string {
	if doc == nil || doc.Source == nil {
		return ""
	}
	p := doc.Source.Path
	if dir := pass.Case.Dir; dir != "" && dir != "." {
		p = strings.TrimPrefix(p, dir+"/")
	}
	return p
}

// conferenceKindName names a conference of kind kind: "the initial conference",
// "the review conference".
func conferenceKindName(kind string) string {
	switch kind {
	case schema.ConferenceInitial:
		return "the initial conference"
	case schema.ConferenceTransfer:
		return "the transfer conference"
	case schema.ConferenceReview:
		return "the review conference"
	}
	return "the conference"
}
