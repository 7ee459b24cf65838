package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/escpos"
	"github.com/govkiosk/kiosk/devices/serialport"
	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
	"github.com/govkiosk/kiosk/devices/usbdev"
	"github.com/govkiosk/kiosk/kiosk/localapi"
)

// receipt is the name of the receipt printer in kioskctl.
const receipt = "receipt"

// receiptLink is the receipt printer: none, a serial or USB ESC/POS printer, or the
// simulator behind an in-process line (the demo), which logs each ticket to receipts.log.
// A serial or USB printer that cannot be opened at start, or whose line fails (unplugged),
// is reported in its status and opened again when it is next used, at most once every
// retryEvery: a technician who plugs it back in needs no restart.
type receiptLink struct {
	typ        string
	open       func() (io.ReadWriteCloser, error) // serial and usb; nil otherwise
	log        *slog.Logger
	retryEvery time.Duration
	sim        *escpossim.Printer
	simLine    net.Conn

	mu      sync.Mutex
	line    io.ReadWriteCloser
	printer *escpos.Printer // nil when there is none or it could not be opened
	fault   string          // why printer is nil although one is configured
	tried   time.Time       // the last attempt to open it
}

// receiptRetry is how often a missing receipt printer is looked for when it is used.
const receiptRetry = 5 * time.Second

func (a *agent) openReceipt() (*receiptLink, error) {
	rc := a.cfg.Printers.Receipt
	l := &receiptLink{typ: rc.Type, log: a.log.With("printer", receipt), retryEvery: receiptRetry}
	a.onClose(l.close)
	switch rc.Type {
	case "none":
		return l, nil
	case "serial":
		l.open = func() (io.ReadWriteCloser, error) { return serialport.Open(rc.Port, rc.Baud) }
	case "usb":
		var id serialport.USBID // zero: the first printer-class device
		if rc.USBID != "" {
			var err error
			if id, err = serialport.ParseUSBID(rc.USBID); err != nil {
				return nil, err
			}
		}
		l.open = func() (io.ReadWriteCloser, error) { return usbdev.OpenPrinter(id.Vendor, id.Product) }
	case "sim":
		f, err := os.OpenFile(filepath.Join(a.cfg.StateDir, "receipts.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
		if err != nil {
			return nil, fmt.Errorf("receipt simulator log: %w", err)
		}
		a.onClose(f.Close)
		host, dev := net.Pipe()
		l.sim = escpossim.New(escpossim.Options{Log: f})
		l.simLine = dev
		l.line, l.printer = host, escpos.New(host, escpos.Options{Name: receipt})
		return l, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.getLocked(); err != nil { // an unplugged receipt printer must not stop the terminal
		l.log.Error("receipt printer not available", "err", err)
	}
	return l, nil
}

// get returns the printer, opening it when it is missing and the last attempt is
// retryEvery old.
func (l *receiptLink) get() (*escpos.Printer, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.getLocked()
}

func (l *receiptLink) getLocked() (*escpos.Printer, error) {
	if l.printer != nil {
		return l.printer, nil
	}
	if l.open == nil || time.Since(l.tried) < l.retryEvery {
		return nil, fmt.Errorf("the receipt printer is not available: %s", l.fault)
	}
	l.tried = time.Now()
	line, err := l.open()
	if err != nil {
		l.fault = err.Error()
		return nil, fmt.Errorf("the receipt printer is not available: %w", err)
	}
	if l.fault != "" {
		l.log.Info("receipt printer available again")
	}
	l.line, l.printer, l.fault = line, escpos.New(line, escpos.Options{Name: receipt}), ""
	return l.printer, nil
}

// failed drops p when err says its line is gone (unplugged, port closed), so that the
// next use opens it again.
func (l *receiptLink) failed(p *escpos.Printer, err error) {
	if !errors.Is(err, devices.ErrDeviceGone) || l.open == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.printer != p {
		return
	}
	l.log.Warn("receipt printer gone", "err", err)
	l.closeLocked()
	l.fault = err.Error()
}

func (l *receiptLink) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closeLocked()
	return nil
}

func (l *receiptLink) closeLocked() {
	if l.printer != nil {
		l.printer.Close()
	}
	if l.line != nil {
		l.line.Close()
	}
	l.line, l.printer = nil, nil
}

// print sends doc to the receipt printer (receipts are not spooled).
func (l *receiptLink) print(ctx context.Context, doc []byte) error {
	p, err := l.get()
	if err != nil {
		return err
	}
	if err := p.Print(ctx, doc); err != nil {
		l.failed(p, err)
		return err
	}
	return nil
}

// Serve runs the simulator's end of the line (sim only).
func (l *receiptLink) Serve(ctx context.Context) error {
	return l.sim.Serve(ctx, l.simLine)
}

func (l *receiptLink) status(ctx context.Context) (localapi.PrinterStatus, bool) {
	if l.typ == "none" {
		return localapi.PrinterStatus{}, false
	}
	st := localapi.PrinterStatus{Name: receipt, Type: "escpos-" + l.typ}
	p, err := l.get()
	if err != nil {
		st.Fault = err.Error()
		return st, true
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ps, err := p.Status(ctx)
	if err != nil {
		l.failed(p, err)
		st.Fault = err.Error()
		return st, true
	}
	st.Ready = ps.Ready
	for _, r := range ps.Reasons {
		st.Reasons = append(st.Reasons, string(r))
	}
	return st, true
}

// testPage prints the receipt printer's test page straight away (receipts are not spooled).
func (l *receiptLink) testPage(ctx context.Context) (localapi.TestPageResult, error) {
	doc, err := escpos.TestPage{Printer: receipt, Time: time.Now()}.Encode()
	if err != nil {
		return localapi.TestPageResult{}, err
	}
	if err := l.print(ctx, doc); err != nil {
		return localapi.TestPageResult{}, err
	}
	return localapi.TestPageResult{Printer: receipt, Message: "test page printed on receipt"}, nil
}
