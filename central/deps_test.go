package central

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps the reference server apart from the agent: it stands for a
// separate system and must build without the kiosk's core, UI or device drivers.
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/govkiosk/kiosk/central/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := []string{"github.com/govkiosk/kiosk/central", "go.etcd.io/bbolt", "go.yaml.in/yaml", "golang.org/x/sys"}
	for _, p := range strings.Fields(string(out)) {
		if !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
			continue // standard library
		}
		ok := false
		for _, a := range allowed {
			if p == a || strings.HasPrefix(p, a+"/") {
				ok = true
			}
		}
		if !ok {
			t.Errorf("central depends on %s", p)
		}
	}
}
