# Dialoog: `make run` runs it with embedded SQLite and demo data on :8080;
# `make test` runs every test, on SQLite and on PostgreSQL.

GO        ?= go
BIN       := bin/dialoog
PG_URL    ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable

.PHONY: run build test vet fmt clean

run:
	DIALOOG_DEMO=1 $(GO) run ./cmd/dialoog serve

build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/dialoog

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

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) vet ./...

clean:
	rm -rf bin
