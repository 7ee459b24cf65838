package outbox

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/govkiosk/kiosk/spool"
)

// WaitingApplications returns the applications still waiting for delivery whose
// applicant has this ID number (the citizen's 进度查询). The records hold nothing personal
// in clear: each waiting payload is decrypted in memory, compared and dropped.
func (s *Service) WaitingApplications(idNumber string) ([]spool.OutboxRecord, error) {
	if idNumber == "" {
		return nil, nil
	}
	items, err := s.opts.Spool.OutboxWaitingList()
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	var out []spool.OutboxRecord
	for _, r := range items {
		if r.Kind != KindApplication {
			continue
		}
		raw, err := s.opts.Spool.OutboxPayload(r.ID)
		if err != nil {
			return nil, fmt.Errorf("outbox: item %s: %w", r.ID, err)
		}
		var p payload
		err = json.Unmarshal(raw, &p)
		clear(raw)
		if err != nil || p.Application == nil || p.Application.Applicant == nil {
			continue // delivery reports it
		}
		if strings.EqualFold(p.Application.Applicant.IDNumber, idNumber) {
			out = append(out, r)
		}
	}
	return out, nil
}
