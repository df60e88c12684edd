package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// VisitSection returns the section of a visit record's body that holds the
// visit section name ("wishes", "presentation", ...): one under an accepted
// heading, or else one whose heading opens with the child's own name where
// the accepted heading says "child's" or nothing ("Harley's wishes and
// feelings", "Mason's presentation and behaviour", "Lily's meals and
// sleep", "James' wishes and feelings"). A worker writing by hand names
// the child; the heading means the same. Another person's name ("Mum's
// views") is not the child's, and is not read as the child's section.
// It returns nil when there is no such section.
func (c *Case) VisitSection(b *schema.Body, name string) *schema.Section {
	if b == nil {
		return nil
	}
	if sec := b.Section(name); sec != nil {
		return sec
	}
	child := strings.ToLower(strings.TrimSpace(c.Child().Name))
	if child == "" {
		return nil
	}
	for _, sec := range b.Sections {
		if sec.Name != "" && sec.Name != name {
			continue // an accepted heading of another section
		}
		h := strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(sec.Heading), "*_")))
		h = strings.ReplaceAll(h, "\u2019", "'")
		for _, p := range []string{child + "'s ", child + "' "} {
			if !strings.HasPrefix(h, p) {
				continue
			}
			rest := strings.TrimSpace(h[len(p):])
			if schema.CanonicalSection(schema.KindVisit, rest) == name ||
				schema.CanonicalSection(schema.KindVisit, "child's "+rest) == name {
				return sec
			}
		}
	}
	return nil
}
