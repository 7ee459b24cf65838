package main

import (
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/central/devcerts"
	"github.com/spf13/cobra"
)

// newCertsCommand makes development certificates for TLS and mTLS.
func newCertsCommand() *cobra.Command {
	var (
		out       string
		hosts     []string
		terminals []string
	)
	cmd := &cobra.Command{
		Use:   "certs",
		Short: "Write a development CA, a server certificate and terminal client certificates",
		Long: `Write a private CA, a server certificate for --host and one client certificate per
--terminal (its common name is the terminal's identity) into --out. For development and
tests only: the CA key is written next to the certificates.

  kiosk-central certs --out var/certs --terminal T-DEV-01
  kiosk-central --data var/central --tls-cert var/certs/server.pem \
      --tls-key var/certs/server-key.pem --client-ca var/certs/ca.pem`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := devcerts.Write(out, hosts, terminals, time.Now()); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s, %s and %d terminal certificates to %s\n",
				devcerts.CAFile, devcerts.ServerFile, len(terminals), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "certs", "directory to write to")
	cmd.Flags().StringSliceVar(&hosts, "host", []string{"127.0.0.1", "localhost"}, "server names and addresses")
	cmd.Flags().StringSliceVar(&terminals, "terminal", []string{"T-DEV-01"}, "terminal ids to make client certificates for")
	return cmd
}
