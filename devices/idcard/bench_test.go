package idcard

import "testing"

// benchFrame is a text+photo read reply: 1295 bytes on the wire.
func benchFrame() []byte {
	data := ReadData(make([]byte, TextLen), make([]byte, PhotoLen), nil, false)
	return Reply{SW3: SW3OK, Data: data}.Encode()
}

func benchDecode(b *testing.B, step int) {
	frame := benchFrame()
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	var d Decoder
	for range b.N {
		got := 0
		for i := 0; i < len(frame); i += step {
			d.Write(frame[i:min(i+step, len(frame))])
			for {
				body, err := d.Next()
				if err != nil {
					b.Fatal(err)
				}
				if body == nil {
					break
				}
				got++
			}
		}
		if got != 1 {
			b.Fatalf("%d frames", got)
		}
	}
}

// BenchmarkDecodeFrame decodes a 1295-byte reply arriving at once, in 64-byte chunks
// (a USB-serial adapter's packets) and byte by byte.
func BenchmarkDecodeFrame(b *testing.B) {
	b.Run("whole", func(b *testing.B) { benchDecode(b, len(benchFrame())) })
	b.Run("64B", func(b *testing.B) { benchDecode(b, 64) })
	b.Run("1B", func(b *testing.B) { benchDecode(b, 1) })
}
