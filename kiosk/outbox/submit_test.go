package outbox_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/spool"
)

// TestSubmitOnlineOrQueued: online when central answers; a refusal goes back to the
// citizen; when every answer is lost after central handled the request, the application
// is queued under the same key and central still ends with exactly one.
func TestSubmitOnlineOrQueued(t *testing.T) {
	ce := startCentral(t, t.TempDir())
	c := client(t, ce.ts.URL)
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	svc := newService(t, sp, c, newFakeClock())
	ctx := ctxT(t, 20*time.Second)
	cd, _ := refdata.LookupCitizen(refdata.FixtureWang)
	g, err := c.CreateSession(ctx, centralapi.CardData{Type: cd.CardType, Number: cd.IDNumber, Name: cd.Name, SexCode: cd.Sex, Birth: cd.Birth})
	if err != nil {
		t.Fatal(err)
	}
	auth := centralapi.Auth{Token: g.Token}
	req := application(t, refdata.FixtureWang, "居民身份证换领")

	got, err := svc.SubmitApplication(ctx, auth, "", req)
	if err != nil || got.Application == nil || got.Queued != nil || got.Application.Channel != "session" {
		t.Fatalf("online: %+v %v", got, err)
	}
	bad := req
	bad.Form = map[string]string{"phone": "x"}
	var re *centralapi.RejectedError
	if _, err := svc.SubmitApplication(ctx, auth, "", bad); !errors.As(err, &re) {
		t.Errorf("refused form: %v", err)
	}

	if err := ce.srv.SetFaults(central.Faults{DropAfterRate: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	got, err = svc.SubmitApplication(ctx, auth, "lost-answer", req)
	if err != nil || got.Queued == nil || got.Queued.LocalRef != "L-DEMO0001-000001" {
		t.Fatalf("answer lost: %+v %v", got, err)
	}
	if n := ce.applications(t); n != 2 {
		t.Fatalf("central holds %d, want 2 (the online one and the one whose answer was lost)", n)
	}
	ce.up(t)
	if _, err := svc.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	list, _ := sp.OutboxList()
	if len(list) != 1 || list[0].State != spool.OutboxStateDelivered || ce.applications(t) != 2 {
		t.Errorf("after delivery: %+v; central holds %d, want 2", list, ce.applications(t))
	}

	ce.down(t)
	rt, err := svc.Rate(ctx, auth, "", centralapi.RatingRequest{ItemCode: req.ItemCode, Score: 4})
	if err != nil || rt.Queued == nil || rt.Queued.Kind != "rating" {
		t.Errorf("rating while down: %+v %v", rt, err)
	}
}
