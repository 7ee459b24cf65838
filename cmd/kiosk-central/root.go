package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/devcerts"
	"github.com/spf13/cobra"
)

// serveFlags are the root command's flags.
type serveFlags struct {
	listen    string
	dataDir   string
	otp       string
	publicURL string
	verbose   bool
	tlsCert   string // with tlsKey: serve HTTPS
	tlsKey    string
	clientCA  string // with TLS: require client certificates signed by this CA (mTLS)
}

func newRootCommand() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:           "kiosk-central",
		Short:         "Run the reference central server for kiosk terminals",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve(ctx, f, cmd.ErrOrStderr(), nil)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:8480", "address to listen on (host:port; port 0 picks a free one)")
	fl.StringVar(&f.dataDir, "data", "", "directory for the server's state (required)")
	fl.StringVar(&f.otp, "otp", "123456", "one-time code the second-factor step accepts")
	fl.StringVar(&f.publicURL, "public-url", "", "base URL printed in verification links (default: from each request)")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "log every request")
	fl.StringVar(&f.tlsCert, "tls-cert", "", "server certificate (PEM); serve HTTPS")
	fl.StringVar(&f.tlsKey, "tls-key", "", "server key (PEM)")
	fl.StringVar(&f.clientCA, "client-ca", "", "CA (PEM) whose client certificates are required (mTLS)")
	cmd.MarkFlagRequired("data")
	cmd.MarkFlagsRequiredTogether("tls-cert", "tls-key")
	cmd.AddCommand(newCertsCommand())
	return cmd
}

// serve runs the server until ctx ends, then stops it gracefully. ready, if not nil,
// receives the address actually listened on.
func serve(ctx context.Context, f serveFlags, logOut io.Writer, ready func(addr string)) error {
	level := slog.LevelInfo
	if f.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: level}))
	srv, err := central.New(central.Options{DataDir: f.dataDir, TestOTP: f.otp, PublicURL: f.publicURL, Logger: log})
	if err != nil {
		return err
	}
	defer srv.Close()
	if f.clientCA != "" && f.tlsCert == "" {
		return errors.New("kiosk-central: --client-ca needs --tls-cert and --tls-key")
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("kiosk-central: listen: %w", err)
	}
	scheme := "http"
	if f.tlsCert != "" {
		cfg, err := devcerts.ServerConfig(f.tlsCert, f.tlsKey, f.clientCA)
		if err != nil {
			ln.Close()
			return fmt.Errorf("kiosk-central: %w", err)
		}
		ln, scheme = tls.NewListener(ln, cfg), "https"
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("kiosk-central: listening", "addr", ln.Addr().String(), "scheme", scheme, "mtls", f.clientCA != "", "data", f.dataDir)
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return fmt.Errorf("kiosk-central: serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("kiosk-central: stopping")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("kiosk-central: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("kiosk-central: serve: %w", err)
	}
	return nil
}
