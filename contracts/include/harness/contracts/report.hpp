// report.hpp: renders violations for humans (one line each) and for machines (a JSON array).
// The text form is what contract_validate prints; golden files pin it.
//
//   FILE: error value_pattern /A/B/TelephoneNumber[2]: TelephoneNumber "12" is not a valid
//         telephone number (expected 10-digit NANP number (v1), e.g. 4158714245, got "12")
//         [bandwidth 5070]
#pragma once

#include "harness/contracts/violation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace harness::contracts {

// One line, no trailing newline: "LABEL: severity code path: message (expected X, got "Y")
// [bandwidth N]". The label is omitted (with its colon) when empty; "got" is omitted when
// `actual` is empty; the bandwidth part when the code is 0.
std::string to_text(const Violation& violation, std::string_view label = {});

// Every violation on its own line, each ending in '\n'.
std::string to_text(const Violations& violations, std::string_view label = {});

// A JSON array of objects {file, contract, code, severity, path, expected, actual, message,
// bandwidth_code}; `file` and `contract` are omitted when empty.
std::string to_json(const Violations& violations, std::string_view label = {},
                    std::string_view contract = {});

// The violations of several files, one JSON array (what contract_validate --json prints).
struct FileReport {
    std::string file;     ///< label as given on the command line
    std::string contract; ///< chosen contract / operation, "" when none
    Violations violations;
};
std::string to_json(const std::vector<FileReport>& reports);

} // namespace harness::contracts
