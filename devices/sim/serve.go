package sim

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/sim/internal/line"
)

// Serve speaks the reader's side of the protocol over rw until ctx is done or rw fails.
// It returns nil when ctx ends or rw is closed or unplugged, else the transport's error.
func (r *IDCardReader) Serve(ctx context.Context, rw io.ReadWriter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks, readErr := line.Pump(ctx, rw)
	var dec idcard.Decoder
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-readErr:
			if endOfLine(err) {
				return nil
			}
			return fmt.Errorf("sim: idcard: read: %w", err)
		case b := <-chunks:
			dec.Write(b)
		}
		for {
			body, ferr := dec.Next()
			if body == nil && ferr == nil {
				break
			}
			var rep idcard.Reply
			send := true
			newBaud := 0
			if ferr != nil {
				rep = r.frameError(ferr)
			} else {
				// The command reached the reader once its last byte crossed the line.
				sleep(ctx, WireTime(idcard.HeaderLen+len(body)+1, r.Baud()))
				cmd, _ := idcard.ParseCommand(body)
				cmd.Data = append([]byte(nil), cmd.Data...)
				rep, send, newBaud = r.handle(ctx, cmd)
			}
			if ctx.Err() != nil {
				return nil
			}
			if send {
				if err := r.reply(ctx, rw, rep); err != nil {
					if endOfLine(err) || ctx.Err() != nil {
						return nil
					}
					return fmt.Errorf("sim: idcard: write: %w", err)
				}
			}
			if newBaud > 0 {
				r.mu.Lock()
				r.baud = newBaud
				r.mu.Unlock()
			}
		}
	}
}

func endOfLine(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, os.ErrClosed) ||
		errors.Is(err, io.ErrClosedPipe) || errors.Is(err, errUnplugged)
}

func status(sw3 byte) idcard.Reply { return idcard.Reply{SW3: sw3} }

// frameError answers a malformed host frame: 0x10 for a checksum, 0x11 for a length.
func (r *IDCardReader) frameError(err error) idcard.Reply {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.faults[FaultSAMFailure]; ok {
		return status(idcard.SW3SelfTest)
	}
	r.log.Debug("sim: malformed frame", "err", err)
	if errors.Is(err, idcard.ErrChecksum) {
		return status(idcard.SW3Checksum)
	}
	return status(idcard.SW3Length)
}

func op(c idcard.Command) uint16 { return uint16(c.CMD)<<8 | uint16(c.Para) }

// handle runs one command: faults, the card's RF time, then the command itself. It
// returns the reply, whether to send it, and a baud rate to switch to after sending.
func (r *IDCardReader) handle(ctx context.Context, cmd idcard.Command) (idcard.Reply, bool, int) {
	r.mu.Lock()
	r.received = append(r.received, cmd)
	if r.takeFault(FaultSilent) {
		r.mu.Unlock()
		return idcard.Reply{}, false, 0
	}
	if r.takeFault(FaultSAMFailure) {
		r.mu.Unlock()
		return status(idcard.SW3SelfTest), true, 0
	}
	var delay time.Duration
	cardOp, isRead := false, false
	switch op(cmd) {
	case 0x2001, 0x2002:
		delay, cardOp = r.opts.FindDelay, true
	case 0x3001, 0x3010, 0x3003:
		delay, cardOp, isRead = r.opts.ReadDelay, true, true
	}
	if cardOp && r.card != nil && r.takeFault(FaultSlowCard) {
		delay += r.opts.SlowDelay
	}
	card := r.card
	removeMid := isRead && op(cmd) != 0x3003 && card != nil && r.state == stateSelected &&
		r.takeFault(FaultRemoveMidRead)
	r.mu.Unlock()

	if removeMid {
		sleep(ctx, delay/2)
		r.mu.Lock()
		if r.card == card {
			r.card, r.state = nil, stateIdle
		}
		r.mu.Unlock()
		r.log.Info("sim: card removed mid-read")
		return status(idcard.SW3ReadFailed), true, 0
	}
	sleep(ctx, delay)
	r.mu.Lock()
	defer r.mu.Unlock()
	if isRead && r.card != card {
		return status(idcard.SW3ReadFailed), true, 0 // the card left during the RF exchange
	}
	return r.execute(cmd)
}

