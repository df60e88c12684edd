package workspace

import (
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Overrides are what a command line sets over every config: the rules
// known (to check the config's rule ids against), --profile (""), the
// --as-of date (zero: not given) and the day a run is evaluated at when
// neither --as-of nor the config's as_of says (today, or the date of the
// commit read: Workspace.Today), asked only then, so that a run with a
// fixed date never reads the clock.
type Overrides struct {
	Rules   []*lint.Rule
	Profile string
	AsOf    schema.Date
	Today   func() schema.Date
}

// Settings are how the cases under cfg (nil: none) are linted: its
// profile (--profile overrides it), its as_of (--as-of overrides it;
// without either, o.Today), its calendar and its size limit. Every command
// that reads cases (lint, baseline, due) settles them here, so that a
// config means the same to each.
func Settings(cfg *lint.Config, o Overrides) (*lint.Settings, error) {
	if err := cfg.CheckRules(o.Rules); err != nil {
		return nil, err
	}
	profile, err := cfg.ResolveProfile(o.Profile)
	if err != nil {
		return nil, err
	}
	asOf := o.AsOf
	switch {
	case !asOf.IsZero():
	case cfg != nil && !cfg.AsOf.IsZero():
		asOf = cfg.AsOf
	default:
		asOf = o.Today()
	}
	s := &lint.Settings{Profile: profile, AsOf: asOf, Calendar: cfg.Calendar()}
	if cfg != nil {
		s.MaxFileSize = cfg.MaxFileBytes // 0: the default
	}
	return s, nil
}

// Today is the day a run with neither --as-of nor a config's as_of is
// evaluated at: the day of the commit read (--rev), else the day of now,
// both as the records' keepers count days, in England.
func (w *Workspace) Today(now time.Time) schema.Date {
	if w.rev != "" {
		return schema.DateOf(w.revWhen.In(london))
	}
	return schema.DateOf(now.In(london))
}

// london is where the records are kept: a day is a day there.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()
