package escpossim_test

import (
	"context"
	"testing"

	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
)

// BenchmarkPTYStatus is one Status (four DLE EOT exchanges) from the driver, through
// tarm/serial and a real pseudo-terminal, to the simulator and back.
func BenchmarkPTYStatus(b *testing.B) {
	_, drv := ptySetup(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := drv.Status(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReceive is the simulator printing a receipt (parse, decode, lay out).
func BenchmarkReceive(b *testing.B) {
	doc, err := documents[1].doc.Encode()
	if err != nil {
		b.Fatal(err)
	}
	p := escpossim.New(escpossim.Options{Keep: 1})
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		p.Receive(doc)
	}
}
