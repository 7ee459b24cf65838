// Package line is what the device simulators share about their end of a serial line:
// opening a pseudo-terminal for a driver to use as its port, and reading the line in the
// background.
package line
