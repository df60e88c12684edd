package schema

import "testing"

// TestParseInterval pins the forms a plan's seen_alone_every and a
// profile's numbers are written in.
func TestParseInterval(t *testing.T) {
	for in, want := range map[string]Interval{
		"2 weeks":                        {2, Weeks},
		"28 working days":                {28, WorkingDays},
		"every 2 weeks":                  {2, Weeks},
		"fortnightly":                    {2, Weeks},
		"monthly":                        {1, Months},
		"1 month":                        {1, Months},
		"every four weeks":               {4, Weeks},
		"Every Two Weeks":                {2, Weeks},
		"at least every 28 working days": {28, WorkingDays},
		"at least every 2 weeks":         {2, Weeks},
		"once every 3 weeks":             {3, Weeks},
		"4-weekly":                       {4, Weeks},
		"four weekly":                    {4, Weeks},
		"3 weekly":                       {3, Weeks},
		"two-monthly":                    {2, Months},
		"ten working days":               {10, WorkingDays},
		"twenty-eight working days":      {28, WorkingDays},
		"at least monthly":               {1, Months},
		"at least fortnightly":           {2, Weeks},
		"once a month":                   {1, Months},
		"at least once a fortnight":      {2, Weeks},
		"once a week":                    {1, Weeks},
		"off":                            {},
	} {
		got, err := ParseInterval(in)
		if err != nil || got != want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "often", "as agreed", "0 weeks", "-2 weeks", "2 fortnights", "weekly-ish", "every", "at least"} {
		if got, err := ParseInterval(in); err == nil {
			t.Errorf("ParseInterval(%q) = %v, want an error", in, got)
		}
	}
}
