package session

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

type rated struct {
	item    string
	score   int
	reasons []string
}

func ratingMachine(t *testing.T) (*Machine, chan rated) {
	t.Helper()
	got := make(chan rated, 1)
	m := New(Options{
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:   newFakeClock(today),
		Catalog: fakeCatalog{},
		Printer: printerFunc(func(context.Context, PrintRequest) error { return nil }),
		Render: func(context.Context, string, *devices.Card, string, string, time.Time) ([]byte, string, error) {
			return []byte("%PDF"), "proof", nil
		},
		Rate: func(_ context.Context, item string, score int, reasons []string) error {
			got <- rated{item, score, reasons}
			return nil
		},
	})
	m.CardPresented(testCard())
	m.OpenItem("HRSS-0001")
	printConfirmed(t, m)
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenPrinted {
		t.Fatalf("not printed: %+v", v)
	}
	return m, got
}

type printerFunc func(context.Context, PrintRequest) error

func (f printerFunc) PrintProof(ctx context.Context, r PrintRequest) error { return f(ctx, r) }

func TestDissatisfiedAsksForAReason(t *testing.T) {
	m, got := ratingMachine(t)
	m.ToRating()
	if v := m.View(); v.Screen != ScreenRate || v.AskReasons {
		t.Fatalf("rating screen: %+v", v)
	}
	m.Rate(ScoreDissatisfied, nil)
	if v := m.View(); v.Screen != ScreenRate || !v.AskReasons {
		t.Fatalf("no reasons asked: %+v", v)
	}
	m.Rate(ScoreDissatisfied, []string{"slow", "made-up"})
	if v := m.View(); v.Screen != ScreenGoodbye {
		t.Fatalf("after rating: %+v", v)
	}
	r := <-got
	if r.item != "HRSS-0001" || r.score != ScoreDissatisfied || !slices.Equal(r.reasons, []string{"slow"}) {
		t.Errorf("rated %+v", r)
	}
	m.CardRemoved()
	if v := m.View(); v.Screen != ScreenAttract || m.lastItem != "" {
		t.Errorf("after the card: %+v", v)
	}
}

func TestSatisfiedAndSkip(t *testing.T) {
	m, got := ratingMachine(t)
	m.ToRating()
	m.Rate(ScoreSatisfied, nil)
	if r := <-got; r.score != ScoreSatisfied || len(r.reasons) != 0 {
		t.Errorf("rated %+v", r)
	}
	m2, got2 := ratingMachine(t)
	m2.SkipRating()
	if v := m2.View(); v.Screen != ScreenGoodbye {
		t.Errorf("skip: %+v", v)
	}
	if err := m2.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got2:
		t.Errorf("a skipped rating was sent: %+v", r)
	default:
	}
}
