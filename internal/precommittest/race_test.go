//go:build race

package precommittest

// raceDetector: the test runs pre-commit and the caselint it builds in
// other processes, which the race detector does not watch: go test -race
// (.ci/run) would only run it a second time.
const raceDetector = true
