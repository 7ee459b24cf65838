package config

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
)

// The technician PIN is kept as "sha256:SALT:HASH": HASH is the hex SHA-256 of the
// salt's bytes followed by the PIN. A PIN is short, so the lock-out after wrong tries,
// not the hash, is what protects it; the hash keeps the PIN out of config files and
// fleet dashboards.

// HashPIN returns the config value for a PIN, with a fresh random salt.
func HashPIN(pin string) string {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	return formatPIN(salt, pin)
}

func formatPIN(salt []byte, pin string) string {
	sum := sha256.Sum256(append(append([]byte{}, salt...), pin...))
	return "sha256:" + hex.EncodeToString(salt) + ":" + hex.EncodeToString(sum[:])
}

// CheckPIN reports whether pin matches the config value hash, in constant time.
func CheckPIN(hash, pin string) bool {
	salt, _, err := parsePIN(hash)
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(formatPIN(salt, pin)), []byte(hash)) == 1
}

func parsePIN(hash string) (salt, sum []byte, err error) {
	parts := strings.Split(hash, ":")
	if len(parts) != 3 || parts[0] != "sha256" {
		return nil, nil, fmt.Errorf("expected sha256:SALT:HASH as kioskctl technician pin-hash prints it")
	}
	if salt, err = hex.DecodeString(parts[1]); err != nil || len(salt) < 8 {
		return nil, nil, fmt.Errorf("the salt is not 8 or more hex bytes")
	}
	if sum, err = hex.DecodeString(parts[2]); err != nil || len(sum) != sha256.Size {
		return nil, nil, fmt.Errorf("the hash is not 32 hex bytes")
	}
	return salt, sum, nil
}
