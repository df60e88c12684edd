//go:build race

package schema

// raceEnabled: the race detector is on, and allocation is not as measured.
const raceEnabled = true
