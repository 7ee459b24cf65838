package outbox_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/backoff"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/outbox"
	"github.com/govkiosk/kiosk/spool"
)

// The crash test re-executes this test binary as the agent: a child that adds
// applications to the outbox and delivers them, killed with SIGKILL by the parent.

const childEnv = "OUTBOX_CRASH_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(crashChild())
	}
	os.Exit(m.Run())
}

// countingCentral prints "sent N" after each application central confirmed, before the
// outbox records it; at N = stallAt it hangs there, so the parent's kill lands between
// central's answer and the outbox's commit.
type countingCentral struct {
	*centralapi.Client
	n       atomic.Int64
	stallAt int64
}

func (c *countingCentral) SubmitApplication(ctx context.Context, a centralapi.Auth, key string, r centralapi.ApplicationRequest) (centralapi.Application, error) {
	got, err := c.Client.SubmitApplication(ctx, a, key, r)
	if err == nil {
		n := c.n.Add(1)
		fmt.Printf("sent %d\n", n)
		if n == c.stallAt {
			select {} // until killed
		}
	}
	return got, err
}

// crashChild: ADD=n adds n applications (printing "added REF" once each is durable, then
// "added-all") and serves; DRAIN=1 delivers until nothing waits, prints "done", exits 0.
func crashChild() int {
	sp, err := spool.Open(os.Getenv("SPOOL_PATH"), spool.Options{Logger: quiet()})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer sp.Close()
	cl, err := centralapi.New(centralapi.Options{BaseURL: os.Getenv("CENTRAL_URL"), TerminalID: "DEMO0001", Logger: quiet(),
		Attempts: 2, Backoff: backoff.Policy{Min: time.Millisecond, Max: 2 * time.Millisecond}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	stall, _ := strconv.ParseInt(os.Getenv("STALL_AT"), 10, 64)
	svc, err := outbox.New(outbox.Options{Spool: sp, Central: &countingCentral{Client: cl, stallAt: stall}, TerminalID: "DEMO0001",
		Logger: quiet(), Backoff: backoff.Policy{Min: 2 * time.Millisecond, Max: 20 * time.Millisecond}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx := context.Background()
	fixtures := []string{refdata.FixtureWang, refdata.FixtureChen, refdata.FixtureGarcia}
	n, _ := strconv.Atoi(os.Getenv("ADD"))
	for i := range n {
		r, err := svc.AddApplication(ctx, "", buildApplication(fixtures[i%len(fixtures)], "居民身份证换领"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("added %s\n", r.LocalRef)
	}
	fmt.Println("added-all")
	if os.Getenv("DRAIN") == "" {
		svc.Serve(ctx) // until killed
		return 0
	}
	for {
		next, err := svc.Flush(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		if next.IsZero() {
			fmt.Println("done")
			return 0
		}
		<-time.After(time.Until(next)) // the backoff the outbox set, as Serve waits it
	}
}

// child is a running agent process.
type child struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
}

func startChild(t *testing.T, env ...string) *child {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=1"}, env...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &child{cmd: cmd, lines: bufio.NewScanner(out)}
}

// until reads the child's lines up to one for which stop is true, returning the lines.
func (c *child) until(t *testing.T, stop func(string) bool) []string {
	t.Helper()
	var seen []string
	for c.lines.Scan() {
		seen = append(seen, c.lines.Text())
		if stop(c.lines.Text()) {
			return seen
		}
	}
	t.Fatalf("child ended before the expected line; last lines: %v", seen[max(0, len(seen)-3):])
	return nil
}

func (c *child) kill(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	c.cmd.Wait() // reaps it and closes the pipe
}

// TestOfflineCrashRestartDeliversExactlyOnce is issue 4's test: offline, 100
// applications into the outbox, kill -9; restart with central back (dropping a fifth of
// its answers after handling them), kill -9 again once central has confirmed the 10th
// and before the outbox recorded it; restart: central holds exactly 100 applications,
// each once.
func TestOfflineCrashRestartDeliversExactlyOnce(t *testing.T) {
	const n = 100
	path := filepath.Join(t.TempDir(), "spool.db")

	// 1. Central unreachable: the agent takes 100 applications and is killed.
	c1 := startChild(t, "SPOOL_PATH="+path, "CENTRAL_URL="+closedURL(t), "ADD="+strconv.Itoa(n))
	added := c1.until(t, func(l string) bool { return l == "added-all" })
	c1.kill(t)
	refs := map[string]bool{}
	for _, l := range added {
		if ref, ok := strings.CutPrefix(l, "added "); ok {
			refs[ref] = true
		}
	}
	if len(refs) != n {
		t.Fatalf("%d distinct local references for %d applications", len(refs), n)
	}

	// 2. Central is back, losing a fifth of its answers; the agent is killed mid-way.
	ce := startCentral(t, t.TempDir())
	if err := ce.srv.SetFaults(central.Faults{DropAfterRate: 0.2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	c2 := startChild(t, "SPOOL_PATH="+path, "CENTRAL_URL="+ce.ts.URL, "STALL_AT=10")
	c2.until(t, func(l string) bool { return l == "sent 10" })
	c2.kill(t)
	if got := ce.applications(t); got != 10 {
		t.Fatalf("after the second kill central holds %d applications, want 10", got)
	}

	// 3. Restart: the rest is delivered.
	c3 := startChild(t, "SPOOL_PATH="+path, "CENTRAL_URL="+ce.ts.URL, "DRAIN=1")
	c3.until(t, func(l string) bool { return l == "done" })
	if err := c3.cmd.Wait(); err != nil {
		t.Fatalf("third run: %v", err)
	}

	if got := ce.applications(t); got != n {
		t.Errorf("central holds %d applications, want exactly %d", got, n)
	}
	sp := openSpool(t, path)
	list, err := sp.OutboxList()
	if err != nil {
		t.Fatal(err)
	}
	remote := map[string]bool{}
	for _, r := range list {
		if r.State != spool.OutboxStateDelivered || !refs[r.LocalRef] {
			t.Errorf("item %+v", r)
		}
		remote[r.RemoteRef] = true
	}
	if len(list) != n || len(remote) != n {
		t.Errorf("%d outbox records, %d distinct central ids; want %d each", len(list), len(remote), n)
	}
}
