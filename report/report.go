// Package report prints a lint.Result in one of caselint's output formats:
// text for people, JSON for scripts, SARIF for code-scanning tools and
// GitHub Actions workflow commands for pull-request annotations. Each format
// is one Printer in its own file.
//
// Findings are printed in the order they arrive (the engine sorts them by
// path, line, column and rule). Suppressed findings are left out of the text
// and GitHub formats, which only count them, and kept, marked suppressed with
// their reason, in JSON and SARIF.
package report

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/caselint/caselint/lint"
)

// Options are what a printer needs besides the result.
type Options struct {
	// Rules is every rule known, in registry order: SARIF describes each in
	// tool.driver.rules and points results at them by index.
	Rules []*lint.Rule
	// Color turns on colour in the text format. The caller decides it (a
	// terminal, NO_COLOR, --no-color); printers never detect it.
	Color bool
	// ToolVersion is caselint's version, "0.1.0".
	ToolVersion string
	// HelpURI returns the address of a rule's documentation; nil means
	// DefaultHelpURI.
	HelpURI func(ruleID string) string
	// Invocation describes the run, for SARIF.
	Invocation Invocation
	// Provenance, when set, names the repository and revision linted, for
	// SARIF's versionControlProvenance.
	Provenance *Provenance
	// Redact is set when the result was redacted (lint.Options.Redact): the
	// findings already carry roles for names, and SARIF leaves out the
	// rules' descriptions and help, whose examples use sample names
	// (Jamie, Sam Doe) a reader could take for the case's. helpUri links to
	// them.
	Redact bool
	// Profile, when set, is the profile the findings were made under: SARIF
	// gives each rule the citations a reader under it is given (the
	// procedures it follows, lint.CitationsUnder), as the messages do. Nil
	// gives every citation.
	Profile *lint.Profile
}

// Invocation is how caselint was run. The working directory is left out on
// purpose: it is an absolute path, and the report must not carry one.
type Invocation struct {
	Arguments  []string // the command-line arguments, the program name first
	ExitCode   int
	Successful bool // the run completed (findings or not); false when caselint itself failed
}

// Provenance is the version-control state the records were linted at.
type Provenance struct {
	RepositoryURI string // required by SARIF; a remote URL, never a local path
	RevisionID    string // the full commit hash; may be empty
	Branch        string // may be empty
}

// Printer writes res to w in one format.
type Printer func(w io.Writer, res *lint.Result, opts Options) error

// InformationURI is caselint's home page.
const InformationURI = "https://github.com/caselint/caselint"

// DefaultHelpURI is the address of docs/rules/<id>.md on GitHub. The id is
// escaped, so the address is a valid URI whatever the id holds.
func DefaultHelpURI(ruleID string) string {
	return "https://github.com/caselint/caselint/blob/main/docs/rules/" + url.PathEscape(ruleID) + ".md"
}

func (o Options) helpURI(ruleID string) string {
	if o.HelpURI != nil {
		return o.HelpURI(ruleID)
	}
	return DefaultHelpURI(ruleID)
}

// Formats are the names ByName knows, in the order they are documented.
var Formats = []string{"text", "json", "sarif", "github"}

// ByName returns the printer for format: "text", "json", "sarif" or "github".
func ByName(format string) (Printer, error) {
	switch format {
	case "text":
		return Text, nil
	case "json":
		return JSON, nil
	case "sarif":
		return SARIF, nil
	case "github":
		return GitHub, nil
	}
	return nil, fmt.Errorf("unknown output format %q: use %s or %s",
		format, strings.Join(Formats[:len(Formats)-1], ", "), Formats[len(Formats)-1])
}

// counts is the tally of a result the summaries report.
type counts struct {
	errors, warnings, notes, suppressed int
}

func count(res *lint.Result) counts {
	var c counts
	for i := range res.Findings {
		f := &res.Findings[i]
		switch {
		case f.Suppression != nil:
			c.suppressed++
		case f.Severity == lint.Error:
			c.errors++
		case f.Severity == lint.Warning:
			c.warnings++
		case f.Severity == lint.Note:
			c.notes++
		}
	}
	return c
}

// errWriter remembers the first write error, so a printer can write line
// after line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) write(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}
