// Package ipptest runs a real IPP Everywhere printer, CUPS's ippeveprinter, for tests:
// on a private D-Bus bus, on a free loopback port, as an unprivileged user when the test
// runs as root, with a print command that records what it printed and can simulate
// running out of paper. Tests skip, saying why, where ippeveprinter or dbus-daemon is
// not installed (Debian: cups-ipp-utils, dbus).
package ipptest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	goipp "github.com/phin1x/go-ipp"
)

// Marker starts the line a test document carries to be recognized in the printed log:
// "%kiosktest:TOKEN". The hook appends TOKEN to the log when it prints the document.
const Marker = "%kiosktest:"

// PaperOut in a document makes the hook raise media-empty and wait, the job processing,
// until LoadPaper; then it clears media-empty and prints the document. RunOutOfPaper
// does the same for every document, for documents a test does not write itself.
const PaperOut = "%kiosktest-paper-out"

// Doc returns a small test document carrying token (and the paper-out marker if asked).
func Doc(token string, paperOut bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	b.WriteString(Marker + token + "\n")
	if paperOut {
		b.WriteString(PaperOut + "\n")
	}
	b.WriteString("%%EOF\n")
	return b.Bytes()
}

const hook = `#!/bin/sh
# ippeveprinter's print command: $1 is the document it received.
if [ -e "$RUN/paper-out" ] || grep -q -a -- '%kiosktest-paper-out' "$1"; then
  echo "STATE: +media-empty-error" >&2
  while [ ! -e "$RUN/paper-loaded" ]; do sleep 0.02; done
  echo "STATE: -media-empty-error" >&2
fi
token=$(grep -a -o -- '%kiosktest:[A-Za-z0-9_.-]*' "$1" | head -n 1 | cut -d: -f2)
echo "${token:-?}" >> "$RUN/printed.log"
exit 0
`

// Printer is a running ippeveprinter.
type Printer struct {
	URI string // ipp://localhost:PORT/ipp/print
	Dir string // the run folder: bus socket, hook, spool folders (one per start), printed log

	t      testing.TB
	exe    string
	hook   string
	bus    string
	cred   *syscall.Credential
	port   int
	starts int
	cmd    *exec.Cmd
	exited chan struct{}
}

