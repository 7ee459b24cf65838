package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/localapi"
)

func newSimCmd(g *globals) *cobra.Command {
	sim := &cobra.Command{
		Use:   "sim",
		Short: "Drive the agent's simulated devices (demo and test configurations only)",
	}
	card := &cobra.Command{Use: "card", Short: "Put a card on the simulated reader or take it off"}
	card.AddCommand(
		&cobra.Command{
			Use:   "insert [fixture]",
			Short: "Put a fixture card on the simulated reader (default: resident)",
			Args:  cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				fixture := "resident"
				if len(args) == 1 {
					fixture = args[0]
				}
				c, err := g.client()
				if err != nil {
					return err
				}
				if err := c.SimInsert(cmd.Context(), fixture); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "card %q is on the reader\n", fixture)
				return nil
			},
		},
		&cobra.Command{
			Use:   "remove",
			Short: "Take the card off the simulated reader",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				c, err := g.client()
				if err != nil {
					return err
				}
				if err := c.SimRemove(cmd.Context()); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), "the reader is empty")
				return nil
			},
		},
		&cobra.Command{
			Use:   "list",
			Short: "List the fixture cards",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				c, err := g.client()
				if err != nil {
					return err
				}
				fx, err := c.SimFixtures(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), strings.Join(fx, "\n"))
				return nil
			},
		},
	)
	reader := &cobra.Command{Use: "reader", Short: "Pull the simulated reader's cable or plug it back in"}
	for _, c := range []struct {
		use, short, done string
		call             func(*localapi.Client, context.Context) error
	}{
		{"unplug", "Unplug the simulated reader", "the reader is unplugged", (*localapi.Client).SimUnplug},
		{"replug", "Plug the simulated reader back in", "the reader is plugged in", (*localapi.Client).SimReplug},
	} {
		reader.AddCommand(&cobra.Command{
			Use:   c.use,
			Short: c.short,
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				cl, err := g.client()
				if err != nil {
					return err
				}
				if err := c.call(cl, cmd.Context()); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), c.done)
				return nil
			},
		})
	}
	sim.AddCommand(card, reader)
	return sim
}
