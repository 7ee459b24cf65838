package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/devices/sim"
)

func newIDCardCmd() *cobra.Command {
	var (
		fixture, fixturesFile, link string
		baud                        int
		faults                      []string
		findDelay, readDelay        time.Duration
		verbose                     bool
	)
	cmd := &cobra.Command{
		Use:   "idcard",
		Short: "Simulate a second-generation ID card reader (GA/T 467 SAM protocol) on a PTY",
		Long: `Opens a pseudo-terminal, prints its path and serves the SAM protocol on it until
interrupted. Open the path as the reader's serial port (kioskctl reader read --port PATH).

Commands on standard input, one a line:
  insert NAME | remove | fault NAME[:COUNT] | clear | unplug | replug | fixtures`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := sim.IDCardOptions{Baud: baud, FindDelay: findDelay, ReadDelay: readDelay, Link: link}
			if verbose {
				opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
			}
			if fixturesFile != "" {
				fs, err := sim.LoadFixtures(fixturesFile)
				if err != nil {
					return err
				}
				opts.Fixtures = fs
			}
			for _, f := range faults {
				spec, err := sim.ParseFault(f)
				if err != nil {
					return err
				}
				opts.Faults = append(opts.Faults, spec)
			}
			r := sim.NewIDCardReader(opts)
			if fixture != "" {
				if err := r.Insert(fixture); err != nil {
					return err
				}
			}
			path, err := r.ServePTY(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), path)
			go console(cmd, r)
			<-cmd.Context().Done()
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&fixture, "fixture", "", "card on the reader at start (see 'fixtures' on stdin)")
	f.StringVar(&fixturesFile, "fixtures", "", "JSON file with more fixtures")
	f.IntVar(&baud, "baud", 115200, "pace replies at this baud rate (0: unpaced)")
	f.StringArrayVar(&faults, "fault", nil, "inject a fault: "+faultNames()+" (NAME or NAME:COUNT; repeatable)")
	f.DurationVar(&findDelay, "find-delay", 30*time.Millisecond, "the card's RF time for find and select")
	f.DurationVar(&readDelay, "read-delay", 0, "the card's RF time for a read (real readers: 0.5-1s)")
	f.StringVar(&link, "link", "", "keep a symbolic link at this path pointing at the current PTY")
	f.BoolVarP(&verbose, "verbose", "v", false, "log protocol events to stderr")
	return cmd
}

func faultNames() string {
	names := make([]string, len(sim.Faults))
	for i, f := range sim.Faults {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
