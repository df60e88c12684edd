// Package exercisecmd is `caselint exercise`: training exercises that
// trainees start, review or put right, and have marked.
package exercisecmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/training"
	"github.com/spf13/cobra"
)

// NewCmdExercise returns the exercise command and its subcommands.
func NewCmdExercise(ios *iostreams.IOStreams, rules []*lint.Rule) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "exercise <command>",
		Short: "Training exercises: review or put right a case with seeded problems, and have it marked",
		Long: `Training exercises are fictional cases with problems seeded in them, graded
from level 1 (easiest) to 5. A trainee starts one in a folder of their own,
reads BRIEF.md, and either lists the problems they find in an answers file
(spot mode) or puts the records right (fix mode); caselint exercise check
marks the work. Trainers can write their own exercises and use them with
--from. docs/training.md says how to run a session.`,
		Example: `  caselint exercise list
  caselint exercise start first-plan-review ~/training/ellie
  caselint exercise check ~/training/ellie
  caselint exercise check --answers answers.toml ~/training/ellie
  caselint exercise reveal --trainer ~/training/ellie`,
	}
	cmd.AddCommand(
		NewCmdList(ios, rules, nil),
		NewCmdStart(ios, rules, nil),
		NewCmdCheck(ios, rules, nil),
		NewCmdReveal(ios, rules, nil),
		NewCmdValidate(ios, rules, nil), // validate.go
		NewCmdSession(ios, rules, nil),
	)
	return cmd
}

// catalogue is the shipped exercises, or those of --from.
func catalogue(from string, rules []*lint.Rule) (*training.Catalogue, error) {
	if from == "" {
		return training.Shipped(rules), nil
	}
	c, err := training.Folder(from, rules)
	if err != nil {
		return nil, cmdutil.Usagef("%v", err)
	}
	return c, nil
}

// notice says on stderr what of a trainer's folder was left out (links are
// never followed, nor FIFOs and devices read).
func notice(ios *iostreams.IOStreams, skipped []string) {
	for _, s := range skipped {
		fmt.Fprintf(ios.ErrOut, "caselint: notice: skipped %s\n", report.Printable(s))
	}
}

// ListOptions are the inputs of caselint exercise list.
type ListOptions struct {
	IO    *iostreams.IOStreams
	Rules []*lint.Rule
	From  string
	// Trainer shows the rules each exercise practises: for trainees they
	// are a hint (held back, hints.go).
	Trainer bool
}

// NewCmdList returns the list command; runF, when not nil, runs instead.
func NewCmdList(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the exercises: title, level and procedure (--trainer: the rules each practises)",
		Args:  noArgs("list"),
		RunE: func(_ *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return RunList(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "list a trainer's exercises: an exercise folder, or a folder of them")
	cmd.Flags().BoolVar(&opts.Trainer, "trainer", false, "for trainers: show the rules each exercise practises")
	return cmd
}

// RunList lists the exercises, easiest first.
func RunList(opts *ListOptions) error {
	c, err := catalogue(opts.From, opts.Rules)
	if err != nil {
		return err
	}
	exs, err := c.All()
	notice(opts.IO, c.Skipped())
	if err != nil && len(exs) == 0 {
		return err
	}
	out := opts.IO.Out
	width := 0
	for _, ex := range exs {
		width = max(width, len(ex.Name))
	}
	for i, ex := range exs {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "%-*s  level %d  %-14s  %s\n", width, ex.Name, ex.Level, ex.Profile, ex.Title)
		fmt.Fprintf(out, "    %s\n", ex.Summary)
		if opts.Trainer {
			fmt.Fprintf(out, "    practises: %s\n", strings.Join(ex.Rules(), ", "))
		}
		if ex.Git {
			fmt.Fprintf(out, "    comes with its git history\n")
		}
	}
	if len(exs) == 0 {
		fmt.Fprintln(out, "no exercises")
	} else if !opts.Trainer {
		fmt.Fprintln(out, "\nThe rules each exercise practises are for trainers: caselint exercise list --trainer.")
	}
	if err != nil { // some loaded, some broken: list what there is, then say
		return err
	}
	return nil
}

