// Package ui owns the citizen's full-screen Fyne window: the screens, the theme with the
// embedded CJK font, and the Chinese and English texts. It draws the session's view-model
// and sends the citizen's taps back as intents; it holds no state of its own that the
// session does not. It never imports devices or spool, nor fyne.io/fyne/v2/app (cmd/kiosk
// makes the app), so that it is tested headless with fyne.io/fyne/v2/test.
package ui
