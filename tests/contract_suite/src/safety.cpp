// safety.cpp: see safety.hpp. Parsing only; the URL is never dialled.
#include "harness/contract_suite/safety.hpp"

#include "harness/client/url.hpp"

#include <algorithm>
#include <cctype>

namespace harness::contract_suite {

namespace {

std::string trimmed_lower(std::string_view value) {
    std::string s;
    for (char c : value) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return s;
}

bool has_number(std::string_view tns) {
    return std::any_of(tns.begin(), tns.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

bool is_yes(std::string_view value) {
    const std::string v = trimmed_lower(value);
    return v == "yes" || v == "true" || v == "1";
}

SafetyDecision decide_safety(std::string_view base_url, std::string_view allow_disconnect,
                             std::string_view tns) {
    SafetyDecision d;
    const auto parsed = client::parse_url(base_url);
    d.loopback = parsed && client::is_loopback_host(parsed->host);
    const bool allow = is_yes(allow_disconnect);
    if (d.loopback) {
        d.destructive_allowed = true;
        d.writes_allowed = true;
        return d;
    }
    d.writes_allowed = allow;
    d.destructive_allowed = allow && has_number(tns);
    const std::string where = parsed ? "host '" + parsed->host + "'" : "an unparsable URL";
    if (!d.destructive_allowed) {
        d.skip_message = "skipped: the target (" + where +
                         ") is not a loopback address and this request would disconnect numbers "
                         "if the server accepted it. To run it, set CONTRACT_ALLOW_DISCONNECT=yes "
                         "and CONTRACT_TNS=<comma-separated numbers you are willing to disconnect>";
        if (allow) {
            d.skip_message += " (CONTRACT_ALLOW_DISCONNECT is set but CONTRACT_TNS is empty)";
        }
    }
    if (!d.writes_allowed) {
        d.writes_skip_message = "skipped: the target (" + where +
                                ") is not a loopback address and this test writes to an order "
                                "(adds a note). To run it, set CONTRACT_ALLOW_DISCONNECT=yes";
    }
    return d;
}

} // namespace harness::contract_suite
