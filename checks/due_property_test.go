package checks_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/synth"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/linttest"
	"github.com/caselint/caselint/schema"
)

// The property that makes `caselint due` trustworthy: for every obligation
// it lists with due date D, linting the same records (as they stood on the
// day listed: none dated after it) as of D is quiet for that rule at the
// obligation's place, and linting as of D+1 fires it there. Conversely, as of the date listed, every finding of a deadline
// rule at an obligation's place is of an overdue obligation (D before the
// date), and every overdue obligation has its finding.

// dueWorld is records to check the property on: a file system of cases,
// a profile, a calendar and the as-of date obligations are listed at.
type dueWorld struct {
	name    string
	fsys    fs.FS
	profile *lint.Profile
	cal     *calendar.Calendar
	asOf    schema.Date
}

// dueRules are the rules that have a deadline.
func dueRules() map[string]bool {
	out := map[string]bool{}
	for _, r := range checks.All() {
		if r.Due != nil {
			out[r.ID] = true
		}
	}
	return out
}

// withOnlyDueRules is p with every rule without a deadline off, for speed.
func withOnlyDueRules(p *lint.Profile) *lint.Profile {
	q := *p
	q.Rules = map[string]string{}
	for id, v := range p.Rules {
		q.Rules[id] = v
	}
	due := dueRules()
	for _, r := range checks.All() {
		if !due[r.ID] {
			if _, set := q.Rules[r.ID]; !set {
				q.Rules[r.ID] = "off"
			}
		}
	}
	return &q
}

type place struct {
	rule, path string
	line       int
}

// findingsAt lints dir of w as of d and returns the places of the deadline
// rules' findings.
func (w dueWorld) findingsAt(t *testing.T, dir string, d schema.Date) map[place]bool {
	t.Helper()
	res, err := lint.Run(context.Background(), lint.Options{FS: w.fsys, Paths: []string{dir}, Rules: checks.All(), Profile: w.profile, AsOf: d, Calendar: w.cal, Workers: 1})
	if err != nil {
		t.Fatalf("%s: lint as of %s: %v", w.name, d, err)
	}
	due := dueRules()
	out := map[place]bool{}
	for _, f := range res.Findings {
		if due[f.RuleID] && f.Suppression == nil {
			out[place{f.RuleID, f.Path, f.Pos.Line}] = true
		}
	}
	return out
}

// checkDueProperty checks the property on w and returns how many
// obligations it checked, by rule.
func checkDueProperty(t *testing.T, w dueWorld) map[string]int {
	t.Helper()
	w.profile = withOnlyDueRules(w.profile)
	// The records as they stood on the day listed: a visit or meeting
	// dated after it is not known then, and due, like lint, leaves it out.
	w.fsys = asItStood(t, w.fsys, w.asOf)
	cases, _, err := lint.Due(context.Background(), lint.Options{FS: w.fsys, Rules: checks.All(), Profile: w.profile, AsOf: w.asOf, Calendar: w.cal})
	if err != nil {
		t.Fatalf("%s: %v", w.name, err)
	}
	counted := map[string]int{}
	for _, c := range cases {
		atT := w.findingsAt(t, c.Dir, w.asOf)
		places := map[place]lint.Obligation{}
		for _, o := range c.Obligations {
			if o.Path == "" {
				// Reported on the record of a meeting still to be held
				// (unseen-bedroom): the property is checked by holding it.
				checkDueByHolding(t, w, c, o)
				counted[o.Rule]++
				continue
			}
			at := place{o.Rule, o.Path, o.Line}
			places[at] = o
			where := fmt.Sprintf("%s: %s:%d: %s due %s (from %s)", w.name, o.Path, o.Line, o.Rule, o.Due, o.From)
			if o.Path == "" || o.Line == 0 || o.From.What == "" || o.What == "" || len(o.Cites) == 0 {
				t.Errorf("%s: incomplete obligation %+v", where, o)
			}
			if w.findingsAt(t, c.Dir, o.Due)[at] {
				t.Errorf("%s: linting as of the due day fires", where)
			}
			if !w.findingsAt(t, c.Dir, o.Due.AddDays(1))[at] {
				t.Errorf("%s: linting as of the day after the due day is quiet", where)
			}
			if o.OverdueOn(w.asOf) != atT[at] {
				t.Errorf("%s: overdue as of %s is %v, but lint's finding there is %v", where, w.asOf, o.OverdueOn(w.asOf), atT[at])
			}
			counted[o.Rule]++
		}
		// Conversely: a finding as of the date listed at an obligation's
		// place is that obligation, overdue; and a finding of a deadline
		// rule where it reports only what is still open (plan.md, case.md)
		// has its obligation, while the plan runs.
		for at := range atT {
			o, ok := places[at]
			if ok && !o.OverdueOn(w.asOf) {
				t.Errorf("%s: %s:%d: %s fires as of %s, but its obligation is due %s", w.name, at.path, at.line, at.rule, w.asOf, o.Due)
			}
			if !ok && !c.Ended && reportsOnlyOpen(at) {
				t.Errorf("%s: %s:%d: %s fires as of %s, and due lists no obligation there", w.name, at.path, at.line, at.rule, w.asOf)
			}
		}
	}
	return counted
}

