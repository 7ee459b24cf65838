package central

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// proofBuilder fills a certificate's fields and tables from a citizen's records.
type proofBuilder func(it *refdata.Item, c *refdata.Citizen, params map[string]string, now time.Time) (*Certificate, error)

var proofBuilders = map[string]proofBuilder{
	refdata.ProofInsuranceParticipation: proofInsuranceParticipation,
	refdata.ProofInsuranceDetails:       proofInsuranceDetails,
	refdata.ProofPensionRights:          proofPensionRights,
	refdata.ProofRetirement:             proofRetirement,
	refdata.ProofEmployment:             proofEmployment,
	refdata.ProofFundDeposit:            proofFundAccount,
	refdata.ProofFundAccount:            proofFundAccount,
	refdata.ProofFundDetails:            proofFundDetails,
	refdata.ProofMedicalAccount:         proofMedicalAccount,
	refdata.ProofTaxPaid:                proofTax,
	refdata.ProofTaxRecords:             proofTax,
	refdata.ProofInvoiceCheck:           proofInvoiceCheck,
	refdata.ProofPropertyNone:           proofPropertyNone,
	refdata.ProofPropertyRecords:        proofPropertyRecords,
	refdata.ProofHousehold:              proofHousehold,
	refdata.ProofNoRecord:               proofNoRecord,
	refdata.ProofMarriage:               proofMarriage,
	refdata.ProofSocialSecurityCard:     proofSocialSecurityCard,
	refdata.ProofResidencePermit:        proofResidencePermit,
}

func buildProof(it *refdata.Item, c *refdata.Citizen, params map[string]string, now time.Time) (*Certificate, error) {
	b, ok := proofBuilders[it.Proof]
	if !ok {
		return nil, errInternal()
	}
	cert, err := b(it, c, params, now.In(chinaTime))
	if err != nil {
		return nil, err
	}
	if cert.Tables == nil {
		cert.Tables = []CertTable{}
	}
	if cert.Fields == nil {
		cert.Fields = []CertField{}
	}
	if cert.NoteZH == "" {
		cert.NoteZH = "本证明由自助终端打印,可通过验证码或扫描二维码核验真伪。"
		cert.NoteEN = "Printed at a self-service terminal; check it with the verification code or the QR code."
	}
	return cert, nil
}

// errNoRecords refuses a proof the records cannot support; the message says why.
func errNoRecords(zh, en string) error {
	return newError(http.StatusUnprocessableEntity, "no_records", zh, en)
}

func field(zh, en, v string) CertField { return CertField{zh, en, v} }

func col(zh, en string) Column { return Column{zh, en} }

// yuan formats fen as yuan with two decimals.
func yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// lastMonths returns the n months up to DataAsOf, oldest first.
func lastMonths(n int) []string {
	end, _ := time.Parse("2006-01", refdata.DataAsOf)
	out := make([]string, n)
	for i := range n {
		out[n-1-i] = end.AddDate(0, -i, 0).Format("2006-01")
	}
	return out
}

// paramMonths reads the "months" parameter (12 by default).
func paramMonths(params map[string]string) int {
	if n, err := strconv.Atoi(params["months"]); err == nil && n > 0 {
		return n
	}
	return 12
}

func dateZH(t time.Time) string { return t.Format("2006年01月02日") }
