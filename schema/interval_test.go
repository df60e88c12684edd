package schema

import (
	"fmt"
	"testing"
)

// TestParseInterval pins the forms a plan's seen_alone_every and a
// profile's numbers are written in.
func TestParseInterval(t *testing.T) {
	for in, want := range map[string]Interval{
		"2 weeks":                             {2, Weeks},
		"28 working days":                     {28, WorkingDays},
		"every 2 weeks":                       {2, Weeks},
		"fortnightly":                         {2, Weeks},
		"monthly":                             {1, Months},
		"1 month":                             {1, Months},
		"every four weeks":                    {4, Weeks},
		"Every Two Weeks":                     {2, Weeks},
		"at least every 28 working days":      {28, WorkingDays},
		"at least every 2 weeks":              {2, Weeks},
		"once every 3 weeks":                  {3, Weeks},
		"4-weekly":                            {4, Weeks},
		"four weekly":                         {4, Weeks},
		"3 weekly":                            {3, Weeks},
		"two-monthly":                         {2, Months},
		"ten working days":                    {10, WorkingDays},
		"twenty-eight working days":           {28, WorkingDays},
		"at least monthly":                    {1, Months},
		"at least fortnightly":                {2, Weeks},
		"once a month":                        {1, Months},
		"at least once a fortnight":           {2, Weeks},
		"once a week":                         {1, Weeks},
		"off":                                 {},
		"Minimum every 2 weeks":               {2, Weeks},
		"minimum of every 2 weeks":            {2, Weeks},
		"a minimum of fortnightly":            {2, Weeks},
		"no less than fortnightly":            {2, Weeks},
		"not less than every 10 working days": {10, WorkingDays},
		"fortnightly, more often if needed":   {2, Weeks},
		"every 2 weeks or more frequently":    {2, Weeks},
		"weekly (more often if required)":     {1, Weeks},
		"fortnightly, as needed":              {2, Weeks},
		"every other week":                    {2, Weeks},
		"Every-other-week":                    {2, Weeks},
		"alternate weeks":                     {2, Weeks},
		"twice weekly":                        {6, Days},
		"twice a week":                        {6, Days},
		"Twice-weekly":                        {6, Days},
		"at least twice weekly":               {6, Days},
		"three times a week":                  {5, Days},
		"twice monthly":                       {2, Weeks},
		"twice a month":                       {2, Weeks},
		"at least every 2 weeks.":             {2, Weeks},
	} {
		got, err := ParseInterval(in)
		if err != nil || got != want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "often", "as agreed", "0 weeks", "-2 weeks", "2 fortnights", "weekly-ish", "every", "at least", "fortnightly, monthly once settled", "twice", "five times a week", "minimum"} {
		if got, err := ParseInterval(in); err == nil {
			t.Errorf("ParseInterval(%q) = %v, want an error", in, got)
		}
	}
}

// Date.Long and Interval.String spell what fmt.Sprintf did, which they no
// longer call.
func TestLongAndIntervalAsSprintf(t *testing.T) {
	for _, d := range []Date{{}, NewDate(2026, 1, 2), NewDate(1999, 12, 31), {Year: -1, Month: 13, Day: -5}, {Year: 12345, Month: 0, Day: 99}} {
		if got, want := d.Long(), fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year); got != want {
			t.Errorf("%#v.Long() = %q, want %q", d, got, want)
		}
	}
	for _, n := range []int{-3, 0, 1, 2, 28, 1000} {
		for _, u := range []Unit{Days, WorkingDays, Weeks, Months} {
			iv := Interval{N: n, Unit: u}
			want := fmt.Sprintf("%d %s", iv.N, iv.Unit.word(iv.N))
			if iv.IsZero() {
				want = "off"
			}
			if got := iv.String(); got != want {
				t.Errorf("%#v.String() = %q, want %q", iv, got, want)
			}
		}
	}
}
