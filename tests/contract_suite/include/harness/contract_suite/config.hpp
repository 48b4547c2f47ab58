// config.hpp: the contract suite's target, read from CONTRACT_* environment variables.
//
//   CONTRACT_BASE_URL        base URL before /accounts/... ("" or unset: start the sibling
//   mock_server) CONTRACT_ACCOUNT_ID      account id (default 9900000) CONTRACT_USERNAME/PASSWORD
//   HTTP Basic credentials CONTRACT_TOKEN           Bearer token (used when no username is set)
//   CONTRACT_TNS             comma-separated numbers the create tests may use
//   CONTRACT_ORDER_ID        an existing order for the read-only status/notes checks
//   CONTRACT_ALLOW_DISCONNECT  "yes" to allow disconnecting requests on a non-loopback target
//   CONTRACT_CA_BUNDLE       PEM CA bundle instead of the system store
//   CONTRACT_CUSTOMER_ORDER_ID  CustomerOrderId to send in the create (and expect echoed)
//   CONTRACT_TIMEOUT_MS      per-request timeout (default 30000)
//   CONTRACT_DRY_RUN         "yes": send nothing; every test reports what it would send or why
//                            it is skipped (see what a run against a real endpoint would do)
#pragma once

#include "harness/client/http_client.hpp"

#include <functional>
#include <string>
#include <vector>

namespace harness::contract_suite {

inline constexpr const char* default_account_id = "9900000";

struct SuiteConfig {
    std::string base_url;          ///< trimmed, no trailing slash; "" = start the mock
    std::string account_id;        ///< never empty
    client::Auth auth;             ///< from USERNAME/PASSWORD or TOKEN; none when unset
    std::string tns_text;          ///< CONTRACT_TNS verbatim
    std::vector<std::string> tns;  ///< parsed CONTRACT_TNS, or the documented numbers by default
    bool tns_from_env = false;     ///< CONTRACT_TNS was set
    std::string order_id;          ///< CONTRACT_ORDER_ID
    std::string allow_disconnect;  ///< CONTRACT_ALLOW_DISCONNECT verbatim
    std::string ca_bundle;         ///< CONTRACT_CA_BUNDLE
    std::string customer_order_id; ///< CONTRACT_CUSTOMER_ORDER_ID
    long timeout_ms = 30000;       ///< CONTRACT_TIMEOUT_MS
    bool dry_run = false;          ///< CONTRACT_DRY_RUN=yes: nothing is sent
};

using EnvLookup = std::function<const char*(const char*)>;

// Reads the configuration; `lookup` defaults to std::getenv. Never throws.
SuiteConfig config_from_env(const EnvLookup& lookup = {});

// Splits "a, b,,c" into {"a","b","c"}.
std::vector<std::string> split_numbers(const std::string& text);

// The documented example numbers, 10-digit (v1 paths) or E.164 (base path ending in /v2).
std::vector<std::string> documented_numbers(bool e164);

// True when the base URL's path ends in /v2 (E.164 numbers).
bool base_uses_e164(const std::string& base_url);

// A one-line description of the target without secrets (userinfo redacted, no credentials).
std::string describe(const SuiteConfig& config);

} // namespace harness::contract_suite
