// Package ipp is the A4 printer driver that speaks IPP: to a printer directly
// (ipp://host/ipp/print, IPP Everywhere) or to a local CUPS queue
// (ipp://localhost:631/printers/NAME). It owns the mapping from IPP's job states and
// printer-state-reasons to the devices vocabulary.
//
// Requests are built with go-ipp's codec (ipp.NewRequest) and posted to the printer's
// own URL with net/http, so that every call carries a context and nothing assumes CUPS
// paths; go-ipp's convenience methods do assume them and fail against a plain printer.
package ipp
