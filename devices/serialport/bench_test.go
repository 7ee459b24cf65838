package serialport_test

import (
	"context"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/serialport"
	"github.com/govkiosk/kiosk/devices/sim"
)

// Bytes of a full read (find, select, read): three 10-byte commands and the replies of
// 15, 19 and 1295 bytes (text+photo) or 2321 (with a 1024-byte fingerprint).
const (
	readBytes            = 3*10 + 15 + 19 + 1295
	readFingerprintBytes = 3*10 + 15 + 19 + 2321
)

// BenchmarkReadCardPTY is a full card read by the real driver through tarm/serial on a
// real pseudo-terminal, against the simulator pacing both directions at 115200 baud, with
// no RF delay: what is left above the wire time is the driver's and the PTY's overhead.
func BenchmarkReadCardPTY(b *testing.B) {
	b.Run("text+photo", func(b *testing.B) { benchRead(b, false, readBytes) })
	b.Run("with-fingerprint", func(b *testing.B) { benchRead(b, true, readFingerprintBytes) })
}

func benchRead(b *testing.B, fingerprint bool, bytes int) {
	const baud = 115200
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := sim.NewIDCardReader(sim.IDCardOptions{Baud: baud, Fixture: "resident"})
	path, err := s.ServePTY(ctx)
	if err != nil {
		b.Fatal(err)
	}
	p, err := serialport.Open(path, baud)
	if err != nil {
		b.Fatal(err)
	}
	d := idcard.New(p, idcard.Options{Fingerprint: fingerprint})
	defer d.Close()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		c, err := d.ReadCard(ctx)
		if err != nil {
			b.Fatal(err)
		}
		c.Wipe()
	}
	per := time.Since(start) / time.Duration(b.N)
	b.StopTimer()
	wire := sim.WireTime(bytes, baud)
	b.ReportMetric(float64(wire.Microseconds())/1000, "wire-ms/op")
	b.ReportMetric(float64(per)/float64(wire), "x-wire")
}
