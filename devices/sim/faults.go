package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// Fault is a misbehaviour the reader simulator can inject.
type Fault string

const (
	// FaultJunk sends junk bytes (with a false sync start) before each reply.
	FaultJunk Fault = "junk"
	// FaultBadChecksum sends replies whose checksum is wrong.
	FaultBadChecksum Fault = "bad-checksum"
	// FaultRemoveMidRead takes the card away during the next read: the read fails with
	// SW3 0x41 and the reader is empty afterwards. It always fires once.
	FaultRemoveMidRead Fault = "remove-mid-read"
	// FaultSAMFailure makes the SAM fail its self-test: SW3 0x60 to every command.
	FaultSAMFailure Fault = "sam-failure"
	// FaultSlowCard makes the card's RF operations take IDCardOptions.SlowDelay longer.
	FaultSlowCard Fault = "slow-card"
	// FaultDribble sends replies one byte at a time with a gap after each.
	FaultDribble Fault = "dribble"
	// FaultSilent swallows commands without replying (a hung reader).
	FaultSilent Fault = "silent"
)

// Faults lists every fault the simulator knows.
var Faults = []Fault{FaultJunk, FaultBadChecksum, FaultRemoveMidRead, FaultSAMFailure,
	FaultSlowCard, FaultDribble, FaultSilent}

// FaultSpec is a fault and how many replies (or card operations) it affects; Count 0
// means until cleared.
type FaultSpec struct {
	Fault Fault
	Count int
}

// ParseFault parses "name" or "name:count", as the kiosk-devsim --fault flag takes it.
func ParseFault(s string) (FaultSpec, error) {
	name, count, hasCount := strings.Cut(s, ":")
	spec := FaultSpec{Fault: Fault(name)}
	if hasCount {
		n, err := strconv.Atoi(count)
		if err != nil || n < 0 {
			return FaultSpec{}, fmt.Errorf("sim: fault %q: count must be a whole number", s)
		}
		spec.Count = n
	}
	for _, f := range Faults {
		if f == spec.Fault {
			return spec, nil
		}
	}
	names := make([]string, len(Faults))
	for i, f := range Faults {
		names[i] = string(f)
	}
	return FaultSpec{}, fmt.Errorf("sim: unknown fault %q (known: %s)", name, strings.Join(names, ", "))
}

// SetFault turns a fault on for count replies or card operations (0: until cleared).
func (r *IDCardReader) SetFault(f Fault, count int) error {
	if _, err := ParseFault(string(f)); err != nil {
		return err
	}
	if count < 0 {
		return fmt.Errorf("sim: fault %s: negative count", f)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if count == 0 {
		count = -1 // until cleared
	}
	r.faults[f] = count
	return nil
}

// ClearFault turns a fault off.
func (r *IDCardReader) ClearFault(f Fault) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.faults, f)
}

// ClearFaults turns every fault off.
func (r *IDCardReader) ClearFaults() {
	r.mu.Lock()
	defer r.mu.Unlock()
	clear(r.faults)
}

// takeFault reports whether f is on and uses one of its counts. r.mu must be held.
func (r *IDCardReader) takeFault(f Fault) bool {
	n, ok := r.faults[f]
	if !ok {
		return false
	}
	if n > 0 {
		if n == 1 {
			delete(r.faults, f)
		} else {
			r.faults[f] = n - 1
		}
	}
	return true
}
