// Package duecmd is `caselint due`: the worktray of obligations not yet
// met, per case, soonest first (docs/due.md).
package duecmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint due.
type Options struct {
	IO    *iostreams.IOStreams
	Rules []*lint.Rule

	Paths   []string
	Profile string
	AsOf    string
	Config  string
	// Within is how far ahead to look ("14d", "2w"); "" lists every open
	// obligation. Overdue ones are always listed.
	Within string
	// Worker keeps the cases whose lead worker it names (any case; a
	// first name or surname one lead worker alone has); naming no case's
	// lead worker, or several, is a usage error.
	Worker string
	Format string
	Output string
	// Redact replaces the child's and the lead worker's names with their
	// roles and folder and file names with redacted-N.
	Redact bool
	// Trainer lists what is due in a training exercise's folder, which is
	// otherwise declined: it would give the answers away.
	Trainer bool

	// Now and Getwd stand for the clock and the working directory.
	Now   func() time.Time
	Getwd func() (string, error)
}

// NewCmdDue returns the due command; runF, when not nil, runs instead.
func NewCmdDue(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Rules: rules, Now: time.Now, Getwd: os.Getwd}
	cmd := &cobra.Command{
		Use:   "due [PATH...]",
		Short: "List what is due in each case, soonest first: the worktray of deadlines",
		Long: `List the obligations not yet met in the cases under each PATH (default:
the current folder), per case, soonest first, overdue first of all: the
child seen alone by the lead worker, the next core group, a meeting's
minutes, the review conference, the bedroom seen before the next
conference, a refusal's escalation, a birth to record. Each names the
day it is due by, the rule that reports it once overdue and the paragraph
it enforces, and the record the date is counted from.

The dates are the ones caselint lint checks: as of the due day lint is
quiet about it, as of the next day it reports it. See docs/due.md.

--format ics writes an iCalendar file of all-day events to import into
Outlook or Google Calendar; importing it again updates the events rather
than adding them twice. --redact leaves out every name.

Exit status: 0 when the list was made (whatever is overdue: lint is the
gate), 2 for a usage, configuration or I/O error. A record or folder that
could not be read is exit 2 too, once the list of the rest is written:
what it records (a refusal to escalate, a visit) is missing from the
list, which is incomplete, never complete. A record read whose
frontmatter could not be wholly read (invalid-record) is named under its
case ("not fully read") and counted in the summary.`,
		Example: `  caselint due cases
  caselint due --within 14d --worker "Emma Walsh" cases
  caselint due --as-of 2026-11-20 --format json cases
  caselint due --format ics --redact -o due.ics cases`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Profile, "profile", "", "procedure profile: stoke-on-trent, oxfordshire, combined, or one the config defines (default from config, else combined)")
	f.StringVar(&opts.AsOf, "as-of", "", "list what is due as of this date, YYYY-MM-DD (default the config's as_of, else today)")
	f.StringVar(&opts.Config, "config", "", "config file (default: the nearest .caselint.toml at or above the paths, inside the repository)")
	f.StringVar(&opts.Within, "within", "", "list only what is due within this many days (14d) or weeks (2w) of --as-of; overdue obligations are always listed")
	f.StringVar(&opts.Worker, "worker", "", "list only the cases whose lead worker is `NAME` (any case; a first name or surname alone when one lead worker has it)")
	f.StringVar(&opts.Format, "format", "text", "output format: text, json, ics")
	f.StringVarP(&opts.Output, "output", "o", "", "write the list to this file instead of standard output")
	f.BoolVar(&opts.Trainer, "trainer", false, "list what is due in a training exercise's folder anyway (caselint exercise start made it): it gives the exercise's answers away")
	f.BoolVar(&opts.Redact, "redact", false, "replace the child's and the lead worker's names with their roles and folder and file names with redacted-N")
	return cmd
}

