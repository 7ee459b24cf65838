// Package session owns the citizen's session: the state machine from the attract screen
// through card, services and printing back to the attract screen, the view-model the UI
// draws, the intents the UI sends, and the privacy wipe at the end. It has no Fyne in it;
// everything is driven and tested headless.
//
// The journey: a card on the reader shows the reading screen, the card read signs the
// session in at central (Central, given by the agent; offline when central cannot be
// reached), the home screen searches the catalog, an item prints its proof (fetched from
// central by the Renderer the agent gives) after the second factor where the item needs
// it, a rating ends it; taking the card away ends the session; idle sessions end after a
// visible countdown; a hidden gesture and a PIN open the technician's status screen.
// Forms and applications grow here later.
package session
