// contract_checks.hpp: a body checked against one message contract of the contracts library,
// as suite Findings. Error-level violations become findings; warnings (e.g. the documented
// dash-time date) are returned separately and never fail a test.
#pragma once

#include "harness/contract_suite/checks.hpp"
#include "harness/contracts/contracts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace harness::contract_suite {

// `message`: a message contract name of Registry::builtin() ("create_response", "order_status",
// "order_list", "order_list_not_found", "notes_list", "order_error", ...).
Findings contract_findings(std::string_view message, std::string_view body,
                           contracts::NumberFormat numbers,
                           std::vector<std::string>* warnings = nullptr);

} // namespace harness::contract_suite
