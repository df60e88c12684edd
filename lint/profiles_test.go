package lint

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

var update = flag.Bool("update", false, "rewrite generated docs")

func TestProfilesDoc(t *testing.T) {
	got, err := ProfilesMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "docs", "profiles.md")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || string(want) != got {
		t.Errorf("docs/profiles.md has drifted from lint/profiles.toml: run go test ./lint -run TestProfilesDoc -update")
	}
}

func TestShippedProfiles(t *testing.T) {
	for _, n := range ShippedProfileNames {
		p, err := ShippedProfile(n)
		if err != nil {
			t.Fatal(err)
		}
		if p.SeenAloneEvery.IsZero() || p.FirstCoreGroupWithin.IsZero() || p.CoreGroupEvery.IsZero() {
			t.Errorf("%s: the core numbers must be set", n)
		}
		if len(p.Words.Placeholders) == 0 || len(p.Words.NonSpecificLabels) == 0 {
			t.Errorf("%s: word lists are empty", n)
		}
	}
	stoke, _ := ShippedProfile(ProfileStoke)
	if stoke.SeenAloneEvery != (schema.Interval{N: 28, Unit: schema.WorkingDays}) {
		t.Errorf("stoke-on-trent sees the child alone every 28 working days, got %s", stoke.SeenAloneEvery)
	}
	oxon, _ := ShippedProfile(ProfileOxfordshire)
	if !oxon.MinimumPlanLength.IsZero() || !oxon.BedroomEachPeriod {
		t.Errorf("oxfordshire: no minimum plan length, bedroom on")
	}
}

func TestConfigCustomProfile(t *testing.T) {
	cfg, err := ParseConfig("c.toml", []byte(`
profile = "ours"
closures = [2026-12-29]
[rules]
late-minutes = "off"
[profiles.ours]
extends = "stoke-on-trent"
seen_alone_every = "10 working days"
[profiles.ours.words]
non_specific_labels = ["Kicking off"]
`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.ResolveProfile("")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "ours" || p.Base != ProfileStoke {
		t.Errorf("name %q base %q", p.Name, p.Base)
	}
	if p.SeenAloneEvery != (schema.Interval{N: 10, Unit: schema.WorkingDays}) {
		t.Errorf("seen_alone_every not overridden: %s", p.SeenAloneEvery)
	}
	if p.MinutesWithin != (schema.Interval{N: 3, Unit: schema.WorkingDays}) {
		t.Errorf("minutes_within should come from stoke-on-trent: %s", p.MinutesWithin)
	}
	found := false
	for _, w := range p.Words.NonSpecificLabels {
		if w == "kicking off" {
			found = true
		}
	}
	if !found || len(p.Words.NonSpecificLabels) < 2 {
		t.Errorf("word list not extended: %v", p.Words.NonSpecificLabels)
	}
	if p.Rules["late-minutes"] != "off" {
		t.Errorf("rule setting lost: %v", p.Rules)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown key", "profile = \"combined\"\nsen_alone_every = \"2 weeks\"\n", "c.toml:2:1: unknown key sen_alone_every"},
		{"syntax", "profile = \n", "c.toml:1:"},
		{"no extends", "[profiles.x]\nseen_alone_every = \"2 weeks\"\n", "must say which profile it extends"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig("c.toml", []byte(tc.text))
			if err == nil || !contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	cfg, err := ParseConfig("c.toml", []byte("[profiles.a]\nextends = \"b\"\n[profiles.b]\nextends = \"a\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.ResolveProfile("a"); err == nil {
		t.Error("a cycle of profiles must be an error")
	}
	if _, err := cfg.ResolveProfile("nope"); err == nil {
		t.Error("an unknown profile must be an error")
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
