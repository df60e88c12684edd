package iostreams

import "testing"

func TestNoColor(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, false},
		{map[string]string{"NO_COLOR": ""}, false}, // set but empty: no-color.org says colour stays
		{map[string]string{"NO_COLOR": "1"}, true},
		{map[string]string{"NO_COLOR": "0"}, true}, // any value
		{map[string]string{"TERM": "dumb"}, true},
	} {
		if got := noColor(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: noColor %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestColorEnabled(t *testing.T) {
	for _, tc := range []struct {
		mode           ColorMode
		term, noColour bool
		want           bool
	}{
		{"", true, false, true},
		{ColorAuto, true, false, true},
		{ColorAuto, false, false, false},
		{ColorAuto, true, true, false},
		{ColorAlways, false, false, true},
		{ColorAlways, false, true, true}, // the flag overrides NO_COLOR
		{ColorNever, true, false, false},
	} {
		s := &IOStreams{Color: tc.mode, OutIsTerminal: tc.term, NoColor: tc.noColour}
		if got := s.ColorEnabled(); got != tc.want {
			t.Errorf("--color %q, terminal %v, NO_COLOR %v: %v, want %v", tc.mode, tc.term, tc.noColour, got, tc.want)
		}
	}
	if _, err := ParseColorMode("sometimes"); err == nil {
		t.Error("--color sometimes accepted")
	}
}
