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
// days", "every four weeks", "4-weekly". "off" gives the zero Interval.
func ParseInterval(s string) (Interval, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
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
