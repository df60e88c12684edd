package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/caselint/caselint/lint"
)

// GitHub prints GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request:
//
//	::error file=cases/smith/plan.md,line=12,col=5,title=missing-lead-worker::no lead worker is named
//
// warning findings are ::warning and notes ::notice; the column counts
// characters. Suppressed findings are left out. A notification is a
// warning, "::warning::caselint: message", with file= and the path in the
// message when it concerns one file. Paths and messages are first made
// Printable, as in the text format (a control character, an escape
// sequence, a byte that is not UTF-8 or a bidirectional control from a file
// name or a record is shown escaped, never written raw to the log), then
// escaped as the Actions toolkit does.
func GitHub(w io.Writer, res *lint.Result, opts Options) error {
	ew := &errWriter{w: w}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Suppression != nil {
			continue
		}
		props := []string{"file=" + ghProperty(Printable(f.Path))}
		if f.Pos.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Pos.Line))
			if f.Pos.Col > 0 {
				props = append(props, "col="+strconv.Itoa(f.Pos.Col))
			}
		}
		props = append(props, "title="+ghProperty(Printable(f.RuleID)))
		ew.write(ghCommand(ghLevel(f.Severity), props, Printable(f.Message)))
	}
	for _, n := range res.Notifications {
		var props []string
		msg := "caselint: " + Printable(n.Message)
		if n.Path != "" {
			path := Printable(n.Path)
			props = []string{"file=" + ghProperty(path)}
			msg = "caselint: " + path + ": " + Printable(n.Message)
		}
		ew.write(ghCommand("warning", props, msg))
	}
	return ew.err
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
