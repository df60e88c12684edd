package lint_test

// FuzzLintCase lints a case holding one fuzzed file beside a valid case,
// with every shipped rule, and checks what must hold whatever the input:
// no error, no rule failing (a panic in a rule is a notification), every
// finding inside its file, and the valid case's findings exactly as they
// are when it is linted alone. The valid case's folder sorts first, so that
// when the fuzzed case takes its id the duplicate is reported on the fuzzed
// case.md, as on any second case with a used id.
//
//	go test ./lint -run '^$' -fuzz '^FuzzLintCase$' -fuzztime 10m

import (
	"context"
	"io/fs"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// validCase is the sample case that is clean under every profile.
const validCase = "../testdata/samples/well-kept/STK-2026-0107"

// fuzzSlots are where the fuzzed file goes in the fuzzed case (a copy of
// the valid case under "fuzz/", with its own id): over one of its records,
// beside them, or outside any case.
var fuzzSlots = []string{
	"fuzz/plan.md",
	"fuzz/case.md",
	"fuzz/visits/2026-06-03.md",
	"fuzz/core-groups/2026-06-11.md",
	"fuzz/conferences/2026-06-01-initial.md",
	"fuzz/conferences/2026-08-27-review.md",
	"fuzz/visits/fuzzed.md",
	"fuzz/second-plan.md",
	"fuzz/notes/README.md",
	"loose/record.md",
}

// fuzzCaseFiles are the records of the valid case the fuzzed case is made
// of (the whole of it takes too long to lint for fuzzing); the valid case
// beside it is the first three.
var fuzzCaseFiles = []string{
	"case.md",
	"plan.md",
	"conferences/2026-06-01-initial.md",
	"conferences/2026-08-27-review.md",
	"core-groups/2026-06-11.md",
	"visits/2026-06-03.md",
}

// readCase reads the files of a case folder into a MapFS under prefix: the
// first n of fuzzCaseFiles, or all of them when n is 0.
func readCase(tb testing.TB, dir, prefix string, n int, fsys fstest.MapFS) {
	tb.Helper()
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if n > 0 && !slices.Contains(fuzzCaseFiles[:n], name) {
			return nil
		}
		data, err := os.ReadFile(path.Join(dir, name))
		if err != nil {
			return err
		}
		fsys[path.Join(prefix, name)] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func lintFS(tb testing.TB, fsys fs.FS, rules []*lint.Rule, prof *lint.Profile) *lint.Result {
	tb.Helper()
	res, err := lint.Run(context.Background(), lint.Options{
		FS: fsys, Rules: rules, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), Workers: 1,
	})
	if err != nil {
		tb.Fatalf("lint: %v", err)
	}
	return res
}

// only returns the findings whose path is below dir.
func only(res *lint.Result, dir string) []lint.Finding {
	var out []lint.Finding
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Path, dir+"/") {
			out = append(out, f)
		}
	}
	return out
}

func FuzzLintCase(f *testing.F) {
	rules := checks.All()
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		f.Fatal(err)
	}
	valid := fstest.MapFS{}
	readCase(f, validCase, "a-valid", 3, valid)
	fuzzCase := fstest.MapFS{}
	readCase(f, validCase, "fuzz", len(fuzzCaseFiles), fuzzCase)
	fuzzCase["fuzz/case.md"].Data = []byte(strings.Replace(string(fuzzCase["fuzz/case.md"].Data), "STK-2026-0107", "FUZ-2026-0001", 1))
	alone := lintFS(f, valid, rules, prof)
	if len(alone.Notifications) != 0 {
		f.Fatalf("the valid case alone: notifications %+v", alone.Notifications)
	}
	baseline := only(alone, "a-valid")

	// Seeds: each record of the valid case in each slot it could take, the
	// seeded defects of the other samples, and broken inputs.
	for i, slot := range fuzzSlots {
		if d, ok := fuzzCase[slot]; ok {
			f.Add(d.Data, uint8(i))
		}
	}
	samples, _ := fs.Glob(os.DirFS("../testdata/samples"), "*/*.md")
	more, _ := fs.Glob(os.DirFS("../testdata/samples"), "*/*/*.md")
	for i, name := range append(samples, more...) {
		if data, err := os.ReadFile(path.Join("../testdata/samples", name)); err == nil {
			f.Add(data, uint8(i))
		}
	}
	for i, s := range []string{
		"",
		"\x00\x01\x02binary\xff",
		"+++\ntype = \"visit\"\ndate = 2026-06-03\n",
		"---\ntype: plan\n---\n",
		"+++\rtype = \"plan\"\rstarted = 2026-06-01\rlead_worker = \"Sarah Bennett\"\r+++\r## Outcomes\r- O1 x\r",
		"+++\ntype = \"plan\"\nstarted = 2026-06-01\n+++\n" + strings.Repeat("- ", 300) + "x\n",
		"+++\ntype = \"visit\"\ndate = 2026-06-03\nby = \"Sarah \xff\"\nchild_seen = true\n+++\n",
		"+++\ntype = \"case\"\nid = \"STK-2026-0107\"\n+++\n",
		"+++\ntype = \"conference\"\nkind = \"review\"\ndate = 2026-08-27\ndecision = \"cease\"\n+++\n",
		"+++\ntype = \"plan\"\nstarted = 2026-06-01\nlead_worker = \"Sarah Bennett\"\n[cessation]\ndate = 2026-07-01\nreason = \"x\"\n+++\n## Actions\n| ID | Action | Owner | Due | Outcome |\n|-|-|-|-|-|\n| A1 | x | <!-- caselint:ignore unnamed-action-owner ok --> | y | O9 |\n",
	} {
		f.Add([]byte(s), uint8(i))
	}

	f.Fuzz(func(t *testing.T, data []byte, slot uint8) {
		name := fuzzSlots[int(slot)%len(fuzzSlots)]
		fsys := fstest.MapFS{}
		for k, v := range valid {
			fsys[k] = v
		}
		for k, v := range fuzzCase {
			fsys[k] = v
		}
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		orig := string(data)

		res := lintFS(t, fsys, rules, prof)

		if string(data) != orig {
			t.Fatal("the input was changed")
		}
		for _, n := range res.Notifications {
			// The fuzzed file may be noted as empty or not text; anything
			// else (a rule failing) is a bug.
			if n.Path != name || n.Level != lint.Note {
				t.Errorf("notification: %s: %s", n.Path, n.Message)
			}
		}
		for _, fd := range res.Findings {
			file, ok := fsys[fd.Path]
			if !ok {
				t.Fatalf("finding in %q, not a file of the tree: %+v", fd.Path, fd)
			}
			if fd.Message == "" || fd.RuleID == "" {
				t.Errorf("finding without a rule or a message: %+v", fd)
			}
			src := schema.NewSource(fd.Path, file.Data)
			if fd.Pos.Line < 1 || fd.Pos.Line > max(1, src.LineCount()) || fd.Pos.Col < 1 || fd.Pos.Col16 < 1 {
				t.Errorf("finding at %d:%d (col16 %d) outside %s of %d lines: %s", fd.Pos.Line, fd.Pos.Col, fd.Pos.Col16, fd.Path, src.LineCount(), fd.Message)
			}
			if fd.Fingerprint == "" {
				t.Errorf("finding without a fingerprint: %+v", fd)
			}
		}
		if got := only(res, "a-valid"); !reflect.DeepEqual(got, baseline) {
			t.Errorf("the valid case's findings changed:\n got %+v\nwant %+v", got, baseline)
		}
	})
}
