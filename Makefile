# Thin wrapper over CMake/CTest. `make run` and `make test` each work on a fresh Debian 12 machine.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
# Passed through to the mock by `make run`, e.g. make run ARGS="--port 9090 --auth user:pass".
ARGS ?=

.PHONY: all build deps configure run test contract-test bench format clean

all: build

deps:
	@scripts/deps.sh build

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/mock_server $(ARGS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

# The contract suite against any endpoint: make contract-test BASE_URL=https://... ACCOUNT_ID=... \
#   USERNAME=... PASSWORD=... (or TOKEN=...) [TNS=...] [ORDER_ID=...] [ALLOW_DISCONNECT=yes]
# Without BASE_URL it starts build/bin/mock_server itself. JUnit XML: $(BUILD_DIR)/contract-tests.xml
CONTRACT_VARS = BASE_URL ACCOUNT_ID USERNAME PASSWORD TOKEN TNS ORDER_ID ALLOW_DISCONNECT CA_BUNDLE \
                CUSTOMER_ORDER_ID DRY_RUN TIMEOUT_MS
contract-test: build
	$(foreach v,$(CONTRACT_VARS),$(if $($(v)),CONTRACT_$(v)="$$$(v)")) \
	    $(BUILD_DIR)/bin/contract_tests --gtest_output=xml:$(BUILD_DIR)/contract-tests.xml

# Release build + wrk/Google Benchmark runs; writes bench/results/latest.{md,json}.
BENCH_BUILD_DIR ?= build-release
bench:
	@scripts/deps.sh bench
	cmake -S . -B $(BENCH_BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DHARNESS_BUILD_BENCH=ON -DBUILD_TESTING=OFF
	cmake --build $(BENCH_BUILD_DIR) -j $(JOBS)
	bench/run.sh $(BENCH_BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(BENCH_BUILD_DIR)
