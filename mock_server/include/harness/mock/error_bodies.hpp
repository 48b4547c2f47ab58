// error_bodies.hpp: Bandwidth-shaped error bodies and the texts of the documented error codes
// (disconnects-api.md section 7.3), with the %s / %d placeholders filled in.
//
//   order errors: <DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code/><Description/>
//   note errors:  <NoteResponse><ResponseStatus><ErrorCode/><Description/>
// Code always precedes Description (the Python SDK reads children by position).
#pragma once

#include "harness/contracts/violation.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace harness::mock {

// Codes the mock answers with that the validator does not assign.
inline constexpr int code_validation_error = 5002;   ///< malformed XML, empty body, wrong root, ...
inline constexpr int code_order_id_invalid = 5061;   ///< GET of an unknown order id (404)
inline constexpr int code_username_required = 12501; ///< note without UserId

// The documented description of `code`; `actual` fills a '%s' (e.g. the bad Protected value),
// `max_telephone_numbers` fills 5095's '%d'. Unknown codes: `fallback`.
std::string error_description(int code, std::string_view actual = {},
                              std::size_t max_telephone_numbers = 0,
                              std::string_view fallback = "Validation error");

// The Bandwidth code and description for a rejected order body (5002 when no violation carries a
// Bandwidth code).
struct ErrorAnswer {
    int code;
    std::string description;
};
ErrorAnswer order_error(const contracts::Violations& violations, std::size_t max_telephone_numbers);
ErrorAnswer note_error(const contracts::Violations& violations);

std::string order_error_body(int code, std::string_view description);
std::string note_error_body(int code, std::string_view description);

} // namespace harness::mock
