package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Each bad file in testdata has the exact message the agent must print next to it.
func TestLoadRejectsBadConfigs(t *testing.T) {
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		want, err := os.ReadFile(strings.TrimSuffix(f, ".yaml") + ".err")
		if errors.Is(err, os.ErrNotExist) {
			continue // checked by its own test
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := Load(f)
			if err == nil {
				t.Fatal("loaded without error")
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error is not a config error: %v", err)
			}
			if got := err.Error() + "\n"; got != string(want) {
				t.Errorf("message\n got: %s want: %s", got, want)
			}
		})
	}
}

func TestLoadSyntaxErrorNamesFileAndLine(t *testing.T) {
	_, err := Load("testdata/syntax.yaml")
	if err == nil {
		t.Fatal("loaded without error")
	}
	if !strings.HasPrefix(err.Error(), "config: testdata/syntax.yaml:") || !strings.Contains(err.Error(), "not valid YAML") {
		t.Errorf("got %q", err)
	}
}

func TestShippedConfigsLoad(t *testing.T) {
	for _, f := range []string{"../../configs/kiosk.yaml", "../../configs/demo.yaml"} {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// kiosk.yaml documents every default: loading it must give exactly Default(), so the
// file and the code cannot drift apart.
func TestKioskYAMLMatchesDefaults(t *testing.T) {
	data, err := os.ReadFile("../../configs/kiosk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse("kiosk.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Central.URL = "https://central.example.gov.cn"
	want.deriveDefaults()
	if got != want {
		t.Errorf("kiosk.yaml differs from Default():\n got %+v\nwant %+v", got, want)
	}
}

func TestEveryKeyIsDocumentedInKioskYAML(t *testing.T) {
	data, err := os.ReadFile("../../configs/kiosk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := Default()
	if _, err := Parse("kiosk.yaml", data); err != nil {
		t.Fatal(err)
	}
	for _, key := range allKeys(&cfg) {
		if !strings.Contains(string(data), lastPart(key)+":") {
			t.Errorf("key %s is not in configs/kiosk.yaml", key)
		}
	}
}

func TestRelativePathsResolveAgainstTheFile(t *testing.T) {
	cfg, err := Load("../../configs/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../var/demo")
	if cfg.StateDir != abs {
		t.Errorf("state_dir = %q, want %q", cfg.StateDir, abs)
	}
}

func TestValidateCollectsEveryProblem(t *testing.T) {
	cfg := Default()
	cfg.Terminal.ID = "has space"
	cfg.Central.URL = ""
	cfg.UI.IdleTimeout = 0
	cfg.UI.SessionLimit = time.Minute
	cfg.Printers.A4.URL = "ipp://a4.local/ipp/print"
	var keys []string
	for _, p := range cfg.Validate() {
		keys = append(keys, p.Key)
	}
	want := "terminal.id central.url ui.idle_timeout"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("problems at %q, want %q", got, want)
	}
}

func TestEmptyFileGivesDefaultsAndNeedsCentral(t *testing.T) {
	_, err := Parse("empty.yaml", nil)
	if err == nil || !strings.Contains(err.Error(), `key "central.url"`) {
		t.Errorf("got %v, want the missing central.url reported", err)
	}
}
