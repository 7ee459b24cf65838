// Package escpossim owns the ESC/POS receipt printer simulator: it takes the bytes a
// driver sends, prints them on "paper" (a readable log of each ticket: the text as a
// person reads it, with [QR: …] and [CUT] markers), and answers the DLE EOT real-time
// status queries, with paper-out, near-end, cover-open and cutter faults switchable at
// run time. Like a real printer, it holds the data it receives while a fault stops it and
// prints it once the fault clears. It serves over any io.ReadWriter or a pseudo-terminal;
// devices/escpos drives it unchanged.
package escpossim
