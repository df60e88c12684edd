package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestProfileTimescale(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]schema.TimescaleKind{
		"":                schema.TimescaleEmpty,
		"-":               schema.TimescaleEmpty,
		"none":            schema.TimescaleEmpty,
		"unknown":         schema.TimescaleEmpty,
		"TBC":             schema.TimescaleVague, // a placeholder that the profile calls vague
		"ongoing":         schema.TimescaleVague,
		"when possible":   schema.TimescaleVague,
		"as required":     schema.TimescaleVague,
		"31 July 2026":    schema.TimescaleDate,
		"31/02/2026":      schema.TimescaleUnrecognised,
		"twice weekly":    schema.TimescaleFrequency,
		"immediately":     schema.TimescaleImmediately,
		"within 2 weeks":  schema.TimescaleWithin,
		"after the panel": schema.TimescaleUnrecognised,
		"N/A – done":      schema.TimescaleDone, // a complete action's due no longer applies
		"n/a - completed": schema.TimescaleDone,
		"N/A":             schema.TimescaleVague,
		"n/a - ongoing":   schema.TimescaleVague,
		"by end of term":  schema.TimescaleUnrecognised,
		"w/c 6 July":      schema.TimescaleDate,
		"31/07/26":        schema.TimescaleDate,
		"next core group": schema.TimescaleEvent,
	} {
		if got := p.Timescale(in).Kind; got != want {
			t.Errorf("Timescale(%q) = %v, want %v", in, got, want)
		}
	}
}
