package ipp

import (
	"context"
	"strings"

	goipp "github.com/phin1x/go-ipp"

	"github.com/govkiosk/kiosk/devices"
)

// Status reads printer-state, printer-state-reasons and printer-is-accepting-jobs
// (Get-Printer-Attributes) into the common status.
func (p *Printer) Status(ctx context.Context) (devices.PrinterStatus, error) {
	req := p.newRequest(goipp.OperationGetPrinterAttributes)
	req.OperationAttributes[goipp.AttributeRequestedAttributes] = []string{
		goipp.AttributePrinterState, goipp.AttributePrinterStateReasons, goipp.AttributePrinterIsAcceptingJobs,
	}
	resp, err := p.send(ctx, "get-printer-attributes", req, nil)
	if err != nil {
		return devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonOffline}}, err
	}
	var attrs goipp.Attributes
	if len(resp.PrinterAttributes) > 0 {
		attrs = resp.PrinterAttributes[0]
	}
	var keywords []string
	for _, a := range attrs[goipp.AttributePrinterStateReasons] {
		if s, ok := a.Value.(string); ok {
			keywords = append(keywords, s)
		}
	}
	state, _ := attr(attrs, goipp.AttributePrinterState).(int)
	accepting, ok := attr(attrs, goipp.AttributePrinterIsAcceptingJobs).(bool)
	if !ok {
		accepting = true
	}
	return printerStatus(state, accepting, keywords), nil
}

// printerStatus builds the common status from printer-state (3 idle, 4 processing,
// 5 stopped), printer-is-accepting-jobs and the printer-state-reasons keywords.
func printerStatus(state int, accepting bool, keywords []string) devices.PrinterStatus {
	var st devices.PrinterStatus
	seen := map[devices.PrinterReason]bool{}
	for _, k := range keywords {
		r, ok := reason(k)
		if !ok || seen[r] {
			continue
		}
		seen[r] = true
		st.Reasons = append(st.Reasons, r)
	}
	if state == 5 && !st.Blocked() {
		// Stopped without a reason we know: the printer cannot print, call it offline.
		st.Reasons = append(st.Reasons, devices.ReasonOffline)
	}
	st.Ready = accepting && !st.Blocked()
	return st
}

// reason maps one printer-state-reasons keyword, with or without its -error, -warning or
// -report suffix, to the vocabulary. "none" and keywords with no meaning for the kiosk
// report false.
func reason(keyword string) (devices.PrinterReason, bool) {
	k := keyword
	for _, suffix := range []string{"-error", "-warning", "-report"} {
		if s, ok := strings.CutSuffix(k, suffix); ok {
			k = s
			break
		}
	}
	switch k {
	case "media-empty", "media-needed":
		return devices.ReasonMediaEmpty, true
	case "media-low":
		return devices.ReasonMediaLow, true
	case "media-jam":
		return devices.ReasonMediaJam, true
	case "door-open", "cover-open", "interlock-open":
		return devices.ReasonDoorOpen, true
	case "toner-low", "marker-supply-low":
		return devices.ReasonTonerLow, true
	case "offline", "shutdown", "connecting-to-device", "timed-out":
		return devices.ReasonOffline, true
	}
	return "", false
}
