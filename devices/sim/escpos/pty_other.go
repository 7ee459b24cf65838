//go:build !linux

package escpossim

import (
	"context"
	"errors"
)

// ServePTY is supported on Linux only.
func (p *Printer) ServePTY(ctx context.Context) (string, error) {
	return "", errors.New("escpossim: pty: supported on linux only")
}
