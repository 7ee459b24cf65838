// Package idcardtest is the test sibling of a reader transport: Record wraps a real
// transport and keeps every byte that crosses it as a transcript; Playback replays a
// transcript as a transport and fails on any write the transcript does not expect and
// on anything left unused. A transcript recorded once on real hardware is a test forever.
package idcardtest
