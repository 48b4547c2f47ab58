// target.hpp: the endpoint under test. Built from the SuiteConfig; when no base URL is given it
// starts the mock_server that sits next to the running executable (same build) on a free
// loopback port, reads its "listening on http://HOST:PORT" line and stops it with SIGTERM when
// the Target is destroyed. All requests go through here so that credentials are applied in one
// place and never printed.
#pragma once

#include "harness/client/http_client.hpp"
#include "harness/contract_suite/child_process.hpp"
#include "harness/contract_suite/config.hpp"
#include "harness/contract_suite/safety.hpp"
#include "harness/contracts/contracts.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace harness::contract_suite {

class Target {
public:
    // Starts the mock when config.base_url is empty. On failure returns nullptr and sets `error`.
    static std::unique_ptr<Target> create(SuiteConfig config, std::string* error);
    ~Target();
    Target(const Target&) = delete;
    Target& operator=(const Target&) = delete;

    const SuiteConfig& config() const { return config_; }
    const SafetyDecision& safety() const { return safety_; }
    const std::string& base_url() const { return base_url_; } ///< effective, may hold userinfo
    bool started_mock() const { return mock_.has_value(); }
    contracts::NumberFormat number_format() const { return numbers_; }
    // Numbers the create tests use (CONTRACT_TNS or the documented ones).
    const std::vector<std::string>& numbers() const { return config_.tns; }

    // "/accounts/{accountId}/disconnects" + suffix
    std::string orders_path(std::string_view suffix = {}) const;

    // Sends method + base_url + path. `with_auth=false` omits credentials (the 401 check).
    client::HttpResult send(std::string_view method, const std::string& path, std::string_view body,
                            bool with_auth = true);

    // Removes every configured secret (password, token, their Basic encoding) from a text.
    std::string scrub(std::string text) const;

    // One line describing the target for the log (no secrets).
    std::string summary() const;

private:
    Target() = default;

    SuiteConfig config_;
    SafetyDecision safety_;
    std::string base_url_;
    client::Auth auth_;
    bool placeholder_auth_ = false;
    contracts::NumberFormat numbers_ = contracts::NumberFormat::nanp10;
    std::optional<ChildProcess> mock_;
    client::HttpClient http_;
    std::vector<std::string> secrets_;
};

// Base64 (RFC 4648, with padding).
std::string base64(std::string_view data);

} // namespace harness::contract_suite
