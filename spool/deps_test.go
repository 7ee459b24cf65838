package spool_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies enforces the boundaries of ARCHITECTURE.md for the packages this
// issue owns: devices is standard library only; spool uses devices and bbolt, never a
// concrete driver; devices/ipp uses devices and go-ipp only.
func TestDependencies(t *testing.T) {
	const mod = "github.com/govkiosk/kiosk"
	tests := []struct {
		pkg     string
		allowed []string // module-local or third-party prefixes allowed besides the standard library
	}{
		{mod + "/devices", nil},
		{mod + "/spool", []string{mod + "/devices", "go.etcd.io/bbolt", "golang.org/x/sys"}}, // x/sys: bbolt's own
		{mod + "/devices/ipp", []string{mod + "/devices", "github.com/phin1x/go-ipp"}},
		{mod + "/devices/pdfdir", []string{mod + "/devices"}},
	}
	for _, tt := range tests {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", tt.pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", tt.pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == tt.pkg {
				continue
			}
			ok := false
			for _, a := range tt.allowed {
				if dep == a || strings.HasPrefix(dep, a+"/") && a != mod+"/devices" {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s imports %s", tt.pkg, dep)
			}
		}
	}
}
