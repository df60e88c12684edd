package checks_test

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
)

// TestSynonyms: every rule has plain-English phrases for exercise answers,
// each a few lower-case words, and no phrase belongs to two rules.
func TestSynonyms(t *testing.T) {
	owner := map[string]string{}
	for _, r := range checks.All() {
		if len(r.Synonyms) < 3 {
			t.Errorf("%s: %d synonyms, want at least 3 phrases a trainee would write", r.ID, len(r.Synonyms))
		}
		for _, s := range r.Synonyms {
			if s != strings.TrimSpace(s) || s == "" || strings.ToLower(s) != s || len(strings.Fields(s)) > 12 {
				t.Errorf("%s: synonym %q: a few lower-case words, no spaces around", r.ID, s)
			}
			if o, dup := owner[s]; dup {
				t.Errorf("synonym %q belongs to %s and %s", s, o, r.ID)
			}
			owner[s] = r.ID
		}
	}
}

// TestRelated: related rules exist, are not the rule itself, and list each
// other.
func TestRelated(t *testing.T) {
	for _, r := range checks.All() {
		for _, id := range r.Related {
			o := checks.ByID(id)
			switch o {
			case nil:
				t.Errorf("%s: related rule %q does not exist", r.ID, id)
			case r:
				t.Errorf("%s is related to itself", r.ID)
			default:
				back := false
				for _, b := range o.Related {
					back = back || b == r.ID
				}
				if !back {
					t.Errorf("%s lists %s as related, but %s does not list %s", r.ID, id, id, r.ID)
				}
			}
		}
	}
}
