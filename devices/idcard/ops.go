package idcard

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/govkiosk/kiosk/devices"
)

func dataLen(n int) func(Reply) bool { return func(r Reply) bool { return len(r.Data) == n } }

// ResetSAM resets the security module. It is not retried.
func (r *Reader) ResetSAM(ctx context.Context) error {
	_, err := r.exchange(ctx, spec{op: "reset sam", cmd: CmdResetSAM, shape: dataLen(0)})
	return err
}

// SAMStatus asks the module for its self-test status: nil when it works, a *StatusError
// with SW3 0x60 when the self-test failed.
func (r *Reader) SAMStatus(ctx context.Context) error {
	_, err := r.exchange(ctx, spec{op: "sam status", cmd: CmdSAMStatus, safe: true, shape: dataLen(0)})
	return err
}

// SAMID is the 16-byte identity of the security module.
type SAMID [samIDLen]byte

// String formats the id the way reader vendors' tools print it: two 16-bit and three
// 32-bit little-endian numbers, "05.01-20101028-0012345678-2130706433".
func (id SAMID) String() string {
	le := binary.LittleEndian
	return fmt.Sprintf("%02d.%02d-%08d-%010d-%010d", le.Uint16(id[0:]), le.Uint16(id[2:]),
		le.Uint32(id[4:]), le.Uint32(id[8:]), le.Uint32(id[12:]))
}

// ReadSAMID reads the security module's identity.
func (r *Reader) ReadSAMID(ctx context.Context) (SAMID, error) {
	rep, err := r.exchange(ctx, spec{op: "read sam id", cmd: CmdSAMID, safe: true, shape: dataLen(samIDLen)})
	var id SAMID
	if err == nil {
		copy(id[:], rep.Data)
	}
	return id, err
}

// Find looks for a card in the field. No card gives an error matching devices.ErrNoCard.
func (r *Reader) Find(ctx context.Context) error {
	_, err := r.exchange(ctx, spec{op: "find card", cmd: CmdFind, safe: true,
		shape: dataLen(findDataLen), ok: func(b byte) bool { return b == SW3FindOK }})
	return err
}

// Select selects the card found.
func (r *Reader) Select(ctx context.Context) error {
	_, err := r.exchange(ctx, spec{op: "select card", cmd: CmdSelect, safe: true, shape: dataLen(selectDataLen)})
	return err
}

// Read reads the selected card's text and photo (and fingerprint with
// Options.Fingerprint), then parses and validates the text.
func (r *Reader) Read(ctx context.Context) (*devices.Card, error) {
	fp := r.opts.Fingerprint
	cmd := CmdRead
	if fp {
		cmd = CmdReadFingerprint
	}
	shape := func(rep Reply) bool { _, _, _, ok := readLayout(rep.Data, fp); return ok }
	rep, err := r.exchange(ctx, spec{op: "read card", cmd: cmd, safe: true, read: true, shape: shape})
	if err != nil {
		return nil, err
	}
	text, photo, fprint, _ := readLayout(rep.Data, fp)
	c, err := ParseText(text)
	clear(text)
	if err != nil {
		clear(rep.Data)
		return nil, fmt.Errorf("idcard: read card: %w", err)
	}
	c.Photo = photo
	if len(fprint) > 0 {
		c.Fingerprint = fprint
	}
	return c, nil
}

// ReadAppendedAddress reads the newest address appended to the card (30 03), or "" when
// the card holds none.
func (r *Reader) ReadAppendedAddress(ctx context.Context) (string, error) {
	rep, err := r.exchange(ctx, spec{op: "read appended address", cmd: CmdReadAddress, safe: true,
		read: true, shape: dataLen(addressDataLen),
		ok: func(b byte) bool { return b == SW3OK || b == SW3NoContent }})
	if err != nil || rep.SW3 == SW3NoContent {
		return "", err
	}
	s, ok := ucs2(rep.Data, 0, addressDataLen)
	if !ok {
		return "", fmt.Errorf("idcard: read appended address: %w", bad("appended address", "invalid characters"))
	}
	return strings.TrimSpace(s), nil
}

// SetBaud switches the reader to baud (one of Bauds). The reader answers at the old rate
// and then switches: the caller must reopen its port at the new rate afterwards. It is
// never retried.
func (r *Reader) SetBaud(ctx context.Context, baud int) error {
	cmd, err := CmdSetBaud(baud)
	if err != nil {
		return err
	}
	_, err = r.exchange(ctx, spec{op: "set baud", cmd: cmd, shape: dataLen(0)})
	return err
}

// SetMaxRF sets the largest RF frame the reader uses with the card (24..255 bytes).
func (r *Reader) SetMaxRF(ctx context.Context, n int) error {
	cmd, err := CmdSetMaxRF(n)
	if err != nil {
		return err
	}
	_, err = r.exchange(ctx, spec{op: "set max rf", cmd: cmd, safe: true, shape: dataLen(0)})
	return err
}

// ReadCard finds, selects and reads the card: devices.CardReader. No card gives an error
// matching devices.ErrNoCard. Expired cards are returned; the caller decides.
func (r *Reader) ReadCard(ctx context.Context) (*devices.Card, error) {
	if err := r.Find(ctx); err != nil {
		return nil, err
	}
	if err := r.Select(ctx); err != nil {
		return nil, err
	}
	return r.Read(ctx)
}

// CardPresent reports whether the card last read is still on the reader: it repeats a
// cheap read (the appended address, 70 bytes) that only works while the selected card
// stays in the field. When that fails it asks find card, only to tell "no card" (false)
// from a fault (error). A card found then is a card presented again, so false as well:
// the caller reads it as a new presentation.
func (r *Reader) CardPresent(ctx context.Context) (bool, error) {
	_, err := r.ReadAppendedAddress(ctx)
	var de *CardDataError
	if err == nil || errors.As(err, &de) {
		return true, nil // the card answered
	}
	var se *StatusError
	if !errors.As(err, &se) {
		return false, err
	}
	err = r.Find(ctx)
	if err == nil || errors.Is(err, devices.ErrNoCard) {
		return false, nil
	}
	return false, err
}
