package lint

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/schema"
)

//go:embed profiles.toml
var profilesTOML string

// The shipped profiles.
const (
	ProfileStoke       = "stoke-on-trent"
	ProfileOxfordshire = "oxfordshire"
	ProfileCombined    = "combined"
	DefaultProfile     = ProfileCombined
)

// ShippedProfileNames lists the shipped profiles in the order docs show them.
var ShippedProfileNames = []string{ProfileStoke, ProfileOxfordshire, ProfileCombined}

type shippedData struct {
	Stoke    Profile `toml:"stoke-on-trent"`
	Oxon     Profile `toml:"oxfordshire"`
	Combined Profile `toml:"combined"`
	Words    Words   `toml:"words"`
}

// ShippedProfile returns a fresh copy of the shipped profile name.
func ShippedProfile(name string) (*Profile, error) {
	var d shippedData
	md, err := toml.Decode(profilesTOML, &d)
	if err != nil {
		return nil, fmt.Errorf("shipped profiles: %w", err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("shipped profiles: unknown key %s", u[0])
	}
	var p Profile
	switch name {
	case ProfileStoke:
		p = d.Stoke
	case ProfileOxfordshire:
		p = d.Oxon
	case ProfileCombined:
		p = d.Combined
	default:
		return nil, fmt.Errorf("no profile named %q: the shipped profiles are %s", name, strings.Join(ShippedProfileNames, ", "))
	}
	p.Name, p.Base = name, name
	p.Words = d.Words
	p.ready = newProfileWords(p.Words)
	return &p, nil
}

// extend returns base with the numbers, switches, word lists and rule
// settings that over sets. Word lists are added to, not replaced.
func extend(base *Profile, over *Profile, set func(key string) bool) *Profile {
	p := *base
	p.Rules = map[string]string{}
	for k, v := range base.Rules {
		p.Rules[k] = v
	}
	p.Name, p.Title, p.Extends = over.Name, over.Title, over.Extends
	if p.Title == "" {
		p.Title = base.Title
	}
	overrideParams(&p, over, set)
	p.Words = addWordLists(base.Words, over.Words)
	p.ready = newProfileWords(p.Words)
	for k, v := range over.Rules {
		p.Rules[k] = v
	}
	return &p
}

func addWords(base, more []string) []string {
	out := append([]string(nil), base...)
	seen := map[string]bool{}
	for _, w := range base {
		seen[w] = true
	}
	for _, w := range more {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// RuleSetting is what a profile or config says of one rule.
type RuleSetting struct {
	On       bool
	Severity Severity // 0: the rule's default
}

// ruleSettingWords says what a rule may be set to.
const ruleSettingWords = `"on", "off", "error", "warning" or "note"`

// ParseRuleSetting reads "on", "off", "error", "warning" or "note".
func ParseRuleSetting(s string) (RuleSetting, error) {
	switch s {
	case "on":
		return RuleSetting{On: true}, nil
	case "off":
		return RuleSetting{}, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil {
		return RuleSetting{}, fmt.Errorf("%q: a rule is set to %s", s, ruleSettingWords)
	}
	return RuleSetting{On: true, Severity: sev}, nil
}

// Enabled returns the rules of all that are on in p, with the severity each
// reports at. Rules the profile's base does not include are off unless the
// profile turns them on by name.
func (p *Profile) Enabled(all []*Rule) ([]*Rule, map[string]Severity, error) {
	known := map[string]bool{}
	for _, r := range all {
		known[r.ID] = true
	}
	var ids []string
	for id := range p.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	settings := map[string]RuleSetting{}
	for _, id := range ids {
		if !known[id] {
			return nil, nil, fmt.Errorf("rules: there is no rule %q%s (caselint rules lists them)", id, suggest(id, all))
		}
		s, err := ParseRuleSetting(p.Rules[id])
		if err != nil {
			return nil, nil, fmt.Errorf("rules.%s: %w", id, err)
		}
		settings[id] = s
	}
	var on []*Rule
	sev := map[string]Severity{}
	for _, r := range all {
		s, set := settings[r.ID]
		if !set {
			s = RuleSetting{On: r.InProfile(p.Base)}
		}
		if alwaysOn(r.ID) {
			s.On = true
		}
		if !s.On {
			continue
		}
		on = append(on, r)
		sev[r.ID] = r.Severity
		if s.Severity != 0 && !lowersUnread(r.ID, s) {
			sev[r.ID] = s.Severity
		}
	}
	return on, sev, nil
}

// Quieted returns, for each rule of all that p's rule settings (a
// config's [rules], a custom profile's own) turn off or lower below the
// severity it has in the shipped profile p extends, what they made of it:
// "off" or the lower severity, by rule id. A rule the shipped profile
// leaves off is not quieted. Such settings may be an authority's
// considered choice, or a config dropped in one case's folder: either
// way a report that says "no problems" must say what it did not look for.
func (p *Profile) Quieted(all []*Rule) map[string]string {
	out := map[string]string{}
	for _, r := range all {
		v, set := p.Rules[r.ID]
		if !set || !r.InProfile(p.Base) || alwaysOn(r.ID) {
			continue
		}
		s, err := ParseRuleSetting(v)
		switch {
		case err != nil:
		case !s.On:
			out[r.ID] = "off"
		case s.Severity != 0 && s.Severity < r.Severity:
			out[r.ID] = s.Severity.String()
		}
	}
	return out
}

// alwaysOn reports whether a rule is record hygiene, which no profile or
// config can turn off (its severity can still be changed, but for
// invalid-record's: lowersUnread).
func alwaysOn(id string) bool {
	return id == InvalidRecordID || id == UnexplainedSuppressionID
}

// lowersUnread reports whether setting s would make invalid-record less
// than an error. It reports a record caselint could not read (YAML
// frontmatter, a broken line, UTF-16): as a warning or a note, a run with
// that record unread would pass (exit 0 under --fail-level error, or
// always as a note), and a refusal or visit in it would go unchecked
// without a failing run, which turning the rule off, refused, would do
// too. A config saying so is an error at its line (Config.CheckRules);
// a profile's is not followed.
func lowersUnread(id string, s RuleSetting) bool {
	return id == InvalidRecordID && s.Severity != 0 && s.Severity < Error
}

// suggest returns "; did you mean "x"?" for the rule id closest to id, or "".
func suggest(id string, all []*Rule) string {
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	if best := schema.Suggest(id, ids); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
