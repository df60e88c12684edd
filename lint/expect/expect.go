// Package expect reads the expectations written in records themselves, the
// want comments of fixtures and training exercises:
//
//	lead_worker = "Aisha Patel"   # want: unqualified-lead-worker
//	| A1 | Attend school | TBC | weekly | O1 | <!-- want: unnamed-action-owner -->
//
// and compares findings with them. A want comment at the end of a line
// expects the finding on that line; one on a line of its own expects it on
// the next line. Several ids may follow one want.
//
// A rule id may be followed by message patterns, with analysistest's
// semantics: each is a Go regular expression written as a Go string literal
// ("..." or `...`), and expects one finding of that rule on that line whose
// message it matches (unanchored, as regexp.MatchString):
//
//	date = 2026-02-10T16:00:00   # want: unseen-child "due by 24 February"
//	<!-- want: unnamed-action-owner `action A\d` other-rule -->
//
// An id with no pattern expects one finding whatever its message; an id with
// two patterns expects two findings.
//
// It is the part of linttest that needs no testing.T, so that the training
// exercises (training) can use it in the caselint binary.
package expect

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Expectation is a finding a fixture or an exercise wants.
type Expectation struct {
	Path string `toml:"path"`
	Line int    `toml:"line"`
	Rule string `toml:"rule"`
	// Message, when not empty, is a regular expression the finding's
	// message must match.
	Message string `toml:"message"`
}

func (e Expectation) String() string {
	if e.Message != "" {
		return fmt.Sprintf("%s:%d: %s %q", e.Path, e.Line, e.Rule, e.Message)
	}
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Rule)
}

// Expectations reads every want comment of the records (the .md files) in
// fsys, in path order and, within a file, in the order they stand.
func Expectations(fsys fs.FS) ([]Expectation, error) {
	var out []Expectation
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !schema.IsRecordName(p) {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		in, err := InRecord(p, data)
		out = append(out, in...)
		return err
	})
	return out, err
}

// InRecord returns the want comments of one record, the file at path with
// content data; none when it is not a record (no frontmatter). A want it
// cannot read (a pattern before any rule id, a quote that does not close, a
// pattern that is no regular expression) is an error naming path:line.
func InRecord(path string, data []byte) ([]Expectation, error) {
	doc, ok := schema.Parse(path, data)
	if !ok {
		return nil, nil
	}
	var out []Expectation
	for _, dir := range doc.Directives {
		if dir.Kind != schema.Want {
			continue
		}
		ws, err := Parse(dir.Args)
		if err != nil {
			return out, fmt.Errorf("%s:%d: %w", path, dir.Line, err)
		}
		for _, w := range ws {
			w.Path, w.Line = path, dir.Covers
			out = append(out, w)
		}
	}
	return out, nil
}

// Parse reads the text of a want comment after "want:" into expectations
// with no place (Path and Line are left to the caller).
func Parse(args string) ([]Expectation, error) {
	toks, err := schema.SplitWant(args)
	if err != nil {
		return nil, err
	}
	var out []Expectation
	bare := false // the last expectation is an id's, with no pattern yet
	for _, tok := range toks {
		if !tok.Quoted {
			out = append(out, Expectation{Rule: tok.Text})
			bare = true
			continue
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("want: the pattern %q follows no rule id", tok.Text)
		}
		if _, err := regexp.Compile(tok.Text); err != nil {
			return nil, fmt.Errorf("want: the pattern %q: %w", tok.Text, err)
		}
		if bare {
			out[len(out)-1].Message = tok.Text
			bare = false
		} else {
			out = append(out, Expectation{Rule: out[len(out)-1].Rule, Message: tok.Text})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("want: no rule id")
	}
	return out, nil
}

// Compare matches findings against wants, for the rules in under, and
// returns the differences as sorted lines: "unexpected finding ..." and
// "missing finding ...". Suppressed findings are not expected. A finding
// meets a want of its rule on its line whose pattern its message matches,
// a want with a pattern before one without; a want whose pattern is not a
// regular expression matches nothing (InRecord reports it).
func Compare(findings []lint.Finding, wants []Expectation, under map[string]bool) []string {
	type key struct {
		path string
		line int
		rule string
	}
	want := map[key][]*open{}
	for _, w := range wants {
		if !under[w.Rule] {
			continue
		}
		o := &open{want: w}
		if w.Message != "" {
			re, err := regexp.Compile(w.Message)
			if err != nil {
				re = regexp.MustCompile(`[^\s\S]`) // matches nothing
			}
			o.re = re
		}
		k := key{w.Path, w.Line, w.Rule}
		want[k] = append(want[k], o)
	}
	var problems []string
	for _, f := range findings {
		if !under[f.RuleID] || f.Suppression != nil {
			continue
		}
		if meet(want[key{f.Path, f.Pos.Line, f.RuleID}], f.Message) {
			continue
		}
		problems = append(problems, fmt.Sprintf("%s:%d:%d: unexpected finding: %s: %s", f.Path, f.Pos.Line, f.Pos.Col, f.RuleID, f.Message))
	}
	for _, ws := range want {
		for _, o := range ws {
			if !o.met {
				problems = append(problems, fmt.Sprintf("%s:%d: missing finding: %s", o.want.Path, o.want.Line, wantText(o.want)))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// open is a want being matched by Compare.
type open struct {
	re   *regexp.Regexp // nil: any message
	want Expectation
	met  bool
}

// meet marks the first unmet want of wants that msg meets, one with a
// pattern first, and reports whether there was one.
func meet(wants []*open, msg string) bool {
	for _, patterned := range []bool{true, false} {
		for _, o := range wants {
			if o.met || (o.re != nil) != patterned {
				continue
			}
			if o.re == nil || o.re.MatchString(msg) {
				o.met = true
				return true
			}
		}
	}
	return false
}

// wantText is a want as a missing finding names it: the rule, and its
// pattern quoted when it has one.
func wantText(w Expectation) string {
	if w.Message == "" {
		return w.Rule
	}
	return fmt.Sprintf("%s matching %q", w.Rule, w.Message)
}
