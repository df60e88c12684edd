package lint

// placeStage turns the rules' diagnostics into findings: offsets become
// line and column (placer, place.go), and the message keeps what it quotes
// apart for redaction.
type placeStage struct{}

func (placeStage) name() string { return "place" }

func (placeStage) run(e *engine, w *caseWork) {
	var pl, ends placer
	var ext extents
	diags := sortDiags(w.diags)
	out := make([]Finding, 0, len(diags))
	for _, d := range diags {
		f := pl.finding(e, d.rule, d.Doc, d.Offset, d.Occurrence, d.Message)
		if end := ext.end(d.Doc, f.Pos.Offset, d.End); end > f.Pos.Offset {
			f.End = ends.position(d.Doc.Source, end)
		}
		if d.Msg.Format != "" {
			f.msg = d.Msg
			if f.Message == "" {
				f.Message = d.Msg.String()
			}
		}
		f.Attributed, f.Span = d.Attributed, d.Span
		f.opened, f.open = d.Opened, d.Open
		out = append(out, f)
	}
	w.setRuled(out)
}
