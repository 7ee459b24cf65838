package outbox

import "time"

// SetIdleHook has f called each time Serve starts to wait, with the time of the next
// attempt (zero: nothing waits).
func (s *Service) SetIdleHook(f func(next time.Time)) { s.idle = f }
