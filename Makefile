# uapi: `make run` and `make test` install what is missing, build, and run.
SHELL := /bin/bash
SWIFT ?= swift
UAPI_RELEASE := .build/release/uapi

# Debian packages the build, the tests and the cross-target oracles need.
APT_PACKAGES := libclang-dev gcc linux-libc-dev gcc-aarch64-linux-gnu linux-libc-dev-arm64-cross \
                linux-libc-dev-armhf-cross linux-libc-dev-riscv64-cross linux-libc-dev-ppc64el-cross \
                linux-libc-dev-s390x-cross
BENCH_PACKAGES := abigail-tools bc time
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
	@command -v abidw >/dev/null && command -v bc >/dev/null && test -x /usr/bin/time || \
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
	$(UAPI_RELEASE) bindgen $(EXAMPLE_BINDGEN_ARGS) -o Examples/FixtureBindings

bench: build bench-deps
	scripts/bench.sh $(UAPI_RELEASE)

clean:
	rm -rf .build

# Install the binary, shell completions and man pages under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
MANUAL := .build/plugins/GenerateManual/outputs/uapi
.PHONY: install
install: build
	swift package plugin generate-manual --multi-page >/dev/null
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(UAPI_RELEASE) $(DESTDIR)$(PREFIX)/bin/uapi
	install -m 644 $(MANUAL)/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	$(UAPI_RELEASE) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/uapi
	$(UAPI_RELEASE) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_uapi
	$(UAPI_RELEASE) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/uapi.fish
	@echo "installed uapi, its man pages and completions under $(DESTDIR)$(PREFIX)"

# uapi history: its store is SQLite (GRDB links the system library).
APT_PACKAGES += libsqlite3-dev

.PHONY: bench-history

# Revisions per second, parses saved by blob reuse and database size of `uapi history`
# on the vfio.h corpus repository.
bench-history: build
	scripts/bench-history.sh $(UAPI_RELEASE)

# The HTML report's browser test renders pages with Debian's headless Chromium: about
# 120 MB to download and 400 MB installed, 25 packages. Without recommends, which would
# pull in systemd, CUPS and Samba; fonts-dejavu-core gives the page its system fonts.
BROWSER_PACKAGES := chromium fonts-dejavu-core

.PHONY: browser-deps

deps: browser-deps

browser-deps:
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null || { echo "apt-get install failed for: $$missing" >&2; exit 1; }; \
	fi

# The C library headers each target's headers include (<sys/socket.h>, <stdint.h>):
# gnu/stubs-32.h for i386, the cross packages for the other targets. Without
# recommends: libc6-dev-i386 recommends gcc-multilib, which conflicts with
# gcc-aarch64-linux-gnu (apt would remove the cross compiler).
LIBC_PACKAGES := libc6-dev-i386 libc6-dev-armhf-cross libc6-dev-riscv64-cross libc6-dev-ppc64el-cross libc6-dev-s390x-cross
.PHONY: deps-libc
deps: deps-libc
deps-libc:
	@missing=$$(for p in $(LIBC_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null || \
	  { echo "apt-get install failed for: $$missing" >&2; exit 1; }; \
	fi

# Whole-tree accuracy (not part of `make test`: it downloads about 75 MB of kernel headers):
# several linux-libc-dev versions are snapshotted whole per target, diffed, and every
# breaking finding is checked with gcc on both trees. Then the real header syncs of
# rdma-core (cloned into .real/rdma-core, about 40 MB) and QEMU (when a clone is in
# .real/qemu) are replayed through the gate with their policies from examples/, every
# breaking finding checked with gcc the same way. Exits 1 while any false alarm remains.
RDMA_CORE ?= .real/rdma-core
QEMU ?= .real/qemu
ACCURACY_DIR := .accuracy
FETCH_HEADERS := scripts/fetch-linux-libc-dev.sh
.PHONY: accuracy
accuracy: build
	@ls -d $(ACCURACY_DIR)/*/usr/include/linux >/dev/null 2>&1 || { \
	  [ -x $(FETCH_HEADERS) ] || { echo "accuracy: $(FETCH_HEADERS) is missing: unpack linux-libc-dev versions into $(ACCURACY_DIR)/<version>/ yourself" >&2; exit 1; }; \
	  $(FETCH_HEADERS) $(ACCURACY_DIR); }
	python3 scripts/accuracy.py --uapi $(UAPI_RELEASE) --trees $(ACCURACY_DIR) --out $(ACCURACY_DIR)/report
	@[ -d $(RDMA_CORE) ] || git clone -q --bare https://github.com/linux-rdma/rdma-core.git $(RDMA_CORE) || \
	  echo "accuracy: could not clone rdma-core into $(RDMA_CORE); its replay is skipped" >&2
	python3 scripts/sync-replay.py --project rdma-core --repo $(RDMA_CORE) --syncs 45 --uapi $(UAPI_RELEASE) --out $(ACCURACY_DIR)/report
	@[ -d $(QEMU) ] || echo "accuracy: no QEMU clone in $(QEMU) (git clone --bare https://gitlab.com/qemu-project/qemu.git $(QEMU)); its replay is skipped" >&2
	python3 scripts/sync-replay.py --project qemu --repo $(QEMU) --syncs 12 --uapi $(UAPI_RELEASE) --out $(ACCURACY_DIR)/report

# A bounded fuzzing run of the debug build: mutated headers, snapshots, policies and
# configs must each end with status 0, 2, 4, 8 or 12. The seed is printed; FUZZ_SEED
# replays a run, and failing cases are kept under .build/fuzz-failures.
FUZZ_SECONDS ?= 120
fuzz: deps
	$(SWIFT) build
	python3 scripts/fuzz.py --binary .build/debug/uapi --seconds $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))
.PHONY: fuzz

# Slow checks on real trees and real clients (not part of `make test`): two linux-libc-dev
# versions (fetched into .accuracy/ as for `make accuracy`) and, when present, a clone of
# QEMU's public git history in .real/qemu (QEMU=DIR elsewhere). See scripts/real-clients.py.
.PHONY: real-clients
real-clients: build
	@ls -d $(ACCURACY_DIR)/*/usr/include/linux >/dev/null 2>&1 || $(FETCH_HEADERS) $(ACCURACY_DIR)
	python3 scripts/real-clients.py --uapi $(UAPI_RELEASE) --trees $(ACCURACY_DIR) --qemu $(QEMU)