// Start starts ippeveprinter and its D-Bus bus and waits (polling Get-Printer-Attributes,
// bounded by a deadline) until it answers. Everything is killed in t.Cleanup.
func Start(t testing.TB) *Printer {
	t.Helper()
	ippeve := lookPath("ippeveprinter")
	dbus := lookPath("dbus-daemon")
	if ippeve == "" || dbus == "" {
		t.Skip("ipptest: ippeveprinter or dbus-daemon not installed (Debian packages cups-ipp-utils and dbus)")
	}
	dir, err := os.MkdirTemp("", "ipptest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// ippeveprinter and its hook run as an unprivileged user when the test is root.
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	hookPath := filepath.Join(dir, "hook.sh")
	if err := os.WriteFile(hookPath, []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	printed := filepath.Join(dir, "printed.log")
	if err := os.WriteFile(printed, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(printed, 0o666); err != nil { // the hook appends to it, whatever the umask
		t.Fatal(err)
	}
	cred := unprivileged(t)

	bus := filepath.Join(dir, "bus.sock")
	dcmd := exec.Command(dbus, "--session", "--address=unix:path="+bus, "--fork", "--print-pid")
	dcmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	out, err := dcmd.Output()
	if err != nil {
		t.Fatalf("ipptest: dbus-daemon: %v", err)
	}
	dbusPID, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("ipptest: dbus-daemon printed %q, not its pid", out)
	}
	t.Cleanup(func() { syscall.Kill(dbusPID, syscall.SIGKILL) })

	p := &Printer{Dir: dir, t: t, exe: ippeve, hook: hookPath, bus: bus, cred: cred, port: freePort(t)}
	p.URI = fmt.Sprintf("ipp://localhost:%d/ipp/print", p.port)
	t.Cleanup(p.stop)
	p.launch()
	return p
}

// Restart kills the printer (and any print command it runs) and starts a new one on the
// same port: a printer that lost power. It forgets every job, and reuses job ids.
func (p *Printer) Restart() {
	p.t.Helper()
	p.stop()
	p.launch()
}

func (p *Printer) stop() {
	if p.cmd == nil {
		return
	}
	syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	<-p.exited
	p.cmd = nil
}

// launch starts ippeveprinter with a fresh spool folder and waits until it answers.
func (p *Printer) launch() {
	t := p.t
	t.Helper()
	p.starts++
	spoolDir := filepath.Join(p.Dir, fmt.Sprintf("spool-%d", p.starts))
	if err := os.Mkdir(spoolDir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(spoolDir, 0o777); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(p.exe, "-p", strconv.Itoa(p.port), "-n", "localhost", "-d", spoolDir, "-k",
		"-f", "application/pdf", "-r", "off", "-c", p.hook, "Test Printer")
	cmd.Env = append(os.Environ(), "DBUS_SYSTEM_BUS_ADDRESS=unix:path="+p.bus, "RUN="+p.Dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred, Setpgid: true}
	logPath := filepath.Join(p.Dir, fmt.Sprintf("ippeveprinter-%d.log", p.starts))
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("ipptest: ippeveprinter: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); logf.Close(); close(exited) }()
	p.cmd, p.exited = cmd, exited

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		err := p.ping(ctx, p.port)
		if err == nil {
			return
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(logPath)
			t.Fatalf("ipptest: ippeveprinter exited: %s", log)
		case <-ctx.Done():
			t.Fatalf("ipptest: ippeveprinter did not answer within 15 s: %v", err)
		case <-tick.C:
		}
	}
}

// ping sends Get-Printer-Attributes once.
func (p *Printer) ping(ctx context.Context, port int) error {
	req := goipp.NewRequest(goipp.OperationGetPrinterAttributes, 1)
	req.OperationAttributes[goipp.AttributePrinterURI] = p.URI
	req.OperationAttributes[goipp.AttributeRequestedAttributes] = []string{goipp.AttributePrinterState}
	body, err := req.Encode()
	if err != nil {
		return err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost,
		fmt.Sprintf("http://localhost:%d/ipp/print", port), bytes.NewReader(body))
	if err != nil {
		return err
	}
	hreq.Header.Set("Content-Type", goipp.ContentTypeIPP)
	resp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("http status %d", resp.StatusCode)
	}
	return nil
}

// Printed returns the tokens of the documents the printer printed, in order.
func (p *Printer) Printed() []string {
	raw, err := os.ReadFile(filepath.Join(p.Dir, "printed.log"))
	if err != nil {
		p.t.Fatal(err)
	}
	return strings.Fields(string(raw))
}

// Received counts the documents the printer received (kept by -k in its spool folders,
// one per start), printed or not.
func (p *Printer) Received() int {
	m, err := filepath.Glob(filepath.Join(p.Dir, "spool-*", "*.pdf"))
	if err != nil {
		p.t.Fatal(err)
	}
	return len(m)
}

// LoadPaper ends every paper-out the hook is simulating.
func (p *Printer) LoadPaper() {
	if err := os.WriteFile(filepath.Join(p.Dir, "paper-loaded"), nil, 0o644); err != nil {
		p.t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(p.Dir, "paper-out")); err != nil && !os.IsNotExist(err) {
		p.t.Fatal(err)
	}
}

// RunOutOfPaper makes the printer run out of paper on the next document it prints,
// whatever the document, until LoadPaper.
func (p *Printer) RunOutOfPaper() {
	if err := os.Remove(filepath.Join(p.Dir, "paper-loaded")); err != nil && !os.IsNotExist(err) {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p.Dir, "paper-out"), nil, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// unprivileged returns the credential to run the printer with: nil unless root, then
// nobody's.
func unprivileged(t testing.TB) *syscall.Credential {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("ipptest: running as root and there is no user nobody to run ippeveprinter as: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func lookPath(name string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	for _, d := range []string{"/usr/sbin", "/usr/bin", "/sbin"} {
		if p := filepath.Join(d, name); isExec(p) {
			return p
		}
	}
	return ""
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}
