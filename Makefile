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
