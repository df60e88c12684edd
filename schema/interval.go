package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// Unit is the unit an Interval counts in.
type Unit int

// The units of an Interval.
const (
	Days Unit = iota + 1
	WorkingDays
	Weeks
	Months
)

func (u Unit) word(n int) string {
	var w string
	switch u {
	case Days:
		w = "day"
	case WorkingDays:
		w = "working day"
	case Weeks:
		w = "week"
	case Months:
		w = "month"
	default:
		return "?"
	}
	if n != 1 {
		w += "s"
	}
	return w
}

// Interval is a length of time as the procedures state them: "28 working
// days", "2 weeks", "1 month". The zero Interval means "off" (the profile does
// not check this).
type Interval struct {
	N    int
	Unit Unit
}

// IsZero reports whether the interval is off.
func (i Interval) IsZero() bool { return i.N == 0 }

// String formats the interval the way it is parsed: "28 working days".
func (i Interval) String() string {
	if i.IsZero() {
		return "off"
	}
	return strconv.Itoa(i.N) + " " + i.Unit.word(i.N) // fmt.Sprintf("%d %s"), at less cost
}

// ParseInterval reads an interval or a recurring frequency: "2 weeks",
// "28 working days", "1 month", "every 2 weeks", "fortnightly", "weekly",
// "monthly", "daily", and as plans write them: "at least every 28 working
// days", "every four weeks", "4-weekly", "Minimum every 2 weeks", "no less
// than fortnightly", "every other week", "twice weekly", "fortnightly, more
// often if needed". "off" gives the zero Interval.
//
// A frequency is read as the least frequent its words allow: "at least",
// "minimum" or "no less than" every N is every N, and "more often if
// needed" after it asks nothing more. "N times a week" is at most 8-N
// days apart (twice weekly: 6 days): the longest gap between visits kept
// on the same N days every week (Monday and Tuesday), so a lawful weekly
// routine is never reported and a week without a visit always is; "twice
// a month" is every 2 weeks.
func ParseInterval(s string) (Interval, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	t = strings.TrimRight(t, ".")
	if head, ok := moreOftenTail(t); ok {
		t = head
	}
	// "Minimum every 2 weeks", "no less than fortnightly", "at least once
	// a week".
	for again := true; again; {
		again = false
		for _, pre := range []string{"a minimum of ", "minimum of ", "minimum ", "at minimum ", "at a minimum ",
			"no less than ", "not less than ", "no less often than ", "not less often than ", "at least "} {
			if rest, ok := strings.CutPrefix(t, pre); ok {
				t, again = rest, true
			}
		}
	}
	if iv, ok := timesAPeriod(t); ok {
		return iv, nil
	}
	return parseInterval(s, t)
}

// moreOftenTail cuts from a frequency a tail that asks for visits only
// more often, or only when needed: "fortnightly, more often if needed",
// "every 2 weeks or more frequently", "weekly (more if required)". It
// returns the frequency before it and true, or false when t has none.
func moreOftenTail(t string) (string, bool) {
	for _, sep := range []string{",", " (", " - ", ";", " or ", " and ", " but "} {
		head, tail, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		tail = strings.Trim(tail, " ()")
		if strings.Contains(" "+tail+" ", " more ") || strings.HasPrefix(tail, "if ") || strings.HasPrefix(tail, "as ") ||
			strings.HasPrefix(tail, "when ") || strings.HasPrefix(tail, "where ") {
			return strings.TrimSpace(head), true
		}
	}
	return t, false
}

