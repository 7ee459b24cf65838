package session

import (
	"context"
	"slices"
)

// Rating (好差评) after a service: three answers; "dissatisfied" asks for a reason. The
// rating is sent by the agent's Rater (which keeps it in the outbox when central cannot
// be reached), and the citizen is thanked and asked to take their card and papers.

const (
	ScreenRate    Screen = "rate"    // how was the service?
	ScreenGoodbye Screen = "goodbye" // thank you; take your card and your papers
)

// Scores on central's 1–5 scale for the three answers a citizen is offered.
const (
	ScoreSatisfied    = 5 // 满意
	ScoreBasically    = 3 // 基本满意
	ScoreDissatisfied = 1 // 不满意
)

// Reasons a dissatisfied citizen can pick: central's negative rating tags.
var Reasons = []string{"slow", "hard_to_use", "unclear", "device_fault"}

// Rater records a rating of the item a session served.
type Rater func(ctx context.Context, itemCode string, score int, reasons []string) error

// ToRating leaves the printed screen for the rating.
func (m *Machine) ToRating() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenPrinted && m.view.Screen != ScreenResult {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Item, v.Notice, v.AskReasons = ScreenRate, nil, NoticeNone, false
	m.leaveApplyLocked(&v)
	m.setLocked(v)
}

// Rate records the citizen's answer. A dissatisfied answer without a reason asks for one.
func (m *Machine) Rate(score int, reasons []string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenRate {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	if score == ScoreDissatisfied && len(reasons) == 0 {
		v := m.view
		v.AskReasons = true
		m.setLocked(v)
		return
	}
	reasons = slices.DeleteFunc(slices.Clone(reasons), func(r string) bool { return !slices.Contains(Reasons, r) })
	item := m.lastItem
	if m.rater != nil && item != "" {
		m.work.Add(1)
		go func() {
			defer m.work.Done()
			if err := m.rater(m.printCtx, item, score, reasons); err != nil {
				m.log.Warn("rating not recorded", "item", item, "err", err)
			}
		}()
	}
	m.setLocked(View{Screen: ScreenGoodbye, Language: m.view.Language, LargeText: m.view.LargeText})
}

// SkipRating goes to the goodbye without a rating.
func (m *Machine) SkipRating() {
	m.mu.Lock()
	if m.card == nil || (m.view.Screen != ScreenRate && m.view.Screen != ScreenPrinted && m.view.Screen != ScreenResult) {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	m.setLocked(View{Screen: ScreenGoodbye, Language: m.view.Language, LargeText: m.view.LargeText})
}
