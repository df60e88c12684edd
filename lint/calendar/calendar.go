// Package calendar counts working days: Monday to Friday less the bank
// holidays of England and Wales, and any local closures a config adds.
//
// "Within N working days of X" means on or before the Nth working day after
// the day of X, X itself being day 0: AddWorkingDays gives that last day, and
// WorkingDaysAfter counts the working days from X to a later date.
package calendar

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/caselint/caselint/schema"
)

// bankHolidays is the England and Wales bank holiday data; see the header of
// bank-holidays.txt for its source, coverage and format.
//
//go:embed bank-holidays.txt
var bankHolidays string

// dataName names the embedded file in parse errors.
const dataName = "bank-holidays.txt"

// Calendar is a working-day calendar. It is never modified once made, so one
// Calendar may be shared between goroutines. The zero value is not usable;
// use Default or New.
type Calendar struct {
	closed map[schema.Date]string // bank holidays and closures, by name
	first  schema.Date            // first day the holiday data covers
	last   schema.Date            // last day the holiday data covers
}

// defaultOnce guards the one parse of the embedded data into defaultCal.
var (
	defaultOnce sync.Once
	defaultCal  *Calendar
)

// Default returns the calendar of England and Wales bank holidays from the
// embedded GOV.UK data. It covers whole years: Covers gives 1 January of the
// first year to 31 December of the last. The Calendar is shared and, like
// every Calendar, immutable; WithClosures returns a copy.
//
// Default panics if the embedded data is malformed, which the package's tests
// ensure never ships.
func Default() *Calendar {
	defaultOnce.Do(func() {
		days, err := parse(dataName, bankHolidays)
		if err != nil {
			panic("calendar: " + err.Error())
		}
		c := New(days)
		c.first = schema.Date{Year: c.first.Year, Month: time.January, Day: 1}
		c.last = schema.Date{Year: c.last.Year, Month: time.December, Day: 31}
		defaultCal = c
	})
	return defaultCal
}

// New returns a calendar whose closed days are exactly the keys of holidays,
// each with its name; tests and configs use it in place of the bank holidays.
// Covers reports the earliest and latest of the days (zero dates when there
// are none). The map is copied, so the caller may go on to change it.
func New(holidays map[schema.Date]string) *Calendar {
	c := &Calendar{closed: make(map[schema.Date]string, len(holidays))}
	for d, name := range holidays {
		d = norm(d)
		c.closed[d] = name
		if c.first.IsZero() || d.Before(c.first) {
			c.first = d
		}
		if c.last.IsZero() || d.After(c.last) {
			c.last = d
		}
	}
	return c
}

// WithClosures returns a copy of c in which each of days is also closed, with
// the given name (for instance the office closed on 2026-12-29 between
// Christmas and New Year). A day that is already closed keeps its name. An
// empty name is recorded as "local closure". The closures do not change what
// Covers reports, and c itself is unchanged.
func (c *Calendar) WithClosures(days []schema.Date, name string) *Calendar {
	if name == "" {
		name = "local closure"
	}
	cp := &Calendar{
		closed: make(map[schema.Date]string, len(c.closed)+len(days)),
		first:  c.first,
		last:   c.last,
	}
	for d, n := range c.closed {
		cp.closed[d] = n
	}
	for _, d := range days {
		d = norm(d)
		if _, ok := cp.closed[d]; !ok {
			cp.closed[d] = name
		}
	}
	return cp
}

// IsWorkingDay reports whether d is a working day: Monday to Friday, and not
// a bank holiday or closure. Outside the span of the holiday data (see
// Covers) only weekends are known not to be working days.
func (c *Calendar) IsWorkingDay(d schema.Date) bool {
	d = norm(d)
	return c.isWorkingDay(d, d.Weekday())
}

// Closed returns the name of the bank holiday or closure on d, and whether d
// is one. Weekends are not closures: Closed reports false for an ordinary
// Saturday.
func (c *Calendar) Closed(d schema.Date) (name string, ok bool) {
	name, ok = c.closed[norm(d)]
	return name, ok
}

// AddWorkingDays returns the nth working day after d, d itself being day 0;
// d need not be a working day. The 10th working day after Monday 12 January
// 2026 is Monday 26 January 2026. For n <= 0 it returns d.
func (c *Calendar) AddWorkingDays(d schema.Date, n int) schema.Date {
	if n <= 0 {
		return d
	}
	d = norm(d)
	wd := d.Weekday()
	for n > 0 {
		d, wd = nextDay(d), (wd+1)%7
		if c.isWorkingDay(d, wd) {
			n--
		}
	}
	return d
}