// checkDueByHolding checks an obligation that the rule reports on the
// record of the next conference (unseen-bedroom): with that conference
// held on the due day, linting as of the due day fires the rule on it; with
// a visit of the lead worker that day that saw the bedroom, before the
// conference, it is quiet.
func checkDueByHolding(t *testing.T, w dueWorld, c lint.CaseObligations, o lint.Obligation) {
	t.Helper()
	where := fmt.Sprintf("%s: %s: %s due %s (from %s)", w.name, c.Dir, o.Rule, o.Due, o.From)
	if o.Rule != checks.UnseenBedroom.ID {
		t.Errorf("%s: an obligation with no place", where)
		return
	}
	conf := path.Join(c.Dir, "conferences", o.Due.String()+"-review.md")
	held := map[string]string{conf: fmt.Sprintf("+++\ntype = \"conference\"\nkind = \"review\"\ndate = %s\nchair = \"A Chair\"\nquorate = true\ndecision = \"continue\"\n+++\n", o.Due)}
	fires := func(files map[string]string) bool {
		w2 := w
		w2.fsys = overlayFS(t, w.fsys, files)
		for at := range w2.findingsAt(t, c.Dir, o.Due) {
			if at.rule == o.Rule && at.path == conf {
				return true
			}
		}
		return false
	}
	if !fires(held) {
		t.Errorf("%s: a conference held on the due day, the bedroom not seen, is quiet", where)
	}
	held[path.Join(c.Dir, "visits", o.Due.String()+"-bedroom.md")] = fmt.Sprintf("+++\ntype = \"visit\"\ndate = %sT09:00:00\nby = %q\nchild_seen = true\nseen_alone = true\nbedroom_seen = true\n+++\n", o.Due, c.LeadWorker)
	if fires(held) {
		t.Errorf("%s: the bedroom seen on the due day, then the conference, fires", where)
	}
}

// overlayFS is fsys with files added.
func overlayFS(t *testing.T, fsys fs.FS, files map[string]string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, text := range files {
		out[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return out
}

// reportsOnlyOpen reports whether a finding at is one its rule makes only
// of a deadline still open: the seeing, core group and review rules on
// plan.md (a late visit or meeting is reported on its own record),
// unrecorded-birth and plan-past-eighteen.
func reportsOnlyOpen(at place) bool {
	switch at.rule {
	case checks.UnrecordedBirth.ID, checks.PlanPastEighteen.ID:
		return true
	case checks.UnseenChild.ID, checks.OverdueCoreGroup.ID, checks.LateFirstCoreGroup.ID, checks.LateReviewConference.ID:
		return path.Base(at.path) == "plan.md"
	}
	return false
}

// TestDuePropertySamples checks the property on the shipped samples, as
// the README lints them and under each shipped profile.
func TestDuePropertySamples(t *testing.T) {
	dir := filepath.Join("..", "testdata", "samples")
	total := map[string]int{}
	for _, name := range lint.ShippedProfileNames {
		prof, err := lint.ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, n := range checkDueProperty(t, dueWorld{name: "samples/" + name, fsys: os.DirFS(dir), profile: prof, cal: calendar.Default(), asOf: schema.NewDate(2026, 11, 20)}) {
			total[r] += n
		}
	}
	t.Logf("obligations checked: %v", total)
	if len(total) == 0 {
		t.Error("the samples list no obligation")
	}
}

// TestDuePropertyFixtures checks the property on every fixture of a rule
// with a deadline, at the fixture's as-of date: they hold the boundary
// days, bank holidays, local closures, reduced visiting, babies, pre-birth
// plans and transfers the rules are written for.
func TestDuePropertyFixtures(t *testing.T) {
	total := map[string]int{}
	for id := range dueRules() {
		dirs, err := linttest.Dirs(filepath.Join("..", "testdata", "checks", id))
		if err != nil {
			t.Fatal(err)
		}
		for _, dir := range dirs {
			var fx linttest.Fixture
			if _, err := toml.DecodeFile(filepath.Join(dir, "fixture.toml"), &fx); err != nil {
				t.Fatal(err)
			}
			var cfg *lint.Config
			if p := filepath.Join(dir, lint.ConfigFileName); fileExists(p) {
				if cfg, err = lint.LoadConfig(p); err != nil {
					t.Fatal(err)
				}
			}
			prof, err := cfg.ResolveProfile(fx.Profile)
			if err != nil {
				t.Fatal(err)
			}
			fsys, err := linttest.FS(dir)
			if err != nil {
				t.Fatal(err)
			}
			for r, n := range checkDueProperty(t, dueWorld{name: dir, fsys: fsys, profile: prof, cal: cfg.Calendar(), asOf: fx.AsOf}) {
				total[r] += n
			}
		}
	}
	t.Logf("obligations checked: %v", total)
	for id := range dueRules() {
		if total[id] == 0 {
			t.Errorf("no fixture of a deadline rule lists an obligation of %s", id)
		}
	}
}

// TestDuePropertyCorpus checks the property on a generated corpus, as of
// its date and as of Christmas Eve (deadlines across the bank holidays),
// under each shipped profile: 40 cases, or CASELINT_DUE_CASES (the issue's
// check is 3,000).
func TestDuePropertyCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("a generated corpus: not in -short")
	}
	cases := 40
	if s := os.Getenv("CASELINT_DUE_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CASELINT_DUE_CASES=%q: want a positive number", s)
		}
		cases = n
	}
	for _, asOf := range []schema.Date{synth.DefaultAsOf, schema.NewDate(2026, 12, 24)} {
		dir := t.TempDir()
		if err := synth.Generate(dir, synth.Options{Cases: cases, Seed: 19, Defects: 0.3, AsOf: asOf}); err != nil {
			t.Fatal(err)
		}
		total := map[string]int{}
		for _, name := range lint.ShippedProfileNames {
			prof, err := lint.ShippedProfile(name)
			if err != nil {
				t.Fatal(err)
			}
			for r, n := range checkDueProperty(t, dueWorld{name: fmt.Sprintf("corpus as of %s/%s", asOf, name), fsys: os.DirFS(dir), profile: prof, cal: calendar.Default(), asOf: asOf}) {
				total[r] += n
			}
		}
		t.Logf("as of %s, obligations checked: %v", asOf, total)
		if len(total) == 0 {
			t.Errorf("the corpus as of %s lists no obligation", asOf)
		}
	}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// asItStood is fsys as it stood on day: without the visits, core groups
