# presswatch: the two-command quick start and friends.
#   make demo          install the packages the program needs, build only the
#                      presswatch program, run the pipeline on the sample site
#   make test          install every package, build everything, run every test
#   make bench         build and run the benchmarks
#   make package       build presswatch_<version>_amd64.deb (CPack) into $(BUILD)
#   make package-test  build the package, install it into a throwaway root, check it
#   make install PREFIX=/usr/local
# ccache is used when installed (CMake finds it), never required.
BUILD ?= build
PREFIX ?= /usr/local
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
CONFIGURE = cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null

.PHONY: all deps deps-runtime configure build demo test bench package package-test install clean

all: build

deps:
	@scripts/install-deps

deps-runtime:
	@scripts/install-deps --runtime

configure: deps
	@$(CONFIGURE)

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Only the program: tests and benchmarks are built by `make test` / `make bench`.
demo: deps-runtime
	@$(CONFIGURE)
	@cmake --build $(BUILD) -j $(JOBS) --target presswatch
	$(BUILD)/presswatch demo

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@scripts/run-benchmarks $(BUILD)

package: PREFIX = /usr
package: configure
	@cmake --build $(BUILD) -j $(JOBS) --target presswatch man_pages pw_changelog
	cd $(BUILD) && cpack -G DEB

package-test: PREFIX = /usr
package-test: package
	scripts/package-test $(BUILD)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD)
