package lint

import (
	"strings"
	"testing"
)

// TestConfigErrorsSayWhatIsAllowed: every config error names
// file:line:col and says what is allowed; none is the TOML decoder's own
// words (issue 17, item 4).
func TestConfigErrorsSayWhatIsAllowed(t *testing.T) {
	all := []*Rule{{ID: "missing-contingency-plan"}, {ID: "unseen-child"}}
	for _, c := range []struct{ toml, want string }{
		{"closures = \"2026-01-01\"\n", "c.toml:1:1: closures is a string; it must be a list"},
		{"profile = 3\n", `c.toml:1:1: profile is a number; it must be a string in quotes, such as "combined"`},
		{"rules = 3\n", "c.toml:1:1: rules is a number; it must be a table"},
		{"[rules]\nunseen-child = 3\n", `c.toml:2:1: rules.unseen-child is a number; it must be a string in quotes: "on", "off"`},
		{"max_file_size = 3\n", `c.toml:1:1: max_file_size is a number; it must be a string in quotes, such as "2 MB"`},
		{"[profiles.x]\nextends = \"combined\"\nbedroom_each_period = \"yes\"\n", "c.toml:3:1: profiles.x.bedroom_each_period is a string; it must be true or false"},
		{"[profiles.x]\nextends = \"combined\"\n[profiles.x.words]\nplaceholders = \"x\"\n", "c.toml:4:1: profiles.x.words.placeholders is a string; it must be a list of strings"},
		{"[rules]\n  unseen-chld = \"off\"\n", `c.toml:2:3: rules.unseen-chld: there is no rule "unseen-chld"; did you mean "unseen-child"?`},
		{"[rules]\nunseen-child = \"loud\"\n", `c.toml:2:1: rules.unseen-child: "loud": a rule is set to "on", "off", "error", "warning" or "note"`},
		{"[profiles.x]\nextends = \"combined\"\n[profiles.x.rules]\nnope = \"on\"\n", `c.toml:4:1: profiles.x.rules.nope: there is no rule "nope"`},
	} {
		cfg, err := ParseConfig("c.toml", []byte(c.toml))
		if err == nil {
			err = cfg.CheckRules(all)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "destination has type") {
			t.Errorf("%q: %v\nwant %s", c.toml, err, c.want)
		}
	}
	cfg, err := ParseConfig("c.toml", []byte("profile = \"combined\"\n[rules]\nunseen-child = \"off\"\n"))
	if err != nil || cfg.CheckRules(all) != nil {
		t.Errorf("a right config: %v", err)
	}
}

// TestInvalidRecordStaysAnError: invalid-record reports a record caselint
// could not read; as a warning or a note a run with a YAML refusal visit
// unread would pass. A config lowering it is an error at its line, in
// [rules] and in a profile's rules; "error" and "on" are accepted, and
// "off" is not followed (alwaysOn), as before. A profile lowering it
// (Profile.Enabled) keeps the rule's own severity.
func TestInvalidRecordStaysAnError(t *testing.T) {
	all := []*Rule{{ID: InvalidRecordID, Severity: Error}, {ID: UnexplainedSuppressionID, Severity: Warning}, {ID: "unseen-child", Severity: Error}}
	for _, c := range []struct{ toml, want string }{
		{"[rules]\ninvalid-record = \"note\"\n", `c.toml:2:1: rules.invalid-record: "note": invalid-record stays an error`},
		{"[rules]\ninvalid-record = \"warning\"\n", `c.toml:2:1: rules.invalid-record: "warning": invalid-record stays an error`},
		{"[profiles.x]\nextends = \"combined\"\n[profiles.x.rules]\ninvalid-record = \"note\"\n", `c.toml:4:1: profiles.x.rules.invalid-record: "note": invalid-record stays an error`},
	} {
		cfg, err := ParseConfig("c.toml", []byte(c.toml))
		if err == nil {
			err = cfg.CheckRules(all)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v\nwant %s", c.toml, err, c.want)
		}
	}
	for _, ok := range []string{"error", "on", "off"} {
		cfg, err := ParseConfig("c.toml", []byte("[rules]\ninvalid-record = \""+ok+"\"\nunexplained-suppression = \"note\"\nunseen-child = \"note\"\n"))
		if err != nil || cfg.CheckRules(all) != nil {
			t.Errorf("invalid-record = %q: %v", ok, err)
		}
	}
	p := &Profile{Rules: map[string]string{InvalidRecordID: "note", UnexplainedSuppressionID: "note", "unseen-child": "note"}}
	_, sev, err := p.Enabled(all)
	if err != nil {
		t.Fatal(err)
	}
	if sev[InvalidRecordID] != Error || sev[UnexplainedSuppressionID] != Note || sev["unseen-child"] != Note {
		t.Errorf("severities %v: invalid-record must stay an error, the others as set", sev)
	}
}
