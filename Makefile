# Gerbang: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8080
SWIFT ?= swift

.PHONY: run test lint build release bench bench-scale fuzz fmt clean db-stop

run:
	@scripts/run.sh

test:
	@scripts/test.sh

build:
	@scripts/prereqs.sh
	$(SWIFT) build

release:
	@scripts/prereqs.sh
	$(SWIFT) build -c release

fuzz:
	@scripts/fuzz.sh

bench:
	@scripts/bench.sh

# A generated platform (10,000 tenants, millions of rows); BENCH_SCALE=small for a quick check.
bench-scale:
	@scripts/bench-scale.sh

# swift-format with the committed .swift-format; any finding fails (make fmt fixes most of them).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

fmt:
	$(SWIFT) format --in-place --recursive Sources Tests Fuzz

db-stop:
	@scripts/pg.sh stop .data/pg

clean:
	rm -rf .build
