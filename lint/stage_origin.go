package lint

// originStage sets each finding's Origin, the commit that last changed the
// line it points at, when there is history (Options.History).
type originStage struct{}

func (originStage) name() string { return "origin" }

func (originStage) run(e *engine, w *caseWork) {
	h := e.opts.History
	if h == nil {
		return
	}
	data := map[string][]byte{}
	for _, d := range w.docs {
		data[d.Source.Path] = d.Source.Data
	}
	out := w.ruled()
	for i := range out {
		if v, ok := h.LineOrigin(out[i].Path, data[out[i].Path], out[i].Pos.Line); ok {
			out[i].Origin = &v
		}
	}
}
