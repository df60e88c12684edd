package schema

import (
	"strings"
	"testing"
	"time"
)

var testVague = []string{
	"ongoing", "asap", "as soon as possible", "tbc", "tba", "tbd", "as required",
	"as needed", "when required", "when needed", "in due course", "n/a", "soon", "when possible",
	"as and when", "as appropriate",
}

func TestParseTimescale(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return Date{y, m, day} }
	tests := []struct {
		in   string
		kind TimescaleKind
		date Date     // for dates
		iv   Interval // Every for frequencies, Within for periods
		why  string   // a piece of Why
	}{
		{"", TimescaleEmpty, Date{}, Interval{}, ""},
		{" - ", TimescaleEmpty, Date{}, Interval{}, ""},
		{"?", TimescaleEmpty, Date{}, Interval{}, ""},

		// Dates.
		{"2026-07-31", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"31/07/2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"31/7/26", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"3/8/26", TimescaleDate, d(2026, 8, 3), Interval{}, ""},
		{"31.07.2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"31-07-2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"31 July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"31st July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"1st Aug 2026", TimescaleDate, d(2026, 8, 1), Interval{}, ""},
		{"the 31st of July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"July 31 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"July 31st, 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"Friday 31 July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"Fri 31/07/2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"by 31 July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"By 2026-03-01.", TimescaleDate, d(2026, 3, 1), Interval{}, ""},
		{"no later than 31/07/2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"on or before 1 March 2026", TimescaleDate, d(2026, 3, 1), Interval{}, ""},
		{"**2026-07-31**", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"end of July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"by the end of February 2028", TimescaleDate, d(2028, 2, 29), Interval{}, ""},
		{"end July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"mid-August 2026", TimescaleDate, d(2026, 8, 15), Interval{}, ""},
		{"July 2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"w/c 3 August 2026", TimescaleDate, d(2026, 8, 9), Interval{}, ""},
		{"week commencing 03/08/2026", TimescaleDate, d(2026, 8, 9), Interval{}, ""},
		{"W/C 3rd August 2026", TimescaleDate, d(2026, 8, 9), Interval{}, ""},
		{"w/e 7 August 2026", TimescaleDate, d(2026, 8, 7), Interval{}, ""},
		{"31 July", TimescaleDate, d(0, 7, 31), Interval{}, ""},
		{"by 31/07", TimescaleDate, d(0, 7, 31), Interval{}, ""},
		{"2026-07-31 at the latest", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"2026-07-31 (first review)", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"29/02/2028", TimescaleDate, d(2028, 2, 29), Interval{}, ""},

		// Impossible dates.
		{"31/02/2026", TimescaleUnrecognised, Date{}, Interval{}, "February 2026 has 28 days"},
		{"2026-02-30", TimescaleUnrecognised, Date{}, Interval{}, "February 2026 has 28 days"},
		{"by 31 February 2026", TimescaleUnrecognised, Date{}, Interval{}, "February 2026 has 28 days"},
		{"31/13/2026", TimescaleUnrecognised, Date{}, Interval{}, "no month 13"},
		{"07/31/2026", TimescaleUnrecognised, Date{}, Interval{}, "day first"},
		{"31 June 2026", TimescaleUnrecognised, Date{}, Interval{}, "June 2026 has 30 days"},

		// Frequencies.
		{"daily", TimescaleFrequency, Date{}, Interval{1, Days}, ""},
		{"Weekly", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"twice weekly", TimescaleFrequency, Date{}, Interval{}, ""},
		{"twice-weekly", TimescaleFrequency, Date{}, Interval{}, ""},
		{"twice a week", TimescaleFrequency, Date{}, Interval{}, ""},
		{"once a week", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"3 times a week", TimescaleFrequency, Date{}, Interval{}, ""},
		{"three times per week", TimescaleFrequency, Date{}, Interval{}, ""},
		{"3x a week", TimescaleFrequency, Date{}, Interval{}, ""},
		{"fortnightly", TimescaleFrequency, Date{}, Interval{2, Weeks}, ""},
		{"every three weeks", TimescaleFrequency, Date{}, Interval{3, Weeks}, ""},
		{"every 3 weeks", TimescaleFrequency, Date{}, Interval{3, Weeks}, ""},
		{"every 2 weeks", TimescaleFrequency, Date{}, Interval{2, Weeks}, ""},
		{"every other week", TimescaleFrequency, Date{}, Interval{2, Weeks}, ""},
		{"every 3 months", TimescaleFrequency, Date{}, Interval{3, Months}, ""},
		{"6-weekly", TimescaleFrequency, Date{}, Interval{6, Weeks}, ""},
		{"6 weekly", TimescaleFrequency, Date{}, Interval{6, Weeks}, ""},
		{"monthly", TimescaleFrequency, Date{}, Interval{1, Months}, ""},
		{"each school day", TimescaleFrequency, Date{}, Interval{}, ""},
		{"each nursery day", TimescaleFrequency, Date{}, Interval{}, ""},
		{"every nursery session", TimescaleFrequency, Date{}, Interval{}, ""},
		{"every school day", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at each core group", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at every core group meeting", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at all core group meetings", TimescaleFrequency, Date{}, Interval{}, ""},
		{"every visit", TimescaleFrequency, Date{}, Interval{}, ""},
		// An event qualified by a word or two recurs as "at each core group" does.
		{"at each antenatal appointment", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at every GP appointment", TimescaleFrequency, Date{}, Interval{}, ""},
		{"each health visitor visit", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at each supervised contact session", TimescaleFrequency, Date{}, Interval{}, ""},
		{"at all antenatal appointments", TimescaleFrequency, Date{}, Interval{}, ""},
		{"every few visits", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"every possible contact", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"at each opportunity", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"every time Mum drinks", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"every 2 antenatal appointments", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"each contact", TimescaleFrequency, Date{}, Interval{}, ""},
		{"termly", TimescaleFrequency, Date{}, Interval{}, ""},
		{"half-termly", TimescaleFrequency, Date{}, Interval{}, ""},
		{"every day", TimescaleFrequency, Date{}, Interval{1, Days}, ""},
		{"every Monday", TimescaleFrequency, Date{}, Interval{}, ""},
		{"Mondays and Thursdays", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"weekly on Tuesdays", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"weekly visits", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"weekly until the review conference", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"daily (term time)", TimescaleFrequency, Date{}, Interval{1, Days}, ""},
		{"on a weekly basis", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"Monday to Friday", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"Mon-Fri", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"at core group meetings", TimescaleFrequency, Date{}, Interval{}, ""},
		{"2x weekly", TimescaleFrequency, Date{}, Interval{}, ""},
		{"ongoing (weekly)", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"ongoing, weekly", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},

		// Immediately, within, an event.
		{"immediately", TimescaleImmediately, Date{}, Interval{}, ""},
		{"Immediate", TimescaleImmediately, Date{}, Interval{}, ""},
		{"with immediate effect", TimescaleImmediately, Date{}, Interval{}, ""},
		{"straight away", TimescaleImmediately, Date{}, Interval{}, ""},
		{"within 2 weeks", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"within two weeks", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"within 10 working days", TimescaleWithin, Date{}, Interval{10, WorkingDays}, ""},
		{"within 2 weeks of the conference", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"within 48 hours", TimescaleWithin, Date{}, Interval{2, Days}, ""},
		{"within a month", TimescaleWithin, Date{}, Interval{1, Months}, ""},
		{"within the next 4 weeks", TimescaleWithin, Date{}, Interval{4, Weeks}, ""},
		{"2 weeks", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"by the next core group", TimescaleEvent, Date{}, Interval{}, ""},
		{"by next core group", TimescaleEvent, Date{}, Interval{}, ""},
		{"within 2/52", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"2/52", TimescaleWithin, Date{}, Interval{2, Weeks}, ""},
		{"within 3/12", TimescaleWithin, Date{}, Interval{3, Months}, ""},
		{"every 2/52", TimescaleFrequency, Date{}, Interval{2, Weeks}, ""},
		{"3/12", TimescaleDate, d(0, 12, 3), Interval{}, ""},
		{"before the review conference", TimescaleEvent, Date{}, Interval{}, ""},
		{"Completed", TimescaleDone, Date{}, Interval{}, ""},
		{"done (see core group minutes)", TimescaleDone, Date{}, Interval{}, ""},
		{"completed 2026-01-20", TimescaleDate, d(2026, 1, 20), Interval{}, ""},
		{"N/A – done", TimescaleDone, Date{}, Interval{}, ""},
		{"every 4-6 weeks", TimescaleFrequency, Date{}, Interval{6, Weeks}, ""},
		{"ongoing/weekly", TimescaleFrequency, Date{}, Interval{1, Weeks}, ""},
		{"Daily/ongoing", TimescaleFrequency, Date{}, Interval{1, Days}, ""},
		{"ASAP but by 31/07/2026", TimescaleDate, d(2026, 7, 31), Interval{}, ""},
		{"next CG", TimescaleEvent, Date{}, Interval{}, ""},
		{"prior to review conference", TimescaleEvent, Date{}, Interval{}, ""},
		{"before review conference", TimescaleEvent, Date{}, Interval{}, ""},
		{"by July", TimescaleDate, d(0, 7, 31), Interval{}, ""},
		{"Sept", TimescaleDate, d(0, 9, 30), Interval{}, ""},
		{"wk beg 6 July 2026", TimescaleDate, d(2026, 7, 12), Interval{}, ""},
		{"commencing 6 July 2026", TimescaleDate, d(2026, 7, 12), Interval{}, ""},
		{"May vary", TimescaleUnrecognised, Date{}, Interval{}, ""},

		// Vague, and not a timescale.
		{"ongoing", TimescaleVague, Date{}, Interval{}, ""},
		{"Ongoing.", TimescaleVague, Date{}, Interval{}, ""},
		{"ASAP", TimescaleVague, Date{}, Interval{}, ""},
		{"TBC", TimescaleVague, Date{}, Interval{}, ""},
		{"as required", TimescaleVague, Date{}, Interval{}, ""},
		{"when possible", TimescaleVague, Date{}, Interval{}, ""},
		{"ongoing - until Jamie is settled", TimescaleVague, Date{}, Interval{}, ""},
		{"ongoing/as required", TimescaleVague, Date{}, Interval{}, ""},
		{"N/A", TimescaleVague, Date{}, Interval{}, ""},
		{"every 6-4 weeks", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"asap but soon", TimescaleVague, Date{}, Interval{}, ""},
		{"next month", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"after the assessment", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"regularly", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"twice", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"2 weeks respite", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"by Friday", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"May need to change", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"Sam Doe", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{"the end of the month", TimescaleUnrecognised, Date{}, Interval{}, ""},
		{strings.Repeat("weekly ", 40), TimescaleUnrecognised, Date{}, Interval{}, ""},
	}
	for _, tt := range tests {
		got := ParseTimescale(tt.in, testVague)
		if got.Kind != tt.kind {
			t.Errorf("ParseTimescale(%q).Kind = %v, want %v (%+v)", tt.in, got.Kind, tt.kind, got)
			continue
		}
		if tt.kind == TimescaleDate && got.Date != tt.date {
			t.Errorf("ParseTimescale(%q).Date = %v, want %v", tt.in, got.Date, tt.date)
		}
		if tt.kind == TimescaleFrequency && got.Every != tt.iv {
			t.Errorf("ParseTimescale(%q).Every = %v, want %v", tt.in, got.Every, tt.iv)
		}
		if tt.kind == TimescaleWithin && got.Within != tt.iv {
			t.Errorf("ParseTimescale(%q).Within = %v, want %v", tt.in, got.Within, tt.iv)
		}
		if !strings.Contains(got.Why, tt.why) || tt.why == "" && got.Why != "" {
			t.Errorf("ParseTimescale(%q).Why = %q, want it to say %q", tt.in, got.Why, tt.why)
		}
		if got.Specified() != (tt.kind >= TimescaleDate && tt.kind <= TimescaleDone) {
			t.Errorf("ParseTimescale(%q).Specified() = %v", tt.in, got.Specified())
		}
	}
}
