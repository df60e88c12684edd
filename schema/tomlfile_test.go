package schema

import (
	"strings"
	"testing"
	"time"
)

// Issue 14, item 13: a TOML file nested 8,000 deep is refused by one scan,
// at its place, before the TOML parser sees it.
func TestGuardTOMLNesting(t *testing.T) {
	deep := "profile = \"combined\"\nx = " + strings.Repeat("{a = ", 8000) + "1" + strings.Repeat("}", 8000) + "\n"
	start := time.Now()
	err := GuardTOML("cases/.caselint.toml", "the config", []byte(deep))
	if err == nil {
		t.Fatal("8,000 nested inline tables passed the guard")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("the guard took %v", d)
	}
	// The 11th "{" is the first past the limit: after "x = " and 10 "{a = ".
	if want := "cases/.caselint.toml:2:55: the config nests arrays or tables more than 10 deep here"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %q, want it to start %q", err, want)
	}

	keys := "a" + strings.Repeat(".a", 20) + " = 1\n"
	if err := GuardTOML("exercise.toml", "the exercise.toml", []byte(keys)); err == nil || !strings.HasPrefix(err.Error(), "exercise.toml:1:") {
		t.Errorf("a key of 21 parts: got %v", err)
	}

	big := "words = [" + strings.Repeat(`"word", `, MaxTOMLFile/8+1) + "]\n"
	if err := GuardTOML("c.toml", "the config", []byte(big)); err == nil || !strings.Contains(err.Error(), "KB") {
		t.Errorf("a file over %d bytes: got %v", MaxTOMLFile, err)
	}

	ok := "profile = \"combined\"\n[profiles.ours]\nextends = \"combined\"\n[profiles.ours.non_specific_labels]\nwords = [\"x\", \"y\"]\n"
	if err := GuardTOML("c.toml", "the config", []byte(ok)); err != nil {
		t.Errorf("a real config: %v", err)
	}
}
