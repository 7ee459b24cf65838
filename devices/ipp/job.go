package ipp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	goipp "github.com/phin1x/go-ipp"

	"github.com/govkiosk/kiosk/devices"
)

// A job reference, as CreateJob returns it and the spool records it, is "ID;UUID": the
// printer's job-id and its job-uuid. A printer restarted may give the same job-id to a new
// job; the uuid tells them apart, so JobState never believes another job's state.

func formatRef(id int, uuid string) string { return strconv.Itoa(id) + ";" + uuid }

func parseRef(ref string) (id int, uuid string, err error) {
	s, uuid, _ := strings.Cut(ref, ";")
	id, err = strconv.Atoi(s)
	if err != nil || id <= 0 {
		return 0, "", fmt.Errorf("ipp: bad job reference %q", ref)
	}
	return id, uuid, nil
}

// CreateJob creates an empty job on the printer (Create-Job) and returns its reference.
// Nothing prints until SendDocument; a job that never gets its document is aborted by
// the printer after its multiple-operation-time-out.
func (p *Printer) CreateJob(ctx context.Context, title string) (string, error) {
	req := p.newRequest(goipp.OperationCreateJob)
	req.OperationAttributes[goipp.AttributeJobName] = title
	resp, err := p.send(ctx, "create-job", req, nil)
	if err != nil {
		return "", err
	}
	if len(resp.JobAttributes) == 0 {
		return "", fmt.Errorf("ipp: create-job: reply has no job attributes")
	}
	id, ok := attr(resp.JobAttributes[0], goipp.AttributeJobID).(int)
	if !ok || id <= 0 {
		return "", fmt.Errorf("ipp: create-job: reply has no job-id")
	}
	uuid, _ := attr(resp.JobAttributes[0], "job-uuid").(string)
	if uuid == "" {
		// Many printers (ippeveprinter among them) leave job-uuid out of the Create-Job
		// reply: ask for it while the job id surely names this job.
		if uuid, err = p.jobUUID(ctx, id); err != nil {
			return "", err
		}
	}
	return formatRef(id, uuid), nil
}

// jobUUID asks the printer for a job's job-uuid; empty when the printer has none.
func (p *Printer) jobUUID(ctx context.Context, id int) (string, error) {
	req := p.newRequest(goipp.OperationGetJobAttributes)
	req.OperationAttributes[goipp.AttributeJobID] = id
	req.OperationAttributes[goipp.AttributeRequestedAttributes] = []string{"job-uuid"}
	resp, err := p.send(ctx, "get-job-attributes", req, nil)
	if err != nil {
		return "", err
	}
	if len(resp.JobAttributes) == 0 {
		return "", nil
	}
	uuid, _ := attr(resp.JobAttributes[0], "job-uuid").(string)
	return uuid, nil
}

// SendDocument sends the job's one and only document (Send-Document, last-document true).
func (p *Printer) SendDocument(ctx context.Context, jobRef string, pdf []byte) error {
	id, _, err := parseRef(jobRef)
	if err != nil {
		return err
	}
	req := p.newRequest(goipp.OperationSendDocument)
	req.OperationAttributes[goipp.AttributeJobID] = id
	req.OperationAttributes[goipp.AttributeDocumentFormat] = "application/pdf"
	req.OperationAttributes[goipp.AttributeLastDocument] = true
	if _, err := p.send(ctx, "send-document", req, pdf); err != nil {
		return err
	}
	return nil
}

// JobState asks the printer for the job's state (Get-Job-Attributes). A job the printer
// does not know, or a job-id now held by another job (its uuid differs), is JobUnknown.
func (p *Printer) JobState(ctx context.Context, jobRef string) (devices.JobState, error) {
	id, uuid, err := parseRef(jobRef)
	if err != nil {
		return devices.JobUnknown, err
	}
	req := p.newRequest(goipp.OperationGetJobAttributes)
	req.OperationAttributes[goipp.AttributeJobID] = id
	req.OperationAttributes[goipp.AttributeRequestedAttributes] = []string{goipp.AttributeJobState, "job-uuid"}
	resp, err := p.send(ctx, "get-job-attributes", req, nil)
	if isNotFound(err) {
		return devices.JobUnknown, nil
	}
	if err != nil {
		return devices.JobUnknown, err
	}
	if len(resp.JobAttributes) == 0 {
		return devices.JobUnknown, fmt.Errorf("ipp: get-job-attributes: reply has no job attributes")
	}
	attrs := resp.JobAttributes[0]
	if got, _ := attr(attrs, "job-uuid").(string); uuid != "" && got != uuid {
		return devices.JobUnknown, nil
	}
	state, ok := attr(attrs, goipp.AttributeJobState).(int)
	if !ok {
		return devices.JobUnknown, fmt.Errorf("ipp: get-job-attributes: reply has no job-state")
	}
	return jobState(state), nil
}

// CancelJob cancels the job on the printer (Cancel-Job). Canceling a job that already
// reached a final state is an error from the printer.
func (p *Printer) CancelJob(ctx context.Context, jobRef string) error {
	id, _, err := parseRef(jobRef)
	if err != nil {
		return err
	}
	req := p.newRequest(goipp.OperationCancelJob)
	req.OperationAttributes[goipp.AttributeJobID] = id
	_, err = p.send(ctx, "cancel-job", req, nil)
	return err
}

// jobState maps IPP's job-state enum (RFC 8011 5.3.7) to the devices vocabulary.
func jobState(v int) devices.JobState {
	switch v {
	case 3, 4: // pending, pending-held: nothing has printed
		return devices.JobPending
	case 5, 6: // processing, processing-stopped
		return devices.JobProcessing
	case 7:
		return devices.JobCanceled
	case 8:
		return devices.JobAborted
	case 9:
		return devices.JobCompleted
	}
	return devices.JobUnknown
}

// Jobs lists the printer's unfinished jobs of this kiosk's user (Get-Jobs, which-jobs
// not-completed, my-jobs).
func (p *Printer) Jobs(ctx context.Context) ([]devices.PrinterJob, error) {
	req := p.newRequest(goipp.OperationGetJobs)
	req.OperationAttributes[goipp.AttributeWhichJobs] = "not-completed"
	req.OperationAttributes[goipp.AttributeMyJobs] = true
	req.OperationAttributes[goipp.AttributeRequestedAttributes] = []string{
		goipp.AttributeJobID, "job-uuid", goipp.AttributeJobName, goipp.AttributeJobState,
	}
	resp, err := p.send(ctx, "get-jobs", req, nil)
	if err != nil {
		return nil, err
	}
	var out []devices.PrinterJob
	for _, attrs := range resp.JobAttributes {
		id, ok := attr(attrs, goipp.AttributeJobID).(int)
		if !ok {
			continue
		}
		uuid, _ := attr(attrs, "job-uuid").(string)
		name, _ := attr(attrs, goipp.AttributeJobName).(string)
		state, _ := attr(attrs, goipp.AttributeJobState).(int)
		out = append(out, devices.PrinterJob{Ref: formatRef(id, uuid), Title: name, State: jobState(state)})
	}
	return out, nil
}
