package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/govkiosk/kiosk/central"
)

// centralLink is the agent's link to central: a URL, and in the demo the reference server
// itself, run in-process on a loopback port.
type centralLink struct {
	url    string
	server *http.Server    // nil unless embedded
	ref    *central.Server // the embedded reference server, nil unless embedded
	ln     net.Listener
}

// openCentral returns the configured central URL, or starts the embedded reference server.
func (a *agent) openCentral(ctx context.Context) (*centralLink, error) {
	if !a.cfg.Central.Embedded {
		return &centralLink{url: a.cfg.Central.URL}, nil
	}
	srv, err := central.New(central.Options{DataDir: filepath.Join(a.cfg.StateDir, "central"), Logger: a.log.With("component", "central")})
	if err != nil {
		return nil, fmt.Errorf("embedded central: %w", err)
	}
	a.onClose(srv.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("embedded central: %w", err)
	}
	link := &centralLink{
		url:    "http://" + ln.Addr().String(),
		server: &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second},
		ref:    srv,
		ln:     ln,
	}
	a.log.Info("embedded central server", "url", link.url)
	return link, nil
}

// Serve runs the embedded server until ctx ends.
func (c *centralLink) Serve(ctx context.Context) error {
	ln := c.ln
	if ln == nil { // restarted after a failure: bind the same address again
		var err error
		if ln, err = net.Listen("tcp", c.url[len("http://"):]); err != nil {
			return fmt.Errorf("embedded central: %w", err)
		}
	}
	c.ln = nil
	errc := make(chan error, 1)
	go func() { errc <- c.server.Serve(ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("embedded central: %w", err)
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return c.server.Shutdown(shut)
	}
}
