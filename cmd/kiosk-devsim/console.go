package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/devices/sim"
)

// console reads commands from standard input and drives the simulated reader.
func console(cmd *cobra.Command, r *sim.IDCardReader) {
	out := cmd.ErrOrStderr()
	sc := bufio.NewScanner(cmd.InOrStdin())
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		arg := ""
		if len(fields) > 1 {
			arg = fields[1]
		}
		var err error
		switch fields[0] {
		case "insert":
			err = r.Insert(arg)
		case "remove":
			r.Remove()
		case "fault":
			var spec sim.FaultSpec
			if spec, err = sim.ParseFault(arg); err == nil {
				err = r.SetFault(spec.Fault, spec.Count)
			}
		case "clear":
			r.ClearFaults()
		case "unplug":
			r.Unplug()
		case "replug":
			old := r.PTYPath()
			r.Replug()
			if p, werr := r.WaitPTY(cmd.Context(), old); werr == nil {
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
		case "fixtures":
			fmt.Fprintln(out, strings.Join(r.Fixtures(), " "))
		default:
			err = fmt.Errorf("unknown command %q (insert, remove, fault, clear, unplug, replug, fixtures)", fields[0])
		}
		if err != nil {
			fmt.Fprintln(out, "kiosk-devsim:", err)
		} else {
			fmt.Fprintln(out, "ok")
		}
	}
}
