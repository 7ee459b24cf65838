package sim

import (
	"context"
	"io"
	"time"
)

// pace writes b as a UART at baud would deliver it (10 bits a byte, 8N1): each byte
// becomes available only once it has been fully "transmitted". Bytes go out in chunks of
// about a millisecond's worth, scheduled against the start time so that sleep jitter
// does not accumulate. With gap > 0 every byte is written alone, gap apart. baud 0 and
// no gap: one write.
func pace(ctx context.Context, w io.Writer, b []byte, baud int, gap time.Duration) error {
	if gap > 0 {
		for i := range b {
			if _, err := w.Write(b[i : i+1]); err != nil {
				return err
			}
			sleep(ctx, gap)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		return nil
	}
	if baud <= 0 {
		_, err := w.Write(b)
		return err
	}
	perByte := 10 * time.Second / time.Duration(baud)
	chunk := max(1, baud/10/1000)
	start := time.Now()
	for i := 0; i < len(b); i += chunk {
		j := min(i+chunk, len(b))
		sleep(ctx, time.Until(start.Add(time.Duration(j)*perByte)))
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if _, err := w.Write(b[i:j]); err != nil {
			return err
		}
	}
	return nil
}

// WireTime is how long n bytes take on an 8N1 line at baud (0 for baud 0: unpaced).
func WireTime(n, baud int) time.Duration {
	if baud <= 0 {
		return 0
	}
	return time.Duration(n) * 10 * time.Second / time.Duration(baud)
}
