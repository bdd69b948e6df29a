# kiji: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: deps build run test bench install clean screenshots

deps:
	@scripts/ensure-deps
	@scripts/ensure-python-deps

build: deps
	$(SWIFT) build -c release

## Installs what is missing, builds, and prints mentions-by-month for seeds/ as CSV.
run: build
	.build/release/kiji run mentions-by-month

## Installs what is missing, builds, and runs the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	.build/debug/kiji test

## Speed against a baseline measured in the same run (needs ../shared/corpus or KIJI_BENCH_CORPUS).
bench: build
	python3 scripts/bench.py

## One PNG per chart kind in docs/img/, rendered by headless Chromium.
screenshots: deps
	$(SWIFT) build
	scripts/screenshots .build/debug/kiji

## Installs kiji with its bundled plugins and seeds under $(PREFIX).
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/kiji
	install -m 755 .build/release/kiji $(PREFIX)/bin/kiji
	rm -rf $(PREFIX)/share/kiji/plugins $(PREFIX)/share/kiji/seeds
	cp -R plugins seeds $(PREFIX)/share/kiji/

clean:
	rm -rf .build
