# The two commands of README.md: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Debian packages the warehouse needs at build and run time.
RUNTIME_PACKAGES := pkg-config libtesseract-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng \
	libleptonica-dev libpoppler-glib-dev libsqlite3-dev libzbar-dev zbar-tools libqrencode-dev poppler-utils
# What the tests use besides: headless Chromium and its driver for the browser journey (Selenium from PyPI).
TEST_PACKAGES := $(RUNTIME_PACKAGES) chromium chromium-driver
# What scripts/make-samples.py needs to regenerate SampleScans/.
SAMPLE_PACKAGES := python3 python3-pil python3-numpy python3-reportlab img2pdf qrencode fonts-dejavu-core fonts-dejavu-extra

STORAGE ?= Storage
WAREHOUSE := .build/debug/warehouse
SWIFT_BUILD_FLAGS ?=

# Tesseract's OpenMP makes OCR 4-6x slower on small machines; the binary also guards itself.
export OMP_THREAD_LIMIT := 1

.PHONY: run test build deps test-deps samples ingest-samples serve clean-storage bench

PORT ?= 8080

## Install what is missing, build, file SampleScans/ into $(STORAGE)/, then serve the web app on localhost:$(PORT).
run: deps build ingest-samples serve

serve:
	$(WAREHOUSE) serve --storage $(STORAGE) --port $(PORT) --demo

## Install what is missing, build and run every test.
test: test-deps
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium \
		|| python3 -m pip install --quiet --disable-pip-version-check --break-system-packages selenium
	python3 Tests/browser/browser_test.py
	@python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check schemathesis \
		|| python3 -m pip install --quiet --disable-pip-version-check --break-system-packages schemathesis
	python3 Tests/api/schemathesis_test.py

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

deps:
	@scripts/install-packages.sh $(RUNTIME_PACKAGES)

test-deps:
	@scripts/install-packages.sh $(TEST_PACKAGES)

ingest-samples:
	@scripts/ingest-samples.sh $(WAREHOUSE) $(STORAGE)

## Regenerate SampleScans/ (deterministic: the same bytes every time).
samples:
	@scripts/install-packages.sh $(SAMPLE_PACKAGES)
	/usr/bin/python3 scripts/make-samples.py

clean-storage:
	rm -rf $(STORAGE)/blobs $(STORAGE)/spool $(STORAGE)/quarantine $(STORAGE)/warehouse.sqlite*
