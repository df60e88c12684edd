package lint_test

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/lint"
)

func TestConfigAsOfParse(t *testing.T) {
	c, err := lint.ParseConfig(".caselint.toml", []byte("profile = \"oxfordshire\"\nas_of = 2026-11-20\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.AsOf.String() != "2026-11-20" {
		t.Errorf("AsOf = %v, want 2026-11-20", c.AsOf)
	}
	c, err = lint.ParseConfig(".caselint.toml", []byte("profile = \"oxfordshire\"\n"))
	if err != nil || !c.AsOf.IsZero() {
		t.Errorf("no as_of: %v, %v", c, err)
	}
	_, err = lint.ParseConfig(".caselint.toml", []byte("as_off = 2026-11-20\n"))
	if err == nil || !strings.Contains(err.Error(), "did you mean as_of?") {
		t.Errorf("as_off: %v", err)
	}
	_, err = lint.ParseConfig(".caselint.toml", []byte("\nas_of = 2026-11-20T10:00:00\n"))
	if err == nil || !strings.HasPrefix(err.Error(), ".caselint.toml:2:") {
		t.Errorf("a date and time: %v", err)
	}
}
