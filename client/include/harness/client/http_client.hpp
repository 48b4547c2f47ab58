// http_client.hpp: one HTTP exchange as a value. A thin RAII wrapper over a libcurl easy handle:
// request() returns an HttpResult whose `error` says whether the exchange happened at all;
// transport failures (refused, timeout, TLS, ...) are values, never exceptions. HTTPS verifies
// peers against the system CA store unless RequestOptions::ca_bundle names another bundle.
//
//   harness::client::HttpClient client;
//   auto r = client.request("POST", url, {{"Content-Type", "application/xml"}}, body, options);
//   if (!r.ok()) std::cerr << to_string(r.error) << ": " << r.error_text;
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace harness::client {

enum class TransportError {
    none,               // The exchange completed (any HTTP status, including 4xx/5xx)
    invalid_url,        // URL malformed, or its scheme is not http/https
    resolve,            // Host name could not be resolved
    connect,            // TCP connection refused or unreachable
    timeout,            // Connect or total timeout elapsed
    tls,                // TLS handshake or certificate verification failed
    send,               // Sending the request failed
    receive,            // Receiving failed, or the response was malformed / cut short
    response_too_large, // Response body exceeded RequestOptions::max_response_bytes
    internal,           // libcurl could not be set up (out of memory, unknown option)
};

// Stable text, e.g. "connect", "timeout".
std::string_view to_string(TransportError error);

// Response headers in arrival order. Lookup by name is case-insensitive; a header sent several
// times keeps every value.
class HttpHeaders {
public:
    void add(std::string name, std::string value);
    // First value of `name`, or nullopt when absent.
    std::optional<std::string> get(std::string_view name) const;
    // Every value of `name`, in arrival order.
    std::vector<std::string> get_all(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }
    void clear() { entries_.clear(); }

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

struct HttpResult {
    int status = 0;                              ///< HTTP status code; 0 when the exchange failed
    HttpHeaders headers;                         ///< headers of the final response
    std::string body;                            ///< response body bytes
    TransportError error = TransportError::none; ///< none when a response was received
    std::string error_text; ///< human-readable detail of the transport error ("" when none)
    bool ok() const { return error == TransportError::none; }
};

// How to authenticate. Secrets are handed to libcurl only; they are never logged.
struct Auth {
    enum class Kind { none, basic, bearer };
    Kind kind = Kind::none;
    std::string username; ///< basic
    std::string password; ///< basic
    std::string token;    ///< bearer

    static Auth none() { return {}; }
    static Auth basic(std::string user, std::string pass) {
        return {Kind::basic, std::move(user), std::move(pass), {}};
    }
    static Auth bearer(std::string tok) { return {Kind::bearer, {}, {}, std::move(tok)}; }
};

struct RequestOptions {
    Auth auth;                                  ///< credentials sent with the request
    std::string ca_bundle;                      ///< PEM bundle file; "" uses the system CA store
    long connect_timeout_ms = 5000;             ///< TCP + TLS connect timeout
    long timeout_ms = 30000;                    ///< whole-exchange timeout
    std::size_t max_response_bytes = 64u << 20; ///< larger bodies: response_too_large
};

using RequestHeaders = std::vector<std::pair<std::string, std::string>>;

// Owns one libcurl easy handle (connections are reused between requests of the same client).
// Not thread-safe: use one client per thread.
class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Sends one request. `method` is sent verbatim ("GET", "POST", "PUT", ...). A body is sent
    // when non-empty or when the method is POST/PUT. Never throws for transport failures.
    HttpResult request(std::string_view method, const std::string& url,
                       const RequestHeaders& headers, std::string_view body,
                       const RequestOptions& options = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One-shot convenience: a fresh client per call.
HttpResult request(std::string_view method, const std::string& url, const RequestHeaders& headers,
                   std::string_view body, const RequestOptions& options = {});

} // namespace harness::client
