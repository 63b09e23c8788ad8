# Two commands do everything on a fresh Debian 12 machine:
#   make demo   install what is missing, build, run jixiao on samples/, print a summary
#   make test   install what is missing, build, run every test (incl. sanitizers and fuzzing)

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 30

.PHONY: all deps configure build cli demo test test-unit test-sanitize bench bench-pages score-corpus clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The command alone (no test programs), for the demo.
cli: configure
	@cmake --build $(BUILD) --target jixiao -j $(JOBS)

demo: cli
	@rm -rf out/demo && mkdir -p out/demo
	@./$(BUILD)/jixiao run samples -o out/demo --index out/demo/index.jsonl -q; \
	  status=$$?; ./$(BUILD)/jixiao summary out/demo/*.json; \
	  echo; echo "JSON documents: out/demo/  (index: out/demo/index.jsonl)"; exit $$status

test-unit: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Unit and end-to-end tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (the end-to-end tests run the sanitized jixiao binary, so a leak or an
# error in it fails the test), and the libFuzzer targets for a bounded time
# each, in a separate clang build. Left out there: the dev-corpus accuracy
# tests, and two end-to-end tests that are long by design and check timing,
# not memory: the killed-and-resumed 400-input batch and the page that runs
# into --page-timeout (both run in test-unit), and the Slurm cluster test,
# which starts daemons and checks a job array, not memory.
SANITIZE_EXCLUDE = _corpus|Corpus|BatchTest\.KilledRun|PageTimeoutSkipsTheSlowPage|slurm_array
test-sanitize: deps
	@CC=clang CXX=clang++ cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug \
	  -DJIXIAO_SANITIZE=ON -DJIXIAO_FUZZ=ON -DJIXIAO_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -E '$(SANITIZE_EXCLUDE)'

test: test-unit test-sanitize

# Accuracy on the shared development corpus (needs ../shared/corpus-dev).
# Every input kind a corpus has (corpus-dev has no Word or Excel files).
score-corpus: build
	@for corpus in corpus-dev corpus-dev2; do \
	  for kind in txt text scan docx xlsx; do \
	    case $$kind in text|scan) pattern="*.$$kind.pdf";; *) pattern="*.$$kind";; esac; \
	    ls ../shared/$$corpus/$$pattern >/dev/null 2>&1 || continue; \
	    echo "== $$corpus $$kind"; \
	    python3 ../shared/tools/score_corpus.py --bin $(BUILD)/jixiao --corpus ../shared/$$corpus --kind $$kind | tail -9; \
	  done; \
	done

bench: build
	@bash bench/run.sh

# Pages of one long scan read in parallel: --jobs 1 against --jobs 2.
SINGLE_DOC ?= ../shared/corpus-dev/jx1_004.scan.pdf
bench-pages: cli
	@bash bench/run.sh --single-doc $(SINGLE_DOC) --repeat 5

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
