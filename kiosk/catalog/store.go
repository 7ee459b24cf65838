package catalog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// CacheFile is the cache's file name in the folder given to Open.
const CacheFile = "catalog.json"

// Fetcher gets the catalog from central; *centralapi.Client is one.
type Fetcher interface {
	FetchCatalog(ctx context.Context, etag string) (centralapi.CatalogAnswer, error)
}

// Options tune a Store. The zero value gives the defaults.
type Options struct {
	Now    func() time.Time // default time.Now
	Logger *slog.Logger     // default slog.Default()
	// Every is how often Serve refreshes; default 1 h. After a failed refresh Serve
	// tries again after Retry (default 1 min), or Every if that is sooner.
	Every, Retry time.Duration
	// After waits for a duration (Serve's timer); default time.After. Tests inject one.
	After func(d time.Duration) <-chan time.Time
}

// Store holds the current catalog: the cached copy at first, then what Refresh fetches.
// Its methods are safe for concurrent use.
type Store struct {
	dir   string
	fetch Fetcher
	opts  Options

	refresh sync.Mutex // one refresh at a time
	mu      sync.RWMutex
	cur     *Catalog
}

// cacheRecord is the cache file: the catalog as central sent it, and its tag.
type cacheRecord struct {
	ETag      string          `json:"etag"`
	FetchedAt time.Time       `json:"fetched_at"`
	Catalog   json.RawMessage `json:"catalog"`
}

// Open opens the cache in dir (created if missing) and loads the cached catalog, if
// any. A cache that does not decode is ignored (logged) and replaced by the next
// refresh. It does not contact central.
func Open(dir string, f Fetcher, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Every <= 0 {
		opts.Every = time.Hour
	}
	if opts.Retry <= 0 {
		opts.Retry = time.Minute
	}
	if opts.After == nil {
		opts.After = time.After
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("catalog: cache folder: %w", err)
	}
	s := &Store{dir: dir, fetch: f, opts: opts}
	c, err := s.load()
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		opts.Logger.Warn("catalog: cache ignored", "err", err)
	default:
		s.cur = c
	}
	return s, nil
}

// Current returns the catalog in use, or nil when there is none yet (no cache, and no
// refresh succeeded).
func (s *Store) Current() *Catalog {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur
}

// Result says what a refresh did.
type Result struct {
	Changed bool   // a new version was fetched, indexed and cached
	ETag    string // the tag of the version in use
}

// Refresh asks central for a newer catalog with the current ETag. An unchanged catalog
// (304) rewrites nothing. On failure the current catalog stays in use and the error
// (matching centralapi's kinds) is returned. A new version that cannot be written to
// the cache is still used (and logged); the old cache serves after a restart.
func (s *Store) Refresh(ctx context.Context) (Result, error) {
	s.refresh.Lock()
	defer s.refresh.Unlock()
	cur := s.Current()
	etag := ""
	if cur != nil {
		etag = cur.ETag
	}
	a, err := s.fetch.FetchCatalog(ctx, etag)
	if err != nil {
		return Result{ETag: etag}, fmt.Errorf("catalog: refresh: %w", err)
	}
	if a.NotModified {
		return Result{ETag: etag}, nil
	}
	now := s.opts.Now().UTC()
	c := New(a.Catalog, a.ETag, now)
	if err := s.save(cacheRecord{ETag: a.ETag, FetchedAt: now, Catalog: a.Raw}); err != nil {
		// The new version is still used; the old cache serves after a restart.
		s.opts.Logger.Warn("catalog: cache not written", "err", err)
	}
	s.mu.Lock()
	s.cur = c
	s.mu.Unlock()
	return Result{Changed: true, ETag: a.ETag}, nil
}

func (s *Store) path() string { return filepath.Join(s.dir, CacheFile) }

func (s *Store) load() (*Catalog, error) {
	b, err := os.ReadFile(s.path())
	if err != nil {
		return nil, err
	}
	var rec cacheRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("catalog: cache %s: %w", s.path(), err)
	}
	var c centralapi.Catalog
	if err := json.Unmarshal(rec.Catalog, &c); err != nil || len(c.Items) == 0 {
		return nil, fmt.Errorf("catalog: cache %s: no catalog in it", s.path())
	}
	return New(&c, rec.ETag, rec.FetchedAt), nil
}

// save writes the cache atomically: a temporary file in the same folder, fsync, rename,
// fsync of the folder.
func (s *Store) save(rec cacheRecord) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("catalog: cache: %w", err)
	}
	f, err := os.CreateTemp(s.dir, CacheFile+".tmp-*")
	if err != nil {
		return fmt.Errorf("catalog: cache: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, s.path())
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("catalog: cache: %w", err)
	}
	if d, err := os.Open(s.dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
