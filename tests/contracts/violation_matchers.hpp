// violation_matchers.hpp: gMock matchers and helpers for asserting specific violations
// (code + path, optionally the Bandwidth code), never just "invalid".
#pragma once

#include "fixture_paths.hpp"
#include "harness/contracts/contracts.hpp"
#include "harness/contracts/report.hpp"

#include <gmock/gmock.h>
#include <ostream>

namespace harness::contracts {

// Readable failure output: gtest prints violations with the report's text form.
inline void PrintTo(const Violation& v, std::ostream* os) {
    *os << to_text(v);
}

} // namespace harness::contracts

namespace harness::testing {

MATCHER_P2(HasViolation, code, path,
           std::string("violation ") + std::string(harness::contracts::to_string(code)) + " at " +
               path) {
    return arg.code == code && arg.path == path;
}

MATCHER_P3(HasBandwidthViolation, code, path, bandwidth_code,
           std::string("violation ") + std::string(harness::contracts::to_string(code)) + " at " +
               path + " with Bandwidth code " + std::to_string(bandwidth_code)) {
    return arg.code == code && arg.path == path && arg.bandwidth_code == bandwidth_code &&
           arg.severity == harness::contracts::Severity::error;
}

MATCHER_P2(HasWarning, code, path,
           std::string("warning ") + std::string(harness::contracts::to_string(code)) + " at " +
               path) {
    return arg.code == code && arg.path == path &&
           arg.severity == harness::contracts::Severity::warning;
}

inline harness::contracts::Violations
validate_as(std::string_view message, std::string_view body,
            harness::contracts::ValidationOptions options = {}) {
    const auto& reg = harness::contracts::Registry::builtin();
    const auto* contract = reg.message(message);
    if (contract == nullptr) {
        throw std::runtime_error("no contract " + std::string(message));
    }
    return harness::contracts::validate_body(reg, *contract, body, options);
}

inline harness::contracts::ValidationOptions v1() {
    harness::contracts::ValidationOptions o;
    o.numbers = harness::contracts::NumberFormat::nanp10;
    return o;
}

inline harness::contracts::ValidationOptions v2() {
    harness::contracts::ValidationOptions o;
    o.numbers = harness::contracts::NumberFormat::e164;
    return o;
}

// A create request around `type_content` (the inside of DisconnectTelephoneNumberOrderType) and
// `extra` (more children of the root).
inline std::string order(const std::string& type_content, const std::string& extra = "") {
    return "<DisconnectTelephoneNumberOrder>" + extra + "<DisconnectTelephoneNumberOrderType>" +
           type_content + "</DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>";
}

inline std::string numbers(std::initializer_list<const char*> tns) {
    std::string out = "<TelephoneNumberList>";
    for (const char* tn : tns) {
        out += std::string("<TelephoneNumber>") + tn + "</TelephoneNumber>";
    }
    return out + "</TelephoneNumberList>";
}

inline constexpr const char* tn_path =
    "/DisconnectTelephoneNumberOrder/DisconnectTelephoneNumberOrderType/TelephoneNumberList/"
    "TelephoneNumber";
inline constexpr const char* type_path =
    "/DisconnectTelephoneNumberOrder/DisconnectTelephoneNumberOrderType";

} // namespace harness::testing
