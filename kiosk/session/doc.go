// Package session owns the citizen's session: the state machine from the attract screen
// through card, services and printing back to the attract screen, the view-model the UI
// draws, the intents the UI sends, and the privacy wipe at the end. It has no Fyne in it;
// everything is driven and tested headless.
//
// This is the foundation's thin journey: a card greets the citizen, one tap prints a
// placeholder proof, taking the card away ends the session. Authentication, the catalog,
// forms, timeouts and rating grow here later.
package session
