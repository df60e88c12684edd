//go:build race

package report

// raceEnabled: the race detector is on, and a test that measures memory or
// prints 100,000 findings per format is too slow to be worth it.
const raceEnabled = true
