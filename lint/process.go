package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// The results pipeline, per case. What the rules reported on one case
// becomes findings while the case's sources are still at hand, through the
// stages of caseStages, in that order (as golangci-lint's runner lists its
// processors). docs/architecture.md lists them; TestPipelineDoc holds the
// two to the same order.
var caseStages = []caseStage{
	placeStage{},       // offsets become line and column (stage_place.go)
	suppressStage{},    // caselint:ignore comments applied (stage_suppress.go)
	sortStage{},        // by path, line, column, rule (stage_sort.go)
	limitStage{},       // at most maxFindingsPerFile of a rule in a file (stage_limit.go)
	fingerprintStage{}, // findings sharing a fingerprint numbered (stage_fingerprint.go)
	originStage{},      // the commit that last changed the line (stage_origin.go)
	redactStage{},      // names replaced under Options.Redact (stage_redact.go)
}

// caseStage is one stage of the per-case pipeline.
type caseStage interface {
	name() string
	run(e *engine, w *caseWork)
}

// caseWork is what the per-case stages work on.
//
// dropped counts, by line, the diagnostics of each rule in each file that
// were not stored (place.go): the ignores apply to them, and at most
// maxFindingsPerFile of a rule in a file are listed.
type caseWork struct {
	c       *Case
	docs    []*schema.Document
	diags   []ruleDiag
	dropped map[ruleLine]int

	// findings are the case's findings: first the made ones the engine
	// made itself while reading (a file over the size limit), then from
	// index made on those of the rules, which the stages up to redact
	// work on.
	findings []Finding
	made     int
	notes    []Notification
}

// ruled is the findings of the rules.
func (w *caseWork) ruled() []Finding { return w.findings[w.made:] }

// setRuled replaces the findings of the rules with fs.
func (w *caseWork) setRuled(fs []Finding) {
	if w.made == 0 {
		w.findings = fs
		return
	}
	w.findings = append(w.findings[:w.made:w.made], fs...)
}

// process runs the per-case stages on what the rules reported on the case
// c; findings and notes are what the engine found while reading it.
func (e *engine) process(c *Case, docs []*schema.Document, diags []ruleDiag, dropped map[ruleLine]int, findings []Finding, notes []Notification) ([]Finding, []Notification) {
	w := &caseWork{c: c, docs: docs, diags: diags, dropped: dropped, findings: findings, made: len(findings), notes: notes}
	for _, s := range caseStages {
		s.run(e, w)
	}
	return w.findings, w.notes
}

// lineText returns the text a fingerprint is made of: the line, trimmed and
// with its spaces collapsed, so re-indenting does not make a finding new.
func lineText(s string) string { return strings.Join(strings.Fields(s), " ") }