// and conferences whose file names are dated after it.
func asItStood(t *testing.T, fsys fs.FS, day schema.Date) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Base(path.Dir(p)) {
		case "visits", "core-groups", "conferences":
			name := path.Base(p)
			if len(name) >= 10 {
				if rd, err := schema.ParseDate(name[:10]); err == nil && rd.After(day) {
					return nil
				}
			}
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDuePropertyReplay checks the property day by day as the records of
// chosen fixtures were written (each day, the records dated up to it):
// the deadlines that cross Easter's bank holidays, run under reduced
// visiting and its lapse at a review, start at a birth, or fall on a
// month's end, at every distance from the as-of date.
func TestDuePropertyReplay(t *testing.T) {
	if testing.Short() {
		t.Skip("day by day: not in -short")
	}
	dirs := []string{
		"unseen-child/stoke-easter-bank-holidays-quiet",
		"unseen-child/stoke-easter-bank-holidays-fires",
		"unseen-child/oxfordshire-reduced-visiting-approved-quiet",
		"unseen-child/oxfordshire-reduced-visiting-lapses-at-review-fires",
		"unseen-child/oxfordshire-reduced-visiting-open-gap-fires",
		"unseen-child/oxfordshire-newborn-open-gap-fires",
		"unseen-child/stoke-newborn-29th-working-day-fires",
		"late-first-core-group/easter-eleventh-working-day",
		"late-minutes/easter-late",
		"late-minutes/oxfordshire-last-meeting-day-after-next-was-due",
		"unescalated-refusal/over-easter",
		"overdue-core-group/month-end-one-day-late",
		"overdue-core-group/two-months-after-review-oxfordshire",
		"late-review-conference/thirty-first-of-january-on-time",
		"unseen-bedroom/not-seen-first-period",
		"plan-past-eighteen/eighteenth-birthday",
		"missing-review-date/date-passed-stoke",
	}
	total := map[string]int{}
	for _, d := range dirs {
		dir := filepath.Join("..", "testdata", "checks", filepath.FromSlash(d))
		var fx linttest.Fixture
		if _, err := toml.DecodeFile(filepath.Join(dir, "fixture.toml"), &fx); err != nil {
			t.Fatal(err)
		}
		prof, err := (*lint.Config)(nil).ResolveProfile(fx.Profile)
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := linttest.FS(dir)
		if err != nil {
			t.Fatal(err)
		}
		// From 70 days before the as-of date, a day at a time.
		for day := fx.AsOf.AddDays(-70); !day.After(fx.AsOf); day = day.AddDays(1) {
			w := dueWorld{name: fmt.Sprintf("%s as of %s", d, day), fsys: asItStood(t, fsys, day), profile: prof, cal: calendar.Default(), asOf: day}
			for r, n := range checkDueProperty(t, w) {
				total[r] += n
			}
		}
	}
	// The samples, every third day from the summer to the README's date.
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join("..", "testdata", "samples"))
	for day := schema.NewDate(2026, 8, 1); !day.After(schema.NewDate(2026, 11, 20)); day = day.AddDays(3) {
		w := dueWorld{name: fmt.Sprintf("samples as of %s", day), fsys: asItStood(t, fsys, day), profile: prof, cal: calendar.Default(), asOf: day}
		for r, n := range checkDueProperty(t, w) {
			total[r] += n
		}
	}
	t.Logf("obligations checked: %v", total)
}
