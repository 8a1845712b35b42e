# Dialoog: `make run` runs it with embedded SQLite and demo data on :8080;
# `make test` runs every test, on SQLite and on PostgreSQL, then the web
# app's tests (components, the size budget, and end to end in Chromium).

GO        ?= go
BIN       := bin/dialoog
PG_URL    ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
WEB       := frontend

.PHONY: run build app test test-web vet fmt clean

run: app
	DIALOOG_DEMO=1 $(GO) run ./cmd/dialoog serve

build: app
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/dialoog

# The web app, built into frontend/dist, which the binary embeds. `go build`
# alone needs no Node.js: before the app is built the binary serves a page
# that says how to build it. Without npm, `make run` and `make build` say so
# and go on with that page; `make test` fails.
app:
	@if ! command -v npm >/dev/null 2>&1; then \
		echo ""; \
		echo "************************************************************"; \
		echo "*  npm is not installed: the web app is NOT built;"; \
		echo "*  the binary serves a page that says how to build it."; \
		echo "************************************************************"; \
		echo ""; \
	elif [ ! -d $(WEB)/node_modules ]; then \
		cd $(WEB) && npm ci && npm run build; \
	else \
		cd $(WEB) && npm run build; \
	fi

# The tests make (and drop) their own databases on the PostgreSQL at PG_URL.
# Where it cannot be reached they say so loudly and test SQLite alone;
# DIALOOG_REQUIRE_POSTGRES=1 (as in CI) turns that into a failure.
test: vet
	@if DIALOOG_TEST_POSTGRES_URL="$(PG_URL)" $(GO) run ./services/storetest/pgcheck; then \
		echo "PostgreSQL reachable: every suite runs on SQLite and on PostgreSQL"; \
	else \
		echo ""; \
		echo "************************************************************"; \
		echo "*  PostgreSQL at $(PG_URL) cannot be reached:"; \
		echo "*  its half of the tests will be SKIPPED; only SQLite is tested."; \
		echo "************************************************************"; \
		echo ""; \
		if [ "$$DIALOOG_REQUIRE_POSTGRES" = "1" ]; then echo "DIALOOG_REQUIRE_POSTGRES=1: failing."; exit 1; fi; \
	fi
	DIALOOG_TEST_POSTGRES_URL="$(PG_URL)" $(GO) test -count=1 -p 2 ./...
	@$(MAKE) --no-print-directory test-web

# The web app's tests, after the Go tests: types and Svelte checks, component
# tests (Vitest), the size budget on the built output, then the end-to-end
# run in headless Chromium on SQLite and PostgreSQL. Without Chromium the
# end-to-end run says loudly that it skipped; CI=true or
# DIALOOG_REQUIRE_BROWSER=1 makes that a failure.
test-web:
	@command -v npm >/dev/null 2>&1 || (echo "npm is needed for the web app's tests"; exit 1)
	@if [ ! -d $(WEB)/node_modules ]; then cd $(WEB) && npm ci; fi
	cd $(WEB) && npm run build && npm run check && npm test && npm run test:budget && npm run test:e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) vet ./...

clean:
	rm -rf bin
	find $(WEB)/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true

# Fault tests (cmd/dialoog/faults_test.go): PostgreSQL stopped, crashed and
# hung under load (on a throw-away cluster of their own, never PG_URL's
# server), SIGTERM under load to the built binary, two replicas on one
# PostgreSQL, SQLite under many writers. About two minutes; CI runs them.
.PHONY: faults fuzz-short
faults:
	DIALOOG_FAULTS=1 DIALOOG_TEST_POSTGRES_URL="$(PG_URL)" $(GO) test -count=1 -run '^TestFault' -v ./cmd/dialoog

# A short fuzzing run of every fuzz target, FUZZTIME each (go test fuzzes
# one target at a time). Their seeds (f.Add and testdata/fuzz) also run as
# ordinary tests in make test. To keep what a longer run finds, copy it from
# $$(go env GOCACHE)/fuzz/dialoog/PACKAGE/TARGET into PACKAGE/testdata/fuzz/TARGET.
FUZZTIME     ?= 15s
FUZZ_TARGETS := api:FuzzRequestBody api:FuzzListQuery services:FuzzDecodeCursor services:FuzzImportCSV models:FuzzParseDate
fuzz-short:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzzing $${t#*:} in ./$${t%%:*} for $(FUZZTIME)"; \
		$(GO) test -run='^$$' -fuzz='^'"$${t#*:}"'$$' -fuzztime=$(FUZZTIME) ./$${t%%:*}; \
	done

# Benchmarks (bench/, results in BENCHMARKS.md): the large generated register
# on PostgreSQL and on SQLite, each scenario at concurrency 1, 8 and 32 over
# loopback, against the database's own limit on the same statements
# (pgbench). The registers are kept and reused (the database dialoog_bench on
# PG_URL's server, bench/data/). About half an hour; run it on a quiet
# machine. Not part of make test. BENCH_FLAGS passes flags, e.g. -help.
.PHONY: bench
BENCH_FLAGS ?=
bench:
	CGO_ENABLED=0 $(GO) build -trimpath -o bin/dialoog-bench-server ./cmd/dialoog
	$(GO) run ./bench -bin bin/dialoog-bench-server -pg "$(PG_URL)" $(BENCH_FLAGS)
