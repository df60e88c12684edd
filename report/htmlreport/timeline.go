package htmlreport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// The timeline's geometry, in the SVG's own units (it scales to the page).
const (
	tlWidth  = 960
	tlLeft   = 118 // the lane labels
	tlRight  = 16
	tlHeight = 214
	axisY    = 192
	padDays  = 4
	maxYears = 12 // a date further back than this before the last is drawn at the edge
)

// lane is a row of the timeline.
type lane struct {
	Label string
	Y     int // the middle of its markers
	Top   int // its band, for gaps and periods
	H     int
}

var (
	lanePlan       = lane{"Plan, legal status", 26, 14, 24}
	laneConference = lane{"Conferences", 58, 46, 24}
	laneCoreGroup  = lane{"Core groups", 96, 76, 38}
	laneVisit      = lane{"Visits", 144, 118, 44}
	bedroomY       = 172
)

// timeline is what the template draws for one case.
type timeline struct {
	ID                 string
	Width, Height      int
	AxisY, Left, Right int
	Title, Desc        string
	Lanes              []lane
	Ticks              []tick
	PlanX1, PlanX2     string
	PlanY              int
	PlanEnded, HasPlan bool
	AsOfX              string
	AsOf               string
	Marks              []mark
	Gaps               []gapShape
	Periods            []periodShape
	Visits, Gapped     int
}

type tick struct {
	X     string
	Label string
}

// mark is one event's marker: a shape (an SVG path) and what it means.
type mark struct {
	Kind, Date, Seeing, Detail string
	Shape                      string // the path's d
	Inner                      string // a filled path inside it, for visits
	Class                      string
	Label                      string // its title, read by assistive technology and shown on hover
	X                          string
	Bedroom                    string // the bedroom marker's d, for a visit that saw it
}

// gapShape is a gap a finding reports, shaded from From to To, with the
// day it should have closed marked.
type gapShape struct {
	Rule, From, Due, To string
	X, W, DueX          string
	Y, H, LabelY        int
	Label               string
	New                 bool
}

type periodShape struct {
	From, To string
	X, W     string
	Y, H     int
	Label    string
}

// scale maps dates to x.
type scale struct {
	min, max schema.Date
	days     float64
}

