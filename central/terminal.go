package central

import "net/http"

var errTerminalMismatch = newError(http.StatusForbidden, "terminal_mismatch",
	"终端身份不一致", "the terminal id does not match the client certificate")

// terminalOf returns the calling terminal's identity: under mTLS the verified client
// certificate's common name (a differing X-Terminal-Id or claimed id is refused),
// otherwise the X-Terminal-Id header or the id the request body claims.
func terminalOf(r *http.Request, claimed string) (string, error) {
	if claimed == "" {
		claimed = r.Header.Get("X-Terminal-Id")
	}
	if r.TLS != nil && len(r.TLS.VerifiedChains) > 0 {
		cn := r.TLS.PeerCertificates[0].Subject.CommonName
		if claimed != "" && claimed != cn {
			return "", errTerminalMismatch
		}
		return cn, nil
	}
	return claimed, nil
}
