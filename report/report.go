// Package report prints findings in one of caselint's output formats: text
// for people, JSON for scripts, SARIF for code-scanning tools, GitHub
// Actions workflow commands for pull-request annotations, rdjson for
// reviewdog, Code Climate JSON for GitLab, JUnit XML for test-report
// viewers and checkstyle XML. Each format is one Printer in its own file,
// fed finding by finding (docs/formats.md).
//
// Findings are printed in the order they arrive (the engine sorts them by
// path, line, column and rule). Suppressed findings are kept, marked
// suppressed with their reason, in JSON, and in SARIF under
// IncludeSuppressed; the other formats leave them out (the text format
// counts them), as the tools that read them have no way to show a finding
// as reviewed and accepted.
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
	// Category is SARIF's runs[].automationDetails.id (--category): code
	// scanning keeps one analysis per tool and category, so two runs over
	// different folders, or with different profiles, do not replace each
	// other. Empty: no automationDetails.
	Category string
	// IncludeSuppressed keeps the suppressed findings in SARIF, each with
	// its inSource suppression. They are left out by default: reviewdog
	// ignores SARIF's suppressions and posts them as live findings, and so
	// do some viewers (docs/formats.md).
	IncludeSuppressed bool
}

// Invocation is how caselint was run. The working directory is left out on
// purpose: it is an absolute path, and the report must not carry one.
type Invocation struct {
	Arguments  []string // the command-line arguments, the program name first
	Successful bool     // the run completed (findings or not); false when caselint itself failed
}

// Provenance is the version-control state the records were linted at.
type Provenance struct {
	RepositoryURI string // required by SARIF; a remote URL, never a local path
	RevisionID    string // the full commit hash; may be empty
	Branch        string // may be empty
}

// Printer writes one report as the findings arrive, golangci-lint style:
// one Printer per format, each in its own file, all on this interface, so
// that the command can stream a run case by case and no format holds the
// findings in memory (the GitHub format keeps at most ten of each kind,
// to print the most severe first).
//
// Begin is called once, then Finding for each finding in report order
// (sorted by path, line, column and rule: the order is the caller's, and
// each format prints in it), then End once with what is known only when
// the run is over. A Printer writes to the io.Writer it was made with and
// is used once.
type Printer interface {
	Begin() error
	Finding(f *lint.Finding) error
	End(t *Tail) error
}

// Tail is what a report learns at the end of the run.
type Tail struct {
	Notifications []lint.Notification
	Files         int // records read
	Cases         int
	Baselined     int // findings the baseline hid (lint.Result.Baselined)
	// ExitCode is caselint's exit status, which the fail level decides
	// once every finding is known.
	ExitCode int
	// Incomplete says why the run is incomplete (lint.Incompleteness: a
	// record not read, a rule that failed), "" when it is not: the report
	// must not read as clean, and the run did not succeed.
	Incomplete string
}

// NewPrinter makes the Printer of one format, writing to w.
type NewPrinter func(w io.Writer, opts Options) Printer

// Print writes res through the printer newP makes: Begin, every finding,
// End, with exitCode the run's exit status.
func Print(newP NewPrinter, w io.Writer, res *lint.Result, opts Options, exitCode int) error {
	p := newP(w, opts)
	if err := p.Begin(); err != nil {
		return err
	}
	for i := range res.Findings {
		if err := p.Finding(&res.Findings[i]); err != nil {
			return err
		}
	}
	return p.End(&Tail{Notifications: res.Notifications, Files: res.Files, Cases: res.Cases, Baselined: res.Baselined, ExitCode: exitCode,
		Incomplete: lint.Incompleteness(res.Notifications)})
}

// Whole makes a Printer of a format that needs the whole result before it
// writes anything (a page that opens with its summary): the Printer
// collects the findings, copying each, and calls print with them at End.
// It holds every finding, so a format that can be written as the findings
// arrive should implement Printer itself.
func Whole(print func(w io.Writer, res *lint.Result, opts Options) error) NewPrinter {
	return func(w io.Writer, opts Options) Printer {
		return &wholePrinter{w: w, opts: opts, print: print}
	}
}

type wholePrinter struct {
	w     io.Writer
	opts  Options
	print func(w io.Writer, res *lint.Result, opts Options) error
	res   lint.Result
}

func (p *wholePrinter) Begin() error { return nil }