// Worktray is what due found: the cases with something to list, each
// with its obligations soonest first, the cases with the soonest first.
type Worktray struct {
	AsOf    schema.Date
	Profile string
	// Within is how many days ahead were looked at; -1: every obligation.
	Within int
	Cases  []lint.CaseObligations
}

// Run lists what is due as opts say.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	printer, ok := printers[opts.Format]
	if !ok {
		return cmdutil.Usagef("--format: %q is not a format of caselint due: text, json or ics", opts.Format)
	}
	within, err := ParseWithin(opts.Within)
	if err != nil {
		return cmdutil.Usagef("--within: %v", err)
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	ws, err := workspace.WorkTree(wd, opts.Paths)
	if err != nil {
		return usage(err)
	}
	if !opts.Trainer {
		if err := cmdutil.ExerciseBefore("due", ws, wd); err != nil {
			return err // what is due in an exercise gives its answers away
		}
	}
	o := workspace.Overrides{Rules: opts.Rules, Profile: opts.Profile, Today: func() schema.Date { return ws.Today(opts.Now()) }}
	if opts.AsOf != "" {
		if o.AsOf, err = schema.ParseDate(opts.AsOf); err != nil {
			return cmdutil.Usagef("--as-of: %v", err)
		}
	}
	// The configs as caselint lint finds them: each case under its nearest
	// (workspace.Configs), read from the work tree.
	cfgs, err := ws.Configs(opts.Config, func(cfg *lint.Config) (*lint.Settings, error) { return workspace.Settings(cfg, o) })
	if err != nil {
		return err
	}
	first := "."
	if len(ws.Scope) > 0 {
		first = ws.Scope[0]
	}
	_, set, err := cfgs.For(first)
	if err != nil {
		return err
	}
	asOf, profile := set.AsOf, set.Profile
	cases, notes, err := lint.Due(ctx, lint.Options{FS: ws.FS, Paths: ws.Paths, Rules: opts.Rules,
		Profile: set.Profile, AsOf: set.AsOf, Calendar: set.Calendar, MaxFileSize: set.MaxFileSize, SettingsFor: cfgs.SettingsFor})
	if err != nil {
		return err
	}
	if !opts.Trainer {
		dirs := make([]string, len(cases))
		for i, c := range cases {
			dirs[i] = c.Dir + "/case.md"
		}
		if err := cmdutil.ExerciseAfter("due", ws, wd, dirs); err != nil {
			return err // an exercise below the paths
		}
	}
	worker, err := resolveWorker(opts.Worker, cases)
	if err != nil {
		return err
	}
	tray := &Worktray{AsOf: asOf, Profile: profile.Name, Within: within, Cases: Select(cases, asOf, within, worker)}
	if opts.Redact {
		paths := lint.PathRedactor()
		for i := range tray.Cases {
			tray.Cases[i].Redact(paths)
		}
	}
	if n, ok := cmdutil.DueConfigNotice(cfgs, opts.AsOf != "", opts.Rules); ok {
		fmt.Fprintf(opts.IO.ErrOut, "caselint: notice: %s\n", report.Printable(n.Message))
	}
	for _, n := range notes {
		fmt.Fprintf(opts.IO.ErrOut, "%s: %s\n", report.Printable(n.Path), report.Printable(n.Message))
	}
	var buf bytes.Buffer
	if err := printer(&buf, tray, opts.Redact); err != nil {
		return err
	}
	if opts.Output != "" {
		err = cmdutil.WriteReport("--output", opts.Output, buf.Bytes())
	} else {
		_, err = opts.IO.Out.Write(buf.Bytes())
	}
	if err != nil {
		return err
	}
	// A record not read may hold what is due (a refusal's escalation, the
	// visit a gap is counted from): the list of the rest is written, and
	// the run is an error, as caselint lint's is, never a complete list.
	if why := lint.Incompleteness(notes); why != "" {
		return errors.New(why)
	}
	return nil
}

