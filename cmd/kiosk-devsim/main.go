// Command kiosk-devsim runs device simulators that speak the real wire protocols on
// pseudo-terminals, so that the agent, kioskctl and the drivers can be run and tested
// without hardware.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := &cobra.Command{
		Use:           "kiosk-devsim",
		Short:         "Simulated kiosk devices on pseudo-terminals",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newIDCardCmd(), newEscposCmd())
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "kiosk-devsim:", err)
		os.Exit(1)
	}
}
