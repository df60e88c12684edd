package report

import (
	"io"

	"github.com/caselint/caselint/lint"
)

// JSONVersion is the version of the JSON report's shape. It changes only
// when a field is removed or changes meaning; new fields may be added.
const JSONVersion = 1

type jsonFinding struct {
	Rule        string          `json:"rule"`
	Severity    string          `json:"severity"`
	Path        string          `json:"path"`
	Line        int             `json:"line"`
	Column      int             `json:"column"` // characters, 1-based
	EndLine     int             `json:"endLine,omitempty"`
	EndColumn   int             `json:"endColumn,omitempty"`
	Message     string          `json:"message"`
	Fingerprint string          `json:"fingerprint"`
	Suppressed  *jsonSuppressed `json:"suppressed,omitempty"`
}

type jsonSuppressed struct {
	Reason string `json:"reason"`
}

type jsonNotification struct {
	Level   string `json:"level"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
	Cases      int `json:"cases"`
	Records    int `json:"records"`
	// Incomplete says why the run is incomplete (Tail.Incomplete); left
	// out when it is not.
	Incomplete string `json:"incomplete,omitempty"`
}

// NewJSON prints the result as one JSON document, indented two spaces:
//
//	{"version": 1,
//	 "findings": [{"rule", "severity", "path", "line", "column",
//	               "endLine", "endColumn" (when the extent is known),
//	               "message", "fingerprint",
//	               "suppressed": {"reason"} (only when suppressed)}],
//	 "notifications": [{"level", "path" (when there is one), "message"}],
//	 "summary": {"errors", "warnings", "notes", "suppressed", "cases", "records"}}
//
// docs/formats/caselint-json.schema.json is its JSON Schema. Every finding
// is listed, suppressed ones too; the summary's errors, warnings and notes
// count only those not suppressed. Columns count characters; endColumn is
// the column just after the last character. Each finding is written as it
// arrives.
func NewJSON(w io.Writer, opts Options) Printer {
	return &jsonPrinter{s: newJSONStream(w)}
}

type jsonPrinter struct {
	s        *jsonStream
	top      *jsonObject
	findings *jsonArray
	c        Tally
}

func (p *jsonPrinter) Begin() error {
	p.top = p.s.object("")
	p.top.field("version", JSONVersion)
	p.findings = p.top.array("findings")
	return p.s.ew.err
}

func (p *jsonPrinter) Finding(f *lint.Finding) error {
	p.c.Add(f)
	jf := jsonFinding{
		Rule:        f.RuleID,
		Severity:    f.Severity.String(),
		Path:        f.Path,
		Line:        f.Pos.Line,
		Column:      f.Pos.Col,
		Message:     f.Message,
		Fingerprint: f.Fingerprint,
	}
	if f.End.IsValid() {
		jf.EndLine, jf.EndColumn = f.End.Line, f.End.Col
	}
	if f.Suppression != nil {
		jf.Suppressed = &jsonSuppressed{Reason: f.Suppression.Reason}
	}
	p.findings.add(jf)
	return p.s.ew.err
}

func (p *jsonPrinter) End(t *Tail) error {
	p.findings.close()
	notes := p.top.array("notifications")
	for _, n := range t.Notifications {
		notes.add(jsonNotification{
			Level:   n.Level.String(),
			Path:    n.Path,
			Message: n.Message,
		})
	}
	notes.close()
	p.top.field("summary", jsonSummary{
		Errors:     p.c.Errors,
		Warnings:   p.c.Warnings,
		Notes:      p.c.Notes,
		Suppressed: p.c.Suppressed,
		Cases:      t.Cases,
		Records:    t.Files,
		Incomplete: t.Incomplete,
	})
	p.top.close()
	p.s.ew.write("\n")
	return p.s.ew.err
}
