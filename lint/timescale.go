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
	return p.timescale(text, schema.NewVagueTimescales(p.Words.VagueTimescales))
}

// Timescale is Profile.Timescale with the profile's vague timescales split
// into words once for every case (profileWords), not once an action.
func (p *Pass) Timescale(text string) schema.Timescale {
	return p.Profile.timescale(text, p.profileWordsOf().vague)
}

// timescale is Timescale with the profile's vague timescales split.
func (p *Profile) timescale(text string, vague schema.VagueTimescales) schema.Timescale {
	ts := vague.Parse(text)
	// Text that is, whole, one of the vague timescales is vague even when
	// it is a placeholder too.
	if ts.Kind != schema.TimescaleVague && p.IsPlaceholder(text) {
		return schema.Timescale{Kind: schema.TimescaleEmpty, Text: strings.Join(strings.Fields(text), " ")}
	}
	return ts
}
