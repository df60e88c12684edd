package schema

import (
	"testing"
	"time"
)

// TestDateCompareByParts: Compare answers as the times of the dates do,
// for real days (compared by their parts) and for dates that are not
// (normalised: 31 April is 1 May, the zero date is before every day).
func TestDateCompareByParts(t *testing.T) {
	var dates []Date
	for _, y := range []int{0, 1900, 2000, 2024, 2025, 2026} {
		for m := time.Month(0); m <= 13; m++ {
			for _, d := range []int{0, 1, 28, 29, 30, 31, 32} {
				dates = append(dates, Date{y, m, d})
			}
		}
	}
	for _, a := range dates {
		for _, b := range dates {
			if got, want := a.Compare(b), a.Time().Compare(b.Time()); got != want {
				t.Fatalf("%+v.Compare(%+v) = %d, want %d", a, b, got, want)
			}
		}
	}
}
