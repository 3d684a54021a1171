# uapi: `make run` and `make test` install what is missing, build, and run.
SHELL := /bin/bash
SWIFT ?= swift
UAPI_RELEASE := .build/release/uapi

# Debian packages the build, the tests and the cross-target oracles need.
APT_PACKAGES := libclang-dev gcc linux-libc-dev gcc-aarch64-linux-gnu linux-libc-dev-arm64-cross \
                linux-libc-dev-armhf-cross linux-libc-dev-riscv64-cross linux-libc-dev-ppc64el-cross \
                linux-libc-dev-s390x-cross
BENCH_PACKAGES := abigail-tools bc
EXAMPLE_BINDGEN_ARGS := --target x86_64,i386,aarch64 --copy-headers Tests/Fixtures/snapshot/vfio-like/fixture_vfio.h \
                        --module CFixture --package FixtureBindings

.PHONY: deps bench-deps build build-tests run test bench baseline examples clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq $$missing >/dev/null || { echo "apt-get install failed for: $$missing" >&2; exit 1; }; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

bench-deps: deps
	@command -v abidw >/dev/null && command -v bc >/dev/null || \
	  { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq $(BENCH_PACKAGES) >/dev/null; }

build: deps
	$(SWIFT) build -c release

build-tests: deps
	$(SWIFT) build --build-tests

# The main job: summarise the default header set in headers/, then compare it with
# the committed baseline. ABI changes (exit 4, 8, 12) are reported, not a failure of
# `make run`; a tool or input error (1, 2) is.
run: build
	$(UAPI_RELEASE) snapshot --config headers/uapi.yaml --summary -o .build/headers-snapshot.json
	@echo
	@$(UAPI_RELEASE) check --config headers/uapi.yaml; status=$$?; \
	  echo "uapi check exit status: $$status"; \
	  if [ $$status -eq 1 ] || [ $$status -eq 2 ]; then exit $$status; fi

test: build-tests
	$(SWIFT) test --disable-swift-testing

# Re-record the committed baseline of the default header set.
baseline: build
	$(UAPI_RELEASE) snapshot --config headers/uapi.yaml -o headers/baseline.json

# Regenerate the committed example bindings (a test fails when they are stale).
examples: build
	rm -rf Examples/FixtureBindings
	$(UAPI_RELEASE) bindgen $(EXAMPLE_BINDGEN_ARGS) --out Examples/FixtureBindings

bench: build bench-deps
	scripts/bench.sh $(UAPI_RELEASE)

clean:
	rm -rf .build

# A bounded fuzzing run of the debug build: mutated headers, snapshots, policies and
# configs must each end with status 0, 2, 4, 8 or 12. The seed is printed; FUZZ_SEED
# replays a run, and failing cases are kept under .build/fuzz-failures.
FUZZ_SECONDS ?= 120
fuzz: deps
	$(SWIFT) build
	python3 scripts/fuzz.py --binary .build/debug/uapi --seconds $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))
.PHONY: fuzz
