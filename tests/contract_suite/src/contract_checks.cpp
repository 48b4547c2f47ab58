// contract_checks.cpp: see contract_checks.hpp.
#include "harness/contract_suite/contract_checks.hpp"

namespace harness::contract_suite {

Findings contract_findings(std::string_view message, std::string_view body,
                           contracts::NumberFormat numbers, std::vector<std::string>* warnings) {
    const auto& registry = contracts::Registry::builtin();
    const auto* contract = registry.message(message);
    if (contract == nullptr) {
        return {{"contract." + std::string(message), "/",
                 "a message contract named " + quote(message) + " in the contracts library",
                 "no such contract"}};
    }
    contracts::ValidationOptions options;
    options.numbers = numbers;
    Findings out;
    for (const auto& v : contracts::validate_body(registry, *contract, body, options)) {
        const std::string rule =
            "contract." + std::string(message) + "/" + std::string(contracts::to_string(v.code));
        if (v.severity == contracts::Severity::warning) {
            if (warnings != nullptr) {
                warnings->push_back(rule + " at " + v.path + ": " + v.message);
            }
            continue;
        }
        std::string actual = v.actual.empty() ? std::string("(absent)") : quote(v.actual, 200);
        if (!v.message.empty()) {
            actual += " (" + v.message + ")";
        }
        out.push_back({rule, v.path.empty() ? "/" : v.path,
                       v.expected.empty() ? std::string("a body valid for ") + std::string(message)
                                          : v.expected,
                       actual});
    }
    return out;
}

} // namespace harness::contract_suite
