// validator_bench: documents per second (and bytes per second) of the contract validator on a
// create request, next to pugixml's parse alone on the same bytes (the validator's ceiling: it
// has to parse at least that much).
//
// Documents: the documented request (fixtures/disconnects/create_request.xml), and generated
// orders of 1,000 and 5,000 numbers in the same layout. bench/run.sh runs it with
//   validator_bench --benchmark_out=FILE --benchmark_out_format=json
// and folds the figures into bench/results/latest.{md,json}.
#include "harness/contracts/contracts.hpp"

#include <benchmark/benchmark.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>

namespace {

std::string read_fixture(const std::string& relative) {
    const std::string path = std::string(HARNESS_FIXTURES_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "validator_bench: cannot read %s\n", path.c_str());
        std::exit(2);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A create request with `count` distinct valid 10-digit numbers, laid out like the documented one
// (bench/gen_order.py writes the same bytes for the wrk scenario).
std::string make_order(int count) {
    std::string xml = "<?xml version=\"1.0\"?>\n<DisconnectTelephoneNumberOrder>\n"
                      "    <name>bench order</name>\n"
                      "    <DisconnectTelephoneNumberOrderType>\n"
                      "        <TelephoneNumberList>\n";
    for (int i = 0; i < count; ++i) {
        xml += "            <TelephoneNumber>" + std::to_string(4158710000LL + i) +
               "</TelephoneNumber>\n";
    }
    xml += "        </TelephoneNumberList>\n"
           "        <Protected>UNCHANGED</Protected>\n"
           "    </DisconnectTelephoneNumberOrderType>\n"
           "</DisconnectTelephoneNumberOrder>\n";
    return xml;
}

const std::string& document(int which) {
    static const std::string documented = read_fixture("disconnects/create_request.xml");
    static const std::string order_1000 = make_order(1000);
    static const std::string order_5000 = make_order(5000);
    switch (which) {
    case 0:
        return documented;
    case 1:
        return order_1000;
    default:
        return order_5000;
    }
}

const char* document_name(int which) {
    switch (which) {
    case 0:
        return "documented";
    case 1:
        return "order_1000";
    default:
        return "order_5000";
    }
}

void bm_validate(benchmark::State& state) {
    const auto& registry = harness::contracts::Registry::builtin();
    const auto* contract = registry.message("create_request");
    if (contract == nullptr) {
        state.SkipWithError("no create_request contract");
        return;
    }
    const std::string& body = document(static_cast<int>(state.range(0)));
    const harness::contracts::ValidationOptions options{};
    const auto first = harness::contracts::validate_body(registry, *contract, body, options);
    if (!harness::contracts::is_valid(first)) {
        const std::string why = "document is not valid: " +
                                std::string(harness::contracts::to_string(first.front().code)) +
                                " at " + first.front().path;
        state.SkipWithError(why.c_str());
        return;
    }
    for (auto _ : state) {
        auto violations = harness::contracts::validate_body(registry, *contract, body, options);
        benchmark::DoNotOptimize(violations);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
    state.SetLabel(document_name(static_cast<int>(state.range(0))));
}

void bm_parse_only(benchmark::State& state) {
    const std::string& body = document(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        pugi::xml_document doc;
        const auto result = doc.load_buffer(body.data(), body.size());
        benchmark::DoNotOptimize(result.status);
        benchmark::DoNotOptimize(doc.first_child());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
    state.SetLabel(document_name(static_cast<int>(state.range(0))));
}

} // namespace

BENCHMARK(bm_validate)->Name("validate")->DenseRange(0, 2)->ArgName("doc");
BENCHMARK(bm_parse_only)->Name("parse_only")->DenseRange(0, 2)->ArgName("doc");

BENCHMARK_MAIN();
