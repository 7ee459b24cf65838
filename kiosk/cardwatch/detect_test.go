package cardwatch

import (
	"context"
	"fmt"
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

// stepReader is the fake reader read in steps, as the idcard driver allows. pullOnSelect
// takes the card away between finding and reading it.
type stepReader struct{ *fakeReader }

func (r stepReader) Find(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.err != nil:
		return r.err
	case r.card == nil:
		return fmt.Errorf("fake: find card: %w", devices.ErrNoCard)
	}
	return nil
}

func (r stepReader) Select(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pullOnSelect {
		r.card, r.pullOnSelect = nil, false
	}
	if r.card == nil {
		return fmt.Errorf("fake: select card: %w", devices.ErrNoCard)
	}
	return r.err
}

func (r stepReader) Read(ctx context.Context) (*devices.Card, error) {
	r.mu.Lock()
	if r.pullOnRead { // the read fails as a real reader's does when the card leaves
		r.card, r.pullOnRead = nil, false
		r.mu.Unlock()
		return nil, fmt.Errorf("fake: read: %w", devices.ErrCardUnreadable)
	}
	r.mu.Unlock()
	return r.ReadCard(ctx)
}

func TestCardDetectedBeforeTheRead(t *testing.T) {
	g := startRig(t, true)
	g.step(poll)
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	g.expect(CardDetected)
	if ev := g.expect(CardPresented); ev.Card == nil || ev.Card.Number != card.Number {
		t.Fatalf("presented %+v", ev.Card)
	}
	g.step(poll) // the card stays: nothing new
	g.reader.set(func(r *fakeReader) { r.card = nil })
	g.step(poll)
	g.expect(CardRemoved)
}

func TestCardPulledDuringTheRead(t *testing.T) {
	g := startRig(t, true)
	g.reader.set(func(r *fakeReader) { r.card, r.pullOnSelect = card, true })
	g.step(poll)
	g.expect(CardDetected)
	g.expect(CardRemoved) // the read did not finish: the detection is undone
	g.step(poll)          // no card: nothing

	// The read itself failed, and the card is gone: pulled, not unreadable.
	g.reader.set(func(r *fakeReader) { r.card, r.pullOnRead = card, true })
	g.step(poll)
	g.expect(CardDetected)
	g.expect(CardRemoved)
	g.step(poll)
}

func TestUnreadableCardDetectedOnce(t *testing.T) {
	g := startRig(t, true)
	g.reader.set(func(r *fakeReader) {
		r.card = card
		r.readErr = fmt.Errorf("fake: read: %w", devices.ErrCardUnreadable)
	})
	g.step(poll)
	g.expect(CardDetected)
	g.expect(CardUnreadable)
	for range 3 { // the same card stays: no new detection, no new notice
		g.step(poll)
	}
	g.reader.set(func(r *fakeReader) { r.card = nil })
	g.step(poll)
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	g.expect(CardDetected)
	g.expect(CardUnreadable)
}

func TestReaderFailsDuringTheRead(t *testing.T) {
	g := startRig(t, true)
	g.reader.set(func(r *fakeReader) {
		r.card = card
		r.readErr = fmt.Errorf("fake: read: %w", devices.ErrReaderFault)
	})
	g.step(poll)
	g.expect(CardDetected)
	g.expect(CardRemoved)
	g.expect(ReaderFault)
}
