package lint

// NewSince returns the findings of now that are not among before: those a
// change introduced, for reviewing it (caselint lint --new-from-rev).
// Findings are matched by fingerprint (the rule, the path and the text of
// the line), so a finding whose line only moved is not new. The match
// counts: with two findings of one fingerprint now and one before, one of
// the two is new (the last, in now's order). The order of now is kept.
func NewSince(now, before []Finding) []Finding {
	old := make(map[string]int, len(before))
	for _, f := range before {
		old[f.Fingerprint]++
	}
	seen := make(map[string]int, len(now))
	out := make([]Finding, 0)
	for _, f := range now {
		seen[f.Fingerprint]++
		if seen[f.Fingerprint] > old[f.Fingerprint] {
			out = append(out, f)
		}
	}
	return out
}
