// Package ruledoc renders a rule's documentation from its metadata: the
// pages in docs/rules/, `caselint explain`, the help in SARIF and the "why"
// and citations of training reports all come from here, so they cannot
// drift apart. Which citations a profile gives is lint.CitationsUnder's
// business; ruledoc renders those it is handed.
package ruledoc

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
)

// Profiles returns the shipped profiles the rule is on in.
func Profiles(r *lint.Rule) []string {
	var out []string
	for _, p := range lint.ShippedProfileNames {
		if r.InProfile(p) {
			out = append(out, p)
		}
	}
	return out
}

// Citations returns the rule's citations, one line each, with their quotes.
func Citations(r *lint.Rule) []string {
	var out []string
	for _, c := range r.Cites {
		s := c.String()
		if c.Quote != "" {
			s += fmt.Sprintf(": %q", c.Quote)
		}
		out = append(out, s)
	}
	return out
}

// Markdown returns the rule's page for docs/rules/ID.md.
func Markdown(r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule's metadata in checks/. Do not edit: run go test ./checks -run TestDocs -update. -->\n\n")
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "%s.\n\n", r.Title)
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Severity | %s |\n", r.Severity)
	fmt.Fprintf(&b, "| Family | %s |\n", r.Family)
	fmt.Fprintf(&b, "| Profiles | %s |\n", strings.Join(Profiles(r), ", "))
	var reads []string
	for _, k := range r.Reads {
		reads = append(reads, string(k))
	}
	if len(reads) > 0 {
		fmt.Fprintf(&b, "| Reads | %s |\n", strings.Join(reads, ", "))
	}
	if len(r.Related) > 0 {
		var links []string
		for _, id := range r.Related {
			links = append(links, fmt.Sprintf("[%s](%s.md)", id, id))
		}
		fmt.Fprintf(&b, "| Related | %s |\n", strings.Join(links, ", "))
	}
	fmt.Fprintf(&b, "| Since | %s |\n\n", r.Since)
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(r.Text))
	if cs := Citations(r); len(cs) > 0 {
		fmt.Fprintf(&b, "## Enforces\n\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "- %s\n", c)
		}
		b.WriteString("\n")
	}
	if len(r.Synonyms) > 0 {
		fmt.Fprintf(&b, "## In plain words\n\nIn an exercise's spot answers, a trainee may name this problem in words instead of its id, as: %s.\n\n", Synonyms(r))
	}
	fmt.Fprintf(&b, "## Example\n\nFires:\n\n```markdown\n%s\n```\n\nQuiet:\n\n```markdown\n%s\n```\n\n", strings.TrimSpace(r.Bad), strings.TrimSpace(r.Good))
	fmt.Fprintf(&b, "## Suppressing\n\nA reviewed exception is suppressed on the line the finding points at, with the reason:\n\n```markdown\n<!-- caselint:ignore %s the reason, in words a reviewer accepts -->\n```\n\nor, in the frontmatter, `# caselint:ignore %s the reason`.\n", r.ID, r.ID)
	return b.String()
}

// Index returns docs/rules/README.md: every rule, by family.
func Index(rules []*lint.Rule) string {
	var b strings.Builder
	b.WriteString("<!-- Generated from the rules' metadata in checks/. Do not edit: run go test ./checks -run TestDocs -update. -->\n\n")
	b.WriteString("# Rules\n\nEvery rule caselint has, by family. `caselint rules` prints the same table and `caselint explain RULE` a rule's page.\n")
	var family lint.Family
	for _, r := range rules {
		if r.Family != family {
			family = r.Family
			fmt.Fprintf(&b, "\n## %s\n\n| rule | severity | profiles | enforces |\n|---|---|---|---|\n", capitalise(string(family)))
		}
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, strings.Join(Profiles(r), ", "), lint.JoinCitations(r.Cites))
	}
	return b.String()
}

// Text returns the rule's help as plain text, for `caselint explain`.
func Text(r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity: %s\nProfiles: %s\n\n", r.Severity, strings.Join(Profiles(r), ", "))
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(r.Text))
	if cs := Citations(r); len(cs) > 0 {
		b.WriteString("\nEnforces:\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "  %s\n", c)
		}
	}
	if len(r.Related) > 0 {
		fmt.Fprintf(&b, "\nRelated: %s\n", strings.Join(r.Related, ", "))
	}
	if len(r.Synonyms) > 0 {
		fmt.Fprintf(&b, "\nIn plain words: %s\n", Synonyms(r))
	}
	fmt.Fprintf(&b, "\nFires:\n%s\n\nQuiet:\n%s\n", indent(r.Bad), indent(r.Good))
	return b.String()
}

// Synonyms returns the rule's plain-English phrases, quoted, for a line of
// text: "child not seen alone", "gap in seeing child alone".
func Synonyms(r *lint.Rule) string {
	q := make([]string, len(r.Synonyms))
	for i, s := range r.Synonyms {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, ", ")
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Summary is the first paragraph of the rule's help (its Text up to the
// first blank line), its lines joined by spaces: SARIF's fullDescription
// and the "Why" of a training report.
func Summary(r *lint.Rule) string { return firstParagraph(r.Text) }

func firstParagraph(text string) string {
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, " ")
}

// Help is a rule's help as plain text and as Markdown, for SARIF: its
// text, the example that fires, the example put right, and the paragraphs
// it enforces (cites: those of the run's profile, as the caller picks them
// with Profile.Citations).
func Help(r *lint.Rule, cites []lint.Citation) (text, markdown string) {
	var t, m strings.Builder
	body := strings.TrimSpace(r.Text)
	t.WriteString(body)
	m.WriteString(body)
	example := func(label, ex string) {
		ex = strings.Trim(ex, "\n")
		if strings.TrimSpace(ex) == "" {
			return
		}
		t.WriteString("\n\n" + label + ":\n\n")
		for i, line := range strings.Split(ex, "\n") {
			if i > 0 {
				t.WriteString("\n")
			}
			if line != "" {
				t.WriteString("    " + line)
			}
		}
		fence := strings.Repeat("`", max(3, longestRun(ex, '`')+1))
		m.WriteString("\n\n" + label + ":\n\n" + fence + "\n" + ex + "\n" + fence)
	}
	example("Bad", r.Bad)
	example("Good", r.Good)
	if line := enforces(cites); line != "" {
		t.WriteString("\n\n" + line)
		m.WriteString("\n\n" + line)
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

// enforces is the "Enforces:" line: each citation with its quote, if any,
// separated by semicolons; "" when the rule cites nothing.
func enforces(cites []lint.Citation) string {
	if len(cites) == 0 {
		return ""
	}
	parts := make([]string, 0, len(cites))
	for _, c := range cites {
		s := c.String()
		if c.Quote != "" {
			s += ` ("` + c.Quote + `")`
		}
		parts = append(parts, s)
	}
	return "Enforces: " + strings.Join(parts, "; ")
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
