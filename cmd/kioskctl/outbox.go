package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/spool"
)

func newOutboxCmd(g *globals) *cobra.Command {
	ob := &cobra.Command{Use: "outbox", Short: "Applications and ratings made while central was unreachable"}
	var asJSON bool
	ls := &cobra.Command{
		Use:   "ls",
		Short: "List what waits for central, and why, and what was delivered",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.client()
			if err != nil {
				return err
			}
			items, err := c.Outbox(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), items)
			}
			printOutbox(cmd.OutOrStdout(), items)
			return nil
		},
	}
	ls.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	ob.AddCommand(ls)
	return ob
}

func printOutbox(w io.Writer, items []spool.OutboxRecord) {
	if len(items) == 0 {
		fmt.Fprintln(w, "the outbox is empty")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LOCAL REF\tKIND\tITEM\tSTATE\tATTEMPTS\tWHY IT WAITS\tCREATED")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", it.LocalRef, it.Kind, it.Summary, it.State, it.Attempts, it.LastError, it.Created.Local().Format("01-02 15:04:05"))
	}
	tw.Flush()
}
