package schema

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// BurntSushi/toml marks local dates and date-times with zones of these names
// (its internal.LocalDate and internal.LocalDatetime).
const (
	tomlLocalDate     = "date-local"
	tomlLocalDatetime = "datetime-local"
)

// Date is a calendar date with no time of day and no time zone, the way
// case records write them (2026-01-12). The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalised as time.Date normalises.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses an ISO date such as 2026-01-12.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form 2026-01-12", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
// Dates that are real days (as every date read from a record is) are
// compared by their parts; others as time.Date normalises them.
func (d Date) Compare(e Date) int {
	if !d.isDay() || !e.isDay() {
		return d.Time().Compare(e.Time())
	}
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	}
	return cmp.Compare(d.Day, e.Day)
}

// isDay reports whether d is a real day of the calendar, one time.Date
// leaves as it is.
func (d Date) isDay() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	if d.Day <= 28 {
		return true
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n calendar days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the same day n calendar months later. Where that month is
// shorter, the result is its last day: 31 January plus one month is 28 (or
// 29) February, never 2 or 3 March.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := min(d.Day, last)
	return Date{first.Year(), first.Month(), day}
}

// AddYears returns the same day n years later; 29 February becomes 28
// February in a year that has none.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// DaysUntil returns the number of calendar days from d to e (negative when e
// is before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String formats d as 2026-01-12, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long formats d the way the procedures and messages do: 16 February 2026.
func (d Date) Long() string {
	// fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year), which rules ask for
	// of every record they read, not only of those they report.
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// UnmarshalTOML accepts a TOML local date. A date-time is accepted and its
// time dropped; a string in place of a date is refused with a hint, so that
// date = "2026-01-12" is reported where it stands.
func (d *Date) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return typeError("a date such as 2026-01-12", v)
	}
	if loc := t.Location().String(); loc != tomlLocalDate && loc != tomlLocalDatetime {
		return fmt.Errorf("a date is written without a time zone, such as 2026-01-12")
	}
	*d = DateOf(t)
	return nil
}

// DateTime is a date with an optional time of day, as a visit's date is
// written: 2026-01-19T16:30:00, or 2026-01-19 when the time was not recorded.
type DateTime struct {
	Date
	Hour, Minute int
	HasTime      bool
}

// UnmarshalTOML accepts a TOML local date or local date-time.
func (d *DateTime) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return typeError("a date and time such as 2026-01-19T16:30:00", v)
	}
	switch t.Location().String() {
	case tomlLocalDate:
		*d = DateTime{Date: DateOf(t)}
	case tomlLocalDatetime:
		*d = DateTime{Date: DateOf(t), Hour: t.Hour(), Minute: t.Minute(), HasTime: true}
	default:
		return fmt.Errorf("a date and time is written without a time zone, such as 2026-01-19T16:30:00")
	}
	return nil
}

// String formats the date-time as 2026-01-19T16:30 (or the date alone).
func (d DateTime) String() string {
	if !d.HasTime {
		return d.Date.String()
	}
	return fmt.Sprintf("%sT%02d:%02d", d.Date, d.Hour, d.Minute)
}

// Less orders date-times, a date with no time of day first on its day.
func (d DateTime) Less(e DateTime) bool {
	if c := d.Compare(e.Date); c != 0 {
		return c < 0
	}
	return d.Hour*60+d.Minute < e.Hour*60+e.Minute
}

func typeError(want string, v any) error {
	return fmt.Errorf("expected %s, found %s", want, tomlTypeName(v))
}

func tomlTypeName(v any) string {
	switch v := v.(type) {
	case string:
		if _, err := ParseDate(v); err == nil {
			return fmt.Sprintf("the string %q (remove the quotes to make it a date)", v)
		}
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "a number"
	case float64:
		return "a number"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	default:
		return fmt.Sprintf("%T", v)
	}
}
