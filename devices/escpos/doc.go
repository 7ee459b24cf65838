// Package escpos owns the ESC/POS receipt printer protocol: an encoder for receipts
// (text in GB18030 with size, bold and alignment, line feeds, QR codes through the
// printer's own GS ( k command, cut), the kiosk's ready-made documents (queue ticket,
// transaction receipt, test page), the DLE EOT 1–4 real-time status and its mapping to
// devices.PrinterStatus, and the driver (a devices.ReceiptPrinter) over any
// io.ReadWriter.
//
// It never opens a device: the caller hands it a transport (a serial port from
// devices/serialport, a USB printer-class bulk pair, or the simulator in
// devices/sim/escpos). Documents carry no personal data beyond a masked name, and errors
// never quote a document's text.
package escpos