// WorkingDaysAfter returns the number of working days in (a, b]: after a, up
// to and including b. It is 0 when b is on or before a. For n >= 0,
// WorkingDaysAfter(a, AddWorkingDays(a, n)) == n.
func (c *Calendar) WorkingDaysAfter(a, b schema.Date) int {
	a, b = norm(a), norm(b)
	days := a.DaysUntil(b)
	if days <= 0 {
		return 0
	}
	// Weekdays in (a, b]: five in each whole week, then the rest one by one.
	n := days / 7 * 5
	d, wd := a.AddDays(days/7*7), a.Weekday()
	for d != b {
		d, wd = nextDay(d), (wd+1)%7
		if isWeekday(wd) {
			n++
		}
	}
	// Less the closed weekdays in (a, b], looked for whichever way is shorter.
	if len(c.closed) < days {
		for cd := range c.closed {
			if cd.After(a) && !cd.After(b) && isWeekday(cd.Weekday()) {
				n--
			}
		}
		return n
	}
	d, wd = a, a.Weekday()
	for d != b {
		d, wd = nextDay(d), (wd+1)%7
		if _, closed := c.closed[d]; closed && isWeekday(wd) {
			n--
		}
	}
	return n
}

// Add returns the date iv after d, the due date of something required
// within iv of d: Days adds N calendar days, Weeks 7N calendar days, Months N
// calendar months (31 January plus one month is the last day of February),
// and WorkingDays the Nth working day after d (AddWorkingDays). The zero
// (off) interval returns d. Add panics on an Interval whose Unit is not one of
// the four, which schema.ParseInterval never produces.
func (c *Calendar) Add(d schema.Date, iv schema.Interval) schema.Date {
	if iv.IsZero() {
		return d
	}
	switch iv.Unit {
	case schema.Days:
		return d.AddDays(iv.N)
	case schema.Weeks:
		return d.AddDays(7 * iv.N)
	case schema.Months:
		return d.AddMonths(iv.N)
	case schema.WorkingDays:
		return c.AddWorkingDays(d, iv.N)
	}
	panic(fmt.Sprintf("calendar: interval %d has unknown unit %d", iv.N, iv.Unit))
}

// Covers returns the span the holiday data covers. For Default that is
// 1 January of the first year in the data to 31 December of the last; for New
// it is the earliest and latest of the days given. Working days counted
// outside the span allow only for weekends and any closures.
func (c *Calendar) Covers() (first, last schema.Date) {
	return c.first, c.last
}

// isWorkingDay reports whether d, which falls on wd, is a working day.
func (c *Calendar) isWorkingDay(d schema.Date, wd time.Weekday) bool {
	if !isWeekday(wd) {
		return false
	}
	_, closed := c.closed[d]
	return !closed
}

// isWeekday reports whether wd is Monday to Friday.
func isWeekday(wd time.Weekday) bool {
	return wd != time.Saturday && wd != time.Sunday
}

// norm returns d normalised as schema.NewDate normalises (2026-02-30 is
// 2026-03-02), so that it can be used as a map key and stepped by nextDay.
func norm(d schema.Date) schema.Date {
	if d.Day >= 1 && d.Day <= 28 && d.Month >= time.January && d.Month <= time.December {
		return d
	}
	return schema.NewDate(d.Year, d.Month, d.Day)
}

// nextDay returns the day after the normalised date d, without going through
// time.Time.
func nextDay(d schema.Date) schema.Date {
	if d.Day < daysIn(d.Year, d.Month) {
		d.Day++
		return d
	}
	d.Day = 1
	if d.Month == time.December {
		d.Year++
		d.Month = time.January
	} else {
		d.Month++
	}
	return d
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// parse reads holiday data in the format of bank-holidays.txt: one closed day
// a line, YYYY-MM-DD, a tab and its name; blank lines and lines starting with
// # are ignored. It is strict, so that a mistake in the data is caught by the
// tests rather than miscounting days: a bad date, a missing or padded name, a
// repeated day or a day out of ascending order is an error naming the line.
func parse(file, data string) (map[schema.Date]string, error) {
	days := make(map[schema.Date]string)
	var prev schema.Date
	for i, line := range strings.Split(data, "\n") {
		lineno := i + 1
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", file, lineno, fmt.Sprintf(format, args...))
		}
		ds, name, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, errorf("want YYYY-MM-DD, a tab and a name; found %q", line)
		}
		t, err := time.Parse(time.DateOnly, ds)
		if err != nil {
			return nil, errorf("%q is not a date of the form 2026-01-12", ds)
		}
		d := schema.DateOf(t)
		switch {
		case name == "":
			return nil, errorf("%s has no name", ds)
		case strings.TrimSpace(name) != name || strings.ContainsAny(name, "\t\r"):
			return nil, errorf("the name %q has stray spaces, tabs or carriage returns", name)
		}
		if _, dup := days[d]; dup {
			return nil, errorf("%s is listed twice", ds)
		}
		if !prev.IsZero() && d.Before(prev) {
			return nil, errorf("%s comes after %s; keep the days in ascending order", ds, prev)
		}
		days[d], prev = name, d
	}
	if len(days) == 0 {
		return nil, fmt.Errorf("%s: no days", file)
	}
	return days, nil
}
