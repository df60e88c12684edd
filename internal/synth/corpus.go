// Package synth writes synthetic child protection case records: as many
// cases as asked for, deterministically from a seed, each a folder of
// records like the shipped samples (testdata/samples). It is for
// benchmarks, load tests and demonstrations; every name in it is invented.
//
// A clean case is clean under every shipped profile at the as-of date: the
// child is seen alone every two weeks (a baby seen awake), the bedroom seen
// between conferences, the core group meets within 10 working days of the
// initial conference and monthly after it, review conferences come within 3
// and then 6 months, and the plan has every section, a named owner and a
// date for every action, and a copy for each family member in their
// language. A share of the cases (Options.Defects) carry one or two seeded
// defects of the kind case reviews find (an action owned by "TBC", a gap in
// visiting, late minutes, ...); with Options.Wants, each is marked where
// caselint reports it, as in the samples (# want: rule-id).
//
// Plans run from 2 to 18 months up to the as-of date, most of them recent
// (the mean is under 3 months; one in twenty runs past 6 months, and two in
// five of those ended at a review conference): the mean case has about 13
// records (case.md, plan.md, 1 to 4 conferences, 2 to 20 core group
// meetings, 4 to 42 visits). GenerateRepo writes the same records as a git
// repository whose commits add them as they were written.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// Options say what corpus to write.
type Options struct {
	// Cases is how many cases to write.
	Cases int
	// Seed makes the corpus: the same seed, cases, as-of date and defects
	// give the same bytes.
	Seed uint64
	// AsOf is the day the records are written up to (the --as-of to lint
	// them at); zero means DefaultAsOf.
	AsOf schema.Date
	// Defects is the share of cases, 0 to 1, given seeded defects.
	Defects float64
	// Wants marks each seeded defect with a want comment where caselint
	// reports it, and writes a fixture.toml, so that the corpus is a
	// fixture (lint/linttest) and a training exercise.
	Wants bool
	// Commits is, for GenerateRepo, how many commits add the records. The
	// records of each day are committed that day, so there are at least as
	// many commits as days on which records were written (0 means just
	// those), and at most one for each file version.
	Commits int
	// Workers is how many cases are made at once; 0 means GOMAXPROCS. The
	// output does not depend on it.
	Workers int
}

// DefaultAsOf is the as-of date of a corpus whose Options give none: the
// date the shipped samples are read as of.
var DefaultAsOf = schema.NewDate(2026, time.November, 20)

// CasesDir is the folder of the corpus the cases are written in.
const CasesDir = "cases"

// Stats describe a written corpus.
type Stats struct {
	Cases     int
	Files     int   // records written (README.md and fixture.toml not counted)
	Bytes     int64 // bytes of records
	Defects   int   // seeded defects
	Ceased    int   // cases whose plan has ended
	Versions  int   // file versions (GenerateRepo: blobs committed for records)
	Commits   int   // commits (GenerateRepo)
	Visits    Range // visits per case
	CoreGroup Range // core group meetings per case
	Months    Range // months from the plan's start to the as-of date or its end
}

// Range is the smallest, mean and largest of a count over the cases.
type Range struct {
	Min, Max int
	Mean     float64
}

func (r Range) String() string { return fmt.Sprintf("%d to %d (mean %.1f)", r.Min, r.Max, r.Mean) }

func (o *Options) normalise() error {
	if o.Cases < 0 {
		return errors.New("corpus: a negative number of cases")
	}
	if o.Defects < 0 || o.Defects > 1 {
		return fmt.Errorf("corpus: a share of defective cases is from 0 to 1, not %g", o.Defects)
	}
	if o.AsOf.IsZero() {
		o.AsOf = DefaultAsOf
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return nil
}

// Generate writes opts.Cases cases into dir (created if need be), below
// dir/cases, with a README.md saying how they were made and, with
// opts.Wants, a fixture.toml. It refuses a dir that already holds a cases
// folder, so that it never mixes two corpora.
func Generate(dir string, opts Options) error {
	_, err := GenerateStats(dir, opts)
	return err
}

// GenerateStats is Generate, returning what it wrote.
func GenerateStats(dir string, opts Options) (Stats, error) {
	if err := opts.normalise(); err != nil {
		return Stats{}, err
	}
	if err := prepare(dir); err != nil {
		return Stats{}, err
	}
	st := Stats{}
	err := build(opts, func(c *caseModel) error {
		return c.writeTree(dir)
	}, func(c *caseModel) error {
		st.add(c)
		return nil
	})
	if err != nil {
		return st, err
	}
	return st, writeExtras(dir, opts, st)
}

func prepare(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, CasesDir)); err == nil {
		return fmt.Errorf("%s already holds a %s folder: write a corpus into an empty folder", dir, CasesDir)
	}
	return os.MkdirAll(dir, 0o755)
}

