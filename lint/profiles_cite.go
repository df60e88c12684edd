package lint

// The procedures, as rules cite them (Citation.Source). A citation of any
// other source (Working Together, the Children Act, the DfE census, the
// record format) is procedure-neutral: every profile follows it.
const (
	ProcedureStoke       = "Stoke-on-Trent C06"
	ProcedureOxfordshire = "Oxfordshire 1.8"
)

// procedures are the procedures each shipped profile follows. A profile a
// config defines follows those of the shipped profile it extends (its Base).
var procedures = map[string][]string{
	ProfileStoke:       {ProcedureStoke},
	ProfileOxfordshire: {ProcedureOxfordshire},
	ProfileCombined:    {ProcedureStoke, ProcedureOxfordshire},
}

// IsProcedure reports whether source is one of the procedures a profile
// follows, rather than a procedure-neutral source.
func IsProcedure(source string) bool {
	return source == ProcedureStoke || source == ProcedureOxfordshire
}

// FollowsProcedure reports whether the shipped profile base follows the
// procedure: stoke-on-trent follows Stoke-on-Trent C06, oxfordshire
// Oxfordshire 1.8, combined both.
func FollowsProcedure(base, procedure string) bool {
	for _, p := range procedures[base] {
		if p == procedure {
			return true
		}
	}
	return false
}

// Follows reports whether the profile follows the procedure
// (ProcedureStoke, ProcedureOxfordshire), through the shipped profile it is
// or extends. A rule whose parts come from different procedures asks it
// before applying a part only one of them sets.
func (p *Profile) Follows(procedure string) bool {
	return p != nil && FollowsProcedure(p.Base, procedure)
}

// CitedUnder reports whether a citation is given to a reader under the
// shipped profile base: it cites one of the procedures base follows, or a
// procedure-neutral source. Under no profile (base ""), every citation is.
// This is the one test of which citations belong to a profile: messages
// (checks' cite), training reports and SARIF all use it.
func CitedUnder(c Citation, base string) bool {
	if base == "" || !IsProcedure(c.Source) {
		return true
	}
	return FollowsProcedure(base, c.Source)
}

// CitationsUnder returns the citations of cites given to a reader under the
// shipped profile base (CitedUnder). When none is, the rule was turned on
// by a config outside its procedures, and all of cites are returned: its
// message still says where the requirement comes from.
func CitationsUnder(cites []Citation, base string) []Citation {
	var out []Citation
	for _, c := range cites {
		if CitedUnder(c, base) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cites
	}
	return out
}

// Citations returns the citations of cites given to a reader under p
// (CitationsUnder with p's base); all of them when p is nil.
func (p *Profile) Citations(cites []Citation) []Citation {
	if p == nil {
		return cites
	}
	return CitationsUnder(cites, p.Base)
}

// OnByCitation reports whether a rule citing cites belongs in the shipped
// profile base: it cites one of the procedures base follows, or a
// procedure-neutral source, or nothing at all (record hygiene). Rule.Profiles
// must agree with it for every shipped profile (checks' tests hold them to
// it).
func OnByCitation(cites []Citation, base string) bool {
	if len(cites) == 0 {
		return true
	}
	for _, c := range cites {
		if !IsProcedure(c.Source) || FollowsProcedure(base, c.Source) {
			return true
		}
	}
	return false
}
