# Two commands: `make site` builds the bundled site into public/, `make test` runs every test.
# Both install what is missing first (scripts/install-deps).

SWIFT ?= swift
OUTPUT ?= public
# The release binary carries the Swift runtime: it runs where no Swift toolchain is
# installed, and starts in 12 ms instead of 16 (BENCHMARKS.md).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.PHONY: site test build deps deps-test swift-test e2e bench clean

site: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product qingshan
	.build/release/qingshan build --root . --output $(OUTPUT)
	@echo "Open $(OUTPUT)/index.html in a browser (no server needed)."

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product qingshan

test: deps-test swift-test e2e

swift-test:
	scripts/lint
	$(SWIFT) test
	scripts/test-search-js

# The end-to-end checks use the debug binary that `swift test` has just built the
# dependencies for, so CI compiles SwiftNIO and friends once, not twice.
e2e:
	$(SWIFT) build --product qingshan
	QINGSHAN_BIN=.build/debug/qingshan scripts/e2e
	scripts/hostile .build/debug/qingshan
	scripts/drills .build/debug/qingshan

deps:
	@scripts/install-deps build

deps-test:
	@scripts/install-deps test

bench: build
	scripts/bench

clean:
	rm -rf .build public .qingshan
