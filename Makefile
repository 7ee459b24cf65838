# The kiosk's developer commands. `make demo` runs the kiosk with the demo config;
# `make test` runs every test. Both install what a fresh Debian machine lacks first.

GO          ?= go
VERSION     ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BINARIES    := kiosk kioskctl kiosk-central kiosk-devsim

.PHONY: deps build demo demo-headless screenshots test test-short bench fuzz lint fmt clean

deps:
	@bash packaging/install-deps.sh
	@$(GO) mod download

build: deps
	@mkdir -p bin
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/ $(addprefix ./cmd/,$(BINARIES))

## demo: the kiosk window with the embedded central server, a simulated reader, PDFs to out/prints
demo: build
	@bash packaging/dev/demo.sh

## demo-headless: the same agent without the window
demo-headless: build
	./bin/kiosk --config configs/demo.yaml --headless

## screenshots: docs/screenshots/*.png from the real window under a private Xvfb
screenshots: build
	bash packaging/dev/screenshots.sh

## test: every test, with the race detector
test: deps
	$(GO) test -race -count=1 -timeout 15m ./...

test-short: deps
	$(GO) test -count=1 -short ./...

## bench: every benchmark; BENCHTIME=1x for a smoke run
BENCHTIME ?= 1s
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

## fuzz: every fuzz target for FUZZTIME each (go test runs only their seeds otherwise)
FUZZTIME ?= 10s
fuzz: deps
	@set -e; for target in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
	  for f in $$(grep -h '^func Fuzz' $$target/*_test.go | sed 's/func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "fuzz $$target $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$target; \
	  done; \
	done

lint: deps
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin out var
