package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

func sampleChronologies(t *testing.T, redact bool) map[string]lint.Chronology {
	t.Helper()
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: os.DirFS(filepath.Join("..", "testdata", "samples")), Profile: prof,
		AsOf: schema.Date{Year: 2026, Month: 11, Day: 20}, Redact: redact, Chronologies: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Chronologies) != res.Cases {
		t.Fatalf("%d chronologies for %d cases", len(res.Chronologies), res.Cases)
	}
	out := map[string]lint.Chronology{}
	for _, ch := range res.Chronologies {
		out[ch.Dir] = ch
	}
	return out
}

func eventOn(ch lint.Chronology, kind lint.EventKind, date string) *lint.Event {
	for i, e := range ch.Events {
		if e.Kind == kind && e.Date.String() == date {
			return &ch.Events[i]
		}
	}
	return nil
}

// TestChronology: the samples' chronologies hold what their records say,
// read as the rules read them, and where.
func TestChronology(t *testing.T) {
	chs := sampleChronologies(t, false)
	leo := chs["SOT-2026-0073"]
	if leo.CaseID != "SOT-2026-0073" || leo.Child != "Leo" || leo.LeadWorker == "" || leo.PlanStart.IsZero() {
		t.Errorf("SOT-2026-0073: %+v", leo)
	}
	if e := eventOn(leo, lint.EventVisit, "2026-07-17"); e == nil || e.Seeing != lint.SeeingAwake || e.Path != "SOT-2026-0073/visits/2026-07-17.md" || e.Line < 2 {
		t.Errorf("Leo, a baby seen awake on 17 July 2026: %+v", e)
	}
	if e := eventOn(leo, lint.EventLegalStatus, "2026-10-22"); e == nil || e.Detail != schema.StatusInterimCareOrder || e.Path != "SOT-2026-0073/case.md" {
		t.Errorf("Leo's interim care order from 22 October 2026: %+v", e)
	}
	if e := eventOn(chs["SOT-2026-0058"], lint.EventVisit, "2026-10-20"); e == nil || e.Seeing != lint.SeeingRefused {
		t.Errorf("SOT-2026-0058, access refused on 20 October 2026: %+v", e)
	}
	// Reduced visiting not approved by the conference chair is not in force.
	if p := chs["OXF-2026-0298"].Periods; len(p) != 0 {
		t.Errorf("OXF-2026-0298's unapproved reduced visiting drawn as in force: %+v", p)
	}
	for dir, ch := range chs {
		for i := 1; i < len(ch.Events); i++ {
			if ch.Events[i].Date.Before(ch.Events[i-1].Date) {
				t.Errorf("%s: events out of date order at %d", dir, i)
			}
		}
	}
}

// TestChronologyRedacted: under Redact a chronology names no one and gives
// no case id.
func TestChronologyRedacted(t *testing.T) {
	for dir, ch := range sampleChronologies(t, true) {
		if ch.CaseID != "" || ch.Child != "[the child]" || (ch.LeadWorker != "" && ch.LeadWorker != "[lead worker]") {
			t.Errorf("%s redacted: id %q, child %q, lead worker %q", dir, ch.CaseID, ch.Child, ch.LeadWorker)
		}
	}
}
