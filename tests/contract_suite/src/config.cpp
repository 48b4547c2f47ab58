// config.cpp: see config.hpp.
#include "harness/contract_suite/config.hpp"

#include "harness/client/url.hpp"
#include "harness/contract_suite/safety.hpp"

#include <cctype>
#include <cstdlib>

namespace harness::contract_suite {

namespace {

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

} // namespace

std::vector<std::string> split_numbers(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text + ",") {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) {
                out.push_back(current);
            }
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> documented_numbers(bool e164) {
    if (e164) {
        return {"+14158714245", "+14352154439", "+14352154466"};
    }
    return {"4158714245", "4352154439", "4352154466"};
}

bool base_uses_e164(const std::string& base_url) {
    const auto parsed = client::parse_url(base_url);
    const std::string path = parsed ? parsed->path : std::string();
    return path.size() >= 3 && path.compare(path.size() - 3, 3, "/v2") == 0;
}

SuiteConfig config_from_env(const EnvLookup& lookup) {
    auto get_raw = [&](const char* name) -> std::string {
        const char* value = lookup ? lookup(name) : std::getenv(name);
        return value != nullptr ? std::string(value) : std::string();
    };
    auto get = [&](const char* name) { return trim(get_raw(name)); };
    SuiteConfig c;
    c.base_url = get("CONTRACT_BASE_URL");
    while (!c.base_url.empty() && c.base_url.back() == '/') {
        c.base_url.pop_back();
    }
    c.account_id = get("CONTRACT_ACCOUNT_ID");
    if (c.account_id.empty()) {
        c.account_id = default_account_id;
    }
    const std::string user = get("CONTRACT_USERNAME");
    const std::string token = get_raw("CONTRACT_TOKEN"); // secrets verbatim (no trimming)
    if (!user.empty()) {
        c.auth = client::Auth::basic(user, get_raw("CONTRACT_PASSWORD"));
    } else if (!trim(token).empty()) {
        c.auth = client::Auth::bearer(token);
    }
    c.tns_text = get("CONTRACT_TNS");
    c.tns = split_numbers(c.tns_text);
    c.tns_from_env = !c.tns.empty();
    if (c.tns.empty()) {
        c.tns = documented_numbers(base_uses_e164(c.base_url));
    }
    c.order_id = get("CONTRACT_ORDER_ID");
    c.allow_disconnect = get("CONTRACT_ALLOW_DISCONNECT");
    c.ca_bundle = get("CONTRACT_CA_BUNDLE");
    c.customer_order_id = get("CONTRACT_CUSTOMER_ORDER_ID");
    c.dry_run = is_yes(get("CONTRACT_DRY_RUN"));
    const std::string timeout = get("CONTRACT_TIMEOUT_MS");
    if (!timeout.empty()) {
        char* end = nullptr;
        const long value = std::strtol(timeout.c_str(), &end, 10);
        if (end != nullptr && *end == '\0' && value > 0) {
            c.timeout_ms = value;
        }
    }
    return c;
}

std::string describe(const SuiteConfig& config) {
    std::string auth = "none";
    if (config.auth.kind == client::Auth::Kind::basic) {
        auth = "basic (username and password from the environment)";
    } else if (config.auth.kind == client::Auth::Kind::bearer) {
        auth = "bearer (token from the environment)";
    }
    return "target " + client::redact_url(config.base_url) + ", account " + config.account_id +
           ", auth " + auth + ", numbers " +
           (config.tns_from_env ? "from CONTRACT_TNS" : "documented defaults");
}

} // namespace harness::contract_suite