func (p *wholePrinter) Finding(f *lint.Finding) error {
	p.res.Findings = append(p.res.Findings, *f)
	return nil
}

func (p *wholePrinter) End(t *Tail) error {
	p.res.Notifications, p.res.Files, p.res.Cases, p.res.Baselined = t.Notifications, t.Files, t.Cases, t.Baselined
	return p.print(p.w, &p.res, p.opts)
}

// InformationURI is caselint's home page.
const InformationURI = "https://github.com/caselint/caselint"

// DefaultHelpURI is the address of docs/rules/<id>.md on GitHub at the
// ref that made the report (DocsRef of the version). The id is escaped, so
// the address is a valid URI whatever the id holds.
func DefaultHelpURI(version, ruleID string) string {
	return InformationURI + "/blob/" + DocsRef(version) + "/docs/rules/" + url.PathEscape(ruleID) + ".md"
}

// DocsRef is the git ref whose docs describe the rules of caselint
// version: the release's tag ("0.1.0" and "v0.1.0" are "v0.1.0"), the
// commit of a pseudo-version (a build of an untagged commit by go install,
// "v0.1.1-0.20261206130000-abcdef123456" is "abcdef123456"), and "main"
// for a development build ("", "dev", "(devel)", a version with a
// +dirty or other build suffix): its rules may be neither at a tag nor at
// a commit anyone can fetch, and main is the nearest description.
func DocsRef(version string) string {
	v := strings.TrimPrefix(version, "v")
	if v == "" || strings.ContainsAny(v, "+ /") || !isDigit(v[0]) {
		return "main"
	}
	core, pre, hasPre := strings.Cut(v, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return "main"
	}
	for _, p := range parts {
		if p == "" || strings.TrimLeft(p, "0123456789") != "" {
			return "main"
		}
	}
	if !hasPre {
		return "v" + core
	}
	// A pseudo-version ends in a 14-digit time and a 12-hex commit.
	fields := strings.Split(pre, "-")
	commit := fields[len(fields)-1]
	if len(fields) >= 2 && len(commit) == 12 && strings.Trim(commit, "0123456789abcdef") == "" {
		return commit
	}
	return "v" + v // a pre-release tag, "v0.2.0-rc.1"
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (o Options) helpURI(ruleID string) string {
	if o.HelpURI != nil {
		return o.HelpURI(ruleID)
	}
	return DefaultHelpURI(o.ToolVersion, ruleID)
}

// Format is one output format: its name, its printer and where it is
// used (docs/formats.md says more).
type Format struct {
	Name string
	New  NewPrinter
	For  string
}

// formats are the formats ByName knows, in the order they are documented.
// A new format is one file with its printer and one line here.
var formats = []Format{
	{"text", NewText, "people: a terminal, a hook's output"},
	{"json", NewJSON, "scripts (docs/formats/caselint-json.schema.json)"},
	{"sarif", NewSARIF, "GitHub code scanning, Azure DevOps, reviewdog"},
	{"github", NewGitHub, "GitHub Actions annotations"},
	{"rdjson", NewRDJSON, "reviewdog (-f=rdjson)"},
	{"codeclimate", NewCodeClimate, "GitLab Code Quality"},
	{"junit", NewJUnit, "Jenkins, Azure DevOps and GitLab test reports"},
	{"checkstyle", NewCheckstyle, "Jenkins warnings-ng and other checkstyle readers"},
}

// Formats are the names ByName knows, in the order they are documented.
var Formats = func() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}()

// ByName returns the printer of format, one of Formats.
func ByName(format string) (NewPrinter, error) {
	for _, f := range formats {
		if f.Name == format {
			return f.New, nil
		}
	}
	return nil, fmt.Errorf("unknown output format %q: use %s or %s",
		format, strings.Join(Formats[:len(Formats)-1], ", "), Formats[len(Formats)-1])
}

// Tally counts a result's findings as every summary reports them (the
// text, JSON and JUnit formats here, and htmlreport's page): the
// suppressed apart, the others by severity.
type Tally struct {
	Errors, Warnings, Notes, Suppressed int
}

// Add counts f.
func (t *Tally) Add(f *lint.Finding) {
	switch {
	case f.Suppression != nil:
		t.Suppressed++
	case f.Severity == lint.Error:
		t.Errors++
	case f.Severity == lint.Warning:
		t.Warnings++
	case f.Severity == lint.Note:
		t.Notes++
	}
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