// resolveWorker is the lead worker --worker names among the cases read
// (lint.PersonNamed: the full name, or a first name or surname one lead
// worker alone has), or "" for no --worker. A name that matches no case's
// lead worker, or a single word several share, is a usage error: "0 due
// in 0 cases" would read as an empty worktray, when the filter named no
// one. The error names no lead worker: the names are the cases' data.
func resolveWorker(query string, cases []lint.CaseObligations) (string, error) {
	if strings.TrimSpace(query) == "" {
		return "", nil
	}
	var leads []string
	for _, c := range cases {
		if c.LeadWorker != "" {
			leads = append(leads, c.LeadWorker)
		}
	}
	person, n := lint.PersonNamed(query, leads)
	switch {
	case n == 1:
		return person, nil
	case n > 1:
		return "", cmdutil.Usagef("--worker %q: %d lead workers of the %s read have that name: give the full name, as plan.md's lead_worker writes it", query, n, casesRead(len(cases)))
	default:
		return "", cmdutil.Usagef("--worker %q: no case has that lead worker (%s read): check the spelling against plan.md's lead_worker, and the paths", query, casesRead(len(cases)))
	}
}

// casesRead is "1 case" or "n cases".
func casesRead(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "case", "cases")) }

// printers are the formats of caselint due.
var printers = map[string]func(io.Writer, *Worktray, bool) error{
	"text": printText,
	"json": printJSON,
	"ics":  printICS,
}

// Select keeps, of cases, those whose lead worker is worker (lint.SamePerson,
// any case; "" keeps all), and of their obligations those due within the
// days after asOf (overdue ones always; within < 0: all); cases left with
// none are dropped, unless a record of theirs could not be wholly read
// (NotFullyRead: what it records may be due). A case whose obligations
// cannot be worked out at all (NoPlan) is never dropped for that: it is kept, with its reason, unless
// it names a lead worker other than worker. The cases come soonest first (a
// case with an overdue obligation before any without, a case whose
// obligations cannot be worked out before all), then by folder.
func Select(cases []lint.CaseObligations, asOf schema.Date, within int, worker string) []lint.CaseObligations {
	var out []lint.CaseObligations
	for _, c := range cases {
		if c.NoPlan != "" {
			if strings.TrimSpace(worker) == "" || c.LeadWorker == "" || lint.SamePerson(worker, c.LeadWorker) {
				out = append(out, c)
			}
			continue
		}
		if strings.TrimSpace(worker) != "" && !lint.SamePerson(worker, c.LeadWorker) {
			continue
		}
		var keep []lint.Obligation
		for _, o := range c.Obligations {
			if within < 0 || !o.Due.After(asOf.AddDays(within)) {
				keep = append(keep, o)
			}
		}
		if len(keep) == 0 && len(c.NotFullyRead) == 0 {
			continue
		}
		c.Obligations = keep
		out = append(out, c)
	}
	sortCases(out)
	return out
}

func sortCases(cs []lint.CaseObligations) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && caseBefore(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func caseBefore(a, b lint.CaseObligations) bool {
	if (a.NoPlan != "") != (b.NoPlan != "") {
		return a.NoPlan != ""
	}
	da, _ := a.NextDue()
	db, _ := b.NextDue()
	if da != db {
		return da.Before(db)
	}
	return a.Dir < b.Dir
}

var withinForm = regexp.MustCompile(`^(\d{1,4})([dw])$`)

// ParseWithin reads --within: "14d" (days) or "2w" (weeks), as a number of
// days; "" is -1, no limit.
func ParseWithin(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return -1, nil
	}
	m := withinForm.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q: write a number of days or weeks, as 14d or 2w", s)
	}
	n, _ := strconv.Atoi(m[1])
	if m[2] == "w" {
		n *= 7
	}
	return n, nil
}

// usage makes a workspace's usage error the command's.
func usage(err error) error {
	var u *workspace.UsageError
	if errors.As(err, &u) {
		return &cmdutil.UsageError{Err: err}
	}
	return err
}
