package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

const (
	number  = "44030419580315123X"
	name    = "王建国"
	address = "广东省深圳市福田区福中三路2012号"
)

func TestPersonalAttributesAreMasked(t *testing.T) {
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			log, err := New(&buf, format, "debug")
			if err != nil {
				t.Fatal(err)
			}
			log.Info("card read", "id_number", number, "name", name, "address", address)
			out := buf.String()
			for _, secret := range []string{number, name, address, "福中三路"} {
				if strings.Contains(out, secret) {
					t.Errorf("log line holds %q: %s", secret, out)
				}
			}
			if !strings.Contains(out, "4403**********123X") {
				t.Errorf("masked number missing: %s", out)
			}
			if !strings.Contains(out, "王**") {
				t.Errorf("masked name missing: %s", out)
			}
		})
	}
}

func TestNumbersAreMaskedAnywhere(t *testing.T) {
	var buf bytes.Buffer
	log, _ := New(&buf, "json", "info")
	log.With("svc", "x").WithGroup("g").Warn("lookup "+number+" failed",
		"err", errors.New("central: citizen "+number+" not found"),
		"detail", "phone 13812345678 on record",
		"pr", "USA440385072311")
	out := buf.String()
	for _, secret := range []string{number, "13812345678", "USA440385072311"} {
		if strings.Contains(out, secret) {
			t.Errorf("log line holds %q: %s", secret, out)
		}
	}
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if rec["msg"] != "lookup 4403**********123X failed" {
		t.Errorf("msg = %q", rec["msg"])
	}
}

func TestOtherValuesAreLeftAlone(t *testing.T) {
	var buf bytes.Buffer
	log, _ := New(&buf, "text", "info")
	log.Info("spool", "job", "20261127-000042", "bytes", 31337, "printer", "a4")
	if out := buf.String(); !strings.Contains(out, "job=20261127-000042") || !strings.Contains(out, "bytes=31337") {
		t.Errorf("got %s", out)
	}
}

func TestLevelFilters(t *testing.T) {
	var buf bytes.Buffer
	log, _ := New(&buf, "text", "warn")
	log.Info("hidden")
	log.Log(context.Background(), slog.LevelWarn, "shown")
	if out := buf.String(); strings.Contains(out, "hidden") || !strings.Contains(out, "shown") {
		t.Errorf("got %s", out)
	}
}

func TestBadFormatIsAnError(t *testing.T) {
	if _, err := New(nil, "xml", "info"); err == nil {
		t.Error("xml accepted")
	}
	if _, err := New(nil, "json", "loud"); err == nil {
		t.Error("level loud accepted")
	}
}
