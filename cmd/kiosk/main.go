// Command kiosk is the agent on the terminal: the citizen's full-screen window, the
// session core, the devices and the local API, in one process run by systemd.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/govkiosk/kiosk/kiosk/config"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	os.Exit(kioskMain(os.Args[1:], os.Stdout, os.Stderr))
}

// kioskMain is the command: it returns the exit status (0 stopped cleanly, 1 failed while
// running, 2 bad flags or config).
func kioskMain(args []string, stdout, stderr io.Writer) int {
	start := time.Now()
	fs := flag.NewFlagSet("kiosk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "/etc/kiosk/kiosk.yaml", "the config file")
	headless := fs.Bool("headless", false, "run every service but the window (automation, soak tests, fleet simulation)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, version)
		return 0
	}
	cfg, err := config.Load(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, "kiosk:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	opts := runOptions{cfg: cfg, cfgPath: *cfgPath, headless: *headless, started: start, logOut: stderr}
	if err := run(ctx, opts); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "kiosk:", err)
		return 1
	}
	return 0
}
