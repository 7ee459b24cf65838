// Package cardwatch owns the card watcher: the service that polls the ID card reader
// (about every 200 ms) and turns what it sees into events for the session: a card
// presented (once per presentation, with the parsed card), removed, unreadable, and the
// reader failing and recovering. It reopens an unplugged reader with backoff and never
// gives up. It knows readers only through the devices vocabulary.
package cardwatch
