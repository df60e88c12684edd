package lint

// redactStage, under Options.Redact, replaces the names in the case's
// findings and notices (redact.go) while the case's people are still
// known. The fingerprint, made of the line and not the message, stays the
// same.
type redactStage struct{}

func (redactStage) name() string { return "redact" }

func (redactStage) run(e *engine, w *caseWork) {
	if e.opts.Redact {
		e.redact(w.c, w.docs, w.findings, w.notes)
	}
}
