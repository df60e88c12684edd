package calendar_test

import (
	"fmt"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// A review conference must be held within 10 working days of the strategy
// discussion: on or before the 10th working day after it, the day itself
// being day 0.
func Example() {
	cal := calendar.Default()
	strategy, _ := schema.ParseDate("2026-01-12")
	due := cal.Add(strategy, schema.Interval{N: 10, Unit: schema.WorkingDays})
	fmt.Println("due by", due.Long())

	held, _ := schema.ParseDate("2026-01-28")
	fmt.Println("held after", cal.WorkingDaysAfter(strategy, held), "working days; late:", held.After(due))
	// Output:
	// due by 26 January 2026
	// held after 12 working days; late: true
}

// Over Christmas 2026 the Boxing Day substitute (Monday 28 December) and a
// local office closure both push the due date back.
func ExampleCalendar_WithClosures() {
	cal := calendar.Default()
	closed, _ := schema.ParseDate("2026-12-29")
	local := cal.WithClosures([]schema.Date{closed}, "office closed")

	from, _ := schema.ParseDate("2026-12-24")
	fmt.Println(cal.AddWorkingDays(from, 1), local.AddWorkingDays(from, 1))
	name, _ := local.Closed(closed)
	fmt.Println(name)
	// Output:
	// 2026-12-29 2026-12-30
	// office closed
}
