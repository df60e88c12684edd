package lint

import (
	"reflect"
	"testing"
)

var (
	citeStoke   = Citation{Source: ProcedureStoke, Paragraph: "§03"}
	citeOxon    = Citation{Source: ProcedureOxfordshire, Paragraph: "§3"}
	citeWT      = Citation{Source: "Working Together to Safeguard Children 2023"}
	citeFormat  = Citation{Source: "caselint case record format, version 1"}
	citeNearOxo = Citation{Source: "Oxfordshire 1.8 (2013)"} // not the procedure's source: neutral, not matched by prefix
)

func TestFollowsProcedure(t *testing.T) {
	for _, tc := range []struct {
		base, procedure string
		want            bool
	}{
		{ProfileStoke, ProcedureStoke, true},
		{ProfileStoke, ProcedureOxfordshire, false},
		{ProfileOxfordshire, ProcedureOxfordshire, true},
		{ProfileOxfordshire, ProcedureStoke, false},
		{ProfileCombined, ProcedureStoke, true},
		{ProfileCombined, ProcedureOxfordshire, true},
		{"kent", ProcedureStoke, false},
		{"", ProcedureStoke, false},
	} {
		if got := FollowsProcedure(tc.base, tc.procedure); got != tc.want {
			t.Errorf("FollowsProcedure(%q, %q) = %v, want %v", tc.base, tc.procedure, got, tc.want)
		}
	}
	if (*Profile)(nil).Follows(ProcedureStoke) {
		t.Error("a nil profile follows no procedure")
	}
}

func TestCitationsUnder(t *testing.T) {
	both := []Citation{citeStoke, citeOxon}
	for _, tc := range []struct {
		name  string
		cites []Citation
		base  string
		want  []Citation
	}{
		{"stoke reader, both procedures", both, ProfileStoke, []Citation{citeStoke}},
		{"oxfordshire reader, both procedures", both, ProfileOxfordshire, []Citation{citeOxon}},
		{"combined reader, both procedures", both, ProfileCombined, both},
		{"no profile: every citation", both, "", both},
		{"neutral source kept under every profile", []Citation{citeStoke, citeWT}, ProfileOxfordshire, []Citation{citeWT}},
		{"neutral only", []Citation{citeFormat}, ProfileStoke, []Citation{citeFormat}},
		{"a source that only begins like a procedure is neutral", []Citation{citeStoke, citeNearOxo}, ProfileStoke, []Citation{citeStoke, citeNearOxo}},
		// A stoke-only rule a config turned on under oxfordshire: its
		// message still says where the requirement comes from.
		{"none of the profile's: all of them", []Citation{citeStoke}, ProfileOxfordshire, []Citation{citeStoke}},
		{"nothing to cite", nil, ProfileStoke, nil},
	} {
		if got := CitationsUnder(tc.cites, tc.base); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOnByCitation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cites []Citation
		base  string
		want  bool
	}{
		{"stoke rule under stoke", []Citation{citeStoke}, ProfileStoke, true},
		{"stoke rule under oxfordshire", []Citation{citeStoke}, ProfileOxfordshire, false},
		{"stoke rule under combined", []Citation{citeStoke}, ProfileCombined, true},
		{"oxfordshire rule under stoke", []Citation{citeOxon}, ProfileStoke, false},
		{"both under oxfordshire", []Citation{citeStoke, citeOxon}, ProfileOxfordshire, true},
		{"neutral under stoke", []Citation{citeWT}, ProfileStoke, true},
		{"stoke and neutral under oxfordshire", []Citation{citeStoke, citeWT}, ProfileOxfordshire, true},
		{"record hygiene cites nothing", nil, ProfileOxfordshire, true},
	} {
		if got := OnByCitation(tc.cites, tc.base); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCustomProfileCitesAsItsBase: a profile a config defines follows the
// procedure of the shipped profile it extends, through any depth.
func TestCustomProfileCitesAsItsBase(t *testing.T) {
	cfg, err := ParseConfig("c.toml", []byte(`
[profiles.ours]
extends = "oxfordshire"
seen_alone_every = "10 working days"
[profiles.theirs]
extends = "ours"
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ours", "theirs"} {
		p, err := cfg.ResolveProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Follows(ProcedureOxfordshire) || p.Follows(ProcedureStoke) {
			t.Errorf("%s: follows Oxfordshire %v, Stoke %v; want Oxfordshire only", name, p.Follows(ProcedureOxfordshire), p.Follows(ProcedureStoke))
		}
		if got := p.Citations([]Citation{citeStoke, citeOxon}); !reflect.DeepEqual(got, []Citation{citeOxon}) {
			t.Errorf("%s: cites %v, want Oxfordshire's only", name, got)
		}
	}
}

// TestEveryShippedProfileFollowsAProcedure: a shipped profile added later
// must say which procedures it follows, or every rule would cite nothing.
func TestEveryShippedProfileFollowsAProcedure(t *testing.T) {
	for _, name := range ShippedProfileNames {
		p, err := ShippedProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Follows(ProcedureStoke) && !p.Follows(ProcedureOxfordshire) {
			t.Errorf("%s follows no procedure: add it to procedures in profiles_cite.go", name)
		}
	}
}
