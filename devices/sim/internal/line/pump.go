package line

import (
	"context"
	"errors"
	"io"
)

// Pump reads r in a goroutine until ctx ends or a read fails with anything but a
// timeout, and hands over what arrives in chunks as it comes. The read error, if any,
// comes on errs.
func Pump(ctx context.Context, r io.Reader) (chunks <-chan []byte, errs <-chan error) {
	ch := make(chan []byte, 16)
	ec := make(chan error, 1)
	go func() {
		for {
			buf := make([]byte, 1024)
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case ch <- buf[:n]:
				case <-ctx.Done():
					return
				}
			}
			if err != nil && !IsTimeout(err) {
				ec <- err
				return
			}
		}
	}()
	return ch, ec
}

// IsTimeout reports whether err is a read deadline passing, which is no failure of the line.
func IsTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
