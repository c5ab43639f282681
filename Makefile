# Two commands: `make site` builds the bundled site into public/, `make test` runs every test.
# Both install what is missing first (scripts/install-deps).

SWIFT ?= swift
OUTPUT ?= public

.PHONY: site test build deps deps-test swift-test e2e bench clean

site: deps
	$(SWIFT) build -c release --product qingshan
	.build/release/qingshan build --root . --output $(OUTPUT)
	@echo "Open $(OUTPUT)/index.html in a browser (no server needed)."

build: deps
	$(SWIFT) build -c release --product qingshan

test: deps-test swift-test e2e

swift-test:
	$(SWIFT) test
	scripts/test-search-js

# The end-to-end checks use the debug binary that `swift test` has just built the
# dependencies for, so CI compiles SwiftNIO and friends once, not twice.
e2e:
	$(SWIFT) build --product qingshan
	QINGSHAN_BIN=.build/debug/qingshan scripts/e2e
	scripts/hostile .build/debug/qingshan

deps:
	@scripts/install-deps build

deps-test:
	@scripts/install-deps test

bench: build
	scripts/bench

clean:
	rm -rf .build public .qingshan
