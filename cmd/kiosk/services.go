package main

import (
	"fmt"
	"path/filepath"

	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/outbox"
)

// openCentralServices makes the central client, the offline catalog and, when the spool
// is there to hold it, the outbox.
func (a *agent) openCentralServices() error {
	cc := a.cfg.Central
	tlsCfg, err := centralapi.TLSConfig(cc.CertFile, cc.KeyFile, cc.CAFile)
	if err != nil {
		return fmt.Errorf("central tls: %w", err)
	}
	client, err := centralapi.New(centralapi.Options{
		BaseURL:        a.central.url,
		TerminalID:     a.cfg.Terminal.ID,
		TLS:            tlsCfg,
		AttemptTimeout: cc.Timeout,
		Logger:         a.log.With("component", "centralapi"),
	})
	if err != nil {
		return err
	}
	a.client = client
	if a.catalog, err = catalog.Open(filepath.Join(a.cfg.StateDir, "catalog"), client, catalog.Options{}); err != nil {
		return err
	}
	if a.spool != nil {
		a.outbox, err = outbox.New(outbox.Options{
			Spool:      a.spool,
			Central:    client,
			TerminalID: a.cfg.Terminal.ID,
			Logger:     a.log.With("component", "outbox"),
		})
		if err != nil {
			return err
		}
	}
	return nil
}
