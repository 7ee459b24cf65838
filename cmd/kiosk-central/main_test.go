package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

type catalogCounts struct {
	Departments []json.RawMessage `json:"departments"`
	Items       []json.RawMessage `json:"items"`
}

// checkCatalog fetches the catalog, checks its size, and checks that its ETag gives 304.
func checkCatalog(t *testing.T, base string) {
	t.Helper()
	resp, err := http.Get(base + "/v1/catalog")
	if err != nil {
		t.Fatal(err)
	}
	var c catalogCounts
	err = json.NewDecoder(resp.Body).Decode(&c)
	resp.Body.Close()
	if err != nil || len(c.Departments) != 34 || len(c.Items) != 1488 {
		t.Fatalf("catalog: %d departments, %d items (err %v)", len(c.Departments), len(c.Items), err)
	}
	req, _ := http.NewRequest("GET", base+"/v1/catalog", nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	again, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	again.Body.Close()
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("with the ETag: %d, want 304", again.StatusCode)
	}
}

func TestServeStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, serveFlags{listen: "127.0.0.1:0", dataDir: t.TempDir(), otp: "123456"}, io.Discard,
			func(a string) { addrc <- a })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("serve ended before listening: %v", err)
	}
	checkCatalog(t, "http://"+addr)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve after cancel: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("still answering after the stop")
	}
}

func TestServeNeedsDataDir(t *testing.T) {
	cmd := newRootCommand()
	cmd.SetArgs([]string{"--listen", "127.0.0.1:0"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err == nil {
		t.Error("started without --data")
	}
}

var listenLine = regexp.MustCompile(`listening" addr=(\S+)`)

// startBinary runs the built binary and returns its address once it listens.
func startBinary(t *testing.T, bin, data string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "--listen", "127.0.0.1:0", "--data", data)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addrc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := listenLine.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
				break
			}
		}
		close(addrc)
		io.Copy(io.Discard, stderr)
	}()
	select {
	case addr, ok := <-addrc:
		if !ok {
			t.Fatal("the binary exited without saying where it listens")
		}
		return cmd, addr
	case <-time.After(30 * time.Second):
		t.Fatal("the binary did not listen within 30 s")
	}
	return nil, ""
}

// TestBinary builds kiosk-central, starts it as the acceptance criteria say, submits the
// same application twice, stops it with SIGTERM, starts it again on the same data and
// counts the applications on the server's side.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kiosk-central")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("go build: %v", err)
	}
	data := filepath.Join(dir, "data")
	cmd, addr := startBinary(t, bin, data)
	base := "http://" + addr
	checkCatalog(t, base)

	resp, err := http.Get(base + "/v1/catalog")
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Items []map[string]any `json:"items"`
	}
	json.NewDecoder(resp.Body).Decode(&raw)
	resp.Body.Close()
	code := ""
	for _, it := range raw.Items {
		if it["name_zh"] == "居民身份证换领" {
			code = it["code"].(string)
		}
	}
	body := []byte(`{"item_code":"` + code + `","form":{"applicant_name":"陈美玲","applicant_id":"810000199006060023","phone":"13800000002"},` +
		`"applicant":{"id_number":"810000199006060023","name":"陈美玲"}}`)
	for range 2 {
		req, _ := http.NewRequest("POST", base+"/v1/applications", bytes.NewReader(body))
		req.Header.Set("Idempotency-Key", "binary-test-1")
		req.Header.Set("X-Terminal-Id", "T-BIN")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 201 {
			t.Fatalf("submit: %d", resp.StatusCode)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no exit 20 s after SIGTERM")
	}

	_, addr = startBinary(t, bin, data)
	resp, err = http.Get("http://" + addr + "/_admin/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Applications int }
	json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if st.Applications != 1 {
		t.Errorf("after a repeated key and a restart the server holds %d applications, want 1", st.Applications)
	}
}
