package lint

// KeepsOutcomesAsBefore reports whether a conference's outcomes entry,
// written in words rather than as outcome ids, says the conference kept
// the outcomes agreed before ("Unchanged", "Outcomes as agreed at ICPC",
// "No change to outcomes", "Same as the initial conference"): one of the
// profile's outcomes_as_before phrases, as whole words. Such an entry
// stands for the outcomes the plan's previous conference agreed, which the
// core group "should not alter" (Oxfordshire 1.8 §5.6); an entry that
// opens with ids ("O1-O4 unchanged") names its outcomes and is not read
// here.
func (p *Profile) KeepsOutcomesAsBefore(entry string) bool {
	return hasPhrase(phrase(entry), p.readyWords().outcomesAsBefore...)
}
