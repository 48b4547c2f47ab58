#include "harness/contracts/report.hpp"

#include <nlohmann/json.hpp>

namespace harness::contracts {

std::string to_text(const Violation& v, std::string_view label) {
    std::string line;
    if (!label.empty()) {
        line.append(label).append(": ");
    }
    line.append(to_string(v.severity)).append(" ").append(to_string(v.code)).append(" ");
    line.append(v.path).append(": ").append(v.message);
    if (!v.expected.empty() || !v.actual.empty()) {
        line.append(" (expected ").append(v.expected.empty() ? "nothing" : v.expected);
        if (!v.actual.empty()) {
            line.append(", got \"").append(v.actual).append("\"");
        }
        line.append(")");
    }
    if (v.bandwidth_code != 0) {
        line.append(" [bandwidth ").append(std::to_string(v.bandwidth_code)).append("]");
    }
    return line;
}

std::string to_text(const Violations& violations, std::string_view label) {
    std::string out;
    for (const auto& v : violations) {
        out += to_text(v, label);
        out += '\n';
    }
    return out;
}

namespace {

void append_json(nlohmann::json& array, const Violations& violations, std::string_view label,
                 std::string_view contract) {
    for (const auto& v : violations) {
        nlohmann::json o;
        if (!label.empty()) {
            o["file"] = std::string(label);
        }
        if (!contract.empty()) {
            o["contract"] = std::string(contract);
        }
        o["code"] = std::string(to_string(v.code));
        o["severity"] = std::string(to_string(v.severity));
        o["path"] = v.path;
        o["expected"] = v.expected;
        o["actual"] = v.actual;
        o["message"] = v.message;
        o["bandwidth_code"] = v.bandwidth_code;
        array.push_back(std::move(o));
    }
}

} // namespace

std::string to_json(const Violations& violations, std::string_view label,
                    std::string_view contract) {
    nlohmann::json array = nlohmann::json::array();
    append_json(array, violations, label, contract);
    // Invalid UTF-8 in a value must not throw: replace it.
    return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<FileReport>& reports) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& r : reports) {
        append_json(array, r.violations, r.file, r.contract);
    }
    return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace harness::contracts
