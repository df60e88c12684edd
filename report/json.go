package report

import (
	"encoding/json"
	"io"

	"github.com/caselint/caselint/lint"
)

// JSONVersion is the version of the JSON report's shape. It changes only
// when a field is removed or changes meaning; new fields may be added.
const JSONVersion = 1

type jsonReport struct {
	Version       int                `json:"version"`
	Findings      []jsonFinding      `json:"findings"`
	Notifications []jsonNotification `json:"notifications"`
	Summary       jsonSummary        `json:"summary"`
}

type jsonFinding struct {
	Rule        string          `json:"rule"`
	Severity    string          `json:"severity"`
	Path        string          `json:"path"`
	Line        int             `json:"line"`
	Column      int             `json:"column"` // characters, 1-based
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
}

// JSON prints the result as one JSON document, indented two spaces:
//
//	{"version": 1,
//	 "findings": [{"rule", "severity", "path", "line", "column", "message",
//	               "fingerprint", "suppressed": {"reason"} (only when suppressed)}],
//	 "notifications": [{"level", "path" (when there is one), "message"}],
//	 "summary": {"errors", "warnings", "notes", "suppressed", "cases", "records"}}
//
// Every finding is listed, suppressed ones too; the summary's errors,
// warnings and notes count only those not suppressed. The column counts
// characters.
func JSON(w io.Writer, res *lint.Result, opts Options) error {
	c := count(res)
	rep := jsonReport{
		Version:       JSONVersion,
		Findings:      make([]jsonFinding, 0, len(res.Findings)),
		Notifications: make([]jsonNotification, 0, len(res.Notifications)),
		Summary: jsonSummary{
			Errors:     c.errors,
			Warnings:   c.warnings,
			Notes:      c.notes,
			Suppressed: c.suppressed,
			Cases:      res.Cases,
			Records:    res.Files,
		},
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		jf := jsonFinding{
			Rule:        f.RuleID,
			Severity:    f.Severity.String(),
			Path:        f.Path,
			Line:        f.Pos.Line,
			Column:      f.Pos.Col,
			Message:     f.Message,
			Fingerprint: f.Fingerprint,
		}
		if f.Suppression != nil {
			jf.Suppressed = &jsonSuppressed{Reason: f.Suppression.Reason}
		}
		rep.Findings = append(rep.Findings, jf)
	}
	for _, n := range res.Notifications {
		rep.Notifications = append(rep.Notifications, jsonNotification{
			Level:   n.Level.String(),
			Path:    n.Path,
			Message: n.Message,
		})
	}
	return writeJSON(w, rep)
}

// writeJSON writes v indented two spaces, with a trailing newline, and
// without escaping <, > and & (which appear in messages and Markdown).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
