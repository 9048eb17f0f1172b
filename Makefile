# PatrolMap: the two README commands.
#   make run   install what is missing, build Release into build/, open the sample district
#   make test  install what is missing, build, run every test through ctest
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE ?= data/jiangnan.gpkg
OUT ?= $(BUILD)/out

.PHONY: deps build run test clean sample

deps:
	@bash .ci/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash .ci/run-sample "$(BUILD)" "$(SAMPLE)" "$(OUT)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Regenerates the bundled sample from its deterministic generator.
sample: build
	$(BUILD)/bin/patrolmap sample $(SAMPLE)

clean:
	rm -rf $(BUILD)

# make sanitize: the whole ctest suite built with ASan + UBSan into build-asan/ (see
# tests/sanitizers/README.md for what the options and suppressions are for).
SANITIZE_BUILD ?= build-asan
.PHONY: sanitize
sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPATROLMAP_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# make fuzz: every parser's libFuzzer harness (tests/fuzz/README.md), clang + ASan + UBSan, in
# build-fuzz/; FUZZ_SECONDS each, FUZZ_JOBS at a time.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= $(JOBS)
.PHONY: fuzz
fuzz:
	@bash .ci/install-deps clang-14 libclang-rt-14-dev
	CXX=clang++-14 CC=clang-14 cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPATROLMAP_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	bash tests/fuzz/run-fuzzers $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS)
