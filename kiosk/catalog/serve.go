package catalog

import "context"

// Serve keeps the catalog fresh until ctx ends: a refresh at once, then every
// Options.Every (sooner, every Options.Retry, while refreshes fail). A failed refresh
// is logged and the catalog in use stays. It returns nil when ctx ends.
func (s *Store) Serve(ctx context.Context) error {
	for {
		wait := s.opts.Every
		r, err := s.Refresh(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			s.opts.Logger.Warn("catalog: refresh failed; the cached catalog stays in use", "err", err)
			wait = min(wait, s.opts.Retry)
		case r.Changed:
			s.opts.Logger.Info("catalog: new version", "etag", r.ETag, "items", len(s.Current().Items))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.opts.After(wait):
		}
	}
}
