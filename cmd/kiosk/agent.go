package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/certificate"
	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/fonts"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/logging"
	"github.com/govkiosk/kiosk/kiosk/outbox"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/kiosk/supervisor"
	"github.com/govkiosk/kiosk/spool"
)

// agent is everything the process runs, wired from the config.
type agent struct {
	cfg      config.Config
	cfgPath  string
	headless bool
	started  time.Time
	log      *slog.Logger
	font     []byte
	renderer *certificate.Renderer

	sup     *supervisor.Supervisor
	session *session.Machine
	api     *localapi.Server
	reader  *readerLink
	central *centralLink
	receipt *receiptLink
	client  *centralapi.Client
	catalog *catalog.Store
	outbox  *outbox.Service // nil when the spool file is corrupt
	spool   *spool.Spool    // nil when the spool file is corrupt
	// spoolFault says why printing is off.
	spoolFault string
	citizens   *citizenSessions // the citizens' sessions at central, by session id

	closers []func() error
	mu      sync.Mutex
}

// runOptions are what the command line gives run.
type runOptions struct {
	cfg      config.Config
	cfgPath  string
	headless bool
	started  time.Time
	logOut   io.Writer
	// ready, when set, is called once every service is built and the socket is bound.
	ready func(*agent)
}

// run builds the agent, runs its services (and the window unless headless) until ctx is
// canceled or the window closes, then stops everything in order.
func run(ctx context.Context, o runOptions) error {
	cfg := o.cfg
	log, err := logging.New(o.logOut, cfg.Log.Format, cfg.Log.Level)
	if err != nil {
		return err
	}
	slog.SetDefault(log)
	a := &agent{cfg: cfg, cfgPath: o.cfgPath, headless: o.headless, started: o.started, log: log}
	headless := o.headless
	defer a.close()
	if err := a.build(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	supDone := make(chan error, 1)
	go func() { supDone <- a.sup.Serve(ctx) }()
	log.Info("agent started", "terminal", cfg.Terminal.ID, "config", o.cfgPath, "headless", headless, "version", version)
	if o.ready != nil {
		o.ready(a)
	}

	if headless {
		<-ctx.Done()
	} else {
		runWindow(ctx, a) // returns when ctx ends or the window is closed
		cancel()
	}
	<-supDone
	wait, stop := context.WithTimeout(context.Background(), 10*time.Second)
	defer stop()
	if err := a.session.Wait(wait); err != nil {
		log.Warn("stopped with print jobs still under way", "err", err)
	}
	log.Info("agent stopped")
	return nil
}

func (a *agent) build(ctx context.Context) error {
	cfg := a.cfg
	if err := os.MkdirAll(cfg.StateDir, 0o750); err != nil {
		return fmt.Errorf("state dir: %w", err)
	}
	ttf, err := fonts.Load(cfg.UI.Font)
	if err != nil {
		return err
	}
	a.font = ttf
	a.renderer = certificate.NewRenderer(ttf)
	printer, err := a.openDocPrinter()
	if err != nil {
		return err
	}
	if err := a.openSpool(); err != nil {
		return err
	}
	if a.receipt, err = a.openReceipt(); err != nil {
		return err
	}
	central, err := a.openCentral(ctx)
	if err != nil {
		return err
	}
	a.central = central
	if err := a.openCentralServices(); err != nil {
		return err
	}
	a.citizens = newCitizenSessions(a.client, a.log.With("component", "signin"))
	if a.outbox != nil {
		a.citizens.reached = a.outbox.Kick
	}
	var checkPIN func(string) bool
	if h := cfg.Tech.PINHash; h != "" {
		checkPIN = func(pin string) bool { return config.CheckPIN(h, pin) }
	}
	var receipts session.ReceiptPrinter // nil: no receipt printer, and no button offers one
	if cfg.Printers.Receipt.Type != "none" {
		receipts = receiptPrinter{a}
	}
	a.session = session.New(session.Options{
		Log:          a.log,
		Printer:      spoolPrinter{a},
		Ended:        a.sessionEnded,
		Render:       a.proof,
		Timing:       session.Timing{Idle: cfg.UI.IdleTimeout, Limit: cfg.UI.SessionLimit},
		Language:     cfg.UI.Language,
		CheckPIN:     checkPIN,
		TechStatus:   a.techStatus,
		Catalog:      sessionCatalog{a},
		Rate:         a.rate,
		PrintContext: ctx,
		Central:      a.citizens,
		Services:     sessionServices{a},
		Receipts:     receipts,
		Rasterizer:   a.rasterizer(),
	})
	reader, err := a.openReader()
	if err != nil {
		return err
	}
	a.reader = reader

	a.api = &localapi.Server{Socket: cfg.LocalAPI.Socket, Log: a.log, Status: a.status, Sim: reader.simControl(),
		SpoolFault: a.spoolFault, TestPage: a.testPage}
	if a.spool != nil { // a nil *spool.Spool must not become a non-nil interface
		a.api.Spool = a.spool
	}
	if err := a.api.Listen(); err != nil {
		return err
	}
	a.sup = &supervisor.Supervisor{Log: a.log}
	a.sup.Add("local-api", a.api)
	a.sup.Add("card-reader", reader)
	if a.spool != nil {
		a.sup.Add("printer-"+a4, a.spool.Worker(printer))
	}
	if central.server != nil {
		a.sup.Add("central", central)
	}
	if a.receipt.sim != nil {
		a.sup.Add("receipt-sim", a.receipt)
	}
	a.sup.Add("catalog", a.catalog)
	if a.outbox != nil {
		a.sup.Add("outbox", a.outbox)
	}
	return nil
}

func (a *agent) onClose(f func() error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.closers = append(a.closers, f)
}

func (a *agent) close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := len(a.closers) - 1; i >= 0; i-- {
		if err := a.closers[i](); err != nil {
			a.log.Warn("close", "err", err)
		}
	}
}

