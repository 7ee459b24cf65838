package localapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
)

// ErrNoAgent means nothing answers on the socket: the agent is not running.
var ErrNoAgent = errors.New("no agent is running")

// Client talks to a running agent.
type Client struct {
	socket string
	http   *http.Client
}

// NewClient returns a client of the agent listening on socket.
func NewClient(socket string) *Client {
	tr := &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", socket)
	}}
	return &Client{socket: socket, http: &http.Client{Transport: tr}}
}

// Status fetches the agent's status.
func (c *Client) Status(ctx context.Context) (Status, error) {
	var st Status
	err := c.do(ctx, http.MethodGet, "/v1/status", nil, &st)
	return st, err
}

// SimInsert puts a fixture card on the simulated reader.
func (c *Client) SimInsert(ctx context.Context, fixture string) error {
	return c.do(ctx, http.MethodPost, "/v1/sim/card/insert", SimCard{Fixture: fixture}, nil)
}

// SimRemove takes the card off the simulated reader.
func (c *Client) SimRemove(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/v1/sim/card/remove", struct{}{}, nil)
}

// SimUnplug pulls the simulated reader's cable; SimReplug plugs it back in.
func (c *Client) SimUnplug(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/v1/sim/reader/unplug", struct{}{}, nil)
}

// SimReplug plugs the simulated reader back in.
func (c *Client) SimReplug(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/v1/sim/reader/replug", struct{}{}, nil)
}

// SimFixtures lists the simulated reader's cards.
func (c *Client) SimFixtures(ctx context.Context) ([]string, error) {
	var f Fixtures
	err := c.do(ctx, http.MethodGet, "/v1/sim/card/fixtures", nil, &f)
	return f.Fixtures, err
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://agent"+path, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) {
			return fmt.Errorf("%w (nothing listens on %s)", ErrNoAgent, c.socket)
		}
		return fmt.Errorf("localapi: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("localapi: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e apiError
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			return errors.New(e.Error)
		}
		return fmt.Errorf("localapi: %s %s: %s", method, path, resp.Status)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("localapi: bad answer to %s: %w", path, err)
		}
	}
	return nil
}
