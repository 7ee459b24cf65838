package localapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/govkiosk/kiosk/spool"
)

// Spool is what the technician commands need of the print queue and the outbox.
type Spool interface {
	List(spool.Filter) ([]spool.Job, error)
	Get(spool.JobID) (spool.Job, error)
	Release(spool.JobID) (spool.Job, error)
	Cancel(spool.JobID) (spool.Job, error)
	Purge() (int, error)
	OutboxList() ([]spool.OutboxRecord, error)
}

// Purged is the answer to a purge.
type Purged struct {
	Jobs int `json:"jobs"`
}

// spoolRoutes adds the spool and printer routes.
func (s *Server) spoolRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/spool/jobs", s.withSpool(func(w http.ResponseWriter, r *http.Request) {
		jobs, err := s.Spool.List(spool.Filter{})
		if jobs == nil {
			jobs = []spool.Job{} // an empty queue is [], not null
		}
		writeResult(w, jobs, err)
	}))
	mux.HandleFunc("GET /v1/spool/jobs/{id}", s.withJob(s.spoolGet))
	mux.HandleFunc("POST /v1/spool/jobs/{id}/release", s.withJob(func(id spool.JobID) (spool.Job, error) { return s.Spool.Release(id) }))
	mux.HandleFunc("POST /v1/spool/jobs/{id}/cancel", s.withJob(func(id spool.JobID) (spool.Job, error) { return s.Spool.Cancel(id) }))
	mux.HandleFunc("GET /v1/outbox", s.withSpool(func(w http.ResponseWriter, r *http.Request) {
		items, err := s.Spool.OutboxList()
		if items == nil {
			items = []spool.OutboxRecord{}
		}
		writeResult(w, items, err)
	}))
	mux.HandleFunc("POST /v1/spool/purge", s.withSpool(func(w http.ResponseWriter, r *http.Request) {
		n, err := s.Spool.Purge()
		writeResult(w, Purged{Jobs: n}, err)
	}))
	mux.HandleFunc("GET /v1/printers", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Status().Printers)
	})
	mux.HandleFunc("POST /v1/printers/{name}/test-page", func(w http.ResponseWriter, r *http.Request) {
		res, err := s.TestPage(r.Context(), r.PathValue("name"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, res)
	})
}

func (s *Server) spoolGet(id spool.JobID) (spool.Job, error) { return s.Spool.Get(id) }

// withSpool answers 503 while printing is off (no spool).
func (s *Server) withSpool(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.Spool == nil {
			writeError(w, http.StatusServiceUnavailable, "printing is off: "+s.SpoolFault)
			return
		}
		h(w, r)
	}
}

// withJob parses the {id} of a job route and answers with the job op returns.
func (s *Server) withJob(op func(spool.JobID) (spool.Job, error)) http.HandlerFunc {
	return s.withSpool(func(w http.ResponseWriter, r *http.Request) {
		id, err := spool.ParseJobID(r.PathValue("id"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		job, err := op(id)
		writeResult(w, job, err)
	})
}

// writeResult answers v, or the spool's error with the status that fits it.
func writeResult(w http.ResponseWriter, v any, err error) {
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, v)
	case errors.Is(err, spool.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, spool.ErrWrongState):
		writeError(w, http.StatusConflict, err.Error())
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

// SpoolJobs lists every job in the spool, oldest first.
func (c *Client) SpoolJobs(ctx context.Context) ([]spool.Job, error) {
	var jobs []spool.Job
	err := c.do(ctx, http.MethodGet, "/v1/spool/jobs", nil, &jobs)
	return jobs, err
}

// SpoolJob returns one job.
func (c *Client) SpoolJob(ctx context.Context, id string) (spool.Job, error) {
	return c.jobCall(ctx, http.MethodGet, "/v1/spool/jobs/"+id, nil)
}

// SpoolRelease sends a held or failed job to its printer again.
func (c *Client) SpoolRelease(ctx context.Context, id string) (spool.Job, error) {
	return c.jobCall(ctx, http.MethodPost, "/v1/spool/jobs/"+id+"/release", struct{}{})
}

// SpoolCancel cancels a job that has not printed.
func (c *Client) SpoolCancel(ctx context.Context, id string) (spool.Job, error) {
	return c.jobCall(ctx, http.MethodPost, "/v1/spool/jobs/"+id+"/cancel", struct{}{})
}

// SpoolPurge deletes the records of finished jobs.
func (c *Client) SpoolPurge(ctx context.Context) (int, error) {
	var p Purged
	err := c.do(ctx, http.MethodPost, "/v1/spool/purge", struct{}{}, &p)
	return p.Jobs, err
}

// Outbox lists the applications and ratings waiting for central, and those delivered.
func (c *Client) Outbox(ctx context.Context) ([]spool.OutboxRecord, error) {
	var items []spool.OutboxRecord
	err := c.do(ctx, http.MethodGet, "/v1/outbox", nil, &items)
	return items, err
}

// Printers returns each printer's status.
func (c *Client) Printers(ctx context.Context) ([]PrinterStatus, error) {
	var ps []PrinterStatus
	err := c.do(ctx, http.MethodGet, "/v1/printers", nil, &ps)
	return ps, err
}

// TestPage prints or queues a test page on the named printer.
func (c *Client) TestPage(ctx context.Context, printer string) (TestPageResult, error) {
	var res TestPageResult
	err := c.do(ctx, http.MethodPost, "/v1/printers/"+printer+"/test-page", struct{}{}, &res)
	return res, err
}

func (c *Client) jobCall(ctx context.Context, method, path string, body any) (spool.Job, error) {
	var j spool.Job
	err := c.do(ctx, method, path, body, &j)
	return j, err
}
