// auth.hpp: who may call the mock. Three policies, chosen with --auth:
//   any        any Authorization header (Basic or Bearer, non-empty credentials) is accepted
//   none       requests without credentials are accepted too
//   USER:PASS  exactly that HTTP Basic pair is required
// A request the policy rejects gets 401 with `WWW-Authenticate: Basic realm="..."`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace harness::mock {

class AuthPolicy {
public:
    enum class Kind { any, none, basic_pair };

    static AuthPolicy any() { return AuthPolicy(Kind::any, {}, {}); }
    static AuthPolicy none() { return AuthPolicy(Kind::none, {}, {}); }
    static AuthPolicy basic(std::string user, std::string password);

    // Parses the --auth value ("any", "none" or "USER:PASS"); nullopt when malformed.
    static std::optional<AuthPolicy> parse(std::string_view text);

    // `authorization` is the request's Authorization header value, nullptr when absent.
    bool accepts(const std::string* authorization) const;

    Kind kind() const { return kind_; }
    std::string describe() const; ///< "any", "none" or "USER:***"

private:
    AuthPolicy(Kind kind, std::string user, std::string password);

    Kind kind_;
    std::string user_;
    std::string password_;
};

// Decodes standard base64 (padding optional); nullopt on any invalid character.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace harness::mock
