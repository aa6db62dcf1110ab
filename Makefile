# Writethru: the two commands the README promises, and a few more for developers.
#   make demo   build, record every chain in seeds/ into a fresh archive, print logs, texts and the last diff
#   make test   run the whole test suite
#   make fuzz   fuzz the readers and the diff pipeline; make exit-loop  20,000 short commands under load
#   make check-feeds  the Atom feeds read back by a real feed parser (feedparser)
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= debug
## Debug builds (build, demo, test) carry no DWARF: a quarter of a clean debug build's time is
## writing it (docs/decisions/0048). `make build DEBUG_INFO=dwarf` builds with it, for lldb.
DEBUG_INFO ?= none
DEBUG_FLAGS := $(if $(filter debug,$(CONFIG)),-debug-info-format $(DEBUG_INFO))
## Every target (ours and the packages') refers to generic types by their metadata accessors,
## not by mangled names the runtime decodes at first use, checking each generic requirement by
## scanning the binary's 6,700 protocol conformances: a fifth of a `record` (docs/decisions/0051).
TYPE_METADATA := -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
BIN := .build/$(CONFIG)/writethru
DEMO_ARCHIVE ?= .build/demo-archive.git

.PHONY: deps build release demo test stress bench-record bench-sentences golden-rules bench-metadata bench-diff bench-timeline bench-scale bench-import bench-search bench-start bench-extraction bench-capture eval fuzz exit-loop screenshot check-feeds completions man template schemas clean

## Installs libgit2, libxml2, SQLite, libcurl's headers (Sources/CLazyCurl, decision 0043) and
## pkg-config with apt-get, only when pkg-config cannot find them.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgit2 libxml-2.0 libcrypto sqlite3 libcurl; then \
		echo "Installing libgit2-dev libxml2-dev libssl-dev libsqlite3-dev libcurl4-openssl-dev pkg-config"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgit2-dev libxml2-dev libssl-dev libsqlite3-dev libcurl4-openssl-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) $(DEBUG_FLAGS) $(TYPE_METADATA) --product writethru

## The release binary, with the Swift runtime, Foundation and libgit2 (with its dependencies
## but GSSAPI) linked in: it starts faster (docs/decisions/0019).
release: deps
	WRITETHRU_STATIC_LIBGIT2=1 $(SWIFT) build -c release $(TYPE_METADATA) --product writethru --static-swift-stdlib
	@# libxml2, libcrypto, libssh2 and libcurl are opened when first used (decisions 0043, 0045).
	@if readelf -d .build/release/writethru | grep -E 'NEEDED.*(libxml2|libcrypto|libssh2|libcurl)'; then \
		echo "release: the libraries above would load at every start (docs/decisions/0045)" >&2; exit 1; fi
	@echo "binary: .build/release/writethru"

demo: build
	@rm -rf $(DEMO_ARCHIVE)
	@$(BIN) init --archive $(DEMO_ARCHIVE)
	@for dir in seeds/*/; do \
		story=$$(basename $$dir); \
		echo; echo "== Recording $$story"; \
		for file in $$(ls $$dir | LC_ALL=C sort); do \
			$(BIN) record --archive $(DEMO_ARCHIVE) --story $$story $$dir$$file || exit $$?; \
		done; \
	done
	@echo; echo "== Stories"; $(BIN) stories --archive $(DEMO_ARCHIVE)
	@for dir in seeds/*/; do \
		story=$$(basename $$dir); \
		echo; echo "== Log of $$story"; $(BIN) log --archive $(DEMO_ARCHIVE) $$story; \
		echo; echo "== Latest text of $$story"; $(BIN) show --archive $(DEMO_ARCHIVE) $$story; \
		echo; echo "== What the latest update changed in $$story"; $(BIN) diff --archive $(DEMO_ARCHIVE) $$story; \
	done
	@echo; echo "The archive is $(DEMO_ARCHIVE); try: git --git-dir $(DEMO_ARCHIVE) log stories/us-china-alaska-talks"

test: deps
	@command -v git >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq git >/dev/null; }
	$(SWIFT) build --build-tests -debug-info-format $(DEBUG_INFO) $(TYPE_METADATA)
	$(SWIFT) test --skip-build --disable-xctest -debug-info-format $(DEBUG_INFO)

## Crash-safety under concurrent writers and kill -9 (docs/reliability.md): 8 writers x 100 revisions into
## one story and into 8 stories, 8 bulk writers, then 20 kill -9s during import, record and gc, each
## followed by a plain re-run; prints expected, recorded, duplicated and lost revisions, verify and fsck.
## STRESS_ARGS passes options (--kills N, --per-writer N, --seed N, --json). A few minutes.
stress: release
	python3 scripts/stress.py --bin .build/release/writethru $(STRESS_ARGS)

## Records 10,000 generated revisions with one `writethru record` and with a git CLI loop.
bench-record: release
	scripts/bench-record.sh

## Sentence segmentation of 1,500-word articles (median and p95), and parse times of sample inputs.
bench-sentences: deps
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	.build/release/writethru-bench sentences
	.build/release/writethru-bench parse seeds/us-china-alaska-talks/05-update-4.txt \
		Tests/StoryTextTests/Fixtures/html/jsonld-newsarticle.html Tests/StoryTextTests/Fixtures/html/article-tag.html

## The judgement corpus per class, link F1, and the English Golden Rules beside pySBD (docs/judgement.md).
eval: deps
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	.build/release/writethru-bench eval $(EVAL_DIR)
	@python3 -c "import pysbd" 2>/dev/null || python3 -m pip install --quiet pysbd
	python3 scripts/golden_rules_peer.py

