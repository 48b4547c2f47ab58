// safety.hpp: the contract suite's "safe by default" decision, as a pure function of the target
// URL and two environment values. It only parses the URL: no name is resolved, nothing is dialled.
//
// A disconnect is destructive. Against a loopback target (127.0.0.0/8, ::1, localhost) every test
// runs. Against any other target the tests that would disconnect numbers if the server accepted
// them run only when CONTRACT_ALLOW_DISCONNECT=yes AND CONTRACT_TNS names the numbers; other
// writes (adding a note to an order) need CONTRACT_ALLOW_DISCONNECT=yes; read-only tests always
// run.
#pragma once

#include <string>
#include <string_view>

namespace harness::contract_suite {

struct SafetyDecision {
    bool loopback = false;            ///< target host is 127.0.0.0/8, ::1 or localhost
    bool destructive_allowed = false; ///< creates and error cases built on real numbers may run
    bool writes_allowed = false;      ///< non-disconnecting writes (notes) may run
    std::string skip_message;         ///< why destructive tests are skipped, "" when allowed
    std::string writes_skip_message;  ///< why note creation is skipped, "" when allowed
};

// True for "yes", "true", "1" (any case, surrounding blanks ignored).
bool is_yes(std::string_view value);

// base_url: CONTRACT_BASE_URL as given (an unparsable URL counts as not loopback);
// allow_disconnect: CONTRACT_ALLOW_DISCONNECT; tns: CONTRACT_TNS ("" when unset).
SafetyDecision decide_safety(std::string_view base_url, std::string_view allow_disconnect,
                             std::string_view tns);

} // namespace harness::contract_suite
