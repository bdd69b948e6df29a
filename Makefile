# kiji: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: deps build run test test-fast spark-test fuzz bench bundle install clean screenshots

# The test suite is built once, with AddressSanitizer, so memory errors fail
# loudly. lld links it (gold cannot link every sanitizer build).
SANITIZER_FLAGS = -Xswiftc -sanitize=address -Xcc -fsanitize=address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
# Swift's Regex runtime keeps one-time caches that LeakSanitizer would report.
export ASAN_OPTIONS ?= detect_leaks=0

deps:
	@scripts/ensure-deps
	@scripts/ensure-python-deps

build: deps
	$(SWIFT) build -c release

## Installs what is missing, builds, and prints mentions-by-month for seeds/ as CSV.
run: build
	.build/release/kiji run mentions-by-month

## Installs what is missing, builds, and runs the whole test suite: the Swift
## tests under AddressSanitizer, 30 s of coverage-guided fuzzing per fuzz
## target, the plugins' self-tests (also under AddressSanitizer), then the
## Spark test (kiji-spark on local[2] Spark equals kiji run; docs/scale-out.md).
test: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan $(SANITIZER_FLAGS)
	$(SWIFT) test --skip-build --disable-xctest --scratch-path .build-asan
	scripts/fuzz 30
	.build-asan/debug/kiji test
	scripts/spark-test .build-asan/debug/kiji

## The Swift tests and plugin self-tests without sanitizer or fuzzing (quicker, for development).
test-fast: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	.build/debug/kiji test

## Coverage-guided fuzzing, 10 minutes per target (FUZZ_SECONDS=N to change).
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

## Speed and memory against ripgrep, Python and MeCab measured in the same run
## (needs ../shared/corpus or KIJI_BENCH_CORPUS; BENCH_ARGS=--large adds the x100 corpus).
bench: build
	@scripts/ensure-bench-deps
	python3 scripts/bench.py $(BENCH_ARGS)

## One PNG per chart kind in docs/img/, rendered by headless Chromium.
screenshots: deps
	$(SWIFT) build
	scripts/screenshots .build/debug/kiji

## Only the Spark test, with the debug build.
spark-test: deps
	$(SWIFT) build --product kiji
	scripts/spark-test .build/debug/kiji

## A relocatable bundle in dist/ (kiji-bundle/ and kiji-bundle.tar.gz) for
## machines without the toolchain (Spark executors), checked to run with the
## toolchain, Lua, MeCab, ICU and the dictionaries hidden.
bundle: build
	scripts/bundle dist
	scripts/check-bundle dist/kiji-bundle .build/release/kiji

## Installs kiji with its bundled plugins and seeds under $(PREFIX).
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/kiji
	install -m 755 .build/release/kiji $(PREFIX)/bin/kiji
	rm -rf $(PREFIX)/share/kiji/plugins $(PREFIX)/share/kiji/seeds
	cp -R plugins seeds $(PREFIX)/share/kiji/

clean:
	rm -rf .build