func (a *agent) status() localapi.Status {
	abs, _ := filepath.Abs(a.cfgPath)
	return localapi.Status{
		Version:    version,
		TerminalID: a.cfg.Terminal.ID,
		PID:        os.Getpid(),
		Started:    a.started,
		Headless:   a.headless,
		Config:     abs,
		Services:   a.sup.Statuses(),
		Session:    a.session.Status(),
		Reader:     a.reader.status(),
		Printers:   a.printerStatus(),
	}
}

func (a *agent) printerStatus() []localapi.PrinterStatus {
	out := []localapi.PrinterStatus{a.a4Status()}
	if st, ok := a.receipt.status(context.Background()); ok {
		out = append(out, st)
	}
	return out
}

func (a *agent) a4Status() localapi.PrinterStatus {
	st := localapi.PrinterStatus{Name: a4, Type: a.cfg.Printers.A4.Type}
	if a.spool == nil {
		st.Fault = "printing is off: " + a.spoolFault
		return st
	}
	ps := a.spool.PrinterStatus(a4)
	st.Ready = ps.Ready
	for _, r := range ps.Reasons {
		st.Reasons = append(st.Reasons, string(r))
	}
	if jobs, err := a.spool.List(spool.Filter{Printer: a4, States: []spool.State{spool.Queued, spool.Sending, spool.Sent, spool.Held}}); err == nil {
		st.Pending = len(jobs)
	}
	return st
}

// techStatus is the technician's status screen: what a technician checks first.
func (a *agent) techStatus() []session.StatusLine {
	st := a.status()
	lines := []session.StatusLine{
		{Label: "终端 Terminal", Value: st.TerminalID + " · " + st.Version, OK: true},
		{Label: "读卡器 Reader", Value: okOr(st.Reader.OK, st.Reader.Fault), OK: st.Reader.OK},
	}
	for _, p := range st.Printers {
		v, ok := okOr(p.Ready && p.Fault == "", p.Fault), p.Ready && p.Fault == ""
		switch {
		case len(p.Reasons) > 0:
			v = strings.Join(p.Reasons, ", ")
		case !p.Ready && p.Fault == "":
			v, ok = "not asked yet", true
		}
		lines = append(lines, session.StatusLine{Label: "打印机 Printer " + p.Name, Value: fmt.Sprintf("%s; %d jobs waiting", v, p.Pending), OK: ok})
	}
	for _, sv := range st.Services {
		lines = append(lines, session.StatusLine{Label: "服务 Service " + sv.Name, Value: string(sv.State), OK: sv.State == supervisor.Running})
	}
	return lines
}

func okOr(ok bool, fault string) string {
	if ok {
		return "ok"
	}
	if fault == "" {
		return "not ready"
	}
	return fault
}
