package lint

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/schema"
)

// TestProfileTable holds the struct and the table together: every field
// of Profile that a config can write is a row of profileParams or one of
// the profile's own keys, every field of Words a row of wordLists, and no
// key has two rows. (A row with no field stops the package at init.)
func TestProfileTable(t *testing.T) {
	rows := map[string]int{}
	for _, pp := range profileParams {
		rows[pp.key]++
	}
	for _, k := range profileMetaKeys {
		rows[k]++
		if _, ok := fieldByTag(reflect.TypeFor[Profile](), k); !ok {
			t.Errorf("profileMetaKeys names %q, which is no key of Profile", k)
		}
	}
	pt := reflect.TypeFor[Profile]()
	for i := 0; i < pt.NumField(); i++ {
		f := pt.Field(i)
		k := tomlKey(f)
		switch {
		case k == "":
		case rows[k] == 0:
			t.Errorf("Profile.%s (toml %q) has no row in profileParams (lint/profile_params.go): add one, with its requirement and source", f.Name, k)
		case rows[k] > 1:
			t.Errorf("%q has %d rows in profileParams and profileMetaKeys", k, rows[k])
		}
	}
	lists := map[string]int{}
	for _, wl := range wordLists {
		lists[wl.key]++
	}
	wt := reflect.TypeFor[Words]()
	for i := 0; i < wt.NumField(); i++ {
		f := wt.Field(i)
		if k := tomlKey(f); lists[k] != 1 {
			t.Errorf("Words.%s (toml %q) has %d rows in wordLists (lint/profile_params.go), want 1", f.Name, k, lists[k])
		}
	}
}

// overValue returns a value for pp that differs from pp's value in base,
// as a config writes it and as it decodes.
func overValue(pp *profileParam, base *Profile) (string, any) {
	v := pp.value(base)
	switch pp.kind {
	case kindInterval:
		iv := schema.Interval{N: 7, Unit: schema.WorkingDays}
		if v.Interface() == any(iv) {
			iv.N = 8
		}
		return fmt.Sprintf("%q", iv), iv
	case kindSwitch:
		return fmt.Sprint(!v.Bool()), !v.Bool()
	default:
		return fmt.Sprint(v.Int() + 3), int(v.Int() + 3)
	}
}

// TestProfileParamOneRow proves that a row of profileParams is all a
// parameter needs: its key and texts are in the docs table, each shipped
// profile sets it, a misspelt key suggests it, and a config profile that
// extends a shipped one overrides it and nothing else.
func TestProfileParamOneRow(t *testing.T) {
	doc, err := ProfilesMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	var shipped map[string]map[string]any
	if _, err := toml.Decode(profilesTOML, &shipped); err != nil {
		t.Fatal(err)
	}
	base, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for i := range profileParams {
		pp := &profileParams[i]
		t.Run(pp.key, func(t *testing.T) {
			if row := fmt.Sprintf("| `%s` | %s | %s |", pp.key, pp.what, pp.cites); !strings.Contains(doc, row) {
				t.Errorf("docs/profiles.md has no row %q", row)
			}
			for _, n := range ShippedProfileNames {
				if _, ok := shipped[n][pp.key]; !ok {
					t.Errorf("lint/profiles.toml: [%s] does not set %s", n, pp.key)
				}
			}
			typo := pp.key[:len(pp.key)-1]
			_, err := ParseConfig("c.toml", []byte("[profiles.x]\nextends = \"stoke-on-trent\"\n"+typo+" = 1\n"))
			if want := fmt.Sprintf("c.toml:3:1: unknown key profiles.x.%s; did you mean %s?", typo, pp.key); err == nil || err.Error() != want {
				t.Errorf("misspelt: got %v, want %s", err, want)
			}

			val, want := overValue(pp, base)
			cfg, err := ParseConfig("c.toml", []byte("profile = \"x\"\n[profiles.x]\nextends = \"stoke-on-trent\"\n"+pp.key+" = "+val+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := cfg.ResolveProfile("")
			if err != nil {
				t.Fatal(err)
			}
			if got := pp.value(p).Interface(); got != want {
				t.Errorf("%s = %s: resolved to %v (stoke-on-trent: %s)", pp.key, val, got, pp.show(base))
			}
			for j := range profileParams {
				q := &profileParams[j]
				want := q.value(base).Interface()
				if q.follows == pp.key {
					want = pp.value(p).Interface()
				}
				if q != pp && !reflect.DeepEqual(q.value(p).Interface(), want) {
					t.Errorf("setting %s changed %s: %v, want %v", pp.key, q.key, q.value(p).Interface(), want)
				}
			}
		})
	}
}

// TestWordListOneRow does for word lists what TestProfileParamOneRow does
// for parameters: each list is in the docs, suggested when misspelt, and
// added to by a config profile.
func TestWordListOneRow(t *testing.T) {
	doc, err := ProfilesMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	for i := range wordLists {
		wl := &wordLists[i]
		t.Run(wl.key, func(t *testing.T) {
			if want := fmt.Sprintf("- `%s`: %s: ", wl.key, wl.what); !strings.Contains(doc, want) {
				t.Errorf("docs/profiles.md has no %q", want)
			}
			typo := wl.key[:len(wl.key)-1]
			_, err := ParseConfig("c.toml", []byte("[profiles.x]\nextends = \"oxfordshire\"\n[profiles.x.words]\n"+typo+" = [\"a\"]\n"))
			if err == nil || !strings.Contains(err.Error(), "did you mean "+wl.key+"?") {
				t.Errorf("misspelt: got %v, want a did you mean %s", err, wl.key)
			}
			cfg, err := ParseConfig("c.toml", []byte("profile = \"x\"\n[profiles.x]\nextends = \"oxfordshire\"\n[profiles.x.words]\n"+wl.key+" = [\"Zzyzx Word\"]\n"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := cfg.ResolveProfile("")
			if err != nil {
				t.Fatal(err)
			}
			base, _ := ShippedProfile(ProfileOxfordshire)
			got, was := wl.words(&p.Words).Interface().([]string), wl.words(&base.Words).Interface().([]string)
			if !slices.Contains(got, "zzyzx word") || len(got) != len(was)+1 {
				t.Errorf("%s: the config's word not added to the %d shipped: %v", wl.key, len(was), got)
			}
		})
	}
}
