package checks

import (
	"fmt"
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
	return s.Placeholder || pass.Profile.IsPlaceholder(s.Content)
}

// planSectionWritten reports whether the plan has a section of canonical name
// name with real content (one that is not empty or a placeholder).
func planSectionWritten(pass *lint.Pass, body *schema.Body, name string) bool {
	if body == nil {
		return false
	}
	for _, s := range body.Sections {
		if s.Name == name && !planSectionEmpty(pass, s) {
			return true
		}
	}
	return false
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

// actionOutcomeRefs splits an action's Outcome cell into the ids it names, upper
// case: "O1, O2", "o1 o3", "O1; O2", "O1 and O2", "Outcome 2" (O2).
// Joining words are dropped; anything else is kept as written (upper-cased)
// so that it can be reported.
func actionOutcomeRefs(cell string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	}) {
		f = strings.Trim(f, ".:()[]*_")
		switch strings.ToLower(f) {
		case "", "and", "outcome", "outcomes":
			continue
		}
		if strings.Trim(f, "0123456789") == "" { // "Outcome 2" is O2
			f = "O" + f
		}
		out = append(out, strings.ToUpper(f))
	}
	return out
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
