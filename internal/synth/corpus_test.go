package synth_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/synth"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/linttest"
)

// TestCleanCases lints a corpus without defects under every shipped
// profile: not one finding.
func TestCleanCases(t *testing.T) {
	dir := t.TempDir()
	st, err := synth.GenerateStats(dir, synth.Options{Cases: 80, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Defects != 0 {
		t.Errorf("%d defects in a corpus without", st.Defects)
	}
	all := checks.All()
	for _, prof := range lint.ShippedProfileNames {
		t.Run(prof, func(t *testing.T) {
			res := lintDir(t, dir, prof, all, nil)
			if res.Cases != 80 || res.Files != st.Files {
				t.Errorf("linted %d cases, %d records; wrote %d, %d", res.Cases, res.Files, 80, st.Files)
			}
			for _, f := range res.Findings {
				t.Errorf("%s:%d:%d: %s [%s]", f.Path, f.Pos.Line, f.Pos.Col, f.Message, f.RuleID)
			}
			for _, n := range res.Notifications {
				t.Errorf("notice: %s: %s", n.Path, n.Message)
			}
		})
	}
}

// TestSeededDefects lints a corpus with defects marked: caselint finds
// exactly the seeded defects, where the want comments say.
func TestSeededDefects(t *testing.T) {
	dir := t.TempDir()
	st, err := synth.GenerateStats(dir, synth.Options{Cases: 150, Seed: 7, Defects: 0.6, Wants: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.Defects < 90 {
		t.Errorf("only %d defects seeded in 150 cases at 0.6", st.Defects)
	}
	all := checks.All()
	_, problems, err := linttest.Check(dir, all, all)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	// Every kind of defect is seeded somewhere.
	wants, err := linttest.Expectations(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, w := range wants {
		seen[w.Rule] = true
	}
	for _, id := range synth.DefectRules() {
		if !seen[id] {
			t.Errorf("no %s defect seeded", id)
		}
	}
}

// TestDeterministic: the same options give the same bytes, whatever the
// workers; a smaller corpus is a prefix of a larger one.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	opts := synth.Options{Cases: 40, Seed: 3, Defects: 0.3}
	opts.Workers = 1
	if err := synth.Generate(a, opts); err != nil {
		t.Fatal(err)
	}
	opts.Workers = 4
	if err := synth.Generate(b, opts); err != nil {
		t.Fatal(err)
	}
	opts.Cases = 60
	if err := synth.Generate(c, opts); err != nil {
		t.Fatal(err)
	}
	ha, hb, hc := digest(t, a), digest(t, b), digest(t, c)
	if len(ha) == 0 {
		t.Fatal("nothing written")
	}
	for p, h := range ha {
		if hb[p] != h {
			t.Errorf("%s differs between 1 and 4 workers", p)
		}
		if p != "README.md" && hc[p] != h {
			t.Errorf("%s differs in the larger corpus", p)
		}
	}
	if len(ha) != len(hb) {
		t.Errorf("%d files with 1 worker, %d with 4", len(ha), len(hb))
	}
	if err := synth.Generate(a, opts); err == nil {
		t.Error("Generate wrote over a corpus")
	}
}

func digest(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShape checks the corpus has the variety it promises: about 13
// records a case, plans from 2 to 18 months.
func TestShape(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	st, err := synth.GenerateStats(dir, synth.Options{Cases: 400, Seed: 1, Defects: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	perCase := float64(st.Files) / float64(st.Cases)
	t.Logf("%d cases, %d records (%.1f a case), %d bytes, %d defects, %d ended; visits %v; core groups %v; months %v",
		st.Cases, st.Files, perCase, st.Bytes, st.Defects, st.Ceased, st.Visits, st.CoreGroup, st.Months)
	if perCase < 12 || perCase > 15 {
		t.Errorf("%.1f records a case, want about 13", perCase)
	}
	if st.Months.Min < 2 || st.Months.Max > 19 || st.Months.Max < 9 {
		t.Errorf("plans of %v months", st.Months)
	}
	if st.Visits.Min < 4 || st.Visits.Max > 45 {
		t.Errorf("visits %v", st.Visits)
	}
	if st.Ceased == 0 {
		t.Error("no plan has ended")
	}
}

// TestRepo writes a small corpus as a repository and reads it back with
// internal/vcs: the history has every version, the work tree is clean, and the
// history rules find nothing in a clean corpus.
func TestRepo(t *testing.T) {
	dir := t.TempDir()
	st, err := synth.GenerateRepo(dir, synth.Options{Cases: 30, Seed: 5, Commits: 200})
	if err != nil {
		t.Fatal(err)
	}
	if st.Commits != 200 {
		t.Errorf("%d commits, want 200", st.Commits)
	}
	r, err := vcs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	staged, err := r.StagedPaths()
	if err != nil {
		t.Fatal(err)
	}
	if len(staged) != 0 {
		t.Errorf("staged after GenerateRepo: %v", staged)
	}
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	err = filepath.WalkDir(filepath.Join(dir, synth.CasesDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		vs := h.Versions(filepath.ToSlash(rel))
		if len(vs) == 0 {
			t.Errorf("%s has no history", rel)
			return nil
		}
		versions += len(vs)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, err := h.Content(filepath.ToSlash(rel), vs[len(vs)-1])
		if err != nil {
			return err
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s: the work tree differs from HEAD", rel)
		}
		for i := 1; i < len(vs); i++ {
			if vs[i].When.Before(vs[i-1].When) {
				t.Errorf("%s: versions out of order", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if versions > st.Versions || versions < st.Versions*9/10 {
		t.Errorf("%d versions in the history, %d written", versions, st.Versions)
	}

	res := lintDir(t, dir, lint.ProfileCombined, checks.All(), h)
	for _, f := range res.Findings {
		t.Errorf("%s:%d: %s [%s]", f.Path, f.Pos.Line, f.Message, f.RuleID)
	}

	if _, err := exec.LookPath("git"); err == nil {
		for _, args := range [][]string{{"status", "--porcelain"}, {"fsck", "--strict"}} {
			cmd := exec.Command("git", args...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil || (args[0] == "status" && len(strings.TrimSpace(string(out))) > 0) {
				t.Errorf("git %v: %v\n%s", args, err, out)
			}
		}
	}
}

func lintDir(t *testing.T, dir, profile string, rules []*lint.Rule, h lint.History) *lint.Result {
	t.Helper()
	prof, err := (*lint.Config)(nil).ResolveProfile(profile)
	if err != nil {
		t.Fatal(err)
	}
	opts := lint.Options{FS: os.DirFS(dir), Rules: rules, Profile: prof, AsOf: synth.DefaultAsOf}
	if h != nil {
		opts.History = h
	}
	res, err := lint.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
