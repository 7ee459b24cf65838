package backoff

import (
	"testing"
	"time"
)

func TestDelayGrowsToTheCap(t *testing.T) {
	p := Policy{Min: 100 * time.Millisecond, Max: time.Second, Rand: func() float64 { return 1 }}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000}
	for i, w := range want {
		if got := p.Delay(i); got != w*time.Millisecond {
			t.Errorf("Delay(%d) = %v, want %v", i, got, w*time.Millisecond)
		}
	}
}

func TestJitterStaysInTheUpperHalf(t *testing.T) {
	p := Policy{Min: time.Second, Max: time.Minute, Rand: func() float64 { return 0 }}
	if got := p.Delay(0); got != 500*time.Millisecond {
		t.Errorf("lowest delay %v, want 500ms", got)
	}
	var real Policy
	for range 100 {
		if d := real.Delay(3); d < 800*time.Millisecond || d > 1600*time.Millisecond {
			t.Fatalf("Delay(3) = %v outside [0.8s, 1.6s]", d)
		}
	}
}

func TestHugeAttemptDoesNotOverflow(t *testing.T) {
	if d := Default.Delay(1 << 20); d <= 0 || d > Default.Max {
		t.Errorf("Delay = %v", d)
	}
}
