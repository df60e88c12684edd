package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/schema"
)

// day parses an ISO date, failing the test on a typo.
func day(t testing.TB, s string) schema.Date {
	t.Helper()
	d, err := schema.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEmbeddedDataParses parses the embedded file strictly, so that Default
// can never panic on the data that ships.
func TestEmbeddedDataParses(t *testing.T) {
	days, err := parse(dataName, bankHolidays)
	if err != nil {
		t.Fatal(err)
	}
	for d, name := range days {
		if !isWeekday(d.Weekday()) {
			t.Errorf("%s %s falls on a %s; list the substitute day instead", d, name, d.Weekday())
		}
	}
	if got := len(Default().closed); got != len(days) {
		t.Errorf("Default has %d closed days, the data %d", got, len(days))
	}
}

// TestDataCoversNextYear is the one test that reads the clock: it fails once
// the embedded data ends within twelve months of today, so that the data is
// extended before working days start being miscounted.
func TestDataCoversNextYear(t *testing.T) {
	_, last := Default().Covers()
	need := schema.DateOf(time.Now()).AddMonths(12)
	if last.Before(need) {
		t.Errorf("the bank holiday data ends on %s, within 12 months of today; "+
			"extend lint/calendar/bank-holidays.txt from GOV.UK (https://www.gov.uk/bank-holidays, England and Wales)",
			last)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"no tab", "# c\n2026-01-01 New Year's Day\n", "t.txt:2: want YYYY-MM-DD, a tab and a name"},
		{"bad date", "2026-02-30\tNonsense\n", "t.txt:1: \"2026-02-30\" is not a date"},
		{"unpadded date", "\n\n2026-1-1\tNew Year's Day\n", "t.txt:3: \"2026-1-1\" is not a date"},
		{"no name", "2026-01-01\t\n", "t.txt:1: 2026-01-01 has no name"},
		{"padded name", "2026-01-01\t New Year's Day\n", "t.txt:1: the name"},
		{"two tabs", "2026-01-01\tNew Year's Day\tx\n", "t.txt:1: the name"},
		{"carriage return", "2026-01-01\tNew Year's Day\r\n", "t.txt:1: the name"},
		{"duplicate", "2026-01-01\tA\n2026-01-01\tB\n", "t.txt:2: 2026-01-01 is listed twice"},
		{"out of order", "2026-04-03\tGood Friday\n# x\n2026-01-01\tNew Year's Day\n", "t.txt:3: 2026-01-01 comes after 2026-04-03"},
		{"empty", "# nothing\n\n", "t.txt: no days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("t.txt", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse: got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseAcceptsCommentsAndBlankLines(t *testing.T) {
	days, err := parse("t.txt", "# header\n\n2026-01-01\tNew Year's Day\n   \n# 2026\n2026-04-03\tGood Friday")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 2 || days[day(t, "2026-04-03")] != "Good Friday" {
		t.Errorf("parse: got %v", days)
	}
}

func TestCovers(t *testing.T) {
	first, last := Default().Covers()
	if first != day(t, "2015-01-01") || last != day(t, "2028-12-31") {
		t.Errorf("Default().Covers() = %s, %s; want 2015-01-01, 2028-12-31", first, last)
	}
	first, last = New(map[schema.Date]string{
		day(t, "2026-12-25"): "Christmas Day",
		day(t, "2026-01-01"): "New Year's Day",
		day(t, "2026-04-03"): "Good Friday",
	}).Covers()
	if first != day(t, "2026-01-01") || last != day(t, "2026-12-25") {
		t.Errorf("New(...).Covers() = %s, %s; want 2026-01-01, 2026-12-25", first, last)
	}
	if first, last := New(nil).Covers(); !first.IsZero() || !last.IsZero() {
		t.Errorf("New(nil).Covers() = %s, %s; want zero dates", first, last)
	}
}

// easterSunday computes Easter Sunday in the Gregorian calendar by the
// anonymous ("Meeus/Jones/Butcher") algorithm, independently of the data.
func easterSunday(y int) schema.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return schema.NewDate(y, time.Month(month), dd)
}

func TestEasterSunday(t *testing.T) {
	// Known dates, to check the algorithm itself.
	for _, s := range []string{"2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2038-04-25", "2285-03-22"} {
		want := day(t, s)
		if got := easterSunday(want.Year); got != want {
			t.Errorf("easterSunday(%d) = %s, want %s", want.Year, got, want)
		}
	}
}

// firstMonday returns the first Monday on or after d; lastMonday the last on
// or before d.
func firstMonday(d schema.Date) schema.Date {
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d
}

func lastMonday(d schema.Date) schema.Date {
	for d.Weekday() != time.Monday {
		d = d.AddDays(-1)
	}
	return d
}

// expected returns the England and Wales bank holidays of year y by the
// standing rules and the known one-off changes, computed independently of the
// data file.
func expected(y int) map[schema.Date]string {
	want := map[schema.Date]string{}
	date := func(m time.Month, d int) schema.Date { return schema.NewDate(y, m, d) }

	// New Year's Day, or the Monday after when it falls at a weekend.
	switch ny := date(time.January, 1); ny.Weekday() {
	case time.Saturday, time.Sunday:
		want[firstMonday(ny)] = "New Year's Day (substitute day)"
	default:
		want[ny] = "New Year's Day"
	}

	easter := easterSunday(y)
	want[easter.AddDays(-2)] = "Good Friday"
	want[easter.AddDays(1)] = "Easter Monday"

	switch y {
	case 2020:
		want[date(time.May, 8)] = "Early May bank holiday (VE day)"
	default:
		want[firstMonday(date(time.May, 1))] = "Early May bank holiday"
	}
	switch y {
	case 2022:
		want[date(time.June, 2)] = "Spring bank holiday"
		want[date(time.June, 3)] = "Platinum Jubilee bank holiday"
		want[date(time.September, 19)] = "Bank holiday for the State Funeral of Queen Elizabeth II"
	case 2023:
		want[date(time.May, 8)] = "Bank holiday for the coronation of King Charles III"
		want[lastMonday(date(time.May, 31))] = "Spring bank holiday"
	default:
		want[lastMonday(date(time.May, 31))] = "Spring bank holiday"
	}
	want[lastMonday(date(time.August, 31))] = "Summer bank holiday"

	// Christmas Day and Boxing Day; a day that falls at a weekend moves to
	// the next weekday not already a bank holiday.
	next := func(d schema.Date) schema.Date {
		for {
			d = d.AddDays(1)
			if _, taken := want[d]; !taken && isWeekday(d.Weekday()) {
				return d
			}
		}
	}
	for _, h := range []struct {
		d    schema.Date
		name string
	}{{date(time.December, 25), "Christmas Day"}, {date(time.December, 26), "Boxing Day"}} {
		if isWeekday(h.d.Weekday()) {
			want[h.d] = h.name
		}
	}
	for _, h := range []struct {
		d    schema.Date
		name string
	}{{date(time.December, 25), "Christmas Day"}, {date(time.December, 26), "Boxing Day"}} {
		if !isWeekday(h.d.Weekday()) {
			want[next(date(time.December, 24))] = h.name + " (substitute day)"
		}
	}
	return want
}

// TestDataMatchesRules checks every year of the data against the bank
// holidays computed by rule, Easter by algorithm: each expected day is in the
// data under the expected name, and the data has no other days.
func TestDataMatchesRules(t *testing.T) {
	days, err := parse(dataName, bankHolidays)
	if err != nil {
		t.Fatal(err)
	}
	first, last := Default().Covers()
	all := map[schema.Date]string{}
	for y := first.Year; y <= last.Year; y++ {
		for d, name := range expected(y) {
			all[d] = name
			got, ok := days[d]
			switch {
			case !ok:
				t.Errorf("%d: the data lacks %s %s", y, d, name)
			case got != name:
				t.Errorf("%d: the data names %s %q, want %q", y, d, got, name)
			}
		}
	}
	for d, name := range days {
		if _, ok := all[d]; !ok {
			t.Errorf("the data has %s %s, which the rules do not give", d, name)
		}
	}
}

func TestEasterInData(t *testing.T) {
	c := Default()
	first, last := c.Covers()
	for y := first.Year; y <= last.Year; y++ {
		e := easterSunday(y)
		for _, h := range []struct {
			d    schema.Date
			name string
		}{{e.AddDays(-2), "Good Friday"}, {e.AddDays(1), "Easter Monday"}} {
			if name, ok := c.Closed(h.d); !ok || name != h.name {
				t.Errorf("%d: Closed(%s) = %q, %v; want %q", y, h.d, name, ok, h.name)
			}
		}
	}
}

func TestSubstituteAndOneOffDays(t *testing.T) {
	c := Default()
	tests := []struct{ date, name string }{
		{"2015-12-28", "Boxing Day (substitute day)"},
		{"2016-12-27", "Christmas Day (substitute day)"},
		{"2017-01-02", "New Year's Day (substitute day)"},
		{"2020-05-08", "Early May bank holiday (VE day)"},
		{"2020-12-28", "Boxing Day (substitute day)"},
		{"2021-12-27", "Christmas Day (substitute day)"},
		{"2021-12-28", "Boxing Day (substitute day)"},
		{"2022-01-03", "New Year's Day (substitute day)"},
		{"2022-06-02", "Spring bank holiday"},
		{"2022-06-03", "Platinum Jubilee bank holiday"},
		{"2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II"},
		{"2022-12-26", "Boxing Day"},
		{"2022-12-27", "Christmas Day (substitute day)"},
		{"2023-05-08", "Bank holiday for the coronation of King Charles III"},
		{"2026-04-03", "Good Friday"},
		{"2026-04-06", "Easter Monday"},
		{"2026-05-04", "Early May bank holiday"},
		{"2026-12-28", "Boxing Day (substitute day)"},
		{"2027-12-27", "Christmas Day (substitute day)"},
		{"2027-12-28", "Boxing Day (substitute day)"},
		{"2028-01-03", "New Year's Day (substitute day)"},
	}
	for _, tt := range tests {
		d := day(t, tt.date)
		if name, ok := c.Closed(d); !ok || name != tt.name {
			t.Errorf("Closed(%s) = %q, %v; want %q, true", d, name, ok, tt.name)
		}
		if c.IsWorkingDay(d) {
			t.Errorf("IsWorkingDay(%s) = true, want false (%s)", d, tt.name)
		}
	}
	// The days the one-off days replaced are ordinary working days.
	for _, s := range []string{"2020-05-04", "2022-05-30", "2026-12-29", "2026-12-30"} {
		if d := day(t, s); !c.IsWorkingDay(d) {
			t.Errorf("IsWorkingDay(%s) = false, want true", d)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := Default()
	tests := []struct {
		date string
		want bool
	}{
		{"2026-01-10", false}, // Saturday
		{"2026-01-11", false}, // Sunday
		{"2026-01-12", true},  // Monday
		{"2026-01-16", true},  // Friday
		{"2026-12-25", false}, // Christmas Day, Friday
		{"2026-12-26", false}, // Boxing Day, Saturday
		{"2026-12-28", false}, // Boxing Day substitute, Monday
		{"2027-01-01", false}, // New Year's Day, Friday
		{"2030-06-03", true},  // Monday beyond the data
		{"2030-06-01", false}, // Saturday beyond the data
	}
	for _, tt := range tests {
		if got := c.IsWorkingDay(day(t, tt.date)); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
	if name, ok := c.Closed(day(t, "2026-01-10")); ok {
		t.Errorf("Closed(Saturday 2026-01-10) = %q, true; want false", name)
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := Default()
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"zero", "2026-01-12", 0, "2026-01-12"},
		{"negative", "2026-01-12", -3, "2026-01-12"},
		{"zero from a Saturday", "2026-01-10", 0, "2026-01-10"},
		{"next day", "2026-01-12", 1, "2026-01-13"},
		{"across a weekend", "2026-01-15", 2, "2026-01-19"},
		{"from a Friday", "2026-01-16", 1, "2026-01-19"},
		{"from a Saturday", "2026-01-17", 1, "2026-01-19"},
		{"from a Sunday", "2026-01-18", 5, "2026-01-23"},
		{"conference + 10", "2026-01-12", 10, "2026-01-26"},
		{"a week", "2026-01-12", 5, "2026-01-19"},
		// Christmas Day Thu, Boxing Day Fri 2025; New Year's Day Thu 2026.
		{"across Christmas 2025", "2025-12-23", 2, "2025-12-29"},
		{"across Christmas and New Year", "2025-12-22", 7, "2026-01-05"},
		{"from Christmas Day", "2025-12-25", 1, "2025-12-29"},
		{"from New Year's Eve", "2025-12-31", 1, "2026-01-02"},
		// Good Friday 3 April, Easter Monday 6 April 2026.
		{"across Easter 2026", "2026-04-02", 1, "2026-04-07"},
		{"from Good Friday", "2026-04-03", 1, "2026-04-07"},
		{"across Easter, a week", "2026-03-30", 5, "2026-04-08"},
		// Early May bank holiday Monday 4 May 2026.
		{"across early May 2026", "2026-04-30", 2, "2026-05-05"},
		{"early May window", "2026-04-27", 10, "2026-05-12"},
		// Christmas 2026: Fri 25, Boxing Day substitute Mon 28.
		{"across Christmas 2026", "2026-12-24", 1, "2026-12-29"},
		{"28 working days", "2026-01-12", 28, "2026-02-19"},
		{"beyond the data", "2030-06-07", 1, "2030-06-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.AddWorkingDays(day(t, tt.from), tt.n); got != day(t, tt.want) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

func TestWorkingDaysAfter(t *testing.T) {
	c := Default()
	tests := []struct {
		a, b string
		want int
	}{
		{"2026-01-12", "2026-01-12", 0},
		{"2026-01-13", "2026-01-12", 0},
		{"2026-01-12", "2026-01-13", 1},
		{"2026-01-16", "2026-01-18", 0}, // Friday to Sunday
		{"2026-01-16", "2026-01-19", 1},
		{"2026-01-17", "2026-01-19", 1}, // from a Saturday
		{"2026-01-12", "2026-01-26", 10},
		{"2025-12-24", "2026-01-02", 4}, // 29, 30, 31 December and 2 January
		{"2026-04-02", "2026-04-07", 1},
		{"2026-04-27", "2026-05-12", 10},
		{"2026-01-01", "2027-01-01", 253},
	}
	for _, tt := range tests {
		if got := c.WorkingDaysAfter(day(t, tt.a), day(t, tt.b)); got != tt.want {
			t.Errorf("WorkingDaysAfter(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// naiveWorkingDaysAfter counts (a, b] a day at a time with the public API.
func naiveWorkingDaysAfter(c *Calendar, a, b schema.Date) int {
	n := 0
	for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// TestWorkingDaysAfterInvertsAddWorkingDays checks, from every day of 2014
// to 2029, that counting the working days up to AddWorkingDays(a, n) gives n
// back, that the day reached is a working day, and that the day before it is
// one working day short; and that the arithmetic count agrees with a naive
// one over spans short and long.
func TestWorkingDaysAfterInvertsAddWorkingDays(t *testing.T) {
	cals := map[string]*Calendar{
		"default":  Default(),
		"closures": Default().WithClosures([]schema.Date{day(t, "2026-12-29"), day(t, "2026-12-30"), day(t, "2026-12-31")}, "office closed"),
		"none":     New(nil),
	}
	for name, c := range cals {
		for a := day(t, "2014-01-01"); a.Before(day(t, "2030-01-01")); a = a.AddDays(1) {
			for _, n := range []int{1, 2, 5, 10, 28, 65} {
				b := c.AddWorkingDays(a, n)
				if got := c.WorkingDaysAfter(a, b); got != n {
					t.Fatalf("%s: WorkingDaysAfter(%s, AddWorkingDays(%s, %d) = %s) = %d", name, a, a, n, b, got)
				}
				if !c.IsWorkingDay(b) {
					t.Fatalf("%s: AddWorkingDays(%s, %d) = %s, not a working day", name, a, n, b)
				}
				if got := c.WorkingDaysAfter(a, b.AddDays(-1)); got != n-1 {
					t.Fatalf("%s: WorkingDaysAfter(%s, %s) = %d, want %d", name, a, b.AddDays(-1), got, n-1)
				}
			}
			if a.Day == 1 || a.Day == 17 {
				for _, span := range []int{1, 3, 6, 7, 8, 13, 30, 200, 400} {
					b := a.AddDays(span)
					if got, want := c.WorkingDaysAfter(a, b), naiveWorkingDaysAfter(c, a, b); got != want {
						t.Fatalf("%s: WorkingDaysAfter(%s, %s) = %d, counted one by one %d", name, a, b, got, want)
					}
				}
			}
		}
	}
}

func TestAdd(t *testing.T) {
	c := Default()
	tests := []struct {
		from string
		iv   schema.Interval
		want string
	}{
		{"2026-01-12", schema.Interval{}, "2026-01-12"},
		{"2026-01-12", schema.Interval{N: 10, Unit: schema.Days}, "2026-01-22"},
		{"2026-01-12", schema.Interval{N: 10, Unit: schema.WorkingDays}, "2026-01-26"},
		{"2026-01-12", schema.Interval{N: 2, Unit: schema.Weeks}, "2026-01-26"},
		{"2026-01-12", schema.Interval{N: 6, Unit: schema.Weeks}, "2026-02-23"},
		{"2026-01-12", schema.Interval{N: 3, Unit: schema.Months}, "2026-04-12"},
		{"2026-01-31", schema.Interval{N: 1, Unit: schema.Months}, "2026-02-28"},
		{"2028-01-31", schema.Interval{N: 1, Unit: schema.Months}, "2028-02-29"},
		{"2026-08-31", schema.Interval{N: 6, Unit: schema.Months}, "2027-02-28"},
		{"2026-12-20", schema.Interval{N: 15, Unit: schema.Days}, "2027-01-04"},
		{"2026-12-24", schema.Interval{N: 3, Unit: schema.WorkingDays}, "2026-12-31"},
	}
	for _, tt := range tests {
		if got := c.Add(day(t, tt.from), tt.iv); got != day(t, tt.want) {
			t.Errorf("Add(%s, %s) = %s, want %s", tt.from, tt.iv, got, tt.want)
		}
	}
}

func TestAddUnknownUnitPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Add with an unknown unit did not panic")
		}
	}()
	Default().Add(day(t, "2026-01-12"), schema.Interval{N: 1})
}

func TestWithClosures(t *testing.T) {
	orig := Default()
	closed := day(t, "2026-12-29")
	c := orig.WithClosures([]schema.Date{closed, day(t, "2026-12-28")}, "office closed")

	if name, ok := c.Closed(closed); !ok || name != "office closed" {
		t.Errorf("Closed(%s) = %q, %v; want \"office closed\", true", closed, name, ok)
	}
	if name, _ := c.Closed(day(t, "2026-12-28")); name != "Boxing Day (substitute day)" {
		t.Errorf("a closure renamed the bank holiday on 2026-12-28 to %q", name)
	}
	if c.IsWorkingDay(closed) {
		t.Errorf("IsWorkingDay(%s) = true with the closure", closed)
	}
	if got, want := c.AddWorkingDays(day(t, "2026-12-24"), 1), day(t, "2026-12-30"); got != want {
		t.Errorf("with the closure, AddWorkingDays(2026-12-24, 1) = %s, want %s", got, want)
	}
	if _, ok := c.Closed(day(t, "2026-04-03")); !ok {
		t.Error("WithClosures lost Good Friday 2026")
	}

	// The original is unchanged.
	if name, ok := orig.Closed(closed); ok {
		t.Errorf("WithClosures changed the original: Closed(%s) = %q", closed, name)
	}
	if !orig.IsWorkingDay(closed) || !Default().IsWorkingDay(closed) {
		t.Errorf("WithClosures changed the original: %s is no longer a working day", closed)
	}
	if got, want := orig.AddWorkingDays(day(t, "2026-12-24"), 1), closed; got != want {
		t.Errorf("original AddWorkingDays(2026-12-24, 1) = %s, want %s", got, want)
	}
	f0, l0 := orig.Covers()
	if f1, l1 := c.Covers(); f0 != f1 || l0 != l1 {
		t.Errorf("WithClosures changed Covers from %s..%s to %s..%s", f0, l0, f1, l1)
	}
	if name, _ := orig.WithClosures([]schema.Date{closed}, "").Closed(closed); name != "local closure" {
		t.Errorf("an unnamed closure is named %q, want \"local closure\"", name)
	}
}

func TestNew(t *testing.T) {
	holidays := map[schema.Date]string{day(t, "2026-01-14"): "Office move"}
	c := New(holidays)
	holidays[day(t, "2026-01-15")] = "changed after New"

	if got, want := c.AddWorkingDays(day(t, "2026-01-12"), 3), day(t, "2026-01-16"); got != want {
		t.Errorf("AddWorkingDays(2026-01-12, 3) = %s, want %s", got, want)
	}
	if !c.IsWorkingDay(day(t, "2026-01-15")) {
		t.Error("New did not copy its map")
	}
	// No bank holidays: Good Friday 2026 is an ordinary Friday.
	if !c.IsWorkingDay(day(t, "2026-04-03")) {
		t.Error("New(...) treats Good Friday as closed")
	}
}

func TestUnnormalisedDates(t *testing.T) {
	c := Default()
	// 2026-02-31 is 2026-03-03, a Tuesday.
	odd := schema.Date{Year: 2026, Month: time.February, Day: 31}
	if got, want := c.AddWorkingDays(odd, 1), day(t, "2026-03-04"); got != want {
		t.Errorf("AddWorkingDays(%v, 1) = %s, want %s", odd, got, want)
	}
	if _, ok := c.Closed(schema.Date{Year: 2026, Month: time.March, Day: 34}); !ok {
		t.Error("Closed(2026-03-34), that is Good Friday 2026-04-03, = false")
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	c := Default()
	from := day(b, "2025-12-15")
	for b.Loop() {
		c.AddWorkingDays(from, 28)
	}
}

func BenchmarkWorkingDaysAfter(b *testing.B) {
	c := Default()
	from, to := day(b, "2025-12-15"), day(b, "2026-02-10")
	for b.Loop() {
		c.WorkingDaysAfter(from, to)
	}
}
