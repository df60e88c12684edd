// Package calendar counts working days: Monday to Friday less the bank
// holidays of England and Wales, and any local closures a config adds.
package calendar

import "github.com/caselint/caselint/schema"

// Calendar is a working-day calendar. The zero value is not usable; use
// Default or New.
type Calendar struct {
	closed map[schema.Date]string // bank holidays and closures, by name
	first  schema.Date            // first day the holiday data covers
	last   schema.Date            // last day the holiday data covers
}
