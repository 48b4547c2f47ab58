// auth.cpp: the --auth policies.
#include "harness/mock/auth.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

namespace harness::mock {
namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// The credentials after a scheme ("Basic xyz" -> "xyz"); nullopt when the scheme differs.
std::optional<std::string_view> credentials_of(std::string_view header, std::string_view scheme) {
    header = trim(header);
    if (!iequals_prefix(header, scheme) || header.size() == scheme.size() ||
        (header[scheme.size()] != ' ' && header[scheme.size()] != '\t')) {
        return std::nullopt;
    }
    return trim(header.substr(scheme.size()));
}

} // namespace

AuthPolicy::AuthPolicy(Kind kind, std::string user, std::string password)
    : kind_(kind), user_(std::move(user)), password_(std::move(password)) {}

AuthPolicy AuthPolicy::basic(std::string user, std::string password) {
    return AuthPolicy(Kind::basic_pair, std::move(user), std::move(password));
}

std::optional<AuthPolicy> AuthPolicy::parse(std::string_view text) {
    if (text == "any") {
        return any();
    }
    if (text == "none") {
        return none();
    }
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return std::nullopt;
    }
    return basic(std::string(text.substr(0, colon)), std::string(text.substr(colon + 1)));
}

bool AuthPolicy::accepts(const std::string* authorization) const {
    if (kind_ == Kind::none) {
        return true;
    }
    if (authorization == nullptr) {
        return false;
    }
    if (kind_ == Kind::any) {
        const auto basic_credentials = credentials_of(*authorization, "Basic");
        if (basic_credentials && !basic_credentials->empty()) {
            return true;
        }
        const auto bearer = credentials_of(*authorization, "Bearer");
        return bearer && !bearer->empty();
    }
    const auto encoded = credentials_of(*authorization, "Basic");
    if (!encoded) {
        return false;
    }
    const auto decoded = base64_decode(*encoded);
    if (!decoded) {
        return false;
    }
    const auto colon = decoded->find(':');
    return colon != std::string::npos && std::string_view(*decoded).substr(0, colon) == user_ &&
           std::string_view(*decoded).substr(colon + 1) == password_;
}

std::string AuthPolicy::describe() const {
    switch (kind_) {
    case Kind::any:
        return "any";
    case Kind::none:
        return "none";
    case Kind::basic_pair:
        break;
    }
    return user_ + ":***";
}

std::optional<std::string> base64_decode(std::string_view text) {
    static const std::array<std::int8_t, 256> table = [] {
        std::array<std::int8_t, 256> t{};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i) {
            t[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
        }
        return t;
    }();
    while (!text.empty() && text.back() == '=') {
        text.remove_suffix(1);
    }
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const auto value = table[static_cast<unsigned char>(c)];
        if (value < 0) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
        }
    }
    if (bits >= 6) { // a single leftover sextet cannot encode a byte
        return std::nullopt;
    }
    return out;
}

} // namespace harness::mock
