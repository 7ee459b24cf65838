// Package session owns the citizen's session: the state machine from the attract screen
// through card, services and printing back to the attract screen, the view-model the UI
// draws, the intents the UI sends, and the privacy wipe at the end. It has no Fyne in it;
// everything is driven and tested headless.
//
// The journey is still thin: a card greets the citizen, one tap prints their social
// insurance proof (fetched from central by the Renderer the agent gives), taking the card
// away ends the session; idle sessions end after a visible countdown; a hidden gesture
// and a PIN open the technician's status screen. The catalog's screens, the second
// factor, forms, applications and rating grow here later.
package session
