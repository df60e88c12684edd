package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// Timescale reads an action's timescale as practitioners write it (a date,
// a frequency, "immediately", "within N days/weeks", a meeting the plan
// schedules), with the profile's words: text that is only one of its
// placeholders (and not one of its vague timescales) is TimescaleEmpty; one
// of its vague timescales is TimescaleVague. This is the one definition of
// a specified timescale (Stoke C06 §01, Oxon 1.8 §1 "within what
// timescales"); see schema.ParseTimescale for the forms read.
func (p *Profile) Timescale(text string) schema.Timescale {
	if p.IsPlaceholder(text) && !p.isVagueTimescale(text) {
		return schema.Timescale{Kind: schema.TimescaleEmpty, Text: strings.Join(strings.Fields(text), " ")}
	}
	return schema.ParseTimescale(text, p.Words.VagueTimescales)
}

// isVagueTimescale reports whether text is, whole, one of the profile's
// vague timescales.
func (p *Profile) isVagueTimescale(text string) bool {
	return schema.ParseTimescale(text, p.Words.VagueTimescales).Kind == schema.TimescaleVague
}
