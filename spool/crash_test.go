package spool_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/ipp"
	"github.com/govkiosk/kiosk/devices/ipp/ipptest"
	"github.com/govkiosk/kiosk/spool"
)

// The crash test re-executes this test binary as a child that runs the spool against a
// real ippeveprinter, and kills it with SIGKILL: at each step of a job's life (the child
// kills itself at its Nth hook call) and at random moments (the parent kills it).

const childEnv = "SPOOL_CRASH_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(crashChild())
	}
	os.Exit(m.Run())
}

// crashChild enqueues ENQUEUE jobs (printing "enqueued ID TITLE" once each is durable),
// then prints until no job of the printer is left to act on. With KILL_AT=n it SIGKILLs
// itself at its nth hook call: after a commit, after Create-Job, after Send-Document.
func crashChild() int {
	path, uri := os.Getenv("SPOOL_PATH"), os.Getenv("PRINTER_URI")
	killAt, _ := strconv.Atoi(os.Getenv("KILL_AT"))
	enqueue, _ := strconv.Atoi(os.Getenv("ENQUEUE"))
	run := os.Getenv("RUN")

	changed := make(chan struct{}, 1)
	var calls atomic.Int64 // the worker and Enqueue both call the hook
	spool.SetTestHook(func(point string, j spool.Job) {
		if calls.Add(1) == int64(killAt) {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	s, err := spool.Open(path, spool.Options{
		PollInterval:  10 * time.Millisecond,
		Backoff:       func(int) time.Duration { return 10 * time.Millisecond },
		MaxAttempts:   1000,
		ResolveWindow: 2 * time.Second,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer s.Close()
	p, err := ipp.New("a4", uri, ipp.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Worker(p).Serve(ctx) }()
	for i := 0; i < enqueue; i++ {
		title := fmt.Sprintf("r%s-%d", run, i)
		id, err := s.Enqueue(ctx, spool.NewJob{Printer: "a4", Title: title, Doc: ipptest.Doc(title, false)})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("enqueued %d %s\n", id, title)
	}
	for {
		jobs, err := s.List(spool.Filter{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		busy := false
		for _, j := range jobs {
			if !j.State.Final() && !(j.State == spool.Held && j.Reason.NeedsTechnician()) {
				busy = true
			}
		}
		if !busy {
			return 0
		}
		select {
		case <-changed:
		case err := <-done:
			fmt.Fprintln(os.Stderr, "worker stopped:", err)
			return 2
		}
	}
}

type childResult struct {
	killed   bool
	enqueued map[string]spool.JobID // title → id, acknowledged
}

func runChild(t *testing.T, path, uri string, run, killAt, enqueue int, killAfter time.Duration) childResult {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "SPOOL_PATH="+path, "PRINTER_URI="+uri,
		"RUN="+strconv.Itoa(run), "KILL_AT="+strconv.Itoa(killAt), "ENQUEUE="+strconv.Itoa(enqueue))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if killAfter > 0 {
		timer := time.AfterFunc(killAfter, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	res := childResult{enqueued: map[string]spool.JobID{}}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		var id uint64
		var title string
		if _, err := fmt.Sscanf(sc.Text(), "enqueued %d %s", &id, &title); err == nil {
			res.enqueued[title] = spool.JobID(id)
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		res.killed = true
		return res
	}
	if err != nil {
		t.Fatalf("child run %d: %v: %s", run, err, stderr.String())
	}
	return res
}

func TestCrashesNeverLoseOrSilentlyDuplicate(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: skipped in -short")
	}
	srv := ipptest.Start(t)
	path := t.TempDir() + "/spool.db"
	acked := map[string]spool.JobID{}
	leftIn := map[spool.State]int{} // jobs found in each state after a kill
	start := time.Now()

	// Kill at each hook call of a run that enqueues two jobs and prints them (and
	// resolves what the previous run left), then at random moments.
	var runs, kills int
	stepKills, randomKills := 60, 140
	if raceEnabled {
		stepKills, randomKills = 30, 40
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	seed := rng.Uint64()
	t.Logf("random kill seed %d", seed)
	rng = rand.New(rand.NewPCG(seed, 5))
	for i := 0; i < stepKills+randomKills; i++ {
		runs++
		killAt, after := 0, time.Duration(0)
		if i < stepKills {
			killAt = i + 1
		} else {
			after = time.Duration(1+rng.IntN(40)) * time.Millisecond
		}
		res := runChild(t, path, srv.URI, runs, killAt, 2, after)
		if res.killed {
			kills++
		}
		for title, id := range res.enqueued {
			acked[title] = id
		}
		for st, n := range checkNoneLost(t, path, acked) {
			if res.killed {
				leftIn[st] += n
			}
		}
	}
	// The kills must have caught jobs at the printer, or recovery was never tested.
	if leftIn[spool.Sending] == 0 || leftIn[spool.Sent] == 0 {
		t.Errorf("no kill left a job in sending or sent: %v", leftIn)
	}
	// A last run, never killed, settles everything.
	runs++
	if res := runChild(t, path, srv.URI, runs, 0, 0, 0); res.killed {
		t.Fatal("the last run was killed")
	}

	s, err := spool.Open(path, spool.Options{Logger: spool.LogTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := s.List(spool.Filter{})
	s.Close()
	spool.CheckFile(t, path)
	if err != nil {
		t.Fatal(err)
	}
	printed := map[string]int{}
	for _, tok := range srv.Printed() {
		printed[tok]++
	}
	byTitle := map[string]spool.Job{}
	var completed, held, reprinted int
	for _, j := range jobs {
		byTitle[j.Title] = j
		n := printed[j.Title]
		switch {
		case j.State == spool.Completed:
			completed++
			if n != 1 {
				t.Errorf("%v: completed but printed %d times", j, n)
			}
		case j.State == spool.Held && j.Reason == spool.ReasonMayHavePrinted:
			held++
			if n > 1 {
				t.Errorf("%v: printed %d times", j, n)
			}
		default:
			t.Errorf("%v: neither completed nor held as may-have-printed (last error: %s)", j, j.LastError)
		}
		if n > 1 {
			reprinted++
		}
	}
	for title, id := range acked {
		if j, ok := byTitle[title]; !ok || j.ID != id {
			t.Errorf("acknowledged job %s (%s) is lost", id, title)
		}
	}
	for tok := range printed {
		if _, ok := byTitle[tok]; !ok {
			t.Errorf("the printer printed %q, which no job holds", tok)
		}
	}
	if len(acked) == 0 || completed == 0 {
		t.Fatalf("nothing flowed: %d acknowledged, %d completed", len(acked), completed)
	}
	t.Logf("unfinished jobs found after the kills, by state, summed over runs: %v", leftIn)
	t.Logf("%d runs, %d killed, %s; %d jobs (%d acknowledged): %d completed, %d held as may-have-printed; "+
		"printer received %d documents, printed %d",
		runs, kills, time.Since(start).Round(time.Millisecond), len(jobs), len(acked), completed, held,
		srv.Received(), len(srv.Printed()))
}

// checkNoneLost opens the spool between runs: every acknowledged job is there, and the
// file passes bbolt's check. It counts the jobs in each state that is not final.
func checkNoneLost(t *testing.T, path string, acked map[string]spool.JobID) map[spool.State]int {
	t.Helper()
	s, err := spool.Open(path, spool.Options{Logger: spool.LogTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	states := map[spool.State]int{}
	jobs, err := s.List(spool.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if !j.State.Final() {
			states[j.State]++
		}
	}
	for title, id := range acked {
		if j, err := s.Get(id); err != nil || j.Title != title {
			t.Errorf("acknowledged job %s (%s): %v %v", id, title, j, err)
		}
	}
	s.Close()
	spool.CheckFile(t, path)
	return states
}
