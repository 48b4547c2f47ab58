// error_bodies.cpp: Bandwidth's error shapes and the texts of section 7.3 of the API notes.
#include "harness/mock/error_bodies.hpp"

#include "harness/contracts/xml_text.hpp"

#include <string_view>

namespace harness::mock {

using contracts::xml_escape;
namespace {

constexpr std::string_view xml_declaration =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
constexpr std::size_t max_echoed_value = 64; // longer bad values are cut in descriptions

std::string trimmed_value(std::string_view actual) {
    while (!actual.empty() && (actual.front() == ' ' || actual.front() == '\n' ||
                               actual.front() == '\r' || actual.front() == '\t')) {
        actual.remove_prefix(1);
    }
    while (!actual.empty() && (actual.back() == ' ' || actual.back() == '\n' ||
                               actual.back() == '\r' || actual.back() == '\t')) {
        actual.remove_suffix(1);
    }
    if (actual.size() > max_echoed_value) {
        std::size_t cut = max_echoed_value;
        // Never cut inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(actual[cut]) & 0xC0u) == 0x80u) {
            --cut;
        }
        return std::string(actual.substr(0, cut)) + "...";
    }
    return std::string(actual);
}

// The last element of an indexed path: "/A/Name" -> "Name", "/A/B[2]" -> "B".
std::string element_name(std::string_view path) {
    const auto slash = path.rfind('/');
    if (slash != std::string_view::npos) {
        path.remove_prefix(slash + 1);
    }
    const auto bracket = path.find('[');
    return std::string(path.substr(0, bracket));
}

// The first run of digits in `text` ("at most 50 characters" -> "50").
std::string first_number(std::string_view text, std::string_view fallback) {
    const auto begin = text.find_first_of("0123456789");
    if (begin == std::string_view::npos) {
        return std::string(fallback);
    }
    const auto end = text.find_first_not_of("0123456789", begin);
    return std::string(text.substr(begin, end == std::string_view::npos ? end : end - begin));
}

} // namespace

std::string error_description(int code, std::string_view actual, std::size_t max_telephone_numbers,
                              std::string_view fallback) {
    switch (code) {
    case 5001:
        return "Invalid input telephone number list";
    case 5002:
        return "Validation error";
    case 5040:
        return "Note not found.";
    case 5052:
        return "Customer order ID is invalid. Only alphanumeric values, dashes and spaces are "
               "allowed. Max length is 40 characters.";
    case 5061:
        return "Order id is invalid. Please check the order id that you have submitted in your "
               "request is correct.";
    case 5070:
        return "Telephone number is invalid";
    case 5072:
        return "Duplicate telephone number";
    case 5073:
        return "Telephone number is required";
    case 5077:
        return "There are no valid telephone numbers";
    case 5084:
        return "DisconnectMode '" + trimmed_value(actual) +
               "' is invalid. Valid values are: normal, soft-remove, purge";
    case 5093:
        return "Order cannot contain duplicate telephone numbers";
    case 5095:
        return "The count of telephone numbers in order exceeds the maximum size of " +
               std::to_string(max_telephone_numbers);
    case 5108:
        return "Protected attribute '" + trimmed_value(actual) +
               "' is invalid. Valid values: TRUE, FALSE, UNCHANGED";
    case 12501:
        return "Username is required";
    default:
        return std::string(fallback);
    }
}

namespace {

// The answer for the first violation that carries a Bandwidth code. 1003 and 1011 name the
// element ("%s is required", "%s is too long. Max length %s characters").
ErrorAnswer answer_for(const contracts::Violation& first, std::size_t max_telephone_numbers) {
    switch (first.bandwidth_code) {
    case 1003:
        return {1003, element_name(first.path) + " is required"};
    case 1011:
        return {1011, element_name(first.path) + " is too long. Max length " +
                          first_number(first.expected, "50") + " characters"};
    default:
        return {first.bandwidth_code, error_description(first.bandwidth_code, first.actual,
                                                        max_telephone_numbers, first.message)};
    }
}

} // namespace

ErrorAnswer order_error(const contracts::Violations& violations,
                        std::size_t max_telephone_numbers) {
    if (const auto* first = contracts::first_bandwidth_error(violations)) {
        return answer_for(*first, max_telephone_numbers);
    }
    return {code_validation_error, error_description(code_validation_error)};
}

ErrorAnswer note_error(const contracts::Violations& violations) {
    if (const auto* first = contracts::first_bandwidth_error(violations)) {
        return answer_for(*first, 0);
    }
    for (const auto& violation : violations) {
        const bool missing = violation.code == contracts::ViolationCode::element_missing ||
                             violation.code == contracts::ViolationCode::value_empty;
        if (violation.severity == contracts::Severity::error && missing &&
            violation.path.find("UserId") != std::string::npos) {
            return {code_username_required, error_description(code_username_required)};
        }
    }
    return {code_validation_error, error_description(code_validation_error)};
}

std::string order_error_body(int code, std::string_view description) {
    std::string body;
    body.reserve(256 + description.size());
    body.append(xml_declaration)
        .append("<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>")
        .append(std::to_string(code))
        .append("</Code><Description>")
        .append(xml_escape(description))
        .append("</Description></Error></ErrorList></DisconnectTelephoneNumberOrderResponse>");
    return body;
}

std::string note_error_body(int code, std::string_view description) {
    std::string body;
    body.reserve(192 + description.size());
    body.append(xml_declaration)
        .append("<NoteResponse><ResponseStatus><ErrorCode>")
        .append(std::to_string(code))
        .append("</ErrorCode><Description>")
        .append(xml_escape(description))
        .append("</Description></ResponseStatus></NoteResponse>");
    return body;
}

} // namespace harness::mock
