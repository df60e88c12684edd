package linttest

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// CheckReads holds the rule r to its Reads on the fixture folder dir: it
// lints the fixture again with every record of one kind hidden, for each
// kind r does not declare, and reports each kind whose hiding changes r's
// findings (r reads it without saying so). case.md is not probed: without
// it there is no case, and every rule reads it. A kind r declares but no
// fixture shows it reading is not reported: fixtures may not cover it.
// The rules the engine reports itself (Run nil) are not probed: they read
// whatever record holds a suppression. all is the full registry, as for
// Check.
func CheckReads(dir string, r *lint.Rule, all []*lint.Rule) ([]string, error) {
	if r.Run == nil {
		return nil, nil
	}
	fx, err := readFixture(dir)
	if err != nil {
		return nil, err
	}
	opts, _, err := options(dir, fx, []*lint.Rule{r}, all)
	if err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	kinds := map[string]schema.Kind{}
	err = fs.WalkDir(opts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(opts.FS, p)
		if err != nil {
			return err
		}
		files[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		if schema.IsRecordName(p) {
			if doc, _ := schema.Parse(p, data); doc != nil {
				kinds[p] = doc.Kind
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var probe []schema.Kind
	for _, k := range schema.Kinds {
		if k != schema.KindCase && !slices.Contains(r.Reads, k) && slices.Contains(mapValues(kinds), k) {
			probe = append(probe, k)
		}
	}
	if len(probe) == 0 {
		return nil, nil
	}
	findings := func(fsys fs.FS) (string, error) {
		o := opts
		o.FS = fsys
		res, err := lint.Run(context.Background(), o)
		if err != nil {
			return "", err
		}
		var out []string
		for _, f := range res.Findings {
			if f.RuleID == r.ID {
				out = append(out, fmt.Sprintf("%s:%d: %s (suppressed %v)", f.Path, f.Pos.Line, f.Message, f.Suppression != nil))
			}
		}
		slices.Sort(out)
		return strings.Join(out, "\n"), nil
	}
	base, err := findings(files)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, k := range probe {
		hidden := fstest.MapFS{}
		for p, f := range files {
			if kinds[p] != k {
				hidden[p] = f
			}
		}
		got, err := findings(hidden)
		if err != nil {
			return nil, err
		}
		if got != base {
			problems = append(problems, fmt.Sprintf("%s: %s reads the %s records but its Reads %v does not say so: without them its findings change", dir, r.ID, k, r.Reads))
		}
	}
	return problems, nil
}

func mapValues(m map[string]schema.Kind) []schema.Kind {
	var v []schema.Kind
	for _, k := range m {
		v = append(v, k)
	}
	return v
}
