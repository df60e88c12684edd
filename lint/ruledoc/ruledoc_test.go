package ruledoc

import (
	"testing"

	"github.com/caselint/caselint/lint"
)

func TestSummaryAndHelp(t *testing.T) {
	if got, want := Summary(&lint.Rule{Text: "\nOne\ntwo.\n\nThree."}), "One two."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	_, md := Help(&lint.Rule{Text: "T", Bad: "a ``` b"}, nil)
	if want := "T\n\nBad:\n\n````\na ``` b\n````"; md != want {
		t.Errorf("Help markdown = %q, want %q", md, want)
	}
}
