// Package deps_test enforces the dependency rules of docs/architecture.md: what each
// layer may import, directly or through others. It reads the real import graph with
// `go list -deps`.
package deps_test

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/govkiosk/kiosk"

type pkg struct {
	ImportPath string
	Name       string
	Standard   bool
	Imports    []string
	Deps       []string
	Module     *struct{ Path string }
}

// graph lists every package of the module and everything it depends on.
func graph(t *testing.T) map[string]*pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-json", "./...").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]*pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		p := new(pkg)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

func own(path string) bool { return path == module || strings.HasPrefix(path, module+"/") }

func rel(path string) string { return strings.TrimPrefix(strings.TrimPrefix(path, module), "/") }

func under(path, dir string) bool {
	r := rel(path)
	return own(path) && (r == dir || strings.HasPrefix(r, dir+"/"))
}

// thirdParty reports whether path is a package from outside the module and the standard library.
func thirdParty(g map[string]*pkg, path string) bool {
	p := g[path]
	return p != nil && !p.Standard && !own(path)
}

// driverOwners names, for each third-party driver library, the one package allowed to
// import it directly.
var driverOwners = map[string]string{
	"github.com/tarm/serial":              "devices/serialport",
	"github.com/google/gousb":             "devices/usbdev",
	"github.com/phin1x/go-ipp":            "devices/ipp",
	"github.com/creack/pty":               "devices/sim",
	"go.etcd.io/bbolt":                    "spool",
	"fyne.io/fyne/v2/app":                 "cmd/kiosk",
	"codeberg.org/go-pdf/fpdf":            "kiosk/certificate",
	"github.com/spf13/cobra":              "cmd",
	"github.com/go-text/typesetting/font": "kiosk/fonts",
	"golang.org/x/text/encoding":          "devices/escpos",    // GB18030 for receipts
	"github.com/boombuler/barcode":        "kiosk/certificate", // QR codes on proofs
	"github.com/mozillazg/go-pinyin":      "kiosk/catalog",     // search by pinyin
}

// centralOnly are the packages of the reference server: not shipped to terminals, free
// to choose its own storage.
func centralOnly(path string) bool {
	return under(path, "central") || under(path, "cmd/kiosk-central")
}

func TestDriverLibrariesHaveOneOwner(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !own(path) {
			continue
		}
		for _, imp := range p.Imports {
			for lib, owner := range driverOwners {
				if imp != lib && !strings.HasPrefix(imp, lib+"/") {
					continue
				}
				if under(path, owner) || (lib == "go.etcd.io/bbolt" && centralOnly(path)) {
					continue
				}
				t.Errorf("%s imports %s; only %s may", rel(path), imp, owner)
			}
		}
	}
}

func TestDevicesVocabularyIsStandardLibraryOnly(t *testing.T) {
	g := graph(t)
	for _, d := range g[module+"/devices"].Deps {
		if !g[d].Standard {
			t.Errorf("devices depends on %s; it may use only the standard library", d)
		}
	}
}

func TestDriversUseOnlyTheirOwnLibrary(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !under(path, "devices") || path == module+"/devices" {
			continue
		}
		r := rel(path)
		for _, d := range p.Deps {
			if g[d].Standard || under(d, "devices") {
				continue
			}
			allowed := false
			for lib, owner := range driverOwners {
				// The owner, and a package using the owner, may depend on the owner's
				// library and on what that library itself needs.
				if under(path, owner) || slices.Contains(p.Deps, module+"/"+owner) {
					allowed = allowed || d == lib || strings.HasPrefix(d, lib+"/") || (g[lib] != nil && slices.Contains(g[lib].Deps, d))
				}
			}
			if !allowed {
				t.Errorf("%s depends on %s", r, d)
			}
		}
	}
}

// The core and the spool see hardware only through the devices interfaces.
func TestCoreHasNoGUIAndNoConcreteDriver(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !under(path, "kiosk") && !under(path, "spool") {
			continue
		}
		for _, d := range p.Deps {
			switch {
			case strings.HasPrefix(d, "fyne.io/"):
				t.Errorf("%s depends on %s: the core has no GUI", rel(path), d)
			case under(d, "devices") && d != module+"/devices":
				t.Errorf("%s depends on the driver %s: the core sees devices only through the devices interfaces", rel(path), rel(d))
			case under(d, "ui") || under(d, "cmd") || under(d, "central"):
				t.Errorf("%s depends on %s", rel(path), rel(d))
			}
		}
	}
}

func TestUINeverReachesDevicesOrSpool(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !under(path, "ui") {
			continue
		}
		for _, imp := range p.Imports {
			if under(imp, "devices") || under(imp, "spool") {
				t.Errorf("%s imports %s", rel(path), rel(imp))
			}
		}
		for _, d := range p.Deps {
			if (under(d, "devices") && d != module+"/devices") || under(d, "spool") || d == "go.etcd.io/bbolt" || d == "fyne.io/fyne/v2/app" {
				t.Errorf("%s depends on %s", rel(path), d)
			}
		}
	}
}

func TestOnlyCommandsWireEverything(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !own(path) {
			continue
		}
		if p.Name == "main" && !under(path, "cmd") {
			t.Errorf("%s is a main package outside cmd/", rel(path))
		}
		if under(path, "cmd") {
			continue
		}
		for _, imp := range p.Imports {
			if under(imp, "cmd") {
				t.Errorf("%s imports the command %s", rel(path), rel(imp))
			}
		}
	}
}

func TestCentralIsSeparate(t *testing.T) {
	g := graph(t)
	for path, p := range g {
		if !under(path, "central") {
			continue
		}
		for _, d := range p.Deps {
			if own(d) && !under(d, "central") {
				t.Errorf("%s depends on %s: the reference server shares no code with the agent", rel(path), rel(d))
			}
			if thirdParty(g, d) && strings.HasPrefix(d, "fyne.io/") {
				t.Errorf("%s depends on %s", rel(path), d)
			}
		}
	}
}
