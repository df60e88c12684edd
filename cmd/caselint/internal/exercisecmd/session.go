package exercisecmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
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

// CheckFormats are the formats of check's output.
var CheckFormats = []string{"text", "json", "csv"}

// SessionFormats are the formats of the session report.
var SessionFormats = []string{"text", "html", "json", "csv"}

func checkFormat(f string) error {
	for _, k := range CheckFormats {
		if f == k || f == "" {
			return nil
		}
	}
	return cmdutil.Usagef("--format %q: check writes %s", f, strings.Join(CheckFormats, ", "))
}

func now(clock func() time.Time) time.Time {
	if clock == nil {
		return time.Now()
	}
	return clock()
}

// writeCheck records the check run in the folder's state file and writes
// the marking in opts.Format: text as before, or the Result in the
// trainee's view (what is held back from the trainee stays out of the JSON
// and the CSV too). build makes the Result for the options given.
func writeCheck(opts *CheckOptions, build func(training.ResultOptions) *training.Result, text func(io.Writer) error) error {
	first := build(training.ResultOptions{})
	a := training.Attempt{At: now(opts.Now).UTC().Truncate(time.Second), Mode: first.Mode, Score: first.Score.Got, Total: first.Score.Total}
	if first.Mode == training.ModeSpot {
		a.Answers = training.AnswersPath(opts.Dir, opts.Answers)
	}
	if err := training.RecordAttempt(opts.Dir, a); err != nil {
		// The marking stands; the session report will count one attempt fewer.
		fmt.Fprintf(opts.IO.ErrOut, "caselint: notice: this check was not recorded for the session report: %s\n", report.Printable(err.Error()))
	}
	st, err := training.ReadState(opts.Dir)
	if err != nil {
		return err
	}
	res := build(training.ResultOptions{State: st, Trainer: opts.Trainer})
	switch opts.Format {
	case "json":
		return res.WriteJSON(opts.IO.Out)
	case "csv":
		return res.WriteCSV(opts.IO.Out)
	}
	return text(opts.IO.Out)
}

// SessionOptions are the inputs of caselint exercise session.
type SessionOptions struct {
	IO      *iostreams.IOStreams
	Rules   []*lint.Rule
	Dirs    []string
	From    string
	Answers string
	Format  string
	Output  string
	Trainee string
	// Now is the clock the report is dated by; nil is time.Now.
	Now func() time.Time
}

// NewCmdSession returns the session command; runF, when not nil, runs
// instead.
func NewCmdSession(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*SessionOptions) error) *cobra.Command {
	opts := &SessionOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "session DIR...",
		Short: "For trainers: mark a cohort's folders and gather them into one report",
		Long: `Mark each started folder DIR as check would, and gather the marks into one
report for the trainer: for each trainee (the name given to start --trainee)
the score, what they put right or found, what is still there or missed, any
changes to the evidence, the suppressions with their reasons, the spot
answers with their marks and the trainee's own words, and the checks they
ran; then the trainer notes of each exercise.

A folder is marked in fix mode, or in spot mode when it holds the answers
file --answers names, or when its last check was a spot check (with the
answers file that check marked).

--format html writes a printable page (A4, its CSS inline, nothing fetched,
no script): the cohort's summary and the trainer notes, then each trainee's
record on pages of its own, which a newly qualified worker can keep as
evidence of learning. --trainee NAME writes only that trainee's record,
without the cohort's results or the trainer notes.

Exit status: 0 when every folder was marked, 2 when one could not be (it is
named in the report, and the others are marked).`,
		Example: `  caselint exercise session ~/training/*
  caselint exercise session --format html -o session.html ~/training/*
  caselint exercise session --format html --trainee "Ellie Hart" -o ellie.html ~/training/ellie
  caselint exercise session --answers answers.toml --format csv -o marks.csv ~/training/*`,
		Args: cmdutil.AtLeastOneArg("session takes the trainees' folders: caselint exercise session DIR..."),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dirs = args
			if runF != nil {
				return runF(opts)
			}
			return RunSession(context.Background(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, html, json or csv")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the report to FILE (replaced whole) instead of the standard output")
	cmd.Flags().StringVar(&opts.Answers, "answers", "", "the answers file's name in each folder: a folder holding it is marked in spot mode")
	cmd.Flags().StringVar(&opts.Trainee, "trainee", "", "write only this trainee's record (their evidence of learning)")
	cmd.Flags().StringVar(&opts.From, "from", "", "the trainer's exercise folder, if it has moved since the exercises were started")
	return cmd
}

// RunSession marks the folders and writes the report.
func RunSession(ctx context.Context, opts *SessionOptions) error {
	ok := false
	for _, f := range SessionFormats {
		ok = ok || opts.Format == f
	}
	if !ok {
		return cmdutil.Usagef("--format %q: session writes %s", opts.Format, strings.Join(SessionFormats, ", "))
	}
	if opts.Answers != "" && (filepath.IsAbs(opts.Answers) || strings.HasPrefix(filepath.Clean(opts.Answers), "..")) {
		return cmdutil.Usagef("--answers %q: give the answers file's name inside each folder, as answers.toml", opts.Answers)
	}
	trainee := ""
	if opts.Trainee != "" {
		name, err := training.ValidTrainee(opts.Trainee)
		if err != nil {
			return cmdutil.Usagef("--trainee: %v", err)
		}
		trainee = name
	}
	s := training.GatherSession(ctx, opts.Dirs, training.SessionOptions{
		Rules: opts.Rules, From: opts.From, Answers: opts.Answers, Now: now(opts.Now).UTC().Truncate(time.Second),
	})
	if trainee != "" {
		all := s
		s = s.Only(trainee)
		if len(s.Results) == 0 {
			return fmt.Errorf("no folder of %q among those given: start --trainee records the name (%d folders marked)", trainee, len(all.Results))
		}
	}
	var buf bytes.Buffer
	var err error
	switch opts.Format {
	case "html":
		err = s.WriteHTML(&buf)
	case "json":
		err = s.WriteJSON(&buf)
	case "csv":
		err = s.WriteCSV(&buf)
	default:
		err = s.WriteText(&buf)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" {
		if _, err := opts.IO.Out.Write(buf.Bytes()); err != nil {
			return err
		}
	} else if err := cmdutil.WriteReport("-o", opts.Output, buf.Bytes()); err != nil {
		return err
	}
	for _, u := range s.Unmarked {
		fmt.Fprintf(opts.IO.ErrOut, "caselint: not marked: %s: %s\n", report.Printable(u.Folder), report.Printable(u.Error))
	}
	if n := len(s.Unmarked); n > 0 && trainee == "" {
		return fmt.Errorf("%d of %d folders could not be marked (named in the report)", n, n+len(s.Results))
	}
	return nil
}

// writeTrainerNotes writes the exercise's trainer notes after its key, for
// the trainer; nothing when it has none.
func writeTrainerNotes(w io.Writer, ex *training.Exercise) error {
	notes, err := ex.TrainerNotes()
	if err != nil || notes == nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "\nTrainer notes (%s):\n", training.TrainerFile); err != nil {
		return err
	}
	return notes.WriteText(w, "  ")
}
