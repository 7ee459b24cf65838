package escpossim

import "github.com/govkiosk/kiosk/devices/escpos"

// realtime is the receive side's scan for the real-time status query DLE EOT n
// (10 04 n, n = 1..4), which a printer answers as the bytes arrive, even while it is
// stopped, ahead of the data waiting to print. Like a real printer, it would also find
// the sequence inside another command's data; the encoder never produces one there.
type realtime struct {
	carry []byte // the start of a query split between two reads
}

// scan appends the bytes of b that are not queries to held, and the answers to the
// queries to out.
func (r *realtime) scan(held, b []byte, st escpos.Status, out []byte) ([]byte, []byte) {
	if len(r.carry) > 0 {
		b = append(r.carry, b...)
		r.carry = nil
	}
	for i := 0; i < len(b); i++ {
		if b[i] != 0x10 {
			held = append(held, b[i])
			continue
		}
		rest := b[i:]
		if len(rest) == 1 || (len(rest) == 2 && rest[1] == 0x04) {
			r.carry = append(r.carry[:0], rest...)
			return held, out
		}
		if rest[1] != 0x04 || rest[2] < 1 || rest[2] > 4 {
			held = append(held, b[i])
			continue
		}
		reply, _ := st.Encode(int(rest[2]))
		out = append(out, reply)
		i += 2
	}
	return held, out
}
