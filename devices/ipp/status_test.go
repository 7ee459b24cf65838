package ipp

import (
	"slices"
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

func TestPrinterStatus(t *testing.T) {
	R := func(rs ...devices.PrinterReason) []devices.PrinterReason { return rs }
	tests := []struct {
		state     int
		accepting bool
		keywords  []string
		ready     bool
		reasons   []devices.PrinterReason
	}{
		{3, true, []string{"none"}, true, nil},
		{4, true, []string{"toner-low-warning"}, true, R(devices.ReasonTonerLow)},
		{5, true, []string{"media-empty-error"}, false, R(devices.ReasonMediaEmpty)},
		{4, true, []string{"media-needed"}, false, R(devices.ReasonMediaEmpty)},
		{5, true, []string{"media-jam-error", "door-open-error"}, false, R(devices.ReasonMediaJam, devices.ReasonDoorOpen)},
		{3, true, []string{"cover-open", "interlock-open"}, false, R(devices.ReasonDoorOpen)},
		{5, true, []string{"offline-report"}, false, R(devices.ReasonOffline)},
		{5, true, []string{"other-error"}, false, R(devices.ReasonOffline)},
		{3, false, []string{"none"}, false, nil},
		{3, true, []string{"media-low-report", "media-low"}, true, R(devices.ReasonMediaLow)},
	}
	for _, tt := range tests {
		got := printerStatus(tt.state, tt.accepting, tt.keywords)
		if got.Ready != tt.ready || !slices.Equal(got.Reasons, tt.reasons) {
			t.Errorf("printerStatus(%d, %v, %q) = %+v, want ready %v reasons %v",
				tt.state, tt.accepting, tt.keywords, got, tt.ready, tt.reasons)
		}
	}
}

func TestJobState(t *testing.T) {
	want := map[int]devices.JobState{
		3: devices.JobPending, 4: devices.JobPending, 5: devices.JobProcessing, 6: devices.JobProcessing,
		7: devices.JobCanceled, 8: devices.JobAborted, 9: devices.JobCompleted, 42: devices.JobUnknown,
	}
	for v, w := range want {
		if got := jobState(v); got != w {
			t.Errorf("jobState(%d) = %s, want %s", v, got, w)
		}
	}
}

func TestRefs(t *testing.T) {
	id, uuid, err := parseRef(formatRef(17, "urn:uuid:1234"))
	if err != nil || id != 17 || uuid != "urn:uuid:1234" {
		t.Errorf("round trip: %d %q %v", id, uuid, err)
	}
	for _, bad := range []string{"", "x;y", "0;u", "-3;u"} {
		if _, _, err := parseRef(bad); err == nil {
			t.Errorf("parseRef(%q) accepted", bad)
		}
	}
}

func TestNewURIs(t *testing.T) {
	tests := []struct{ in, uri, endpoint string }{
		{"ipp://printer.local/ipp/print", "ipp://printer.local:631/ipp/print", "http://printer.local:631/ipp/print"},
		{"ipp://localhost:8631/ipp/print", "ipp://localhost:8631/ipp/print", "http://localhost:8631/ipp/print"},
		{"ipps://p:443/ipp/print", "ipps://p:443/ipp/print", "https://p:443/ipp/print"},
		{"http://localhost:631/printers/a4", "ipp://localhost:631/printers/a4", "http://localhost:631/printers/a4"},
	}
	for _, tt := range tests {
		p, err := New("a4", tt.in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.uri != tt.uri || p.endpoint != tt.endpoint {
			t.Errorf("New(%q): uri %q endpoint %q, want %q %q", tt.in, p.uri, p.endpoint, tt.uri, tt.endpoint)
		}
	}
	for _, bad := range []string{"lpd://x/q", "ipp:///nohost", "::"} {
		if _, err := New("a4", bad, Options{}); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
}
