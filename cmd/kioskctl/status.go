package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/localapi"
)

func newStatusCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print the agent's state, its services and the session in progress",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := g.client()
			if err != nil {
				return err
			}
			st, err := c.Status(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			printStatus(cmd.OutOrStdout(), st, time.Now())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printStatus(w io.Writer, st localapi.Status, now time.Time) {
	mode := "windowed"
	if st.Headless {
		mode = "headless"
	}
	fmt.Fprintf(w, "agent     running (%s), pid %d, up %s, version %s\n", mode, st.PID, now.Sub(st.Started).Round(time.Second), st.Version)
	fmt.Fprintf(w, "terminal  %s\n", st.TerminalID)
	fmt.Fprintf(w, "config    %s\n", st.Config)
	reader := "ok"
	if !st.Reader.OK {
		reader = "FAULT: " + st.Reader.Fault
	}
	fmt.Fprintf(w, "reader    %s (%s)\n", reader, st.Reader.Transport)
	for _, p := range st.Printers {
		fmt.Fprint(w, "printer   ")
		printPrinter(w, p)
	}
	if s := st.Session; s.Active {
		fmt.Fprintf(w, "session   in progress: %s card, screen %s, for %s\n", s.CardType, s.Screen, now.Sub(s.Started).Round(time.Second))
	} else {
		fmt.Fprintf(w, "session   none (screen %s); %d since start\n", s.Screen, s.Sessions)
	}
	fmt.Fprintln(w, "services")
	for _, sv := range st.Services {
		line := fmt.Sprintf("  %-12s %s", sv.Name, sv.State)
		if sv.Restarts > 0 {
			line += fmt.Sprintf(", %d restarts, last error: %s", sv.Restarts, sv.LastError)
		}
		fmt.Fprintln(w, line)
	}
}
