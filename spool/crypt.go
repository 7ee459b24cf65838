package spool

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// keySize is AES-256's.
const keySize = 32

// sealer encrypts documents at rest with AES-GCM. The job id is the additional data, so
// a document copied under another job's key fails to open.
type sealer struct{ aead cipher.AEAD }

// loadKey reads the key file, creating it (mode 0600, fsync'd with its folder) on first
// start, when mayCreate. A key file readable by others is refused.
func loadKey(path string, mayCreate bool) (*sealer, error) {
	key, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !mayCreate {
			return nil, fmt.Errorf("%w: %s is missing but the spool holds documents that "+
				"cannot be read without it; restore the key, or move the spool file aside "+
				"(see docs/spool.md)", ErrKey, path)
		}
		key, err = makeKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKey, path, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKey, path, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s: mode %v lets others read it; want 0600", ErrKey, path, fi.Mode().Perm())
	}
	if len(key) != keySize {
		return nil, fmt.Errorf("%w: %s: %d bytes, want %d", ErrKey, path, len(key), keySize)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKey, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKey, err)
	}
	return &sealer{aead: aead}, nil
}

func makeKey(path string) ([]byte, error) {
	key := make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return key, nil
}

// seal returns nonce‖ciphertext for the job's document.
func (s *sealer) seal(id JobID, doc []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(doc)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("spool: nonce: %w", err)
	}
	return s.aead.Seal(nonce, nonce, doc, id.key()), nil
}

// open reverses seal.
func (s *sealer) open(id JobID, sealed []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n+s.aead.Overhead() {
		return nil, fmt.Errorf("spool: document of job %s is truncated", id)
	}
	doc, err := s.aead.Open(nil, sealed[:n], sealed[n:], id.key())
	if err != nil {
		return nil, fmt.Errorf("spool: document of job %s does not decrypt (wrong key file?): %w", id, err)
	}
	return doc, nil
}
