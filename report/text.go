package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/fatih/color"

	"github.com/caselint/caselint/lint"
)

// NewText prints one line per finding that is not suppressed,
//
//	cases/smith/plan.md:12:5: error: no lead worker is named [missing-lead-worker]
//
// then one line per notification,
//
//	cases/smith/visits/2026-01-10.md: notice: cannot read the record: ...
//	caselint: notice: history rules skipped: this is a shallow clone ...
//
// and a summary,
//
//	3 errors, 1 warning, 0 notes in 2 cases (14 records), 2 suppressed
//	no problems in 2 cases (14 records)
//	no problems in 2 cases (14 records), 12 in the baseline
//	no problems in 1 case (4 records); 1 record could not be read: the result is incomplete
//
// The column counts characters. Colour (path bold, severity red, yellow or
// cyan, rule id faint) is used only when opts.Color is set. Paths and
// messages are Printable: a newline or an escape sequence in a file name or
// a record is shown escaped, never acted on.
func NewText(w io.Writer, opts Options) Printer {
	return &textPrinter{ew: &errWriter{w: w}, pal: newPalette(opts.Color)}
}

type textPrinter struct {
	ew  *errWriter
	pal palette
	c   Tally
}

func (p *textPrinter) Begin() error { return nil }

func (p *textPrinter) Finding(f *lint.Finding) error {
	p.c.Add(f)
	if f.Suppression == nil {
		p.ew.write(textLine(p.pal, f))
	}
	return p.ew.err
}

func (p *textPrinter) End(t *Tail) error {
	for _, n := range t.Notifications {
		p.ew.printf("%s: %s: %s\n", p.pal.where(n.Path, 0, 0), p.pal.note.Sprint("notice"), Printable(n.Message))
	}
	p.ew.write(summary(p.c, t) + "\n")
	return p.ew.err
}

// textLine is the text format's line of f, which the GitHub format also
// writes for the findings it cannot annotate.
func textLine(pal palette, f *lint.Finding) string {
	return fmt.Sprintf("%s: %s: %s %s\n",
		pal.where(f.Path, f.Pos.Line, f.Pos.Col),
		pal.severity(f.Severity),
		Printable(f.Message),
		pal.rule.Sprint("["+f.RuleID+"]"))
}

// summary is the last line of the text report.
func summary(c Tally, t *Tail) string {
	scope := fmt.Sprintf("in %s (%s)", plural(t.Cases, "case", "cases"), plural(t.Files, "record", "records"))
	var s string
	if c.Errors+c.Warnings+c.Notes == 0 {
		s = "no problems " + scope
	} else {
		s = fmt.Sprintf("%s, %s, %s %s",
			plural(c.Errors, "error", "errors"),
			plural(c.Warnings, "warning", "warnings"),
			plural(c.Notes, "note", "notes"),
			scope)
	}
	if c.Suppressed > 0 {
		s += fmt.Sprintf(", %d suppressed", c.Suppressed)
	}
	if t.Baselined > 0 {
		// Not a bare "no problems": the baseline hid some.
		s += fmt.Sprintf(", %d in the baseline", t.Baselined)
	}
	if t.Incomplete != "" {
		// Not "no problems": what was not read may hold them.
		s += "; " + t.Incomplete
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// palette is the colours of one Text call. Each is built here and switched
// on or off explicitly, so neither the environment nor color.NoColor
// decides.
type palette struct {
	path, rule, err, warn, note *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path: color.New(color.Bold),
		rule: color.New(color.Faint),
		err:  color.New(color.FgRed, color.Bold),
		warn: color.New(color.FgYellow, color.Bold),
		note: color.New(color.FgCyan, color.Bold),
	}
	for _, c := range []*color.Color{p.path, p.rule, p.err, p.warn, p.note} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// where is "path:line:col", "path:line" or "path", in bold; "caselint"
// when there is no path.
func (p palette) where(path string, line, col int) string {
	if path == "" {
		return "caselint"
	}
	s := Printable(path)
	if line > 0 {
		s += ":" + strconv.Itoa(line)
		if col > 0 {
			s += ":" + strconv.Itoa(col)
		}
	}
	return p.path.Sprint(s)
}

func (p palette) severity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return p.err.Sprint(s)
	case lint.Warning:
		return p.warn.Sprint(s)
	case lint.Note:
		return p.note.Sprint(s)
	}
	return s.String()
}
