package central

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	bolt "go.etcd.io/bbolt"
)

// idemRecord is the stored answer to a request made with an Idempotency-Key: the same key
// again gets the same status and body, and no second effect.
type idemRecord struct {
	RequestHash string          `json:"request_hash"`
	Status      int             `json:"status"`
	Body        json.RawMessage `json:"body"`
	CreatedAt   time.Time       `json:"created_at"`
}

// idempotencyKey reads and checks the Idempotency-Key header; required says whether a
// missing key is an error.
func idempotencyKey(r *http.Request, required bool) (string, error) {
	k := r.Header.Get("Idempotency-Key")
	if k == "" {
		if required {
			return "", newError(http.StatusBadRequest, "idempotency_key_required",
				"请求缺少幂等键", "the Idempotency-Key header is required")
		}
		return "", nil
	}
	if len(k) > 200 {
		return "", newError(http.StatusBadRequest, "idempotency_key_invalid", "幂等键无效", "Idempotency-Key too long")
	}
	for i := 0; i < len(k); i++ {
		if k[i] <= ' ' || k[i] > '~' {
			return "", newError(http.StatusBadRequest, "idempotency_key_invalid", "幂等键无效",
				"Idempotency-Key must be printable ASCII without spaces")
		}
	}
	return k, nil
}

// requestHash fingerprints a decoded request (maps marshal with sorted keys), so the same
// content re-encoded differently still matches.
func requestHash(v any) string {
	b, _ := json.Marshal(v)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

var errKeyReused = newError(http.StatusUnprocessableEntity, "idempotency_key_reused",
	"该请求已使用不同内容提交过", "this Idempotency-Key was used with a different request")

// once runs create inside one transaction unless scope+key already has an answer, in
// which case it returns that answer and replayed=true. An empty key always creates.
// create's answer is stored only when it succeeds.
func (s *Server) once(scope, key, hash string, create func(tx *bolt.Tx) (int, any, error)) (status int, body []byte, replayed bool, err error) {
	err = s.store.db.Update(func(tx *bolt.Tx) error {
		id := scope + "\x00" + key
		if key != "" {
			var rec idemRecord
			switch err := get(tx, bucketIdempotency, id, &rec); {
			case err == nil:
				if rec.RequestHash != hash {
					return errKeyReused
				}
				status, body, replayed = rec.Status, rec.Body, true
				return nil
			case !errors.Is(err, errNoRecord):
				return err
			}
		}
		st, v, err := create(tx)
		if err != nil {
			return err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("central: encode answer: %w", err)
		}
		status, body = st, b
		if key == "" {
			return nil
		}
		return put(tx, bucketIdempotency, id, idemRecord{hash, st, b, s.now().UTC()})
	})
	return status, body, replayed, err
}

// writeOnce writes the answer of once, marking a replay with the Idempotent-Replayed header.
func writeOnce(w http.ResponseWriter, status int, body []byte, replayed bool) {
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSONBytes(w, status, body)
}
