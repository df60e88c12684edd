package lint

import (
	"errors"
	"time"

	"github.com/caselint/caselint/schema"
)

// configDate is a config's as_of: a day, as --as-of's is. It takes a
// local date (as_of = 2026-11-20) and refuses a date and time, one with a
// time zone, or a string, so that a mistyped date is an error at its line,
// not a date silently cut down.
type configDate struct{ schema.Date }

func (d *configDate) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return errors.New("as_of is a date without a time, a time zone or quotes, such as as_of = 2026-11-20")
	}
	d.Date = schema.DateOf(t)
	return nil
}
