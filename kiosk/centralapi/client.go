package centralapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/kiosk/backoff"
)

// Options configure a Client. BaseURL is required; the rest have defaults.
type Options struct {
	// BaseURL is central's address, e.g. "https://central.example.cn" (no trailing path).
	BaseURL string
	// TerminalID is this terminal's identity: sent as X-Terminal-Id on calls made without
	// a citizen session (outbox delivery, queue tickets). Under mTLS central takes the
	// client certificate's common name instead and refuses a different id.
	TerminalID string
	// TLS is the TLS configuration for an https BaseURL: see TLSConfig for mTLS.
	TLS *tls.Config
	// Transport overrides the HTTP transport (tests); TLS is ignored when it is set.
	Transport http.RoundTripper
	// Attempts bounds the tries of a call that is safe to retry (a GET, or a POST
	// carrying an idempotency key); default 4. Other calls are tried once.
	Attempts int
	// AttemptTimeout bounds one try; default 15 s. The context's deadline bounds the
	// whole call, retries and waits included.
	AttemptTimeout time.Duration
	// Backoff spaces the retries (full jitter); default 200 ms doubling up to 5 s.
	Backoff backoff.Policy
	// Sleep waits between retries; it returns early with the context's error. Default:
	// a timer. Tests inject their own.
	Sleep func(ctx context.Context, d time.Duration) error
	// MaxBody bounds an answer's size; default 16 MiB.
	MaxBody int64
	// Logger gets one debug line per retry (route, attempt, status or error class);
	// never a body, a query, an id or a token. Default: slog.Default().
	Logger *slog.Logger
}

// Client calls central. Its methods are safe for concurrent use.
type Client struct {
	base *url.URL
	hc   *http.Client
	opts Options
}

// New makes a client. It does not contact central.
func New(opts Options) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(opts.BaseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("centralapi: base url must be http(s)://host[:port]")
	}
	if opts.Attempts <= 0 {
		opts.Attempts = 4
	}
	if opts.AttemptTimeout <= 0 {
		opts.AttemptTimeout = 15 * time.Second
	}
	if opts.Backoff.Min == 0 && opts.Backoff.Max == 0 {
		opts.Backoff = backoff.Policy{Min: 200 * time.Millisecond, Max: 5 * time.Second, Rand: opts.Backoff.Rand}
	}
	if opts.Sleep == nil {
		opts.Sleep = sleep
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 16 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	rt := opts.Transport
	if rt == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		if opts.TLS != nil {
			t.TLSClientConfig = opts.TLS.Clone()
		}
		t.MaxIdleConnsPerHost = 4
		rt = t
	}
	return &Client{base: u, hc: &http.Client{Transport: rt, CheckRedirect: noRedirect}, opts: opts}, nil
}

// noRedirect keeps a redirect from carrying a token or a body elsewhere.
func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// call is one request of the contract.
type call struct {
	method  string
	route   string // the route pattern, for logs and errors: "/v1/applications/{id}"
	path    string // the concrete path
	body    any    // encoded as JSON when not nil
	token   string // bearer token, or empty
	idemKey string // Idempotency-Key, or empty
	header  http.Header
	want    int // the success status; its body is decoded into out
	out     any // nil: the body is not read
}

// answer is what a successful call got back.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// safe reports whether repeating the call cannot cause a second effect: a GET, a DELETE
// (ending a session twice ends it once), or a POST carrying an idempotency key.
func (c call) safe() bool {
	return c.method == http.MethodGet || c.method == http.MethodDelete || c.idemKey != ""
}

func (c call) name() string { return c.method + " " + c.route }