// timesAPeriod reads "twice weekly", "twice a week", "three times a week",
// "2x weekly", "twice monthly", "every other week", "alternate weeks",
// "every second week".
func timesAPeriod(t string) (Interval, bool) {
	t = strings.ReplaceAll(t, "-", " ")
	switch t {
	case "every other week", "alternate weeks", "every second week", "on alternate weeks", "fortnightly":
		return Interval{2, Weeks}, true
	case "every other day", "alternate days", "every second day", "on alternate days":
		return Interval{2, Days}, true
	case "every other month", "alternate months", "every second month", "bi monthly", "bimonthly":
		return Interval{2, Months}, true
	case "every third week":
		return Interval{3, Weeks}, true
	}
	var n int
	var per string
	for _, f := range []struct {
		pre string
		n   int
	}{{"twice ", 2}, {"two times ", 2}, {"2 times ", 2}, {"2x ", 2}, {"x2 ", 2}, {"three times ", 3},
		{"3 times ", 3}, {"3x ", 3}, {"four times ", 4}, {"4 times ", 4}, {"4x ", 4}} {
		if rest, ok := strings.CutPrefix(t, f.pre); ok {
			n, per = f.n, strings.TrimPrefix(strings.TrimPrefix(rest, "a "), "per ")
			break
		}
	}
	switch {
	case n == 0:
		return Interval{}, false
	case per == "weekly" || per == "week" || per == "a week" || per == "each week" || per == "every week":
		return Interval{8 - n, Days}, true
	case per == "monthly" || per == "month" || per == "each month" || per == "every month":
		switch n {
		case 2:
			return Interval{2, Weeks}, true
		case 4:
			return Interval{1, Weeks}, true
		}
	}
	return Interval{}, false
}

// parseInterval is ParseInterval of t, s lower-cased and its prefixes of
// a minimum taken off.
func parseInterval(s, t string) (Interval, error) {
	// "at least monthly", "once a month", "at least once a fortnight".
	for _, pre := range []string{"at least ", "once "} {
		t = strings.TrimPrefix(t, pre)
	}
	switch t {
	case "off", "none":
		return Interval{}, nil
	case "daily", "every day":
		return Interval{1, Days}, nil
	case "weekly", "every week", "a week":
		return Interval{1, Weeks}, nil
	case "fortnightly", "every fortnight", "a fortnight":
		return Interval{2, Weeks}, nil
	case "monthly", "every month", "a month":
		return Interval{1, Months}, nil
	}
	// How a plan writes its agreed frequency: "at least every 28 working
	// days", "once every four weeks", "4-weekly", "four weekly".
	for _, pre := range []string{"at least ", "once ", "every "} {
		t = strings.TrimPrefix(t, pre)
	}
	if num, ok := strings.CutSuffix(strings.ReplaceAll(t, "-", " "), " weekly"); ok {
		t = num + " weeks"
	} else if num, ok := strings.CutSuffix(strings.ReplaceAll(t, "-", " "), " monthly"); ok {
		t = num + " months"
	}
	num, unit, ok := strings.Cut(t, " ")
	if !ok {
		return Interval{}, fmt.Errorf("%q is not an interval such as \"2 weeks\" or \"28 working days\"", s)
	}
	n, ok := number(num)
	if !ok {
		return Interval{}, fmt.Errorf("%q is not an interval such as \"2 weeks\" or \"28 working days\"", s)
	}
	switch strings.TrimSuffix(unit, "s") {
	case "day", "calendar day":
		return Interval{n, Days}, nil
	case "working day", "work day", "business day":
		return Interval{n, WorkingDays}, nil
	case "week":
		return Interval{n, Weeks}, nil
	case "month":
		return Interval{n, Months}, nil
	}
	return Interval{}, fmt.Errorf("%q: the unit must be days, working days, weeks or months", s)
}

// UnmarshalTOML reads an interval written as a string ("2 weeks").
func (i *Interval) UnmarshalTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		return typeError(`an interval such as "2 weeks"`, v)
	}
	iv, err := ParseInterval(s)
	if err != nil {
		return err
	}
	*i = iv
	return nil
}

// MarshalText writes the interval as ParseInterval reads it.
func (i Interval) MarshalText() ([]byte, error) { return []byte(i.String()), nil }