// build makes the cases, opts.Workers at a time; work, when not nil, is
// done on each by the worker that made it, in any order. It then hands each
// to emit in order of its index, so that what emit sees is the same
// whatever the workers. At most a window of cases is held at once.
func build(opts Options, work, emit func(*caseModel) error) error {
	n := opts.Cases
	type result struct {
		c   *caseModel
		err error
	}
	results := make([]chan result, n)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	slots := make(chan struct{}, 16*opts.Workers) // cases made but not yet emitted
	jobs := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Go(func() {
			for i := range jobs {
				c := makeCase(opts, i)
				var err error
				if work != nil {
					err = work(c)
				}
				results[i] <- result{c, err}
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for i := range n {
		r := <-results[i]
		results[i] = nil
		<-slots
		if err = r.err; err != nil {
			break
		}
		if err = emit(r.c); err != nil {
			break
		}
	}
	close(stop)
	wg.Wait()
	return err
}

func (st *Stats) add(c *caseModel) {
	st.Cases++
	st.Files += len(c.files)
	for _, f := range c.files {
		st.Bytes += int64(len(f.final()))
		st.Versions += len(f.versions)
	}
	st.Defects += c.defects
	if c.ceased {
		st.Ceased++
	}
	st.Visits.add(st.Cases, c.visits)
	st.CoreGroup.add(st.Cases, c.coreGroups)
	st.Months.add(st.Cases, c.months)
}

func (r *Range) add(n, v int) {
	if n == 1 || v < r.Min {
		r.Min = v
	}
	if n == 1 || v > r.Max {
		r.Max = v
	}
	r.Mean += (float64(v) - r.Mean) / float64(n)
}

// writeTree writes the case's records as the work tree holds them.
func (c *caseModel) writeTree(root string) error {
	made := map[string]bool{}
	for _, f := range c.files {
		d := filepath.Join(root, filepath.FromSlash(path.Dir(f.path)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(f.path)), f.final(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	return nil
}

// writeExtras writes the README.md (not a record: no frontmatter) and, with
// wants, the fixture.toml.
func writeExtras(dir string, opts Options, st Stats) error {
	if err := writeFile(dir, "README.md", readme(opts, st)); err != nil {
		return err
	}
	if opts.Wants {
		fx := fmt.Sprintf("# A generated corpus, read as its records were written.\nprofile = \"combined\"\nas_of = %s\n", opts.AsOf)
		return writeFile(dir, "fixture.toml", []byte(fx))
	}
	return nil
}

func readme(opts Options, st Stats) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# A synthetic corpus of case records\n\n")
	fmt.Fprintf(&b, "Made by `caselint corpus` (package internal/synth) with seed %d: %d cases, %d records.\n", opts.Seed, st.Cases, st.Files)
	fmt.Fprintf(&b, "Every name and event in it is invented. The records are written up to\n%s; lint them as of that day:\n\n", opts.AsOf.Long())
	fmt.Fprintf(&b, "```sh\ncaselint lint --as-of %s %s\n```\n\n", opts.AsOf, CasesDir)
	fmt.Fprintf(&b, "%d of the cases carry seeded defects (%d in all); the others are clean\nunder every profile.\n", countDefective(opts), st.Defects)
	if opts.Wants {
		b.WriteString("Each defect is marked where caselint reports it (`# want: rule-id`,\n`<!-- want: rule-id -->`); fixture.toml says how to lint the corpus.\n")
	}
	return []byte(b.String())
}

func countDefective(opts Options) int {
	n := 0
	for i := range opts.Cases {
		if defective(opts, i) {
			n++
		}
	}
	return n
}

// Fingerprint identifies the corpus opts make, cheaply: it hashes the
// options and the first cases' records, so that it changes when the
// generator does. Caches of generated corpora are keyed by it.
func Fingerprint(opts Options) (string, error) {
	if err := opts.normalise(); err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d %d %s %g %t %d\n", opts.Cases, opts.Seed, opts.AsOf, opts.Defects, opts.Wants, opts.Commits)
	for i := range min(opts.Cases, 4) {
		for _, f := range makeCase(opts, i).files {
			fmt.Fprintf(h, "%s %d\n", f.path, len(f.versions))
			for _, v := range f.versions {
				fmt.Fprintf(h, "%d %d\n", v.when.Unix(), v.author)
				h.Write(v.data)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// defective reports whether case i gets seeded defects: the cases are
// spread evenly, so that any prefix of the corpus has its share.
func defective(opts Options, i int) bool {
	return int(float64(i+1)*opts.Defects) > int(float64(i)*opts.Defects)
}

// caseModel is one case as written: its files and, for the repository, when
// each version of each was committed.
type caseModel struct {
	index      int
	dir        string
	people     []string // names, for the versions' authors
	files      []*file
	defects    int
	ceased     bool
	visits     int
	coreGroups int
	months     int
}

// file is a record and its versions, oldest first; the last is what the
// work tree holds.
type file struct {
	path     string
	versions []version
}

type version struct {
	when   time.Time // when it was committed
	author int       // index into the case's people
	data   []byte
}

func (f *file) final() []byte { return f.versions[len(f.versions)-1].data }

// rng returns the random source of case i: each case has its own, so that
// cases can be made in any order and a corpus of n cases is a prefix of one
// of more.
func rng(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)*0x9E3779B97F4A7C15+1))
}

var defaultCalendar = sync.OnceValue(calendar.Default)

// relPath joins the case folder and a name inside it.
func relPath(dir, name string) string { return path.Join(dir, name) }

// sortFiles orders a case's files by path, as they are listed.
func sortFiles(fs []*file) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].path < fs[j].path })
}
