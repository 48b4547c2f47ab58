// checks.hpp: the suite's cross-message and HTTP rules as pure functions over received data.
// Each returns Findings (empty = rule holds); a Finding names the rule, the path (XML path or
// "http:status" / "http:header:NAME" as in the contracts library) and the expected and actual
// values, so a failure is understandable from the CI log alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace harness::contract_suite {

struct Finding {
    std::string rule;     ///< e.g. "create.location.id_matches_body"
    std::string path;     ///< e.g. "http:header:Location",
                          ///< "/DisconnectTelephoneNumberOrderResponse/orderRequest/id"
    std::string expected; ///< what the contract requires
    std::string actual;   ///< what was received (already quoted/abbreviated)
};

using Findings = std::vector<Finding>;

// "create_order: rule R at PATH: expected E; actual A"
std::string format_finding(std::string_view operation, const Finding& finding);
// All findings, one per line.
std::string format_findings(std::string_view operation, const Findings& findings);

// Quotes a received value for a message: newlines escaped, cut at `max` characters.
std::string quote(std::string_view value, std::size_t max = 300);

// Paths of the order response (create 201, status 200, error 400 share this root).
inline constexpr const char* order_response_root = "/DisconnectTelephoneNumberOrderResponse";
inline constexpr const char* order_request_path =
    "/DisconnectTelephoneNumberOrderResponse/orderRequest";
inline constexpr const char* body_id_path =
    "/DisconnectTelephoneNumberOrderResponse/orderRequest/id";
inline constexpr const char* echoed_numbers_path =
    "/DisconnectTelephoneNumberOrderResponse/orderRequest/DisconnectTelephoneNumberOrderType/"
    "TelephoneNumberList/TelephoneNumber";
inline constexpr const char* order_status_path =
    "/DisconnectTelephoneNumberOrderResponse/OrderStatus";
inline constexpr const char* error_list_path = "/DisconnectTelephoneNumberOrderResponse/ErrorList";

// Trimmed texts of every element matching an absolute element path ("/A/B/C"). Element names
// in `path` may list alternatives with '|' ("Name|name"). Empty when the body is not XML.
std::vector<std::string> xml_texts(std::string_view body, std::string_view path);
// First of xml_texts, nullopt when absent.
std::optional<std::string> xml_text(std::string_view body, std::string_view path);
// Root element name, nullopt when the body is not well-formed XML.
std::optional<std::string> xml_root(std::string_view body);

Findings check_status(int actual, int expected, std::string_view rule);

// Media type application/xml, text/xml or anything +xml (parameters ignored).
bool is_xml_content_type(std::string_view content_type);
Findings check_xml_content_type(const std::optional<std::string>& content_type);

struct LocationResult {
    std::optional<std::string> id; ///< last path segment when the URL has the expected shape
    Findings findings;
};

// Location of a created order: an absolute http(s) URL whose path ends in
// /accounts/{account_id}/disconnects/{id}.
LocationResult check_order_location(const std::optional<std::string>& location,
                                    std::string_view account_id);
// Location of a created note: an absolute or path URL ending in
// /accounts/{account_id}/disconnects/{order_id}/notes/{noteId}.
LocationResult check_note_location(const std::optional<std::string>& location,
                                   std::string_view account_id, std::string_view order_id);

// The body's orderRequest/id equals the Location id.
Findings check_location_matches_body(const std::optional<std::string>& location_id,
                                     std::string_view body);

// The response echoes exactly the sent numbers, as a set.
Findings check_numbers_echo(const std::vector<std::string>& sent, std::string_view body);

// A sent value is echoed at `path` (trimmed; `ignore_case` for enums like Protected).
Findings check_value_echo(std::string_view rule, std::string_view path, std::string_view sent,
                          std::string_view body, bool ignore_case);

// OrderStatus is one of RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED.
Findings check_documented_order_status(std::string_view body);

// A documented create error: status 400, ErrorList/Error with Code == expected_code.
Findings check_order_error(int status, std::string_view body, int expected_code);

} // namespace harness::contract_suite
