package outbox

import "github.com/govkiosk/kiosk/kiosk/centralapi"

// Kinds of outbox items.
const (
	KindApplication = "application"
	KindRating      = "rating"
)

// payload is what the spool keeps, encrypted, for one item: the request as the citizen
// made it. client_ref and made_offline_at are added at delivery from the item's record,
// so every attempt sends the same body under the same key.
type payload struct {
	Application *centralapi.ApplicationRequest `json:"application,omitempty"`
	Rating      *centralapi.RatingRequest      `json:"rating,omitempty"`
}
