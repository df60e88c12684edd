package report

import (
	"io"

	"github.com/caselint/caselint/lint"
)

// rdjson is reviewdog's Diagnostic Result JSON (rdf, proto/rdf/jsonschema
// in reviewdog's repository).
type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Code     rdCode     `json:"code"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"` // bytes, 1-based
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

// NewRDJSON prints reviewdog's Diagnostic Result JSON, for
// reviewdog -f=rdjson:
//
//	{"source": {"name": "caselint", "url"},
//	 "diagnostics": [{"message", "severity": "ERROR" | "WARNING" | "INFO",
//	                  "location": {"path", "range": {"start": {"line", "column"},
//	                                                 "end": {"line", "column"}}},
//	                  "code": {"value": rule id, "url": its documentation}}]}
//
// Columns count bytes, as rdjson requires; the end is exclusive and given
// when the finding's extent is known. Suppressed findings are left out:
// rdjson cannot mark a finding as reviewed, and reviewdog would post it.
// Notifications have no place in rdjson: the command writes them to
// stderr. Each diagnostic is written as it arrives.
func NewRDJSON(w io.Writer, opts Options) Printer {
	return &rdjsonPrinter{s: newJSONStream(w), opts: opts}
}

type rdjsonPrinter struct {
	s     *jsonStream
	opts  Options
	top   *jsonObject
	diags *jsonArray
}

func (p *rdjsonPrinter) Begin() error {
	p.top = p.s.object("")
	p.top.field("source", rdSource{Name: CommandName, URL: InformationURI})
	p.diags = p.top.array("diagnostics")
	return p.s.ew.err
}

func (p *rdjsonPrinter) Finding(f *lint.Finding) error {
	if f.Suppression != nil {
		return nil
	}
	d := rdDiagnostic{
		Message:  f.Message,
		Location: rdLocation{Path: f.Path},
		Severity: rdSeverity(f.Severity),
		Code:     rdCode{Value: f.RuleID, URL: p.opts.helpURI(f.RuleID)},
	}
	if f.Pos.Line > 0 {
		r := &rdRange{Start: rdPosition{Line: f.Pos.Line, Column: f.Pos.ColByte}}
		if f.End.IsValid() && (f.End.Line > f.Pos.Line || f.End.ColByte > f.Pos.ColByte) {
			r.End = &rdPosition{Line: f.End.Line, Column: f.End.ColByte}
		}
		d.Location.Range = r
	}
	p.diags.add(d)
	return p.s.ew.err
}

func (p *rdjsonPrinter) End(*Tail) error {
	p.diags.close()
	p.top.close()
	p.s.ew.write("\n")
	return p.s.ew.err
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	}
	return "INFO"
}
