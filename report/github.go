package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/caselint/caselint/lint"
)

// GitHubAnnotationsPerKind is how many annotations of each kind (error,
// warning, notice) GitHub shows for one step: it drops the rest without a
// word ("10 warning annotations, 10 error annotations, and 10 notice
// annotations per step", actions/toolkit docs/problem-matchers.md).
const GitHubAnnotationsPerKind = 10

// NewGitHub prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::error file=cases/smith/plan.md,line=12,col=5,endColumn=16,title=missing-lead-worker::no lead worker is named
//
// error findings are ::error, warning findings ::warning and notes
// ::notice, most severe first; the columns count characters. Suppressed
// findings are left out. A notification is a warning,
// "::warning::caselint: message", with file= and the path in the message
// when it concerns one file.
//
// GitHub shows at most GitHubAnnotationsPerKind annotations of each kind in
// a step and drops the rest silently, so no more are written: the first
// ten errors, then ten warnings (notifications first), then the notes.
// Each finding past that is written as a plain line of the text format,
// which the step's log shows, and a last ::notice (for which a note makes
// room) says how many findings were not annotated and where they are.
//
// Paths and messages are first made Printable, as in the text format (a
// control character, an escape sequence, a byte that is not UTF-8 or a
// bidirectional control from a file name or a record is shown escaped,
// never written raw to the log), then escaped as the Actions toolkit does.
// The printer holds at most ten findings of each kind, whatever the run's
// size.
func NewGitHub(w io.Writer, opts Options) Printer {
	return &githubPrinter{ew: &errWriter{w: w}, pal: newPalette(false)}
}

type githubPrinter struct {
	ew   *errWriter
	pal  palette
	held [3][]lint.Finding // error, warning, note: the ones to annotate
	over [3]int            // those written as plain lines
}

func ghKind(s lint.Severity) int {
	switch s {
	case lint.Error:
		return 0
	case lint.Warning:
		return 1
	}
	return 2
}

func (p *githubPrinter) Begin() error { return nil }

func (p *githubPrinter) Finding(f *lint.Finding) error {
	if f.Suppression != nil {
		return nil
	}
	k := ghKind(f.Severity)
	if len(p.held[k]) < GitHubAnnotationsPerKind {
		p.held[k] = append(p.held[k], *f)
		return nil
	}
	p.plain(f)
	return p.ew.err
}

// plain writes f as a line of the text format, not an annotation.
func (p *githubPrinter) plain(f *lint.Finding) {
	p.over[ghKind(f.Severity)]++
	p.ew.write(textLine(p.pal, f))
}

func (p *githubPrinter) End(t *Tail) error {
	// Notifications say what was not read: they take the warnings' room
	// first.
	notes := t.Notifications
	var unshown []lint.Notification
	if len(notes) > GitHubAnnotationsPerKind {
		notes, unshown = notes[:GitHubAnnotationsPerKind], notes[GitHubAnnotationsPerKind:]
	}
	room := GitHubAnnotationsPerKind - len(notes)
	if w := p.held[1]; len(w) > room {
		for i := range w[room:] {
			p.plain(&w[room+i])
		}
		p.held[1] = w[:room]
	}
	for _, n := range unshown {
		p.ew.printf("%s: notice: %s\n", p.pal.where(n.Path, 0, 0), Printable(n.Message))
	}
	more := p.over[0] + p.over[1] + p.over[2]
	if n := p.held[2]; (more > 0 || len(unshown) > 0) && len(n) == GitHubAnnotationsPerKind {
		p.plain(&n[len(n)-1]) // room for the summary
		p.held[2] = n[:len(n)-1]
		more++
	}
	for k := range p.held[:2] {
		for i := range p.held[k] {
			p.annotate(&p.held[k][i])
		}
	}
	for _, n := range notes {
		var props []string
		msg := "caselint: " + Printable(n.Message)
		if n.Path != "" {
			path := Printable(n.Path)
			props = []string{"file=" + ghProperty(path)}
			msg = "caselint: " + path + ": " + Printable(n.Message)
		}
		p.ew.write(ghCommand("warning", props, msg))
	}
	for i := range p.held[2] {
		p.annotate(&p.held[2][i])
	}
	if t.Incomplete != "" {
		// The step fails (exit 2): its annotation says why, whatever
		// annotations GitHub dropped.
		p.ew.write(ghCommand("error", []string{"title=caselint"}, "caselint: "+Printable(t.Incomplete)))
	}
	if more > 0 || len(unshown) > 0 {
		msg := fmt.Sprintf("%s (%d errors, %d warnings, %d notes) not annotated: GitHub shows %d annotations of each kind in a step. "+
			"Every finding is in this step's log; run caselint lint, or see the code scanning alerts of the SARIF report, for the full list",
			plural(more, "finding", "findings"), p.over[0], p.over[1], p.over[2], GitHubAnnotationsPerKind)
		if len(unshown) > 0 {
			msg += fmt.Sprintf("; %s in the log only", plural(len(unshown), "more notice", "more notices"))
		}
		p.ew.write(ghCommand("notice", []string{"title=caselint"}, msg))
	}
	return p.ew.err
}

// annotate writes f as a workflow command.
func (p *githubPrinter) annotate(f *lint.Finding) {
	props := []string{"file=" + ghProperty(Printable(f.Path))}
	if f.Pos.Line > 0 {
		props = append(props, "line="+strconv.Itoa(f.Pos.Line))
		if f.End.IsValid() && f.End.Line > f.Pos.Line {
			props = append(props, "endLine="+strconv.Itoa(f.End.Line))
		}
		if f.Pos.Col > 0 {
			props = append(props, "col="+strconv.Itoa(f.Pos.Col))
			// GitHub takes endColumn only on one line.
			if f.End.IsValid() && f.End.Line == f.Pos.Line && f.End.Col > f.Pos.Col {
				props = append(props, "endColumn="+strconv.Itoa(f.End.Col))
			}
		}
	}
	props = append(props, "title="+ghProperty(Printable(f.RuleID)))
	p.ew.write(ghCommand(ghLevel(f.Severity), props, Printable(f.Message)))
}

// ghCommand is one workflow command line: "::name props::message\n".
func ghCommand(name string, props []string, message string) string {
	var b strings.Builder
	b.WriteString("::" + name)
	if len(props) > 0 {
		b.WriteString(" " + strings.Join(props, ","))
	}
	b.WriteString("::" + ghData(message) + "\n")
	return b.String()
}

func ghLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a command's message: %, CR and LF.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a command's property value: %, CR, LF, ":" and ",".
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
