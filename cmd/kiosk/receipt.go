package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"

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
// A printer that cannot be opened at start is reported in its status; it is not opened
// again until the agent restarts.
type receiptLink struct {
	typ     string
	printer *escpos.Printer // nil when there is none or it could not be opened
	fault   string          // why printer is nil although one is configured
	sim     *escpossim.Printer
	simLine net.Conn
}

func (a *agent) openReceipt() (*receiptLink, error) {
	rc := a.cfg.Printers.Receipt
	l := &receiptLink{typ: rc.Type}
	var line io.ReadWriteCloser
	var err error
	switch rc.Type {
	case "none":
		return l, nil
	case "serial":
		line, err = serialport.Open(rc.Port, rc.Baud)
	case "usb":
		var id serialport.USBID // zero: the first printer-class device
		if rc.USBID != "" {
			if id, err = serialport.ParseUSBID(rc.USBID); err != nil {
				return nil, err
			}
		}
		line, err = usbdev.OpenPrinter(id.Vendor, id.Product)
	case "sim":
		f, err := os.OpenFile(filepath.Join(a.cfg.StateDir, "receipts.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
		if err != nil {
			return nil, fmt.Errorf("receipt simulator log: %w", err)
		}
		a.onClose(f.Close)
		host, dev := net.Pipe()
		l.sim = escpossim.New(escpossim.Options{Log: f})
		l.simLine = dev
		line = host
	}
	if err != nil { // an unplugged receipt printer must not stop the terminal
		l.fault = err.Error()
		a.log.Error("receipt printer not available", "err", err)
		return l, nil
	}
	a.onClose(line.Close)
	l.printer = escpos.New(line, escpos.Options{Name: receipt})
	return l, nil
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
	if l.printer == nil {
		st.Fault = "not available: " + l.fault
		return st, true
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ps, err := l.printer.Status(ctx)
	if err != nil {
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
	if l.printer == nil {
		return localapi.TestPageResult{}, fmt.Errorf("the receipt printer is not available: %s", l.fault)
	}
	doc, err := escpos.TestPage{Printer: receipt, Time: time.Now()}.Encode()
	if err != nil {
		return localapi.TestPageResult{}, err
	}
	if err := l.printer.Print(ctx, doc); err != nil {
		return localapi.TestPageResult{}, err
	}
	return localapi.TestPageResult{Printer: receipt, Message: "test page printed on receipt"}, nil
}
