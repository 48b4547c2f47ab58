// contracts.hpp: the contract model of the disconnect-order family and its validator.
//
// Contracts are JSON definitions (contracts/definitions/*.json), compiled into the library at
// build time so every binary carries them; a directory of definitions can be loaded instead.
// A MessageContract describes one XML body (element tree, cardinalities, text rules); an
// OperationContract describes one HTTP operation (method, path template, request message,
// documented responses with their status, message and required headers).
//
//   const auto& reg = harness::contracts::Registry::builtin();
//   auto v = harness::contracts::validate_body(*reg.message("create_request"), xml, {});
//   if (!harness::contracts::is_valid(v)) ...
#pragma once

#include "harness/contracts/violation.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace harness::contracts {

// A contract definition that cannot be loaded (programmer/config error, thrown at start-up).
class ContractError : public std::runtime_error {
public:
    ContractError(std::string json_pointer, const std::string& message);
    const std::string& json_pointer() const { return pointer_; }

private:
    std::string pointer_;
};

// Telephone-number form: 10-digit NANP on v1 (and the unversioned paths), E.164 on v2.
enum class NumberFormat {
    nanp10, // 4158714245
    e164,   // +14158714245
    any,    // either (contract_validate without a path to tell)
};

struct ValidationOptions {
    NumberFormat numbers = NumberFormat::any;
    std::size_t max_body_bytes = 64u << 20; ///< larger bodies: body_too_large
    std::size_t max_depth = 64;             ///< deeper nesting: xml_too_deep
    std::size_t max_telephone_numbers = 0;  ///< 0: unlimited; otherwise element_count + 5095
    std::size_t max_violations = 1000;      ///< stop collecting after this many (first ones kept)
};

struct MessageContract;   // defined in the implementation
struct OperationContract; // defined in the implementation
namespace detail {
struct RegistryAccess; // the validators' view of the registry internals
} // namespace detail

// One documented response of an operation.
struct ResponseRule {
    int status;                                ///< e.g. 201
    std::string message;                       ///< message contract name, "" when no body
    std::vector<std::string> required_headers; ///< e.g. {"Location", "Content-Type"}
};

// Read-only view of an operation, for the mock and the contract suite.
struct OperationInfo {
    std::string name;            ///< e.g. "create_order"
    std::string method;          ///< "POST"
    std::string path_template;   ///< "/accounts/{accountId}/disconnects"
    std::string request_message; ///< "create_request", "" when no body
    int success_status;          ///< 201
    std::vector<ResponseRule> responses;
};

// Request line + path after the base prefix is removed; see strip_base_prefix().
struct MatchedOperation {
    const OperationContract* operation = nullptr;
    std::string prefix; ///< "", "/api", "/api/v1", "/api/v2", "/v1.0", "/api/v1.0"
    std::vector<std::pair<std::string, std::string>> params; ///< {"accountId", "9900000"}, ...
};

class Registry {
public:
    // The definitions compiled into the library. Loaded once; thread-safe.
    static const Registry& builtin();
    // Loads every *.json of a directory. Throws ContractError with the JSON pointer of the bad
    // field.
    static Registry load_directory(const std::filesystem::path& dir);

    Registry(Registry&&) noexcept;
    Registry& operator=(Registry&&) noexcept;
    ~Registry();

    const MessageContract* message(std::string_view name) const;
    const OperationContract* operation(std::string_view name) const;
    std::vector<std::string> message_names() const;
    std::vector<std::string> operation_names() const;
    OperationInfo info(const OperationContract& op) const;
    std::string_view root_element(const MessageContract& msg) const;
    std::string_view message_name(const MessageContract& msg) const; ///< e.g. "create_request"

    // The message contracts whose root element is `root` (several share
    // DisconnectTelephoneNumberOrderResponse: create 201, order status, order error).
    std::vector<const MessageContract*> messages_with_root(std::string_view root) const;

    // Matches method + path (with any base prefix in real use; a query string is ignored);
    // nullopt when no operation fits.
    // A path that fits but with another method yields the operation with method_allowed=false.
    std::optional<MatchedOperation> match(std::string_view method, std::string_view path,
                                          bool* method_allowed = nullptr) const;

private:
    friend struct detail::RegistryAccess;
    Registry();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Validates one XML body against one message contract. Never throws on bad input.
Violations validate_body(const Registry& registry, const MessageContract& contract,
                         std::string_view body, const ValidationOptions& options = {});

// Picks the contract by root element (and the dispatch rules between messages sharing a root),
// then validates. A root no contract knows: root_unknown. `chosen` receives the message name.
Violations validate_body_auto(const Registry& registry, std::string_view body,
                              const ValidationOptions& options = {}, std::string* chosen = nullptr);

// Validates a raw HTTP message (request or response: start line, headers, blank line, body).
// Picks the operation by the request line, or by status line + root element for responses,
// unless `as_message` names the body's contract. Checks method, path, status and headers too.
Violations validate_http(const Registry& registry, std::string_view raw,
                         const ValidationOptions& options = {}, std::string_view as_message = {},
                         std::string* chosen = nullptr);

// True when `content` is a raw HTTP message rather than an XML body: by the extension of
// `file_name` (.http / .xml), otherwise by its first non-blank line (XML starts with '<').
bool is_http_message(std::string_view file_name, std::string_view content);

} // namespace harness::contracts
