// target.cpp: see target.hpp.
#include "harness/contract_suite/target.hpp"

#include "harness/client/url.hpp"
#include "harness/contract_suite/checks.hpp"

#include <chrono>

namespace harness::contract_suite {

namespace {

constexpr const char* listening_prefix = "listening on ";
constexpr std::chrono::milliseconds mock_start_timeout{20000};
// Credentials for a loopback target when none are configured (the mock accepts any).
constexpr const char* placeholder_user = "contract-tests";

} // namespace

std::string base64(std::string_view data) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) |
                           static_cast<unsigned char>(data[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i + 1 == data.size()) {
        const unsigned v = static_cast<unsigned char>(data[i]) << 16;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::unique_ptr<Target> Target::create(SuiteConfig config, std::string* error) {
    std::unique_ptr<Target> t(new Target());
    t->config_ = std::move(config);
    if (t->config_.base_url.empty()) {
        const std::string dir = executable_dir();
        const std::string mock = (dir.empty() ? std::string(".") : dir) + "/mock_server";
        SpawnOptions spawn;
        spawn.argv = {mock, "--port", "0", "--host", "127.0.0.1"};
        std::string spawn_error;
        auto child = ChildProcess::spawn(spawn, &spawn_error);
        if (!child) {
            if (error != nullptr) {
                *error =
                    "CONTRACT_BASE_URL is not set, so contract_tests starts the mock_server of "
                    "its own build, but " +
                    spawn_error +
                    ". Build it (cmake --build build --target mock_server) or set "
                    "CONTRACT_BASE_URL.";
            }
            return nullptr;
        }
        std::string seen;
        const auto line = child->wait_for_line(listening_prefix, mock_start_timeout, &seen);
        if (!line) {
            if (error != nullptr) {
                *error = "started " + mock + " --port 0 but it printed no '" +
                         std::string(listening_prefix) +
                         "http://HOST:PORT' line (output: " + quote(seen) + ")";
            }
            return nullptr;
        }
        child->drain_in_background();
        t->base_url_ = line->substr(std::string(listening_prefix).size());
        while (!t->base_url_.empty() &&
               (t->base_url_.back() == '/' || t->base_url_.back() == ' ')) {
            t->base_url_.pop_back();
        }
        t->base_url_ += "/api";
        t->mock_ = std::move(child);
    } else {
        t->base_url_ = t->config_.base_url;
        if (!client::parse_url(t->base_url_)) {
            if (error != nullptr) {
                *error = "CONTRACT_BASE_URL " + quote(client::redact_url(t->base_url_)) +
                         " is not an absolute http:// or https:// URL";
            }
            return nullptr;
        }
    }
    t->safety_ = decide_safety(t->base_url_, t->config_.allow_disconnect, t->config_.tns_text);
    t->numbers_ = base_uses_e164(t->base_url_) ? contracts::NumberFormat::e164
                                               : contracts::NumberFormat::nanp10;
    if (!t->config_.tns_from_env) {
        t->config_.tns = documented_numbers(t->numbers_ == contracts::NumberFormat::e164);
    }
    t->auth_ = t->config_.auth;
    if (t->auth_.kind == client::Auth::Kind::none && t->safety_.loopback) {
        t->auth_ = client::Auth::basic(placeholder_user, placeholder_user);
        t->placeholder_auth_ = true;
    }
    const auto& a = t->config_.auth;
    for (const std::string& s : {a.password, a.token}) {
        if (s.size() >= 3) {
            t->secrets_.push_back(s);
        }
    }
    if (a.kind == client::Auth::Kind::basic) {
        t->secrets_.push_back(base64(a.username + ":" + a.password));
    }
    return t;
}

Target::~Target() {
    if (mock_) {
        mock_->terminate();
    }
}

std::string Target::orders_path(std::string_view suffix) const {
    return "/accounts/" + config_.account_id + "/disconnects" + std::string(suffix);
}

client::HttpResult Target::send(std::string_view method, const std::string& path,
                                std::string_view body, bool with_auth) {
    if (config_.dry_run) {
        client::HttpResult nothing;
        nothing.error = client::TransportError::internal;
        nothing.error_text = "dry run: not sent";
        return nothing;
    }
    client::RequestOptions options;
    options.auth = with_auth ? auth_ : client::Auth::none();
    options.ca_bundle = config_.ca_bundle;
    options.timeout_ms = config_.timeout_ms;
    client::RequestHeaders headers = {{"Accept", "application/xml"},
                                      {"User-Agent", "harness-contract-tests"}};
    if (!body.empty()) {
        headers.emplace_back("Content-Type", "application/xml; charset=utf-8");
    }
    auto result = http_.request(method, base_url_ + path, headers, body, options);
    result.error_text = scrub(result.error_text);
    return result;
}

std::string Target::scrub(std::string text) const {
    for (const auto& secret : secrets_) {
        for (auto pos = text.find(secret); pos != std::string::npos;
             pos = text.find(secret, pos + 3)) {
            text.replace(pos, secret.size(), "***");
        }
    }
    return text;
}

std::string Target::summary() const {
    std::string auth = "none";
    if (placeholder_auth_) {
        auth =
            "placeholder Basic credentials (no CONTRACT_USERNAME/CONTRACT_TOKEN; loopback target)";
    } else if (auth_.kind == client::Auth::Kind::basic) {
        auth = "Basic (CONTRACT_USERNAME/CONTRACT_PASSWORD)";
    } else if (auth_.kind == client::Auth::Kind::bearer) {
        auth = "Bearer (CONTRACT_TOKEN)";
    }
    std::string s =
        "contract_tests: target " + client::redact_url(base_url_) +
        (mock_
             ? " (mock_server started by contract_tests, pid " + std::to_string(mock_->pid()) + ")"
             : std::string()) +
        "\ncontract_tests: account " + config_.account_id + ", auth " + auth + ", numbers " +
        (config_.tns_from_env ? "from CONTRACT_TNS" : "documented defaults");
    if (auth_.kind == client::Auth::Kind::none) {
        s += "\ncontract_tests: WARNING no credentials: set CONTRACT_USERNAME and "
             "CONTRACT_PASSWORD (Basic) or CONTRACT_TOKEN (Bearer)";
    }
    if (config_.dry_run) {
        s += "\ncontract_tests: DRY RUN (CONTRACT_DRY_RUN): no request is sent";
    }
    s += "\ncontract_tests: disconnecting requests ";
    if (safety_.destructive_allowed) {
        s += safety_.loopback ? "enabled (loopback target)"
                              : "ENABLED (CONTRACT_ALLOW_DISCONNECT=yes and CONTRACT_TNS set)";
    } else {
        s += safety_.skip_message;
    }
    return scrub(s);
}

} // namespace harness::contract_suite
