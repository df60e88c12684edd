package lint

// limitStage lists at most maxFindingsPerFile findings of a rule in a
// file, with one more saying how many are not listed (place.go).
type limitStage struct{}

func (limitStage) name() string { return "limit" }

func (limitStage) run(e *engine, w *caseWork) {
	w.setRuled(e.limit(w.docs, w.ruled(), w.dropped))
}
