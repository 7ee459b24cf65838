package escpos

import "testing"

func benchEncode(b *testing.B, d interface{ Encode() ([]byte, error) }) {
	b.ReportAllocs()
	for b.Loop() {
		doc, err := d.Encode()
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(doc)))
	}
}

func BenchmarkEncodeQueueTicket(b *testing.B) {
	benchEncode(b, sampleDocuments()["queue_ticket"])
}

func BenchmarkEncodeReceipt(b *testing.B) {
	benchEncode(b, sampleDocuments()["receipt"])
}

func BenchmarkEncodeTestPage(b *testing.B) {
	benchEncode(b, sampleDocuments()["test_page"])
}

// A receipt into an encoder that is reused (Reset), as a print worker can.
func BenchmarkEncodeReceiptReused(b *testing.B) {
	r := sampleDocuments()["receipt"].(Receipt)
	e := NewEncoder()
	b.ReportAllocs()
	for b.Loop() {
		e.Reset()
		if err := r.encode(e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseStatus(b *testing.B) {
	replies := []byte{0x1A, 0x32, 0x12, 0x7E}
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseStatus(replies)
		if err != nil || !s.PaperEnd {
			b.Fatal(s, err)
		}
	}
}

// Parsing and mapping to the kiosk's vocabulary, as Status does.
func BenchmarkPrinterStatus(b *testing.B) {
	replies := []byte{0x1A, 0x32, 0x12, 0x7E}
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseStatus(replies)
		if err != nil {
			b.Fatal(err)
		}
		if st := s.PrinterStatus(); st.Ready {
			b.Fatal(st)
		}
	}
}