// samID is the simulator's module identity: 05.01-20101028-0012345678-2130706433.
var samID = func() []byte {
	b := make([]byte, 0, 16)
	b = binary.LittleEndian.AppendUint16(b, 5)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 20101028)
	b = binary.LittleEndian.AppendUint32(b, 12345678)
	return binary.LittleEndian.AppendUint32(b, 2130706433)
}()

// execute answers a command from the reader's state. r.mu must be held.
func (r *IDCardReader) execute(cmd idcard.Command) (idcard.Reply, bool, int) {
	ok := func(data []byte) (idcard.Reply, bool, int) {
		return idcard.Reply{SW3: idcard.SW3OK, Data: data}, true, 0
	}
	st := func(sw3 byte) (idcard.Reply, bool, int) { return status(sw3), true, 0 }
	if op(cmd) != 0x61FF && len(cmd.Data) != 0 {
		return st(idcard.SW3Length)
	}
	switch op(cmd) {
	case 0x10FF:
		r.state = stateIdle
		return ok(nil)
	case 0x11FF:
		return ok(nil)
	case 0x12FF:
		return ok(samID)
	case 0x2001:
		if r.card == nil {
			return st(idcard.SW3NoCard)
		}
		r.state = stateFound
		return idcard.Reply{SW3: idcard.SW3FindOK, Data: make([]byte, 4)}, true, 0
	case 0x2002:
		if r.card == nil || r.state == stateIdle {
			return st(idcard.SW3SelectFailed)
		}
		r.state = stateSelected
		return ok(fakeBytes(r.card.fixture.Name+"/uid", 8))
	case 0x3001, 0x3010, 0x3003:
		if r.card == nil {
			return st(idcard.SW3ReadFailed)
		}
		if r.state != stateSelected {
			return st(idcard.SW3BadCommand) // select before read
		}
		c := r.card
		switch cmd.Para {
		case 0x01:
			return ok(idcard.ReadData(c.text, c.photo, nil, false))
		case 0x10:
			return ok(idcard.ReadData(c.text, c.photo, c.fp, true))
		}
		if c.address == nil {
			return st(idcard.SW3NoContent)
		}
		return ok(c.address)
	case 0x61FF:
		if len(cmd.Data) != 1 {
			return st(idcard.SW3Length)
		}
		if cmd.Data[0] < idcard.MinRF {
			return st(idcard.SW3BadCommand)
		}
		return ok(nil)
	}
	if cmd.CMD == 0x60 && int(cmd.Para) < len(idcard.Bauds) {
		rep, _, _ := ok(nil)
		return rep, true, idcard.Bauds[cmd.Para]
	}
	return st(idcard.SW3BadCommand)
}

// reply sends rep with the reply faults that are on, paced at the current baud.
func (r *IDCardReader) reply(ctx context.Context, w io.Writer, rep idcard.Reply) error {
	frame := rep.Encode()
	r.mu.Lock()
	var out []byte
	if r.takeFault(FaultJunk) {
		out = append(out, junk...)
	}
	if r.takeFault(FaultBadChecksum) {
		frame[len(frame)-1] ^= 0x5A
	}
	out = append(out, frame...)
	gap := time.Duration(0)
	if r.takeFault(FaultDribble) {
		gap = r.opts.DribbleGap
	}
	baud := r.baud
	r.mu.Unlock()
	return pace(ctx, w, out, baud, gap)
}

// junk is line noise with a false start of a preamble in it.
var junk = []byte{0x00, 0x13, 0xAA, 0xAA, 0x96, 0xFF, 0xAA, 0x55, 0x69}

func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
