package checks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
)

// TestProfilesFollowCitations: a rule is on in a shipped profile exactly
// when one of its citations belongs to that profile's procedure, or it is
// procedure-neutral (it cites a source both procedures follow, or nothing:
// record hygiene), and under that profile it cites only that procedure
// (spec/rules.md v1.1, "Each procedure's own rules").
func TestProfilesFollowCitations(t *testing.T) {
	for _, r := range checks.All() {
		for _, name := range lint.ShippedProfileNames {
			on, want := r.InProfile(name), lint.OnByCitation(r.Cites, name)
			if on != want {
				t.Errorf("%s: on under %s is %v, but its citations (%s) say %v: change its Profiles or its Cites", r.ID, name, on, lint.JoinCitations(r.Cites), want)
			}
			prof, err := lint.ShippedProfile(name)
			if err != nil {
				t.Fatal(err)
			}
			enabled, _, err := prof.Enabled(checks.All())
			if err != nil {
				t.Fatal(err)
			}
			isOn := false
			for _, e := range enabled {
				isOn = isOn || e == r
			}
			if isOn != (on || r.Family == checks.FamilyRecordHygiene && r.Profiles == nil) {
				t.Errorf("%s: enabled under %s is %v, its Profiles say %v", r.ID, name, isOn, on)
			}
			if !on {
				continue
			}
			for _, c := range prof.Citations(r.Cites) {
				if lint.IsProcedure(c.Source) && !prof.Follows(c.Source) {
					t.Errorf("%s: under %s cites %s", r.ID, name, c)
				}
			}
		}
	}
}

// TestMessagesCiteTheirProcedure lints every fixture under every shipped
// profile and reads the messages: under stoke-on-trent none names
// Oxfordshire 1.8, under oxfordshire none names Stoke-on-Trent C06.
func TestMessagesCiteTheirProcedure(t *testing.T) {
	if testing.Short() {
		t.Skip("lints every fixture three times")
	}
	dirs, err := linttest.Dirs(filepath.Join("..", "testdata", "checks"))
	if err != nil {
		t.Fatal(err)
	}
	other := map[string]string{
		lint.ProfileStoke:       lint.ProcedureOxfordshire,
		lint.ProfileOxfordshire: lint.ProcedureStoke,
	}
	seen := map[string]int{}
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, lint.ConfigFileName)); err == nil {
			continue // its own config: linted as it says by TestFixtures
		}
		for profile, not := range other {
			res, err := linttest.Lint(dir, profile, checks.All())
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			for _, f := range res.Findings {
				seen[profile]++
				if strings.Contains(f.Message, not) {
					t.Errorf("%s under %s: %s:%d: %s cites %s: %s", filepath.Base(dir), profile, f.Path, f.Pos.Line, f.RuleID, not, f.Message)
				}
				if r := checks.ByID(f.RuleID); r != nil && !r.InProfile(profile) && r.Family != checks.FamilyRecordHygiene {
					t.Errorf("%s under %s: %s reported, but it is off there", filepath.Base(dir), profile, f.RuleID)
				}
			}
		}
	}
	for profile := range other {
		if seen[profile] == 0 {
			t.Errorf("no findings under %s: the test read nothing", profile)
		}
	}
}

// procedureText holds a procedure's text by the paragraphs rules cite.
type procedureText map[string]string

// normText makes text comparable with a quote: typographic quotes made
// plain, the Word bullets dropped, spaces collapsed.
func normText(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\uf0b7", " ", "\u2022", " ", "\u2013", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// readProcedure splits a procedure's text into its paragraphs: every line
// from a heading (matched by head, its first group the paragraph's number)
// to the next; items of a numbered list (matched by item) inside a
// paragraph are also kept as "§N ¶M".
func readProcedure(t *testing.T, file string, head *regexp.Regexp, item *regexp.Regexp) procedureText {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "procedures", file))
	if err != nil {
		t.Fatal(err)
	}
	out := procedureText{}
	var open []string // the paragraphs the current line belongs to
	para, sub := "", ""
	for _, line := range strings.Split(string(data), "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			para, sub = "§"+m[1], ""
			open = []string{para}
			if i := strings.Index(m[1], "."); i > 0 { // §5.3 is also in §5
				open = append(open, "§"+m[1][:i])
			}
		} else if item != nil && para != "" {
			if m := item.FindStringSubmatch(line); m != nil {
				sub = para + " ¶" + m[1]
			}
		}
		for _, p := range open {
			out[p] += line + "\n"
		}
		if sub != "" {
			out[sub] += line + "\n"
		}
	}
	for k, v := range out {
		out[k] = normText(v)
	}
	return out
}

// TestCitationsQuoteTheProcedures: every citation of a procedure names a
// paragraph the procedure has, and its quote is the procedure's words in
// that paragraph ("..." leaves words out; the parts come in order).
func TestCitationsQuoteTheProcedures(t *testing.T) {
	procs := map[string]procedureText{
		lint.ProcedureStoke: readProcedure(t, "stoke-on-trent-C06-child-protection-plan.txt",
			regexp.MustCompile(`^[\s\x{a0}]*(0[1-8])[\s\x{a0}]+[A-Z]`), nil),
		lint.ProcedureOxfordshire: readProcedure(t, "oxfordshire-1.8-implementation-of-child-protection-plan.txt",
			regexp.MustCompile(`^([1-5](?:\.[1-9])?)\.?[\s\x{a0}]+(?:The|Explaining|Purpose|Membership|Subsequent|Recording|Agreement|Delays|Failure)\b`),
			regexp.MustCompile(`^([0-9]+)\.[\s\x{a0}]+To `)),
	}
	if len(procs[lint.ProcedureStoke]) != 8 {
		t.Fatalf("Stoke-on-Trent C06: %d parts read, want 8", len(procs[lint.ProcedureStoke]))
	}
	for _, want := range []string{"§1", "§2", "§3", "§4", "§5", "§5.1", "§5.9", "§3 ¶10"} {
		if procs[lint.ProcedureOxfordshire][want] == "" {
			t.Fatalf("Oxfordshire 1.8: no %s read", want)
		}
	}
	for _, r := range checks.All() {
		for _, c := range r.Cites {
			text, ok := procs[c.Source]
			if !ok {
				if strings.Contains(c.Source, "C06") || strings.Contains(c.Source, "1.8") {
					t.Errorf("%s: source %q is spelt unlike the procedure's (%s, %s)", r.ID, c.Source, lint.ProcedureStoke, lint.ProcedureOxfordshire)
				}
				continue
			}
			para, ok := text[c.Paragraph]
			if !ok {
				t.Errorf("%s: %s has no paragraph %q", r.ID, c.Source, c.Paragraph)
				continue
			}
			if c.Quote == "" {
				t.Errorf("%s: %s quotes nothing", r.ID, c)
				continue
			}
			rest := para
			for _, part := range strings.Split(normText(c.Quote), "...") {
				part = strings.TrimSpace(part)
				if part == "" {
					continue
				}
				i := strings.Index(rest, part)
				if i < 0 {
					where := "in that paragraph"
					if strings.Contains(para, part) {
						where = "after the part before it"
					}
					t.Errorf("%s: %s: %q is not %s", r.ID, c, part, where)
					break
				}
				rest = rest[i+len(part):]
			}
		}
	}
}
