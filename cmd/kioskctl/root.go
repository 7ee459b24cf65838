package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/localapi"
)

// defaultConfig is where the deb package installs the agent's config.
const defaultConfig = "/etc/kiosk/kiosk.yaml"

// globals are the flags every command shares.
type globals struct {
	config string
	socket string
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "kioskctl",
		Short:         "Inspect and control the kiosk agent on this terminal",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.config, "config", "", "the agent's config file, to find its socket (default "+defaultConfig+")")
	root.PersistentFlags().StringVar(&g.socket, "socket", "", "the agent's local API socket (overrides --config)")
	root.AddCommand(newStatusCmd(g), newSimCmd(g), newSpoolCmd(g), newPrinterCmd(g), newReaderCmd(), newTechnicianCmd(), newOutboxCmd(g))
	return root
}

// client finds the agent: --socket, else the socket named by --config, else by the
// installed config, else the default socket.
func (g *globals) client() (*localapi.Client, error) {
	if g.socket != "" {
		return localapi.NewClient(g.socket), nil
	}
	path := g.config
	if path == "" {
		if _, err := os.Stat(defaultConfig); err != nil {
			return localapi.NewClient(config.Default().LocalAPI.Socket), nil
		}
		path = defaultConfig
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	return localapi.NewClient(cfg.LocalAPI.Socket), nil
}
