package main

import (
	"context"
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

// rate records a citizen's rating: at central now, or through the outbox when central
// cannot be reached. A rating holds no personal data.
func (a *agent) rate(ctx context.Context, itemCode string, score int, reasons []string) error {
	req := centralapi.RatingRequest{ItemCode: itemCode, Score: score, Tags: reasons}
	key := centralapi.NewIdempotencyKey()
	if a.outbox == nil {
		_, err := a.client.Rate(ctx, centralapi.Auth{}, key, req)
		return err
	}
	sub, err := a.outbox.Rate(ctx, centralapi.Auth{}, key, req)
	if err == nil && sub.Queued != nil {
		a.log.Info("rating kept for central", "ref", sub.Queued.LocalRef)
	}
	return err
}
