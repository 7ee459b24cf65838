package escpossim

import "github.com/govkiosk/kiosk/devices/escpos"

// faults are the conditions a technician (or a test) switches at run time.
type faults struct {
	paperOut, nearEnd, coverOpen, cutterError bool
}

// stopped: the printer prints nothing until the fault clears.
func (f faults) stopped() bool { return f.paperOut || f.coverOpen || f.cutterError }

// status is what the printer answers to DLE EOT 1–4, as a real one does: paper end stops
// it and shows on the sensor (with the near-end bits: the roll is past near end too);
// cover open and cutter error take it offline with their cause.
func (f faults) status() escpos.Status {
	return escpos.Status{
		Offline:       f.stopped(),
		CoverOpen:     f.coverOpen,
		PaperEndStop:  f.paperOut,
		ErrorOccurred: f.cutterError,
		CutterError:   f.cutterError,
		NearEnd:       f.nearEnd || f.paperOut,
		PaperEnd:      f.paperOut,
	}
}

// SetPaperOut puts the paper roll out (true) or loads a new one (false).
func (p *Printer) SetPaperOut(on bool) { p.set(func(f *faults) { f.paperOut = on }) }

// SetNearEnd raises or clears the paper near-end sensor. It warns; it does not stop
// printing.
func (p *Printer) SetNearEnd(on bool) { p.set(func(f *faults) { f.nearEnd = on }) }

// SetCoverOpen opens or closes the printer's cover.
func (p *Printer) SetCoverOpen(on bool) { p.set(func(f *faults) { f.coverOpen = on }) }

// SetCutterError jams or frees the autocutter.
func (p *Printer) SetCutterError(on bool) { p.set(func(f *faults) { f.cutterError = on }) }

func (p *Printer) set(change func(*faults)) {
	p.mu.Lock()
	change(&p.faults)
	p.outq = append(p.outq, p.printHeld()...) // a fault cleared: print what it held
	send := len(p.outq) > 0
	p.mu.Unlock()
	if send {
		select {
		case p.kick <- struct{}{}:
		default:
		}
	}
}