// StartOptions are the inputs of caselint exercise start.
type StartOptions struct {
	IO    *iostreams.IOStreams
	Rules []*lint.Rule
	Name  string
	Dir   string
	From  string
	Git   bool
	// Trainee is the trainee's name, for the session report.
	Trainee string
}

// NewCmdStart returns the start command; runF, when not nil, runs instead.
func NewCmdStart(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*StartOptions) error) *cobra.Command {
	opts := &StartOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "start NAME DIR",
		Short: "Write an exercise's case and brief into a new or empty folder, without the answers",
		Long: `Write the exercise NAME into DIR, which must not exist or be empty: the case
records, with the answers taken out, and BRIEF.md, the trainee's brief.
Nothing already in a folder is ever overwritten, and DIR never holds half an
exercise.

With --git, DIR is a git repository whose history has each record committed
on the day it records. An exercise about the records' history always comes
with its own.

With --from FOLDER, the exercise is a trainer's: FOLDER is the exercise
(then NAME may be left out: start --from FOLDER DIR) or a folder of them.`,
		Example: `  caselint exercise start first-plan-review ellie
  caselint exercise start --git late-entries late-entries
  caselint exercise start --from ~/our-exercises/baby-t trainee1`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 2 || (len(args) == 1 && opts.From != "") {
				return nil
			}
			return cmdutil.Usagef("start takes an exercise name and a folder: caselint exercise start NAME DIR")
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[len(args)-1]
			if len(args) == 2 {
				opts.Name = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return RunStart(context.Background(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "a trainer's exercise folder, or a folder of them")
	cmd.Flags().BoolVar(&opts.Git, "git", false, "make DIR a git repository with a dated history of the records")
	cmd.Flags().StringVar(&opts.Trainee, "trainee", "", "the trainee's name, recorded in DIR for the session report")
	return cmd
}

// RunStart starts the exercise.
func RunStart(ctx context.Context, opts *StartOptions) error {
	c, err := catalogue(opts.From, opts.Rules)
	if err != nil {
		return err
	}
	name := opts.Name
	if name == "" {
		if name = c.Single(); name == "" {
			return cmdutil.Usagef("%s holds several exercises: name one (caselint exercise list --from %s)", opts.From, opts.From)
		}
	}
	if opts.Trainee != "" {
		if _, err := training.ValidTrainee(opts.Trainee); err != nil {
			return cmdutil.Usagef("--trainee: %v", err)
		}
	}
	ex, err := c.Get(name)
	if err != nil {
		return err
	}
	notice(opts.IO, ex.Skipped)
	if err := ex.Start(ctx, opts.Dir, training.StartOptions{Git: opts.Git, Trainee: opts.Trainee}); err != nil {
		return err
	}
	out := opts.IO.Out
	fmt.Fprintf(out, "Started the exercise %q in %s: level %d, %s procedure, read as of %s.\n", ex.Title, opts.Dir, ex.Level, ex.Profile, ex.AsOf.Long())
	fmt.Fprintf(out, "Read %s first.\n", filepath.Join(opts.Dir, training.BriefFile))
	if opts.Git || ex.Git {
		fmt.Fprintf(out, "%s is a git repository: git log shows when each record was committed, and by whom.\n", opts.Dir)
	}
	fmt.Fprintf(out, "\nWhen you are done:\n  caselint exercise check %s                          (you put the records right)\n  caselint exercise check --answers answers.toml %s  (you listed the problems)\n",
		shellArg(opts.Dir), shellArg(opts.Dir))
	return nil
}

// CheckOptions are the inputs of caselint exercise check.
type CheckOptions struct {
	IO      *iostreams.IOStreams
	Rules   []*lint.Rule
	Dir     string
	From    string
	Answers string
	// Hints is --hints: none, record or rule ("": the exercise's own);
	// Trainer shows everything (hints.go).
	Hints   string
	Trainer bool
	// Format is text, json or csv (CheckFormats).
	Format string
	// Now is the clock each check run is recorded at; nil is time.Now.
	Now func() time.Time
}

// NewCmdCheck returns the check command; runF, when not nil, runs instead.
func NewCmdCheck(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "Mark an exercise: what is fixed, or which answers are right",
		Long: `Mark the exercise started in DIR (default: the current folder).

Fix mode (no --answers): for each problem seeded in the case, whether it is
now fixed, recorded, or still there, and any new problem the edits brought
in, with a score: seeded problems put right out of all of them. The records
as started (and, in a git repository, each of the trainee's commits) are
compared with the trainee's: a changed fact, a deleted record, row or
section, a record dated before the exercise, a person added only to own an
action, or a rewritten history is reported as changed evidence and never
counts. A problem that cannot be undone is recorded with a caselint:ignore
and a real reason; every suppression is listed for the trainer.

Spot mode (--answers FILE): marks the trainee's answers file against the
key: found, close, missed (each explained from its rule's help), not in
the key (for discussion) and not supported, with a score: found out of
the key. An answer is found when it names the rule, by its id or in
words, in the record where caselint finds it; the line need not be exact.
The file:

  [[finding]]
  rule = "unseen-child"            # or in words: "child not seen alone"
  at = "visits/2026-03-02.md:3"    # the file, relative to DIR, and the line
  note = "not seen for 24 days"    # optional: shown back beside the answer

The answers are held back: check shows the score and what is fixed (or
found), and of the rest only what the exercise's hint level allows: none
(nothing), record (which record each is in) or rule (which record and which
rule). --hints LEVEL sets the level for a session; --trainer shows
everything. This is friction, not security.

--format json or csv writes the marking for a program or a spreadsheet,
showing what the text shows the trainee and no more (docs/training.md
gives the JSON's fields). Each check is recorded in DIR, with the time, for
the session report.

Exit status: 0 when everything is put right with no evidence changed (or
found, with nothing not supported), 1 when not, 2 on an error.`,
		Example: `  caselint exercise check ellie
  caselint exercise check --answers answers.toml ellie`,
		Args: maxArgs("check", 1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return RunCheck(context.Background(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Answers, "answers", "", "mark this answers file (spot mode) instead of the edits (fix mode)")
	cmd.Flags().StringVar(&opts.From, "from", "", "the trainer's exercise folder, if it has moved since the exercise was started")
	cmd.Flags().StringVar(&opts.Hints, "hints", "", "what to show of the problems left: none, record (which record) or rule (which record and rule); default: the exercise's own, else none")
	cmd.Flags().BoolVar(&opts.Trainer, "trainer", false, "for trainers: show every problem left, with its file, line, rule and message")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or csv")
	return cmd
}

// RunCheck marks the exercise.
func RunCheck(ctx context.Context, opts *CheckOptions) error {
	if err := checkFormat(opts.Format); err != nil {
		return err
	}
	show := training.HintsAll
	if !opts.Trainer && opts.Hints != "" {
		h, err := training.ParseHints(opts.Hints)
		if err != nil {
			return cmdutil.Usagef("--%v", err)
		}
		show = h
	}
	ex, err := training.Open(opts.Dir, opts.From, opts.Rules)
	if err != nil {
		return err
	}
	if !opts.Trainer && opts.Hints == "" {
		show = ex.DefaultHints()
	}
	if opts.Answers != "" {
		answers, err := training.ReadAnswers(opts.Answers)
		if err != nil {
			return err
		}
		r, err := ex.CheckSpot(ctx, answers)
		if err != nil {
			return err
		}
		r.Show = show
		if err := writeCheck(opts, func(o training.ResultOptions) *training.Result { return r.Result(answers, o) }, r.WriteText); err != nil {
			return err
		}
		if !r.Done() {
			return cmdutil.ErrFindings
		}
		return nil
	}
	r, err := ex.CheckFix(ctx, opts.Dir)
	if err != nil {
		return err
	}
	r.Show = show
	if err := writeCheck(opts, r.Result, r.WriteText); err != nil {
		return err
	}
	if !r.Done() {
		return cmdutil.ErrFindings
	}
	return nil
}

// RevealOptions are the inputs of caselint exercise reveal.
type RevealOptions struct {
	IO     *iostreams.IOStreams
	Rules  []*lint.Rule
	Target string // a started folder, or an exercise's name
	From   string
	// Trainer must be given: the key is for trainers.
	Trainer bool
}

// NewCmdReveal returns the reveal command; runF, when not nil, runs instead.
func NewCmdReveal(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*RevealOptions) error) *cobra.Command {
	opts := &RevealOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "reveal [DIR | NAME]",
		Short: "For trainers: the answer key of an exercise, each problem explained",
		Long: `Print the answer key of the exercise started in DIR (default: the current
folder), of the exercise NAME, or of a trainer's exercise folder: every
seeded problem, where caselint reports it, what it says, and why the
procedure asks for it.

The key is for trainers: reveal needs --trainer. This is friction, not
security: it keeps the answers from being one command away.`,
		Example: `  caselint exercise reveal --trainer ellie
  caselint exercise reveal --trainer first-plan-review
  caselint exercise reveal --trainer --from ~/our-exercises/baby-t`,
		Args: maxArgs("reveal", 1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Target = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return RunReveal(context.Background(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "a trainer's exercise folder, or a folder of them")
	cmd.Flags().BoolVar(&opts.Trainer, "trainer", false, "required: the key is for trainers")
	return cmd
}

// RunReveal prints the key, for a trainer (--trainer) only.
func RunReveal(ctx context.Context, opts *RevealOptions) error {
	if !opts.Trainer {
		return cmdutil.Usagef("reveal prints the answer key, which is for trainers: run it with --trainer (trainees: caselint exercise check marks your work)")
	}
	ex, err := revealTarget(opts)
	if err != nil {
		return err
	}
	r, err := ex.Reveal(ctx)
	if err != nil {
		return err
	}
	if err := r.WriteText(opts.IO.Out); err != nil {
		return err
	}
	return writeTrainerNotes(opts.IO.Out, ex)
}

// revealTarget is the exercise of a started folder, or the one named.
func revealTarget(opts *RevealOptions) (*training.Exercise, error) {
	t := opts.Target
	if t == "" {
		if opts.From != "" {
			c, err := catalogue(opts.From, opts.Rules)
			if err != nil {
				return nil, err
			}
			if c.Single() != "" {
				return c.Get(c.Single())
			}
		}
		t = "."
	}
	if st, err := os.Stat(t); err == nil && st.IsDir() {
		if _, err := os.Stat(filepath.Join(t, training.StateFile)); err == nil {
			return training.Open(t, opts.From, opts.Rules)
		}
		if _, err := os.Stat(filepath.Join(t, training.MetaFile)); err == nil && opts.From == "" {
			c, err := catalogue(t, opts.Rules) // an exercise's own folder
			if err != nil {
				return nil, err
			}
			return c.Get(c.Single())
		}
		if t == "." || strings.ContainsAny(t, `/\`) {
			_, err := training.ReadState(t)
			return nil, err
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	c, err := catalogue(opts.From, opts.Rules)
	if err != nil {
		return nil, err
	}
	return c.Get(t)
}

func noArgs(name string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > 0 {
			return cmdutil.Usagef("%s takes no arguments", name)
		}
		return nil
	}
}

func maxArgs(name string, n int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return cmdutil.Usagef("%s takes at most %d folder", name, n)
		}
		return nil
	}
}

// shellArg quotes a folder for a command line shown to the user when it
// needs it.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\|&;<>()*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
