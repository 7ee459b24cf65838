// Command kiosk-central runs the reference central server: the city platform's service
// APIs for kiosk terminals, for demos, development and tests.
//
//	kiosk-central --listen 127.0.0.1:8480 --data ./var/central
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRootCommand().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
