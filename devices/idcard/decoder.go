package idcard

import "bytes"

// Decoder cuts frames out of a byte stream. The stream may start in the middle of a frame,
// carry junk between frames and arrive one byte at a time: the decoder hunts for the
// preamble, checks the big-endian Len (and the 2321-byte maximum) and the XOR checksum,
// and resynchronises on the next preamble after a bad frame. It never panics on any input.
//
// The zero value is ready to use. A Decoder is not safe for concurrent use.
type Decoder struct {
	buf     []byte
	start   int // first byte not yet consumed
	skipped int // junk bytes discarded so far
}

// Write appends stream bytes. It never fails.
func (d *Decoder) Write(p []byte) (int, error) {
	if d.start > 0 && (d.start == len(d.buf) || d.start >= 4096) {
		n := copy(d.buf, d.buf[d.start:])
		d.buf = d.buf[:n]
		d.start = 0
	}
	d.buf = append(d.buf, p...)
	return len(p), nil
}

// Reset drops everything buffered.
func (d *Decoder) Reset() {
	d.skipped += len(d.buf) - d.start
	d.buf = d.buf[:0]
	d.start = 0
}

// Buffered returns how many bytes are waiting to be decoded.
func (d *Decoder) Buffered() int { return len(d.buf) - d.start }

// Skipped returns how many junk bytes the decoder has discarded so far.
func (d *Decoder) Skipped() int { return d.skipped }

// Next returns the body of the next complete, valid frame: the bytes after Len, checksum
// excluded. It returns (nil, nil) when it needs more bytes, and a *FrameError for a frame
// with a bad length or checksum, after which it has already resynchronised: call Next
// again. The body aliases the decoder's buffer and is valid until the next call to Write,
// Next or Reset.
func (d *Decoder) Next() ([]byte, error) {
	data := d.buf[d.start:]
	i := bytes.Index(data, preamble[:])
	if i < 0 {
		keep := prefixSuffix(data)
		d.skip(len(data) - keep)
		return nil, nil
	}
	d.skip(i)
	data = data[i:]
	if len(data) < HeaderLen {
		return nil, nil
	}
	n := int(data[PreambleLen])<<8 | int(data[PreambleLen+1])
	if n < minLen || n > MaxLen {
		d.skip(1)
		return nil, &FrameError{Len: n, Err: ErrLength}
	}
	if len(data) < HeaderLen+n {
		// Either a frame still arriving or a junk header claiming too much. A complete,
		// valid frame starting later in the buffer settles it: the header was junk.
		if j, body := laterFrame(data); body != nil {
			d.skip(j)
			d.start += HeaderLen + len(body) + 1
			return body, nil
		}
		return nil, nil
	}
	frame := data[:HeaderLen+n]
	if checksum(frame[PreambleLen:len(frame)-1]) != frame[len(frame)-1] {
		d.skip(1)
		return nil, &FrameError{Len: n, Err: ErrChecksum}
	}
	d.start += len(frame)
	return frame[HeaderLen : len(frame)-1], nil
}

func (d *Decoder) skip(n int) {
	d.start += n
	d.skipped += n
}

// laterFrame looks for a complete, valid frame starting after data[0]. It returns its
// offset in data and its body, or a nil body.
func laterFrame(data []byte) (int, []byte) {
	off := 1
	for {
		j := bytes.Index(data[off:], preamble[:])
		if j < 0 {
			return 0, nil
		}
		off += j
		rest := data[off:]
		if len(rest) < HeaderLen {
			return 0, nil
		}
		n := int(rest[PreambleLen])<<8 | int(rest[PreambleLen+1])
		if n >= minLen && n <= MaxLen && len(rest) >= HeaderLen+n {
			frame := rest[:HeaderLen+n]
			if checksum(frame[PreambleLen:len(frame)-1]) == frame[len(frame)-1] {
				return off, frame[HeaderLen : len(frame)-1]
			}
		}
		off++
	}
}

// prefixSuffix returns the length of the longest suffix of data that is a proper prefix
// of the preamble: bytes worth keeping while the rest of the preamble arrives.
func prefixSuffix(data []byte) int {
	for k := min(len(data), PreambleLen-1); k > 0; k-- {
		if bytes.Equal(data[len(data)-k:], preamble[:k]) {
			return k
		}
	}
	return 0
}
