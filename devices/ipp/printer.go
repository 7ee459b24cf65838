package ipp

import (
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
)

// Printer is one IPP printer or CUPS queue. It is safe for concurrent use.
type Printer struct {
	name      string
	uri       string // the printer-uri attribute: ipp://… or ipps://…
	endpoint  string // where requests are posted: http://… or https://…
	user      string
	client    *http.Client
	requestID atomic.Int32
}

// Options tune a Printer. The zero value is usable.
type Options struct {
	// Client posts the requests; nil means a client without a global timeout (deadlines
	// come from each call's context).
	Client *http.Client
	// User is sent as requesting-user-name; empty means "kiosk".
	User string
}

// New returns a printer named name (the kiosk's name for it) at uri, an ipp://, ipps://,
// http:// or https:// URL such as ipp://localhost:631/printers/a4 or
// ipp://192.0.2.7/ipp/print. Nothing is sent until the first call.
func New(name, uri string, opts Options) (*Printer, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return nil, fmt.Errorf("ipp: printer %s: bad uri: %w", name, err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("ipp: printer %s: uri %q has no host", name, uri)
	}
	printerURI, endpoint := *u, *u
	switch u.Scheme {
	case "ipp", "http":
		printerURI.Scheme, endpoint.Scheme = "ipp", "http"
		if u.Port() == "" {
			printerURI.Host = u.Hostname() + ":631"
			endpoint.Host = printerURI.Host
		}
	case "ipps", "https":
		printerURI.Scheme, endpoint.Scheme = "ipps", "https"
		if u.Port() == "" {
			printerURI.Host = u.Hostname() + ":631"
			endpoint.Host = printerURI.Host
		}
	default:
		return nil, fmt.Errorf("ipp: printer %s: uri scheme %q is not ipp, ipps, http or https", name, u.Scheme)
	}
	p := &Printer{
		name:     name,
		uri:      printerURI.String(),
		endpoint: endpoint.String(),
		user:     opts.User,
		client:   opts.Client,
	}
	if p.user == "" {
		p.user = "kiosk"
	}
	if p.client == nil {
		p.client = &http.Client{}
	}
	return p, nil
}

// Name returns the kiosk's name for the printer.
func (p *Printer) Name() string { return p.name }

// URI returns the printer-uri the requests carry.
func (p *Printer) URI() string { return p.uri }
