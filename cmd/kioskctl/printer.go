package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/localapi"
)

func newPrinterCmd(g *globals) *cobra.Command {
	pr := &cobra.Command{Use: "printer", Short: "Printer status and test pages"}
	pr.AddCommand(
		&cobra.Command{
			Use:   "status [NAME]",
			Short: "Show each printer's status and queue, or one printer's",
			Args:  cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := g.client()
				if err != nil {
					return err
				}
				ps, err := c.Printers(cmd.Context())
				if err != nil {
					return err
				}
				shown := 0
				for _, p := range ps {
					if len(args) == 1 && p.Name != args[0] {
						continue
					}
					printPrinter(cmd.OutOrStdout(), p)
					shown++
				}
				if len(args) == 1 && shown == 0 {
					return fmt.Errorf("no printer named %q", args[0])
				}
				return nil
			},
		},
		&cobra.Command{
			Use:   "test-page NAME",
			Short: "Print a test page (a4: through the spool; receipt: straight away)",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := g.client()
				if err != nil {
					return err
				}
				res, err := c.TestPage(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), res.Message)
				return nil
			},
		},
	)
	return pr
}

func printPrinter(w io.Writer, p localapi.PrinterStatus) {
	state := "ready"
	switch {
	case p.Fault != "":
		state = p.Fault
	case !p.Ready && len(p.Reasons) == 0:
		state = "not seen yet"
	case !p.Ready:
		state = "NOT READY"
	}
	line := fmt.Sprintf("%-8s %-7s %s", p.Name, p.Type, state)
	if len(p.Reasons) > 0 {
		line += " (" + strings.Join(p.Reasons, ", ") + ")"
	}
	fmt.Fprintf(w, "%s; %d jobs waiting\n", line, p.Pending)
}