## The 48 English Golden Rules of sentence segmentation (../shared/benchmarks): Writethru and pySBD
## in the same run (pip install pysbd; installed here when missing).
golden-rules: deps
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	@python3 -c "import pysbd" 2>/dev/null || python3 -m pip install --quiet pysbd
	.build/release/writethru-bench golden-rules
	python3 scripts/golden_rules_peer.py

## Headline, authors and publication time of the annotated pages in ../shared/benchmarks (exact-match rates).
bench-metadata: deps
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	.build/release/writethru-bench metadata

## Paragraph diff of a 1,500-word pair and a 200-paragraph pair, beside difflib and diff-match-patch.
bench-diff: deps
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	@python3 -c "import diff_match_patch" 2>/dev/null || python3 -m pip install --quiet diff-match-patch
	.build/release/writethru-bench diff .build/bench-diff
	python3 scripts/bench_diff.py .build/bench-diff

## Timeline, blame and report of a 20-version story beside 10 and 10,000 other stories; a 1,000-story site.
bench-timeline: release
	scripts/bench-timeline.sh

## bench-timeline with 100,000 other stories: log and timeline of one story, and the streamed listing.
bench-scale: release
	BENCH_OTHERS=100000 BENCH_DIR=$${BENCH_DIR:-/tmp/writethru-bench-scale} scripts/bench-timeline.sh

## Whole-process start-up: --version, log, diff --files and record beside git, with hyperfine.
bench-start: release
	@command -v hyperfine >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq hyperfine >/dev/null; }
	scripts/bench-start.sh

## Import of 10,000 versions across 1,000 stories beside git fast-import of the same content.
bench-import: release
	scripts/bench-import.sh

## search (a rare name, a phrase in most stories), stories (first 20, whole listing), index size,
## import, record and export on 10,000 revisions and on 100,000 stories, beside a baseline binary
## in the same run: BASELINE=<commit> (default 234f11b, main before the SQLite index) is built once
## and cached in /tmp, BASELINE_BIN=path uses a binary, BASELINE= measures only this one.
## BENCH_QUICK=1 checks the script in a couple of minutes (docs/benchmarks.md).
bench-search: release
	@command -v hyperfine >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq hyperfine >/dev/null; }
	@[ -x /usr/bin/time ] || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq time >/dev/null; }
	BIN=.build/release/writethru BASELINE="$${BASELINE-234f11b}" scripts/bench-search.sh

## Capture (issue 19) of 1,000 pages served on 127.0.0.1 by `writethru-bench serve-capture`, half of them changed
## between passes: each pass's time, requests, revisions recorded and peak RSS; ms per 304 and per changed page,
## beside curl fetching the same URLs; the peak RSS of a 304 pass at 4,000 pages. BENCH_PAGES, BENCH_LARGE
## (0 skips), BENCH_ROUNDS (docs/benchmarks.md). About 3 minutes.
bench-capture: release
	WRITETHRU_STATIC_LIBGIT2=1 $(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench --static-swift-stdlib
	@[ -x /usr/bin/time ] || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq time >/dev/null; }
	@command -v curl >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq curl >/dev/null; }
	scripts/bench-capture.sh

## Article extraction on the 181 shared benchmark pages beside trafilatura and readability-lxml
## (pip install trafilatura readability-lxml; installed here when missing).
bench-extraction: release
	$(SWIFT) build -c release $(TYPE_METADATA) --product writethru-bench
	@python3 -c "import trafilatura, readability" 2>/dev/null || pip install -q trafilatura readability-lxml
	scripts/bench-extraction.sh

## The Atom feeds (`writethru feed`, `site`) read by a real feed parser, Python's feedparser (installed with
## pip when missing): the seed chain, a 40-version story and a story of markup and emoji, in two archives;
## no parser complaint (bozo 0), entry counts, ids unique and stable, titles, newest first (docs/feeds.md).
check-feeds: build
	python3 scripts/check-feeds.py --bin $(BIN)

## The seed chain's report (desktop and phone widths) and site index rendered by headless Chromium into
## docs/images/ (report.png, report-phone.png, site-index.png; needs chromium).
screenshot: build
	@command -v chromium >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq chromium >/dev/null; }
	scripts/screenshot.sh

## The libFuzzer target (Sources/writethru-fuzz) with the address sanitizer, on a corpus made from
## seeds/ and Tests/*/Fixtures in .build/fuzz-corpus: FUZZ_RUNS executions in all, at most
## FUZZ_SECONDS, FUZZ_JOBS workers; prints executions, crashes and sanitizer reports (docs/reliability.md).
FUZZ_RUNS ?= 1000000
FUZZ_SECONDS ?= 3600
FUZZ_JOBS ?= 1
fuzz: deps
	FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.sh

## N short commands of the release binary (--version, log, show, stories, diff, diff --files,
## verify, an unchanged record) under a CPU load of two `yes`: counts crashes at exit (docs/reliability.md).
N ?= 20000
exit-loop: release
	N=$(N) scripts/exit-loop.sh

## Shell completion scripts into .build/completions/.
completions: build
	@mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/writethru.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_writethru
	$(BIN) --generate-completion-script fish > .build/completions/writethru.fish
	@ls .build/completions

## The man page, generated by swift-argument-parser's plugin, copied to .build/man/writethru.1.
man: deps
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --date 2026-01-01
	@mkdir -p .build/man && cp .build/plugins/GenerateManual/outputs/writethru/writethru.1 .build/man/writethru.1
	@echo "man page: .build/man/writethru.1 (view with: man -l .build/man/writethru.1)"

## Re-embeds repo-template/ into the binary after editing it.
template:
	scripts/embed-template.sh

## Re-embeds docs/schema/*.schema.json into the binary (`writethru schema`) after adding or editing one.
schemas:
	scripts/embed-schemas.sh

clean:
	rm -rf .build
