package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/caselint/caselint/lint"
)

// ccIssue is one issue of the Code Climate JSON GitLab's code quality
// report reads (GitLab's "Code Quality report format": description,
// check_name, fingerprint, severity, location.path, location.lines.begin
// required), with Code Climate's own type and categories.
type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Categories  []string   `json:"categories"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    ccLocation `json:"location"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// NewCodeClimate prints a Code Climate JSON array, as GitLab's code quality
// report (reports:codequality in .gitlab-ci.yml) reads it:
//
//	[{"type": "issue", "check_name": rule id, "description": message,
//	  "categories": ["Bug Risk"], "fingerprint",
//	  "severity": "critical" | "major" | "minor",
//	  "location": {"path", "lines": {"begin", "end"}}}]
//
// error findings are critical, warnings major and notes minor (info and
// blocker are not used). GitLab needs a fingerprint unique in the report:
// caselint's are (Finding.Fingerprint). A finding at no line is at line 1,
// as GitLab requires a line. Suppressed findings are left out: GitLab
// would show them as live. Each issue is written as it arrives.
func NewCodeClimate(w io.Writer, opts Options) Printer {
	return &codeClimatePrinter{s: newJSONStream(w)}
}

type codeClimatePrinter struct {
	s      *jsonStream
	issues *jsonArray
}

func (p *codeClimatePrinter) Begin() error {
	p.issues = p.s.array("")
	return p.s.ew.err
}

func (p *codeClimatePrinter) Finding(f *lint.Finding) error {
	if f.Suppression != nil {
		return nil
	}
	is := ccIssue{
		Type:        "issue",
		CheckName:   f.RuleID,
		Description: f.Message,
		Categories:  []string{"Bug Risk"},
		Fingerprint: f.Fingerprint,
		Severity:    ccSeverity(f.Severity),
		Location:    ccLocation{Path: f.Path, Lines: ccLines{Begin: max(f.Pos.Line, 1)}},
	}
	if is.Fingerprint == "" {
		// Every finding of a run has one; GitLab needs one all the same.
		sum := sha256.Sum256([]byte(f.RuleID + "\x00" + f.Path + "\x00" + strconv.Itoa(f.Pos.Line)))
		is.Fingerprint = hex.EncodeToString(sum[:12])
	}
	if f.End.IsValid() && f.End.Line > is.Location.Lines.Begin {
		is.Location.Lines.End = f.End.Line
	}
	p.issues.add(is)
	return p.s.ew.err
}

func (p *codeClimatePrinter) End(*Tail) error {
	p.issues.close()
	p.s.ew.write("\n")
	return p.s.ew.err
}

func ccSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "critical"
	case lint.Warning:
		return "major"
	}
	return "minor"
}
