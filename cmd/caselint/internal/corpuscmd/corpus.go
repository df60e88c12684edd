// Package corpuscmd is `caselint corpus`, a hidden command that writes a
// synthetic corpus of case records for demonstrations and load tests.
package corpuscmd

import (
	"fmt"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/synth"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint corpus.
type Options struct {
	IO *iostreams.IOStreams

	Dir     string
	Cases   int
	Seed    uint64
	AsOf    string
	Defects float64
	Wants   bool
	Git     bool
	Commits int

	// Now stands for the clock: the default as-of date is today.
	Now func() time.Time
}

// NewCmdCorpus returns the corpus command; runF, when not nil, runs instead.
func NewCmdCorpus(ios *iostreams.IOStreams, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "corpus DIR",
		Short: "Write a synthetic corpus of case records, for demonstrations and load tests",
		Long: `Write --cases invented cases into DIR/cases, deterministically: the same
seed, number of cases, as-of date and share of defects give the same bytes.
The records are written up to the as-of date (default today) and are clean
under every profile, except for a share of cases (--defects) given one or two
seeded defects of the kind case reviews find. With --wants each defect is
marked where caselint reports it, as in a training exercise. With --git, DIR
is a git repository whose commits add the records as they were written.

DIR must not already hold a corpus. Every name in it is invented.`,
		Example: `  caselint corpus /tmp/demo --cases 200
  caselint lint --as-of 2026-11-20 /tmp/demo/cases
  caselint corpus /tmp/big --cases 3000 --seed 1 --as-of 2026-11-20 --git --commits 1500`,
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Cases, "cases", 100, "how many cases to write")
	f.Uint64Var(&opts.Seed, "seed", 1, "the seed the corpus is made from")
	f.StringVar(&opts.AsOf, "as-of", "", "the day the records are written up to, YYYY-MM-DD (default today)")
	f.Float64Var(&opts.Defects, "defects", 0.25, "the share of cases, 0 to 1, given seeded defects")
	f.BoolVar(&opts.Wants, "wants", false, "mark each seeded defect with a want comment and write a fixture.toml")
	f.BoolVar(&opts.Git, "git", false, "make DIR a git repository whose commits add the records as they were written")
	f.IntVar(&opts.Commits, "commits", 0, "with --git, how many commits (at least one for each day records were written)")
	return cmd
}

// Run writes the corpus.
func Run(opts *Options) error {
	if opts.Cases < 1 {
		return cmdutil.Usagef("--cases: at least 1")
	}
	if opts.Defects < 0 || opts.Defects > 1 {
		return cmdutil.Usagef("--defects: a share from 0 to 1, not %g", opts.Defects)
	}
	if opts.Commits < 0 {
		return cmdutil.Usagef("--commits: not a negative number")
	}
	if opts.Commits > 0 && !opts.Git {
		return cmdutil.Usagef("--commits needs --git")
	}
	asOf := schema.DateOf(opts.Now())
	if opts.AsOf != "" {
		d, err := schema.ParseDate(opts.AsOf)
		if err != nil {
			return cmdutil.Usagef("--as-of: %v", err)
		}
		asOf = d
	}
	co := synth.Options{Cases: opts.Cases, Seed: opts.Seed, AsOf: asOf, Defects: opts.Defects, Wants: opts.Wants, Commits: opts.Commits}
	var (
		st  synth.Stats
		err error
	)
	if opts.Git {
		st, err = synth.GenerateRepo(opts.Dir, co)
	} else {
		st, err = synth.GenerateStats(opts.Dir, co)
	}
	if err != nil {
		return err
	}
	out := opts.IO.Out
	fmt.Fprintf(out, "wrote %d cases, %d records (%.1f MB, %d seeded defects) to %s\n",
		st.Cases, st.Files, float64(st.Bytes)/(1<<20), st.Defects, opts.Dir)
	if opts.Git {
		fmt.Fprintf(out, "in %d commits on branch %s\n", st.Commits, synth.Branch)
	}
	fmt.Fprintf(out, "lint them as of the day they were written up to:\n  caselint lint --as-of %s %s/%s\n", asOf, opts.Dir, synth.CasesDir)
	return nil
}
