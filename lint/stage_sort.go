package lint

// sortStage puts the case's findings in report order: path, line, column,
// rule (sortFindings).
type sortStage struct{}

func (sortStage) name() string { return "sort" }

func (sortStage) run(_ *engine, w *caseWork) { sortFindings(w.ruled()) }
