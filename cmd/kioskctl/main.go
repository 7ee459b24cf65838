// Command kioskctl is the technician's and operator's CLI: a thin client of the running
// agent's local API, plus device commands that talk to hardware while the agent is stopped.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "kioskctl:", err)
		os.Exit(1)
	}
}
