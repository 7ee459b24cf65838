package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/devices"
	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
)

func newEscposCmd() *cobra.Command {
	var (
		logFile                                   string
		columns                                   int
		paperOut, nearEnd, coverOpen, cutterError bool
	)
	cmd := &cobra.Command{
		Use:   "escpos",
		Short: "Simulate an ESC/POS receipt printer on a PTY",
		Long: `Opens a pseudo-terminal, prints its path and serves an ESC/POS receipt printer on it
until interrupted. Open the path as the printer's serial port. Each ticket is logged as a
person reads the paper, with [QR: …] and [CUT] markers, to --log (default: standard
output, after the path).

Commands on standard input, one a line, to switch faults at run time:
  paper-out on|off | near-end on|off | cover-open on|off | cutter-error on|off | status`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var log io.Writer = cmd.OutOrStdout()
			if logFile != "" && logFile != "-" {
				f, err := os.OpenFile(logFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				if err != nil {
					return fmt.Errorf("escpos: log: %w", err)
				}
				defer f.Close()
				log = f
			}
			p := escpossim.New(escpossim.Options{Log: log, Columns: columns})
			p.SetPaperOut(paperOut)
			p.SetNearEnd(nearEnd)
			p.SetCoverOpen(coverOpen)
			p.SetCutterError(cutterError)
			path, err := p.ServePTY(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), path)
			go escposConsole(cmd, p)
			<-cmd.Context().Done()
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&logFile, "log", "-", "append each ticket's text to this file (- for standard output)")
	f.IntVar(&columns, "columns", 48, "paper width in characters: 48 for 80 mm, 32 for 58 mm")
	f.BoolVar(&paperOut, "paper-out", false, "start with the paper out")
	f.BoolVar(&nearEnd, "near-end", false, "start with the paper near its end")
	f.BoolVar(&coverOpen, "cover-open", false, "start with the cover open")
	f.BoolVar(&cutterError, "cutter-error", false, "start with the autocutter jammed")
	return cmd
}

// escposConsole reads fault switches from standard input and answers "ok" or an error on
// standard error.
func escposConsole(cmd *cobra.Command, p *escpossim.Printer) {
	out := cmd.ErrOrStderr()
	switches := map[string]func(bool){
		"paper-out":    p.SetPaperOut,
		"near-end":     p.SetNearEnd,
		"cover-open":   p.SetCoverOpen,
		"cutter-error": p.SetCutterError,
	}
	sc := bufio.NewScanner(cmd.InOrStdin())
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if fields[0] == "status" {
			fmt.Fprintln(out, describe(p.Status().PrinterStatus()))
			continue
		}
		set, ok := switches[fields[0]]
		switch {
		case !ok:
			fmt.Fprintf(out, "kiosk-devsim: unknown command %q (paper-out, near-end, cover-open, cutter-error, status)\n", fields[0])
		case len(fields) != 2 || (fields[1] != "on" && fields[1] != "off"):
			fmt.Fprintf(out, "kiosk-devsim: %s on|off\n", fields[0])
		default:
			set(fields[1] == "on")
			fmt.Fprintln(out, "ok")
		}
	}
}

// describe says "ready" or "not ready", then the reasons: "not ready: media-empty".
func describe(st devices.PrinterStatus) string {
	s := "ready"
	if !st.Ready {
		s = "not ready"
	}
	for i, r := range st.Reasons {
		if i == 0 {
			s += ": "
		} else {
			s += ", "
		}
		s += string(r)
	}
	return s
}
