// violation.hpp: what the validator reports. A violation is a value with a stable code, a
// severity, an indexed path, the expected and actual values and a sentence for humans. The
// validator returns every violation it finds and never throws on bad input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace harness::contracts {

// error: the real API rejects it. warning: the real API is not known to reject it (unknown
// elements, the documentation's dash-time); warnings count only under --strict.
enum class Severity { error, warning };

enum class ViolationCode {
    body_empty,           // No body where one is required (or only whitespace)
    body_too_large,       // Body larger than ValidationOptions::max_body_bytes
    encoding_invalid,     // Body is not valid UTF-8
    xml_malformed,        // Not well-formed XML (truncated, bad syntax); `actual` holds the offset
    xml_forbidden,        // DOCTYPE, entity declaration, processing instruction: never expanded
    xml_too_deep,         // Element nesting deeper than ValidationOptions::max_depth
    root_unknown,         // Root element that no contract knows (auto mode)
    root_mismatch,        // Root element differs from the contract's root (--as / known operation)
    element_missing,      // Required element absent under `path`
    element_unexpected,   // Element the contract does not know (warning) or forbids (error)
    element_count,        // Repetition outside the contract's [min, max]
    value_empty,          // Required text is empty after trimming
    value_pattern,        // Text does not match the contract's pattern (e.g. not a 10-digit number)
    value_enum,           // Text not in the allowed set (Protected, DisconnectMode, OrderStatus)
    value_too_long,       // Text longer than the contract's max length
    value_duplicate,      // Value repeated where values must be unique (TelephoneNumber)
    value_format_lenient, // Accepted but non-standard form (dash-time date): warning
    http_malformed,       // Raw HTTP message cannot be parsed (start line, headers)
    http_operation_unknown, // Request line / status line matches no operation of the family
    http_method,            // Method not allowed for the operation
    http_status,            // Status code not documented for the operation
    http_header_missing,    // Required header absent (Location, Content-Type, X-RateLimit-Reset)
    http_header_invalid,  // Header present but wrong (content type not XML, Location not absolute)
    http_body_unexpected, // Body where the operation documents none
};

// Stable text of a code, e.g. "value_pattern". Used in output, JSON and golden files.
std::string_view to_string(ViolationCode code);
std::string_view to_string(Severity severity);

struct Violation {
    ViolationCode code;     ///< stable machine-readable code
    Severity severity;      ///< error or warning
    std::string path;       ///< indexed path, e.g. /A/B/TelephoneNumber[2]; "/" for the document;
                            ///< "http:status", "http:header:Location" for HTTP rules
    std::string expected;   ///< what the contract requires, human-readable
    std::string actual;     ///< what was found ("" when absent)
    std::string message;    ///< one sentence for humans
    int bandwidth_code = 0; ///< Bandwidth error code the real API answers with (5070...), 0 if none
};

using Violations = std::vector<Violation>;

// True when no violation makes the message invalid: no error, and under `strict` no warning.
bool is_valid(const Violations& violations, bool strict = false);

// The first error-level violation that carries a Bandwidth code, or nullptr.
const Violation* first_bandwidth_error(const Violations& violations);

} // namespace harness::contracts