// do runs the call with retries where safe, and classifies the outcome.
func (cl *Client) do(ctx context.Context, c call) (answer, error) {
	var body []byte
	if c.body != nil {
		b, err := json.Marshal(c.body)
		if err != nil {
			return answer{}, fmt.Errorf("centralapi: %s: encode request: %w", c.name(), err)
		}
		body = b
	}
	tries := 1
	if c.safe() {
		tries = cl.opts.Attempts
	}
	var last error
	for attempt := 0; attempt < tries; attempt++ {
		if attempt > 0 {
			d := cl.opts.Backoff.Delay(attempt - 1)
			cl.opts.Logger.Debug("centralapi: retry", "route", c.name(), "attempt", attempt+1, "after", d, "cause", errClass(last))
			if err := cl.opts.Sleep(ctx, d); err != nil {
				return answer{}, fmt.Errorf("%w: %s: gave up after %d attempts: %w", ErrUnreachable, c.name(), attempt, err)
			}
		}
		a, err, retry := cl.once(ctx, c, body)
		if err == nil {
			return a, nil
		}
		last = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	return answer{}, last
}

// once makes one try. retry says whether the failure is worth another try of a safe call:
// a network failure, a 5xx, or an answer out of contract (garbage may be a proxy's
// hiccup); never a refusal.
func (cl *Client) once(ctx context.Context, c call, body []byte) (a answer, err error, retry bool) {
	actx, cancel := context.WithTimeout(ctx, cl.opts.AttemptTimeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(actx, c.method, cl.base.String()+c.path, rd)
	if err != nil {
		return answer{}, fmt.Errorf("centralapi: %s: make request: %w", c.name(), err), false
	}
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.idemKey != "" {
		req.Header.Set("Idempotency-Key", c.idemKey)
	}
	resp, err := cl.hc.Do(req)
	if err != nil {
		return answer{}, unreachable(ctx, c, err), true
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, cl.opts.MaxBody+1))
	if err != nil {
		return answer{}, unreachable(ctx, c, err), true
	}
	if int64(len(data)) > cl.opts.MaxBody {
		return answer{}, fmt.Errorf("%w: %s: answer larger than %d bytes", ErrServerFault, c.name(), cl.opts.MaxBody), false
	}
	switch {
	case resp.StatusCode == c.want, resp.StatusCode == http.StatusNotModified && c.header.Get("If-None-Match") != "":
		a := answer{status: resp.StatusCode, header: resp.Header, body: data}
		if c.out == nil || resp.StatusCode == http.StatusNotModified {
			return a, nil, false
		}
		if err := decodeJSON(resp.Header, data, c.out); err != nil {
			return answer{}, fmt.Errorf("%w: %s: %d answer: %w", ErrServerFault, c.name(), resp.StatusCode, err), true
		}
		return a, nil, false
	case resp.StatusCode >= 500:
		return answer{}, fmt.Errorf("%w: %s: status %d", ErrUnreachable, c.name(), resp.StatusCode), true
	case resp.StatusCode >= 400:
		return answer{}, rejected(c, resp, data), false
	default:
		return answer{}, fmt.Errorf("%w: %s: unexpected status %d", ErrServerFault, c.name(), resp.StatusCode), true
	}
}

// unreachable describes a transport failure without the URL (whose path may hold a
// verification code or an application id).
func unreachable(ctx context.Context, c call, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: %s: %w", ErrUnreachable, c.name(), ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%w: %s: %w", ErrUnreachable, c.name(), err)
}

// rejected turns a 4xx answer into a *RejectedError, or a server fault when the body is
// not the contract's error.
func rejected(c call, resp *http.Response, data []byte) error {
	var eb errorBody
	if err := decodeJSON(resp.Header, data, &eb); err != nil || eb.Error == nil || eb.Error.Code == "" {
		return fmt.Errorf("%w: %s: status %d without an error body", ErrServerFault, c.name(), resp.StatusCode)
	}
	e := eb.Error
	return &RejectedError{Status: resp.StatusCode, Code: e.Code, MessageZH: e.MessageZH, MessageEN: e.MessageEN,
		Fields: e.Fields, Route: c.name()}
}

// decodeJSON checks the content type and decodes exactly one JSON value.
func decodeJSON(h http.Header, data []byte, out any) error {
	mt, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return fmt.Errorf("content type %q is not application/json", h.Get("Content-Type"))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(out); err != nil {
		return errors.New("body is not the documented JSON") // the decoder's message may quote the body
	}
	if dec.More() {
		return errors.New("body has trailing data")
	}
	return nil
}

// errClass names a failure for a log line without its details.
func errClass(err error) string {
	var re *RejectedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &re):
		return re.Code
	case errors.Is(err, ErrServerFault):
		return "server_fault"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	default:
		return "unreachable"
	}
}
