package outbox_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// The look-up finds a citizen's waiting applications by the ID number inside the
// encrypted payloads, and only theirs; delivered ones and ratings are not listed.
func TestWaitingApplications(t *testing.T) {
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	svc := newService(t, sp, client(t, closedURL(t)), newFakeClock())
	ctx := ctxT(t, 10*time.Second)
	mine, err := svc.AddApplication(ctx, "k1", application(t, refdata.FixtureWang, "居民身份证换领"))
	if err != nil {
		t.Fatal(err)
	}
	other := application(t, refdata.FixtureWang, "居民身份证换领")
	other.Applicant = &centralapi.Applicant{IDNumber: "110101199003071234", Name: "李四"}
	if _, err := svc.AddApplication(ctx, "k2", other); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddRating(ctx, "k3", centralapi.RatingRequest{ItemCode: "X", Score: 5}); err != nil {
		t.Fatal(err)
	}
	got, err := svc.WaitingApplications(refdata.FixtureWang)
	if err != nil || len(got) != 1 || got[0].LocalRef != mine.LocalRef {
		t.Fatalf("waiting for the citizen: %+v, %v", got, err)
	}
	if got, err := svc.WaitingApplications(""); err != nil || len(got) != 0 {
		t.Errorf("no ID number: %+v, %v", got, err)
	}
}
