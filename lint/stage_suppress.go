package lint

// suppressStage applies the caselint:ignore comments (suppress.go).
type suppressStage struct{}

func (suppressStage) name() string { return "suppress" }

func (suppressStage) run(e *engine, w *caseWork) {
	w.setRuled(e.suppress(w.docs, w.ruled(), w.dropped))
}
