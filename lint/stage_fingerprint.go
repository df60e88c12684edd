package lint

// fingerprintStage numbers the findings that would share a fingerprint, in
// their sorted order, so each is unique (setFingerprints, fingerprint.go).
type fingerprintStage struct{}

func (fingerprintStage) name() string { return "fingerprint" }

func (fingerprintStage) run(e *engine, w *caseWork) { setFingerprints(w.ruled(), e.fpPath) }
