package main

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/sim"
)

// runReader runs "kioskctl reader ARGS" against a simulated reader on a real PTY.
func runReader(t *testing.T, r *sim.IDCardReader, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	path, err := r.ServePTY(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cmd := newReaderCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	// A later --timeout in args overrides this one.
	cmd.SetArgs(append([]string{args[0], "--port", path, "--timeout", "2s"}, args[1:]...))
	err = cmd.ExecuteContext(ctx)
	return out.String(), err
}

func TestReaderReadJSONEveryCardType(t *testing.T) {
	for _, name := range []string{"resident", "hk_mo_tw_permit", "foreign_permanent_2017", "foreign_permanent_2023", "expired"} {
		r := sim.NewIDCardReader(sim.IDCardOptions{Baud: 115200, Fixture: name})
		out, err := runReader(t, r, "read", "--json", "--unmasked")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v in %q", name, err, out)
		}
		// The fixture uses the same field names: what was loaded is what must come out.
		f, _ := r.Fixture(name)
		raw, _ := json.Marshal(f)
		var want map[string]any
		json.Unmarshal(raw, &want)
		delete(want, "fixture")
		want["photo_len"] = float64(1024)
		want["fingerprint_len"] = float64(f.FingerprintLen)
		if f.CardType == "hk_mo_tw_permit" || f.CardType == "foreign_permanent_2023" {
			want["issue_count"] = float64(f.IssueCount)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", name, got, want)
		}
	}
}

func TestReaderReadMasked(t *testing.T) {
	r := sim.NewIDCardReader(sim.IDCardOptions{Fixture: "resident"})
	out, err := runReader(t, r, "read")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "44030419580315123X") || !strings.Contains(out, devices.MaskNumber("44030419580315123X")) {
		t.Errorf("number not masked:\n%s", out)
	}
	if !strings.Contains(out, "sex:          1 (male)") || !strings.Contains(out, "nation:       01 汉") || !strings.Contains(out, "valid:        2018-06-01 to long-term") {
		t.Errorf("output:\n%s", out)
	}
}

func TestReaderReadFailures(t *testing.T) {
	tests := []struct {
		fixture string
		fault   sim.Fault
		want    string
	}{
		{"", "", "reader: no card on the reader"},
		{"resident", sim.FaultSAMFailure, "reader: SAM self-test failed / SAM自检失败，不能接收命令 (sw3 0x60)"},
		{"resident", sim.FaultSilent, "reader: no answer in time"},
		{"inconsistent", "", "reader: the card's data is inconsistent (number: wrong check character)"},
	}
	for _, tc := range tests {
		r := sim.NewIDCardReader(sim.IDCardOptions{Fixture: tc.fixture})
		if tc.fault != "" {
			r.SetFault(tc.fault, 0)
		}
		_, err := runReader(t, r, "read", "--timeout", "300ms")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s/%s: err %v, want one line starting %q", tc.fixture, tc.fault, err, tc.want)
		}
	}
}

func TestReaderInfo(t *testing.T) {
	out, err := runReader(t, sim.NewIDCardReader(sim.IDCardOptions{}), "info")
	if err != nil || out != "SAM ID:     05.01-20101028-0012345678-2130706433\nSAM status: ok\n" {
		t.Fatalf("%q, %v", out, err)
	}
	r := sim.NewIDCardReader(sim.IDCardOptions{Faults: []sim.FaultSpec{{Fault: sim.FaultSAMFailure}}})
	if _, err := runReader(t, r, "info"); err == nil {
		t.Fatal("a failed SAM must fail the command")
	}
}

func TestReaderNeedsPort(t *testing.T) {
	cmd := newReaderCmd()
	cmd.SetArgs([]string{"read"})
	cmd.SetOut(new(bytes.Buffer))
	cmd.SetErr(new(bytes.Buffer))
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("err %v", err)
	}
}

func TestReaderUSBWithoutDevice(t *testing.T) {
	cmd := newReaderCmd()
	cmd.SetArgs([]string{"info", "--usb", "0400:c35a"})
	cmd.SetOut(new(bytes.Buffer))
	cmd.SetErr(new(bytes.Buffer))
	err := cmd.Execute()
	if err == nil || !strings.HasPrefix(err.Error(), "reader: not connected") {
		t.Fatalf("err %v", err)
	}
}
