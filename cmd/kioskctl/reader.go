package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/serialport"
	"github.com/govkiosk/kiosk/devices/usbdev"
)

// newReaderCmd is the technician's access to the ID card reader, straight to the device
// with the agent stopped.
func newReaderCmd() *cobra.Command {
	var port, usb string
	var baud int
	var timeout time.Duration
	reader := &cobra.Command{
		Use:   "reader",
		Short: "Talk to the ID card reader directly (stop the agent first)",
	}
	pf := reader.PersistentFlags()
	pf.StringVar(&port, "port", "", "the reader's serial port, e.g. /dev/ttyUSB0")
	pf.StringVar(&usb, "usb", "", "instead of --port: a USB bulk reader by VID:PID, e.g. 0400:c35a")
	pf.IntVar(&baud, "baud", 115200, "the port's baud rate")
	pf.DurationVar(&timeout, "timeout", 5*time.Second, "give up after this long")
	open := func(cmd *cobra.Command, opts idcard.Options) (*idcard.Reader, context.Context, context.CancelFunc, error) {
		var rw io.ReadWriteCloser
		switch {
		case (port == "") == (usb == ""):
			return nil, nil, nil, errors.New("reader: give either --port or --usb")
		case usb != "":
			id, err := serialport.ParseUSBID(usb)
			if err != nil {
				return nil, nil, nil, err
			}
			if rw, err = usbdev.OpenSAM(id.Vendor, id.Product, usbdev.DefaultSAMEndpoints); err != nil {
				return nil, nil, nil, readerError(err)
			}
		default:
			p, err := serialport.Open(port, baud)
			if err != nil {
				return nil, nil, nil, readerError(err)
			}
			rw = p
		}
		ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
		return idcard.New(rw, opts), ctx, cancel, nil
	}

	info := &cobra.Command{
		Use:   "info",
		Short: "Print the reader's SAM ID and status",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, ctx, cancel, err := open(cmd, idcard.Options{})
			if err != nil {
				return err
			}
			defer cancel()
			defer r.Close()
			return readerInfo(ctx, cmd.OutOrStdout(), r)
		},
	}

	var asJSON, unmasked, fingerprint bool
	read := &cobra.Command{
		Use:   "read",
		Short: "Read the card on the reader",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, ctx, cancel, err := open(cmd, idcard.Options{Fingerprint: fingerprint})
			if err != nil {
				return err
			}
			defer cancel()
			defer r.Close()
			c, err := r.ReadCard(ctx)
			if err != nil {
				return readerError(err)
			}
			defer c.Wipe()
			return printCard(cmd.OutOrStdout(), c, asJSON, unmasked, time.Now())
		},
	}
	rf := read.Flags()
	rf.BoolVar(&asJSON, "json", false, "print the card as JSON")
	rf.BoolVar(&unmasked, "unmasked", false, "print the full ID number (personal data: mind who is watching)")
	rf.BoolVar(&fingerprint, "fingerprint", true, "read the fingerprint block too (30 10); off for readers without it")
	reader.AddCommand(info, read)
	return reader
}

func readerInfo(ctx context.Context, w io.Writer, r *idcard.Reader) error {
	id, err := r.ReadSAMID(ctx)
	if err != nil {
		return readerError(err)
	}
	fmt.Fprintf(w, "SAM ID:     %s\n", id)
	if err := r.SAMStatus(ctx); err != nil {
		var se *idcard.StatusError
		if errors.As(err, &se) {
			fmt.Fprintf(w, "SAM status: %s / %s (sw3 0x%02x)\n", se.EN(), se.ZH(), se.SW3)
			return errors.New("reader: the SAM is not working")
		}
		return readerError(err)
	}
	fmt.Fprintln(w, "SAM status: ok")
	return nil
}

