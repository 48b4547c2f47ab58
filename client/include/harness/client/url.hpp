// url.hpp: URL helpers that only parse. Nothing here resolves a name or opens a socket, so they
// are safe to call on production URLs (the contract suite's safety decision is built on them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace harness::client {

struct ParsedUrl {
    std::string scheme;        ///< lower case, "http" or "https"
    std::string host;          ///< without IPv6 brackets, lower case
    int port = 0;              ///< explicit port, or the scheme's default
    std::string path;          ///< "" or "/api" etc., without a trailing slash
    bool has_userinfo = false; ///< the URL carries user[:password]@ (never printed)
};

// Parses an absolute http(s) URL; nullopt when malformed or another scheme.
std::optional<ParsedUrl> parse_url(std::string_view url);

// True for 127.0.0.0/8, ::1 (and ::ffff:127.x.x.x) and the name "localhost". Pure string test.
bool is_loopback_host(std::string_view host);

// The URL with any user:password@ part replaced by "***@", for logs and reports.
std::string redact_url(std::string_view url);

} // namespace harness::client
