package lint

// filterRules keeps the findings of rules that are on, at the severity the
// profile and config give them.
func filterRules(fs []Finding, severity map[string]Severity) []Finding {
	out := fs[:0]
	for _, f := range fs {
		sev, on := severity[f.RuleID]
		if !on {
			continue
		}
		f.Severity = sev
		out = append(out, f)
	}
	return out
}
