//go:build !race

package precommittest

const raceDetector = false
