// model.hpp: the compiled, in-memory form of the JSON definitions. Built once at load; the
// validators only read it (no JSON, no regex, no allocation on the happy path).
#pragma once

#include "harness/contracts/contracts.hpp"

#include <array>
#include <cstddef>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace harness::contracts {
namespace detail {

inline constexpr std::size_t unbounded = std::numeric_limits<std::size_t>::max();
inline constexpr std::size_t violation_code_count =
    static_cast<std::size_t>(ViolationCode::http_body_unexpected) + 1;
inline constexpr std::size_t max_children = 32;       ///< per element, checked at load
inline constexpr std::size_t max_contract_depth = 12; ///< element nesting of a contract
inline constexpr std::size_t max_unique_slots = 8;    ///< unique-valued elements per message

enum class TextType {
    none,             // container element: no text rule
    string,           // any text (length/charset/emptiness checked)
    telephone_number, // per NumberFormat
    enumeration,      // one of `values`
    date_time,        // ISO-8601; the dash-time form is a lenient warning
    integer,          // digits only
};

enum class Charset {
    any,
    alnum_space_dash, // [A-Za-z0-9 -] (CustomerOrderId)
};

struct TextRule {
    TextType type = TextType::none;
    std::vector<std::string> values; ///< enumeration values
    bool case_insensitive = false;
    std::size_t max_length = 0; ///< characters (code points); 0: no limit
    Charset charset = Charset::any;
    bool allow_empty = false;
    bool unique = false;      ///< values unique across the whole document
    bool order_limit = false; ///< counted against ValidationOptions::max_telephone_numbers
};

struct ElementNode {
    std::string name;
    std::vector<std::string> aliases;
    std::size_t min = 1;
    std::size_t max = 1;
    bool indexed = false; ///< path shows [n] even when the element occurs once
    bool open = false;    ///< content not checked (unknown children allowed)
    std::string description;
    TextRule text;
    std::vector<ElementNode> children;
    std::array<int, violation_code_count> bandwidth_codes{};
    int unique_slot = -1; ///< index of the document-wide seen-set when text.unique

    bool matches(std::string_view element_name) const {
        if (element_name == name) {
            return true;
        }
        for (const auto& alias : aliases) {
            if (element_name == alias) {
                return true;
            }
        }
        return false;
    }
    // Hot path: no strlen; the first byte is compared before calling strcmp.
    bool matches(const char* element_name) const {
        if (element_name[0] == name[0] && std::strcmp(element_name, name.c_str()) == 0) {
            return true;
        }
        for (const auto& alias : aliases) {
            if (element_name[0] == alias[0] && std::strcmp(element_name, alias.c_str()) == 0) {
                return true;
            }
        }
        return false;
    }
    int code_for(ViolationCode code) const {
        return bandwidth_codes[static_cast<std::size_t>(code)];
    }
};

// How validate_body_auto chooses among messages sharing a root element.
struct SelectRule {
    int priority = 100;               ///< lower is tried first
    std::vector<std::string> has_any; ///< root must have one of these children (empty: any)
    std::vector<std::string> lacks;   ///< root must have none of these children
};

struct HttpResponseRule {
    int status = 0;
    std::string message; ///< "" when no body
    std::vector<std::string> headers;
};

} // namespace detail

struct MessageContract {
    std::string name;
    std::string description;
    detail::SelectRule select;
    detail::ElementNode root;
    std::size_t unique_slots = 0;
};

struct OperationContract {
    std::string source; ///< "operations.json#/operations/0", for load errors
    std::string name;
    std::string method;
    std::string path_template;
    std::vector<std::string>
        segments; ///< template split on '/', e.g. {"accounts", "{accountId}", ...}
    std::string request_message;
    std::vector<std::string> request_headers;
    int success_status = 0;
    std::vector<detail::HttpResponseRule> responses;
};

namespace detail {

struct RegistryAccess {
    static const std::vector<std::unique_ptr<OperationContract>>& operations(const Registry& r);
    static const std::vector<std::unique_ptr<MessageContract>>& messages(const Registry& r);
};

// XML whitespace removed from both ends (values are compared trimmed, as Bandwidth does).
inline std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_space(text[end - 1])) {
        --end;
    }
    return text.substr(begin, end - begin);
}
bool iequals(std::string_view a, std::string_view b);

} // namespace detail
} // namespace harness::contracts
