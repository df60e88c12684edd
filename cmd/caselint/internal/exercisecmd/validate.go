package exercisecmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/training"
	"github.com/spf13/cobra"
)

// ValidateOptions are the inputs of caselint exercise validate.
type ValidateOptions struct {
	IO    *iostreams.IOStreams
	Rules []*lint.Rule
	Dirs  []string
}

// NewCmdValidate returns the validate command; runF, when not nil, runs
// instead.
func NewCmdValidate(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: ios, Rules: rules}
	cmd := &cobra.Command{
		Use:   "validate DIR...",
		Short: "For trainers: check an exercise folder before trainees get it",
		Long: `Check a trainer's exercise folder (the one holding exercise.toml), or each
exercise in a folder of them, under the exercise's own profile and as-of
date:

  - the key (the want comments of case/, and key.toml's accepted
    alternatives) matches what caselint finds on case/: every key item is
    found where its want comment stands, and every finding is in the key or
    accepted as incidental (a caselint:ignore comment with a reason);
  - every gap in seeing the child is intended: an unseen-child finding the
    key lacks is an accidental gap, and validate says which visits to move
    and to which day;
  - the brief gives no answer away: it names no rule of the key, quotes no
    rule's title and no message caselint gives for the key;
  - solution/ is the case put right: every record kept, no visit's facts
    rewritten, every key item fixed and nothing new.

Each problem is given at its file and line in the exercise folder, with
what to move or change.

Exit status: 0 when every exercise is valid, 1 when one has problems, 2 on
an error (a folder that is not an exercise).`,
		Example: `  caselint exercise validate our-exercises/baby-t
  caselint exercise validate our-exercises`,
		Args: cmdutil.AtLeastOneArg("validate takes an exercise folder: caselint exercise validate DIR"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dirs = args
			if runF != nil {
				return runF(opts)
			}
			return RunValidate(context.Background(), opts)
		},
	}
	return cmd
}

// RunValidate validates each folder, and each exercise in a folder of them.
func RunValidate(ctx context.Context, opts *ValidateOptions) error {
	var dirs []string
	for _, d := range opts.Dirs {
		st, err := os.Stat(d)
		if err != nil {
			return cmdutil.Usagef("%s: no such folder", d)
		}
		if !st.IsDir() {
			return cmdutil.Usagef("%s is not a folder: give the exercise's folder (the one holding %s)", d, training.MetaFile)
		}
		if _, err := os.Lstat(filepath.Join(d, training.MetaFile)); err == nil {
			dirs = append(dirs, d)
			continue
		}
		c, err := training.Folder(d, opts.Rules)
		if err != nil {
			return cmdutil.Usagef("%v", err)
		}
		names, err := c.Names()
		notice(opts.IO, c.Skipped())
		if err != nil {
			return err
		}
		if len(names) == 0 {
			return cmdutil.Usagef("%s holds no exercise: give the exercise's folder (the one holding %s), or a folder of them", d, training.MetaFile)
		}
		for _, n := range names {
			dirs = append(dirs, filepath.Join(d, n))
		}
	}
	bad := false
	for _, d := range dirs {
		v, err := training.Validate(ctx, d, opts.Rules)
		if err != nil {
			return cmdutil.Usagef("%v", err)
		}
		if err := writeValidation(opts.IO.Out, d, v); err != nil {
			return err
		}
		bad = bad || !v.OK()
	}
	if bad {
		return cmdutil.ErrFindings
	}
	return nil
}

// writeValidation prints one exercise's validation.
func writeValidation(w io.Writer, dir string, v *training.Validation) error {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	name := report.Printable(dir)
	if filepath.Clean(dir) == "." {
		name = report.Printable(v.Name)
	}
	if v.OK() {
		items, alts := 0, 0
		if v.Exercise != nil {
			for _, k := range v.Exercise.KeyItems() {
				items++
				alts += len(k.Accept)
			}
		}
		p("%s: valid: %s", name, plural(items, "key item"))
		if alts > 0 {
			p(", %s", plural(alts, "accepted alternative"))
		}
		if len(v.Incidental) > 0 {
			p(", %s", plural(len(v.Incidental), "incidental finding"))
		}
		p("\n")
	} else {
		p("%s: %s\n", name, plural(len(v.Problems), "problem"))
		for _, pr := range v.Problems {
			p("  %s\n", report.Printable(pr.String()))
		}
	}
	for _, s := range v.Incidental {
		p("  accepted as incidental: %s\n", report.Printable(s))
	}
	for _, n := range v.Notes {
		p("  note: %s\n", report.Printable(n))
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
