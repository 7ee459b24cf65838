//go:build ignore

// The driver of packaging/dev/bench-sessions.sh: it runs citizen sessions on a running
// agent through its local API (a card put on the simulated reader, the session seen
// started, the card taken off, the session seen ended) and samples the agent's VmRSS
// from /proc/PID/status every -every sessions. One process polling the socket costs the
// agent less than a kioskctl per poll would.
//
// Usage: go run packaging/dev/bench-sessions.go -socket S -pid P [-sessions 1000] [-every 100] [-warmup 200]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/kiosk/localapi"
)

func main() {
	socket := flag.String("socket", "", "the agent's local API socket")
	pid := flag.Int("pid", 0, "the agent's process id")
	sessions := flag.Int("sessions", 1000, "sessions to run")
	every := flag.Int("every", 100, "sample VmRSS every this many sessions")
	warmup := flag.Int("warmup", 200, "sessions before the slope is fitted")
	label := flag.String("label", "agent", "what the table is of")
	flag.Parse()
	if err := run(*socket, *pid, *sessions, *every, *warmup, *label); err != nil {
		fmt.Fprintln(os.Stderr, "bench-sessions:", err)
		os.Exit(1)
	}
}

func run(socket string, pid, sessions, every, warmup int, label string) error {
	c := localapi.NewClient(socket)
	ctx := context.Background()
	st, err := c.Status(ctx)
	if err != nil {
		return err
	}
	base := st.Session.Sessions
	start := time.Now()
	var xs, ys []float64
	sample := func(n int) error {
		m, err := memory(pid)
		if err != nil {
			return err
		}
		rss := m["VmRSS"]
		fmt.Printf("%-8d %10d %10d %10d %10d %8.0f\n", n, rss, m["RssAnon"], m["RssFile"], m["VmHWM"], time.Since(start).Seconds())
		if n >= warmup {
			xs, ys = append(xs, float64(n)), append(ys, float64(rss))
		}
		return nil
	}
	fmt.Printf("# %s: pid %d, %d sessions (KiB; RssAnon: heap and stacks, RssFile: mapped files)\n%-8s %10s %10s %10s %10s %8s\n",
		label, pid, sessions, "sessions", "VmRSS", "RssAnon", "RssFile", "VmHWM", "secs")
	if err := sample(0); err != nil {
		return err
	}
	for n := 1; n <= sessions; n++ {
		if err := c.SimInsert(ctx, "resident"); err != nil {
			return err
		}
		if err := waitFor(ctx, c, func(s localapi.Status) bool { return s.Session.Sessions == base+n }); err != nil {
			return fmt.Errorf("session %d never started: %w", n, err)
		}
		if err := c.SimRemove(ctx); err != nil {
			return err
		}
		if err := waitFor(ctx, c, func(s localapi.Status) bool { return !s.Session.Active }); err != nil {
			return fmt.Errorf("session %d never ended: %w", n, err)
		}
		if n%every == 0 {
			if err := sample(n); err != nil {
				return err
			}
		}
	}
	if len(xs) >= 2 {
		fmt.Printf("# %s: VmRSS slope after %d sessions: %.1f KiB per 100 sessions (%d samples)\n", label, warmup, 100*slope(xs, ys), len(xs))
	}
	return nil
}

// waitFor polls the status every 20 ms, for at most 10 s.
func waitFor(ctx context.Context, c *localapi.Client, ok func(localapi.Status) bool) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for {
		st, err := c.Status(ctx)
		if err == nil && ok(st) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// memory reads the sizes in KiB of /proc/PID/status: VmRSS, RssAnon, RssFile, VmHWM (the
// peak), ...
func memory(pid int) (map[string]int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB")); err == nil {
			m[k] = n
		}
	}
	return m, sc.Err()
}

// slope is the least-squares slope of ys over xs.
func slope(xs, ys []float64) float64 {
	var n, sx, sy, sxx, sxy float64
	for i := range xs {
		n++
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}
