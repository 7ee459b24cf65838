package idcard_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/sim"
)

// The driver takes any transport: here the simulator's in-process pipe; on a kiosk, a
// port from serialport.Open or a usbdev.SAMConn.
func Example() {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	reader := sim.NewIDCardReader(sim.IDCardOptions{})
	rw, err := reader.Pipe(ctx)
	if err != nil {
		panic(err)
	}
	r := idcard.New(rw, idcard.Options{})
	defer r.Close()

	if _, err := r.ReadCard(ctx); errors.Is(err, devices.ErrNoCard) {
		fmt.Println("no card:", err)
	}
	reader.Insert("hk_mo_tw_permit")
	c, err := r.ReadCard(ctx)
	if err != nil {
		panic(err)
	}
	defer c.Wipe()
	fmt.Println(c.Type, devices.MaskNumber(c.Number), c.PassNumber, c.ValidTo.Format(time.DateOnly))
	// Output:
	// no card: idcard: find card: sw3 0x80: no card
	// hk_mo_tw_permit 8100**********0023 H60123456 2029-03-01
}
