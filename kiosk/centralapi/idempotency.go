package centralapi

import (
	"crypto/rand"
	"fmt"
)

// NewIdempotencyKey returns a fresh random key (a version 4 UUID) for one submission.
// Keep it with the request until central has answered: sending the same request again
// with the same key can never make a second record.
func NewIdempotencyKey() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
