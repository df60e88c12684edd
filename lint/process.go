package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// process turns what the rules reported on one case into findings, while the
// case's sources are still at hand: offsets become line and column, the
// caselint:ignore comments are applied, and each finding gets a fingerprint.
// Under Options.Redact, lintCase then replaces the names in them (redact.go)
// while the case's people are still known; the fingerprint, made of the
// line and not the message, stays the same.
//
// dropped counts, by line, the diagnostics of each rule in each file that
// were not stored (place.go): the ignores apply to them, and at most
// maxFindingsPerFile of a rule in a file are listed.
func (e *engine) process(docs []*schema.Document, diags []ruleDiag, dropped map[ruleLine]int) []Finding {
	var pl placer
	diags = sortDiags(diags)
	out := make([]Finding, 0, len(diags))
	for _, d := range diags {
		f := pl.finding(e, d.rule, d.Doc, d.Offset, d.Message)
		if d.Msg.Format != "" {
			f.msg = d.Msg
			if f.Message == "" {
				f.Message = d.Msg.String()
			}
		}
		f.Attributed = d.Attributed
		out = append(out, f)
	}
	out = e.suppress(docs, out, dropped)
	sortFindings(out)
	out = e.limit(docs, out, dropped)
	setFingerprints(out, e.fpPath)
	if h := e.opts.History; h != nil {
		data := map[string][]byte{}
		for _, d := range docs {
			data[d.Source.Path] = d.Source.Data
		}
		for i := range out {
			if v, ok := h.LineOrigin(out[i].Path, data[out[i].Path], out[i].Pos.Line); ok {
				out[i].Origin = &v
			}
		}
	}
	return out
}

// lineText returns the text a fingerprint is made of: the line, trimmed and
// with its spaces collapsed, so re-indenting does not make a finding new.
func lineText(s string) string { return strings.Join(strings.Fields(s), " ") }
