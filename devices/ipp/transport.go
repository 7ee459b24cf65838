package ipp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	goipp "github.com/phin1x/go-ipp"

	"github.com/govkiosk/kiosk/devices"
)

// maxResponse bounds what is read from a printer's reply; attribute replies are a few KB.
const maxResponse = 4 << 20

// StatusError is an IPP status code other than successful-ok, with the printer's message.
type StatusError struct {
	Op      string
	Status  int16
	Message string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("ipp: %s: status 0x%04x: %s", e.Op, uint16(e.Status), e.Message)
}

// Unwrap lets errors.Is see a busy printer (server-error-busy, or not accepting jobs)
// as devices.ErrPrinterBusy.
func (e *StatusError) Unwrap() error {
	switch e.Status {
	case goipp.StatusErrorBusy, goipp.StatusErrorNotAcceptingJobs:
		return devices.ErrPrinterBusy
	}
	return nil
}

// isNotFound reports whether err is the printer saying the job does not exist.
func isNotFound(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == goipp.StatusErrorNotFound
}

// newRequest starts a request with the target printer and the requesting user.
func (p *Printer) newRequest(op int16) *goipp.Request {
	req := goipp.NewRequest(op, p.requestID.Add(1))
	req.OperationAttributes[goipp.AttributePrinterURI] = p.uri
	req.OperationAttributes[goipp.AttributeRequestingUserName] = p.user
	return req
}

// send posts req (and doc, when not nil) to the printer and decodes the reply. An IPP
// status other than successful-ok comes back as a *StatusError.
func (p *Printer) send(ctx context.Context, name string, req *goipp.Request, doc []byte) (*goipp.Response, error) {
	head, err := req.Encode()
	if err != nil {
		return nil, fmt.Errorf("ipp: %s: encode: %w", name, err)
	}
	body := head
	if doc != nil {
		body = make([]byte, 0, len(head)+len(doc))
		body = append(append(body, head...), doc...)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, p.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("ipp: %s: %w", name, err)
	}
	hreq.Header.Set("Content-Type", goipp.ContentTypeIPP)
	hresp, err := p.client.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("ipp: %s: %w", name, err)
	}
	defer hresp.Body.Close()
	if hresp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("ipp: %s: http status %d", name, hresp.StatusCode)
	}
	raw, err := io.ReadAll(io.LimitReader(hresp.Body, maxResponse))
	if err != nil {
		return nil, fmt.Errorf("ipp: %s: read reply: %w", name, err)
	}
	resp, err := goipp.NewResponseDecoder(bytes.NewReader(raw)).Decode(nil)
	if err != nil {
		return nil, fmt.Errorf("ipp: %s: decode reply: %w", name, err)
	}
	// Status codes 0x0000–0x00ff are successful (ok, ok-ignored-or-substituted, …).
	if resp.StatusCode < 0 || resp.StatusCode > 0x00ff {
		msg := ""
		if v := resp.OperationAttributes[goipp.AttributeStatusMessage]; len(v) > 0 {
			msg, _ = v[0].Value.(string)
		}
		return nil, &StatusError{Op: name, Status: resp.StatusCode, Message: msg}
	}
	return resp, nil
}

// attr returns the first value of attribute name in attrs, or nil.
func attr(attrs goipp.Attributes, name string) any {
	if v := attrs[name]; len(v) > 0 {
		return v[0].Value
	}
	return nil
}
