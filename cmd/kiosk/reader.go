package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/serialport"
	"github.com/govkiosk/kiosk/devices/sim"
	"github.com/govkiosk/kiosk/devices/usbdev"
	"github.com/govkiosk/kiosk/kiosk/cardwatch"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// readerLink runs the card watcher over the configured reader and turns its events into
// session intents. In a sim configuration it also holds the simulated reader, which the
// local API drives; the real idcard driver talks to it over an in-process transport.
type readerLink struct {
	transport string
	watch     *cardwatch.Watcher
	session   *session.Machine
	sim       *sim.IDCardReader // nil unless reader.transport is sim
	log       *slog.Logger
}

// openReader wires the reader the config names; the device itself is opened (and
// reopened after a fault) by the watcher.
func (a *agent) openReader() (*readerLink, error) {
	rc := a.cfg.Reader
	l := &readerLink{transport: rc.Transport, session: a.session, log: a.log.With("component", "reader")}
	var open func(ctx context.Context) (devices.CardReader, error)
	switch rc.Transport {
	case "sim":
		l.sim = sim.NewIDCardReader(sim.IDCardOptions{
			Baud:      rc.Baud,
			Fixture:   rc.Fixture,
			FindDelay: 20 * time.Millisecond, // a real card's RF time, so the demo feels real
			ReadDelay: 300 * time.Millisecond,
			Logger:    l.log,
		})
		open = l.sim.Opener(idcard.Options{})
	case "serial":
		open = func(ctx context.Context) (devices.CardReader, error) {
			path, err := serialPath(rc.Port, rc.USBID)
			if err != nil {
				return nil, err
			}
			p, err := serialport.Open(path, rc.Baud)
			if err != nil {
				return nil, err
			}
			return idcard.New(p, idcard.Options{}), nil
		}
	case "usb":
		id, err := serialport.ParseUSBID(rc.USBID)
		if err != nil {
			return nil, err
		}
		open = func(ctx context.Context) (devices.CardReader, error) {
			conn, err := usbdev.OpenSAM(id.Vendor, id.Product, usbdev.DefaultSAMEndpoints)
			if err != nil {
				return nil, err
			}
			return idcard.New(conn, idcard.Options{}), nil
		}
	default:
		return nil, fmt.Errorf("reader.transport %q is not serial, usb or sim", rc.Transport)
	}
	l.watch = cardwatch.New(cardwatch.Config{Open: open, Logger: l.log})
	return l, nil
}

// serialPath is the configured port, or the one serial port of the USB device usbID.
func serialPath(port, usbID string) (string, error) {
	if port != "" {
		return port, nil
	}
	id, err := serialport.ParseUSBID(usbID)
	if err != nil {
		return "", err
	}
	paths, err := serialport.Find(serialport.SysfsRoot, id)
	if err != nil {
		return "", err
	}
	switch len(paths) {
	case 0:
		return "", fmt.Errorf("no serial port belongs to USB device %s: %w", id, devices.ErrDeviceGone)
	case 1:
		return paths[0], nil
	default:
		return "", fmt.Errorf("USB device %s has several serial ports %v: set reader.port", id, paths)
	}
}

// Serve runs the watcher and hands its events to the session until ctx ends.
func (l *readerLink) Serve(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- l.watch.Serve(ctx) }()
	for {
		select {
		case ev := <-l.watch.Events():
			l.handle(ev)
		case err := <-errc:
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		}
	}
}

func (l *readerLink) handle(ev cardwatch.Event) {
	switch ev.Kind {
	case cardwatch.CardPresented:
		l.session.CardPresented(ev.Card)
	case cardwatch.CardRemoved:
		l.session.CardRemoved()
	case cardwatch.CardUnreadable:
		l.session.CardUnreadable()
	case cardwatch.ReaderFault:
		l.session.ReaderFault()
	case cardwatch.ReaderRecovered:
		l.session.ReaderRecovered()
	case cardwatch.CardDetected:
		l.session.CardDetected()
	}
}

func (l *readerLink) status() localapi.ReaderStatus {
	st := l.watch.Status()
	return localapi.ReaderStatus{Transport: l.transport, OK: st.ReaderOK, Fault: st.Fault}
}

// simControl is the local API's handle on the simulated reader, nil outside sim.
func (l *readerLink) simControl() localapi.SimReader {
	if l.sim == nil {
		return nil
	}
	return l.sim
}
