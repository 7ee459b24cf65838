//go:build race

package spool_test

// raceEnabled: under the race detector the crash test's children run several times
// slower, so it kills fewer of them.
const raceEnabled = true
