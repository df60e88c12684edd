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
// It is the part of linttest that needs no testing.T, so that the training
// exercises (lint/exercise) can use it in the caselint binary.
package expect

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Expectation is a finding a fixture or an exercise wants.
type Expectation struct {
	Path string `toml:"path"`
	Line int    `toml:"line"`
	Rule string `toml:"rule"`
}

func (e Expectation) String() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Rule) }

// Expectations reads every want comment of the records (the .md files) in
// fsys, in path order and, within a file, in the order they stand.
func Expectations(fsys fs.FS) ([]Expectation, error) {
	var out []Expectation
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, InRecord(p, data)...)
		return nil
	})
	return out, err
}

// InRecord returns the want comments of one record, the file at path with
// content data; none when it is not a record (no frontmatter).
func InRecord(path string, data []byte) []Expectation {
	doc, ok := schema.Parse(path, data)
	if !ok {
		return nil
	}
	var out []Expectation
	for _, dir := range doc.Directives {
		if dir.Kind != schema.Want {
			continue
		}
		for _, r := range dir.Rules {
			out = append(out, Expectation{Path: path, Line: dir.Covers, Rule: r})
		}
	}
	return out
}

// Compare matches findings against wants, for the rules in under, and
// returns the differences as sorted lines: "unexpected finding ..." and
// "missing finding ...". Suppressed findings are not expected.
func Compare(findings []lint.Finding, wants []Expectation, under map[string]bool) []string {
	type key struct {
		path string
		line int
		rule string
	}
	want := map[key]int{}
	for _, w := range wants {
		if under[w.Rule] {
			want[key{w.Path, w.Line, w.Rule}]++
		}
	}
	var problems []string
	for _, f := range findings {
		if !under[f.RuleID] || f.Suppression != nil {
			continue
		}
		k := key{f.Path, f.Pos.Line, f.RuleID}
		if want[k] > 0 {
			want[k]--
			continue
		}
		problems = append(problems, fmt.Sprintf("%s:%d:%d: unexpected finding: %s: %s", f.Path, f.Pos.Line, f.Pos.Col, f.RuleID, f.Message))
	}
	for k, n := range want {
		for range n {
			problems = append(problems, fmt.Sprintf("%s:%d: missing finding: %s", k.path, k.line, k.rule))
		}
	}
	sort.Strings(problems)
	return problems
}
