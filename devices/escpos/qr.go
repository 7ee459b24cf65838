package escpos

// QR code limits: module size in dots, and the byte-mode capacity of the largest symbol
// (version 40) at error-correction level M, the level the encoder asks for.
const (
	qrMinModule = 1
	qrMaxModule = 16
	qrMaxData   = 2331
)

// QR prints data as a QR code with the printer's own command (GS ( k, function 165 to
// 181: model 2, module size in dots, error correction level M, store, print). The printer
// draws the symbol, so the document stays small. module is the width of a module in dots,
// 1 to 16 (4 to 6 suit an 80 mm receipt). data may not hold control characters.
func (e *Encoder) QR(data string, module int) *Encoder {
	if e.err != nil {
		return e
	}
	switch {
	case len(data) == 0:
		return e.fail("qr: no data")
	case len(data) > qrMaxData:
		return e.fail("qr: %d bytes, more than %d", len(data), qrMaxData)
	case module < qrMinModule || module > qrMaxModule:
		return e.fail("qr: module size %d out of range %d..%d", module, qrMinModule, qrMaxModule)
	}
	for i := 0; i < len(data); i++ {
		if data[i] < 0x20 || data[i] == 0x7F {
			// Control bytes could read as a real-time command (DLE EOT) to the printer.
			return e.fail("qr: control character 0x%02x at byte %d: %w", data[i], i, ErrBadText)
		}
	}
	store := len(data) + 3
	e.buf = append(e.buf,
		gs, '(', 'k', 4, 0, 49, 65, 50, 0, // fn 165: model 2
		gs, '(', 'k', 3, 0, 49, 67, byte(module), // fn 167: module size
		gs, '(', 'k', 3, 0, 49, 69, 49, // fn 169: error correction level M
		gs, '(', 'k', byte(store), byte(store>>8), 49, 80, 48, // fn 180: store the data
	)
	e.buf = append(e.buf, data...)
	e.buf = append(e.buf, gs, '(', 'k', 3, 0, 49, 81, 48) // fn 181: print the symbol
	return e
}