func (s scale) x(d schema.Date) float64 {
	n := float64(s.min.DaysUntil(d))
	n = max(0, min(n, s.days))
	return tlLeft + n*float64(tlWidth-tlLeft-tlRight)/s.days
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// drawTimeline lays out the timeline of case i.
func drawTimeline(i int, ch *lint.Chronology, findings []*lint.Finding, isNew bool) timeline {
	t := timeline{ID: fmt.Sprintf("tl-%d", i+1), Width: tlWidth, Height: tlHeight, AxisY: axisY, Left: tlLeft, Right: tlWidth - tlRight,
		Lanes: []lane{lanePlan, laneConference, laneCoreGroup, laneVisit}, AsOf: ch.AsOf.Long()}
	sc := span(ch, findings)
	if !ch.PlanStart.IsZero() {
		end := ch.AsOf
		if !ch.PlanEnd.IsZero() && ch.PlanEnd.Before(end) {
			end, t.PlanEnded = ch.PlanEnd, true
		}
		t.HasPlan, t.PlanX1, t.PlanX2, t.PlanY = true, num(sc.x(ch.PlanStart)), num(sc.x(end)), lanePlan.Y
	}
	t.AsOfX = num(sc.x(ch.AsOf))
	t.Ticks = ticks(sc)
	counts := map[lint.Seeing]int{}
	var cfs, cgs, statuses int
	for _, e := range ch.Events {
		if e.Date.IsZero() {
			continue
		}
		x := sc.x(e.Date)
		m := mark{Kind: string(e.Kind), Date: e.Date.String(), Detail: e.Detail, X: num(x),
			Label: e.Date.Long() + ": " + eventWords(&e)}
		switch e.Kind {
		case lint.EventConference:
			cfs++
			m.Shape, m.Class = triangle(x, laneConference.Y), "conference"
		case lint.EventCoreGroup:
			cgs++
			m.Shape, m.Class = square(x, laneCoreGroup.Y), "core-group"
		case lint.EventLegalStatus:
			statuses++
			m.Shape, m.Class = diamond(x, lanePlan.Y), "legal-status"
		case lint.EventVisit:
			t.Visits++
			counts[e.Seeing]++
			m.Seeing = string(e.Seeing)
			m.Shape, m.Inner, m.Class = visitShape(x, laneVisit.Y, e.Seeing)
			if e.BedroomSeen {
				m.Bedroom = house(x, bedroomY)
			}
		}
		t.Marks = append(t.Marks, m)
	}
	for _, pr := range ch.Periods {
		x1, x2 := sc.x(pr.From), sc.x(pr.To)
		t.Periods = append(t.Periods, periodShape{From: pr.From.String(), To: pr.To.String(), X: num(x1), W: num(max(1, x2-x1)),
			Y: laneVisit.Top - 4, H: laneVisit.H + 8, Label: "reduced visiting from " + pr.From.Long() + " to " + pr.To.Long()})
	}
	var gapWords []string
	for _, f := range findings {
		if f.Span == nil || f.Suppression != nil {
			continue
		}
		ln := laneVisit
		if f.RuleID != "unseen-child" {
			ln = laneCoreGroup
		}
		x1, x2 := sc.x(f.Span.From), sc.x(f.Span.To)
		n := len(t.Gaps) + 1
		g := gapShape{Rule: f.RuleID, From: f.Span.From.String(), Due: f.Span.Due.String(), To: f.Span.To.String(),
			X: num(x1), W: num(max(2, x2-x1)), DueX: num(sc.x(f.Span.Due)), Y: ln.Top, H: ln.H,
			LabelY: ln.Top + 10 + 10*((n-1)%2), New: isNew,
			Label: fmt.Sprintf("gap %d: %s", n, f.RuleID)}
		if isNew {
			g.Label = "new " + g.Label
		}
		t.Gaps = append(t.Gaps, g)
		gapWords = append(gapWords, fmt.Sprintf("gap %d (%s) from %s to %s, due by %s", n, f.RuleID, f.Span.From.Long(), f.Span.To.Long(), f.Span.Due.Long()))
	}
	t.Gapped = len(t.Gaps)
	t.Title = "Timeline of the case"
	var d []string
	if t.HasPlan {
		d = append(d, "plan from "+ch.PlanStart.Long())
		if t.PlanEnded {
			d[0] += " to " + ch.PlanEnd.Long()
		}
	}
	d = append(d, plural(cfs, "conference"), plural(cgs, "core group"), plural(t.Visits, "visit")+visitCounts(counts))
	if statuses > 0 {
		d = append(d, plural(statuses, "legal status change"))
	}
	if len(t.Periods) > 0 {
		d = append(d, t.Periods[0].Label)
	}
	if len(gapWords) > 0 {
		d = append(d, "shaded: "+strings.Join(gapWords, "; "))
	} else {
		d = append(d, "no gap reported")
	}
	t.Desc = strings.Join(d, "; ") + ". The table below lists the same."
	return t
}

func visitCounts(c map[lint.Seeing]int) string {
	var parts []string
	for _, s := range []lint.Seeing{lint.SeeingAlone, lint.SeeingAwake, lint.SeeingSeen, lint.SeeingNot, lint.SeeingRefused} {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[s], seeingWords(s)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// span is the dates the timeline covers: the plan, the events and the gaps,
// with a few days either side.
func span(ch *lint.Chronology, findings []*lint.Finding) scale {
	var lo, hi schema.Date
	see := func(d schema.Date) {
		if d.IsZero() {
			return
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	see(ch.PlanStart)
	see(ch.PlanEnd)
	see(ch.AsOf)
	for _, e := range ch.Events {
		see(e.Date)
	}
	for _, f := range findings {
		if f.Span != nil {
			see(f.Span.From)
			see(f.Span.To)
		}
	}
	if hi.IsZero() {
		hi = schema.DateOf(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		lo = hi
	}
	if floor := hi.AddYears(-maxYears); lo.Before(floor) {
		lo = floor
	}
	lo, hi = lo.AddDays(-padDays), hi.AddDays(padDays)
	return scale{min: lo, max: hi, days: float64(max(1, lo.DaysUntil(hi)))}
}

// ticks marks the first of each month (each quarter over two years).
func ticks(sc scale) []tick {
	step := 1
	if sc.days > 730 {
		step = 3
	}
	if sc.days > 365*6 {
		step = 12
	}
	var out []tick
	d := schema.DateOf(time.Date(sc.min.Year, sc.min.Month, 1, 0, 0, 0, 0, time.UTC)).AddMonths(1)
	for first := true; !d.After(sc.max); d = d.AddMonths(step) {
		if step > 1 && (int(d.Month)-1)%step != 0 {
			continue
		}
		label := d.Time().Format("Jan")
		if first || d.Month == time.January {
			label = d.Time().Format("Jan 2006")
		}
		first = false
		out = append(out, tick{X: num(sc.x(d)), Label: label})
	}
	return out
}

// The marker shapes: each kind its own shape, so that nothing is told by
// colour alone.

func triangle(x float64, y int) string {
	return fmt.Sprintf("M%s %dL%s %dL%s %dZ", num(x), y-8, num(x+8), y+6, num(x-8), y+6)
}

func square(x float64, y int) string {
	return fmt.Sprintf("M%s %dh12v12h-12Z", num(x-6), y-6)
}

func diamond(x float64, y int) string {
	return fmt.Sprintf("M%s %dL%s %dL%s %dL%s %dZ", num(x), y-8, num(x+8), y, num(x), y+8, num(x-8), y)
}

func house(x float64, y int) string {
	return fmt.Sprintf("M%s %dL%s %dv8h-10v-8Z", num(x), y-6, num(x+5), y-1)
}

// circle is a circle of radius r as a path.
func circle(x float64, y int, r float64) string {
	return fmt.Sprintf("M%s %dm-%s 0a%s %s 0 1 0 %s 0a%s %s 0 1 0 -%s 0", num(x), y, num(r), num(r), num(r), num(2*r), num(r), num(r), num(2*r))
}

// visitShape: a filled circle seen alone, a dot in a ring a baby seen
// awake, a half-filled circle seen not alone, an empty circle not seen, a
// cross refused.
func visitShape(x float64, y int, s lint.Seeing) (outline, inner, class string) {
	switch s {
	case lint.SeeingAlone:
		return circle(x, y, 6), "", "visit seen-alone"
	case lint.SeeingAwake:
		return circle(x, y, 7.5), circle(x, y, 3.5), "visit baby-seen-awake"
	case lint.SeeingSeen:
		return circle(x, y, 6), fmt.Sprintf("M%s %dv12a6 6 0 0 1 0 -12Z", num(x), y-6), "visit seen"
	case lint.SeeingRefused:
		return fmt.Sprintf("M%s %dl12 12m0 -12l-12 12", num(x-6), y-6), "", "visit refused"
	}
	return circle(x, y, 6), "", "visit not-seen"
}
