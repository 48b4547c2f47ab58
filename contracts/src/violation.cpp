#include "harness/contracts/violation.hpp"

namespace harness::contracts {

std::string_view to_string(ViolationCode code) {
    switch (code) {
    case ViolationCode::body_empty:
        return "body_empty";
    case ViolationCode::body_too_large:
        return "body_too_large";
    case ViolationCode::encoding_invalid:
        return "encoding_invalid";
    case ViolationCode::xml_malformed:
        return "xml_malformed";
    case ViolationCode::xml_forbidden:
        return "xml_forbidden";
    case ViolationCode::xml_too_deep:
        return "xml_too_deep";
    case ViolationCode::root_unknown:
        return "root_unknown";
    case ViolationCode::root_mismatch:
        return "root_mismatch";
    case ViolationCode::element_missing:
        return "element_missing";
    case ViolationCode::element_unexpected:
        return "element_unexpected";
    case ViolationCode::element_count:
        return "element_count";
    case ViolationCode::value_empty:
        return "value_empty";
    case ViolationCode::value_pattern:
        return "value_pattern";
    case ViolationCode::value_enum:
        return "value_enum";
    case ViolationCode::value_too_long:
        return "value_too_long";
    case ViolationCode::value_duplicate:
        return "value_duplicate";
    case ViolationCode::value_format_lenient:
        return "value_format_lenient";
    case ViolationCode::http_malformed:
        return "http_malformed";
    case ViolationCode::http_operation_unknown:
        return "http_operation_unknown";
    case ViolationCode::http_method:
        return "http_method";
    case ViolationCode::http_status:
        return "http_status";
    case ViolationCode::http_header_missing:
        return "http_header_missing";
    case ViolationCode::http_header_invalid:
        return "http_header_invalid";
    case ViolationCode::http_body_unexpected:
        return "http_body_unexpected";
    }
    return "unknown";
}

std::string_view to_string(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

bool is_valid(const Violations& violations, bool strict) {
    for (const auto& v : violations) {
        if (v.severity == Severity::error || strict) {
            return false;
        }
    }
    return true;
}

const Violation* first_bandwidth_error(const Violations& violations) {
    for (const auto& v : violations) {
        if (v.severity == Severity::error && v.bandwidth_code != 0) {
            return &v;
        }
    }
    return nullptr;
}

} // namespace harness::contracts
