package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/config"
)

func newTechnicianCmd() *cobra.Command {
	tech := &cobra.Command{Use: "technician", Short: "Technician mode settings"}
	tech.AddCommand(&cobra.Command{
		Use:   "pin-hash",
		Short: "Read a PIN (4 to 8 digits) on standard input and print its hash for technician.pin_hash",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
			if err != nil && line == "" {
				return fmt.Errorf("no PIN on standard input")
			}
			pin := strings.TrimSpace(line)
			if len(pin) < 4 || len(pin) > 8 || strings.Trim(pin, "0123456789") != "" {
				return fmt.Errorf("a PIN is 4 to 8 digits")
			}
			fmt.Fprintln(cmd.OutOrStdout(), config.HashPIN(pin))
			return nil
		},
	})
	return tech
}
