// Package sim owns the device simulators: an ID card reader that speaks the GA/T 467 SAM
// protocol byte for byte as a real reader does (paced at its baud rate, with the real
// status codes and command order), with card fixtures and fault injection, over any
// io.ReadWriter, an in-process pipe or a pseudo-terminal. The real drivers run against
// it unchanged: the simulator is a driver's test sibling and the demo's reader.
package sim
