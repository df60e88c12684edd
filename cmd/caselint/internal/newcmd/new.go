// Package newcmd is `caselint new`.
package newcmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/newrecord"
	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
)

// Kinds are the records caselint new writes, as the command names them.
var Kinds = []string{"case", "plan", "visit", "core-group", "conference"}

// Options are the inputs of caselint new.
type Options struct {
	IO *iostreams.IOStreams

	Kind           string
	Case           string // the case folder; for a case, the folder to create
	Date           string
	Profile        string
	ID             string
	Child          string
	Name           string
	ConferenceKind string

	// Now and Getwd stand for the clock and the working directory.
	Now   func() time.Time
	Getwd func() (string, error)
}

// NewCmdNew returns the new command. runF, when not nil, runs instead of
// the real thing, so that tests can stop before running.
func NewCmdNew(ios *iostreams.IOStreams, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Now: time.Now, Getwd: os.Getwd}
	cmd := &cobra.Command{
		Use:   "new {case|plan|visit|core-group|conference}",
		Short: "Write a new record from a template, prefilled from the case",
		Long: `Write a new case record from a template with every key and section the
profile asks for, prefilled with what the case already records: the people,
the lead worker, the core group, the conference's dates and outcomes.

What only the writer knows is left as TBC, and caselint reports it until it
is filled. The record goes where the convention puts it:

  case        FOLDER/case.md (--case FOLDER, default ./ID)
  plan        plan.md
  visit       visits/YYYY-MM-DD.md
  core-group  core-groups/YYYY-MM-DD.md
  conference  conferences/YYYY-MM-DD-KIND.md

A file that exists is never overwritten: for a second record on the same
day, give it a name with --name.`,
		Example: `  caselint new case --id SOT-2026-0042 --child Jamie --case cases/SOT-2026-0042
  caselint new conference --case cases/SOT-2026-0042 --date 2026-01-12 --conference-kind initial
  caselint new plan --case cases/SOT-2026-0042
  cd cases/SOT-2026-0042 && caselint new visit --date 2026-01-19
  caselint new visit --date 2026-01-19 --name 2026-01-19-evening.md`,
		ValidArgs: Kinds,
		Args:      cmdutil.ExactlyOneArg("say which record to write: caselint new {" + strings.Join(Kinds, "|") + "}"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Kind = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Case, "case", "", "the case folder (default: the one holding case.md at or above the working folder); for a new case, the folder to create (default ./ID)")
	f.StringVar(&opts.Date, "date", "", "the record's date, YYYY-MM-DD (default today)")
	f.StringVar(&opts.Profile, "profile", "", "procedure profile the template follows: stoke-on-trent, oxfordshire, combined, or one the config defines (default from config, else combined)")
	f.StringVar(&opts.ID, "id", "", "case: the case id, such as SOT-2026-0042")
	f.StringVar(&opts.Child, "child", "", "case: the child's first name or pseudonym")
	f.StringVar(&opts.Name, "name", "", "visit, core-group, conference: the file name to write instead of the date's (such as 2026-01-19-evening.md)")
	f.StringVar(&opts.ConferenceKind, "conference-kind", "", "conference: initial, review or transfer (default initial for a case with no conference, else review)")
	return cmd
}

// Run writes the record opts describe.
func Run(opts *Options) error {
	kind, err := checkFlags(opts)
	if err != nil {
		return err
	}
	date := schema.DateOf(opts.Now())
	if opts.Date != "" {
		if date, err = schema.ParseDate(opts.Date); err != nil {
			return cmdutil.Usagef("--date: %v", err)
		}
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	dir := opts.Case
	switch {
	case dir != "":
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(wd, dir)
		}
		dir = filepath.Clean(dir)
	case kind == schema.KindCase:
		dir = filepath.Join(wd, opts.ID)
	default:
		found, ok := newrecord.FindCase(wd)
		if !ok {
			return fmt.Errorf("there is no case.md in %s or above it: run caselint new in a case's folder, or pass --case the case's folder", wd)
		}
		dir = found
	}

	cfg, err := workspace.ConfigFor(wd, dir)
	if err != nil {
		return err
	}
	profile, err := cfg.ResolveProfile(opts.Profile)
	if err != nil {
		return err
	}

	path, err := newrecord.Write(newrecord.Options{
		Kind: kind, Dir: dir, Date: date, Profile: profile,
		ConferenceKind: opts.ConferenceKind, ID: opts.ID, Child: opts.Child, Name: opts.Name,
	})
	if err != nil {
		var exists *newrecord.ExistsError
		if errors.As(err, &exists) {
			exists.Path = display(wd, exists.Path)
		}
		return err
	}
	fill := "fill in the TBC placeholders"
	if kind == schema.KindCase {
		fill += " and add the people"
	}
	// The names are shown Printable, as lint shows paths: a newline or an
	// escape sequence in --name or --case is shown escaped, never acted on.
	fmt.Fprintf(opts.IO.Out, "wrote %s\n%s, then run: caselint lint %s\n",
		report.Printable(display(wd, path)), fill, report.Printable(shellWord(display(wd, dir))))
	return nil
}

// checkFlags returns the kind of record asked for, or a usage error when
// the flags do not fit it.
func checkFlags(opts *Options) (schema.Kind, error) {
	k := strings.ToLower(strings.TrimSpace(opts.Kind))
	found := false
	for _, n := range Kinds {
		if n == k {
			found = true
		}
	}
	if !found {
		return "", cmdutil.Usagef("unknown record %q: caselint new {%s}", opts.Kind, strings.Join(Kinds, "|"))
	}
	kind := schema.Kind(k)
	only := func(flag, value string, kinds ...schema.Kind) error {
		if value == "" {
			return nil
		}
		for _, ok := range kinds {
			if kind == ok {
				return nil
			}
		}
		return cmdutil.Usagef("--%s is not used by caselint new %s", flag, kind)
	}
	for _, err := range []error{
		only("id", opts.ID, schema.KindCase),
		only("child", opts.Child, schema.KindCase),
		only("date", opts.Date, schema.KindPlan, schema.KindVisit, schema.KindCoreGroup, schema.KindConference),
		only("name", opts.Name, schema.KindVisit, schema.KindCoreGroup, schema.KindConference),
		only("conference-kind", opts.ConferenceKind, schema.KindConference),
	} {
		if err != nil {
			return "", err
		}
	}
	if kind == schema.KindCase {
		if strings.TrimSpace(opts.ID) == "" || strings.TrimSpace(opts.Child) == "" {
			return "", cmdutil.Usagef("a new case needs its id and the child's name: caselint new case --id SOT-2026-0042 --child Jamie")
		}
		if opts.Case == "" && (strings.ContainsAny(opts.ID, `/\`) || opts.ID == "." || opts.ID == "..") {
			return "", cmdutil.Usagef("--id %q cannot be a folder name: pass --case the folder to create", opts.ID)
		}
	}
	return kind, nil
}

// display is path relative to wd when it is wd, below it or above it (a
// case folder from inside the case: ".."), else as it is.
func display(wd, path string) string {
	r, err := filepath.Rel(wd, path)
	if err != nil {
		return path
	}
	up := true
	for _, part := range strings.Split(r, string(filepath.Separator)) {
		if part != ".." {
			up = false
		}
	}
	if up || (r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))) {
		return r
	}
	return path
}

// shellWord quotes s for a shell when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\!*?[]{}()&;|<>~#") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