// readerError says in one line, in plain words, why the reader failed.
func readerError(err error) error {
	var se *idcard.StatusError
	var de *idcard.CardDataError
	switch {
	case errors.Is(err, devices.ErrNoCard):
		return errors.New("reader: no card on the reader")
	case errors.As(err, &se):
		return fmt.Errorf("reader: %s / %s (sw3 0x%02x)", se.EN(), se.ZH(), se.SW3)
	case errors.As(err, &de):
		return fmt.Errorf("reader: the card's data is inconsistent (%s: %s)", de.Field, de.Reason)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("reader: no answer in time (%v)", err)
	case errors.Is(err, devices.ErrDeviceGone):
		return fmt.Errorf("reader: not connected (%v)", err)
	}
	return fmt.Errorf("reader: %w", err)
}

// cardJSON is the card as kioskctl prints it; fields a card type lacks are omitted.
type cardJSON struct {
	CardType       string `json:"card_type"`
	Name           string `json:"name,omitempty"`
	NameEN         string `json:"name_en,omitempty"`
	SexCode        string `json:"sex_code"`
	NationCode     string `json:"nation_code,omitempty"`
	BirthDate      string `json:"birth_date"`
	Address        string `json:"address,omitempty"`
	IDNumber       string `json:"id_number"`
	Issuer         string `json:"issuer,omitempty"`
	ValidFrom      string `json:"valid_from"`
	ValidTo        string `json:"valid_to"`
	PassNumber     string `json:"pass_number,omitempty"`
	IssueCount     *int   `json:"issue_count,omitempty"`
	Nationality    string `json:"nationality,omitempty"`
	PhotoLen       int    `json:"photo_len"`
	FingerprintLen int    `json:"fingerprint_len"`
}

func toJSON(c *devices.Card, unmasked bool) cardJSON {
	j := cardJSON{
		CardType: string(c.Type), Name: c.Name, NameEN: c.NameEN, SexCode: c.SexCode,
		NationCode: c.NationCode, BirthDate: c.Birth.Format(time.DateOnly), Address: c.Address,
		IDNumber: c.Number, Issuer: c.Issuer, ValidFrom: c.ValidFrom.Format(time.DateOnly),
		PassNumber: c.PassNumber, Nationality: c.Nationality,
		PhotoLen: len(c.Photo), FingerprintLen: len(c.Fingerprint),
	}
	if !unmasked {
		j.IDNumber = devices.MaskNumber(c.Number)
	}
	if c.LongTerm {
		j.ValidTo = "long-term"
	} else {
		j.ValidTo = c.ValidTo.Format(time.DateOnly)
	}
	switch c.Type {
	case devices.CardHKMOTWPermit, devices.CardForeignPermanent2023:
		n := c.IssueCount
		j.IssueCount = &n
	}
	return j
}

// sexNames are the GB/T 2261.1 codes in words.
var sexNames = map[string]string{"0": "(unknown)", "1": "(male)", "2": "(female)", "9": "(unstated)"}

func printCard(w io.Writer, c *devices.Card, asJSON, unmasked bool, now time.Time) error {
	j := toJSON(c, unmasked)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(j)
	}
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-13s %s\n", label+":", v)
		}
	}
	line("card type", j.CardType)
	line("name", j.Name)
	line("name (en)", j.NameEN)
	line("sex", j.SexCode+" "+sexNames[j.SexCode])
	if c.NationCode != "" {
		line("nation", c.NationCode+" "+c.NationName())
	}
	line("birth date", j.BirthDate)
	line("address", j.Address)
	line("number", j.IDNumber)
	line("issuer", j.Issuer)
	line("valid", j.ValidFrom+" to "+j.ValidTo)
	line("pass number", j.PassNumber)
	if j.IssueCount != nil {
		line("issue count", fmt.Sprint(*j.IssueCount))
	}
	line("nationality", j.Nationality)
	line("photo", fmt.Sprintf("%d bytes", j.PhotoLen))
	line("fingerprint", fmt.Sprintf("%d bytes", j.FingerprintLen))
	if c.Expired(now) {
		line("expired", "yes")
	}
	return nil
}
