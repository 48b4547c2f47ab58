// http_client.cpp: libcurl easy-handle wrapper. Every libcurl error becomes a TransportError
// value; no exception escapes for transport problems.
#include "harness/client/http_client.hpp"

#include "curl_global.hpp"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <mutex>

namespace harness::client {

namespace detail {

bool ensure_curl_global() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
    return ok;
}

} // namespace detail

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

struct Transfer {
    HttpResult* result;
    std::size_t max_bytes;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->result->body.size() + n > t->max_bytes) {
        t->too_large = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->result->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new response starts (interim 1xx or a redirect): keep only the final headers.
        t->result->headers.clear();
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return n; // blank line or obsolete folding: ignored
    }
    t->result->headers.add(std::string(trim(line.substr(0, colon))),
                           std::string(trim(line.substr(colon + 1))));
    return n;
}

TransportError classify(CURLcode code) {
    switch (code) {
    case CURLE_OK:
        return TransportError::none;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return TransportError::invalid_url;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return TransportError::resolve;
    case CURLE_COULDNT_CONNECT:
        return TransportError::connect;
    case CURLE_OPERATION_TIMEDOUT:
        return TransportError::timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
        return TransportError::tls;
    case CURLE_SEND_ERROR:
        return TransportError::send;
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WRITE_ERROR:
        return TransportError::receive;
    default:
        return TransportError::internal;
    }
}

} // namespace

std::string_view to_string(TransportError error) {
    switch (error) {
    case TransportError::none:
        return "none";
    case TransportError::invalid_url:
        return "invalid_url";
    case TransportError::resolve:
        return "resolve";
    case TransportError::connect:
        return "connect";
    case TransportError::timeout:
        return "timeout";
    case TransportError::tls:
        return "tls";
    case TransportError::send:
        return "send";
    case TransportError::receive:
        return "receive";
    case TransportError::response_too_large:
        return "response_too_large";
    case TransportError::internal:
        return "internal";
    }
    return "unknown";
}

void HttpHeaders::add(std::string name, std::string value) {
    entries_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> HttpHeaders::get(std::string_view name) const {
    for (const auto& [key, value] : entries_) {
        if (iequals(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string> HttpHeaders::get_all(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : entries_) {
        if (iequals(key, name)) {
            values.push_back(value);
        }
    }
    return values;
}

struct HttpClient::Impl {
    CURL* handle = nullptr;
    ~Impl() {
        if (handle != nullptr) {
            curl_easy_cleanup(handle);
        }
    }
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
    if (detail::ensure_curl_global()) {
        impl_->handle = curl_easy_init();
    }
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResult HttpClient::request(std::string_view method, const std::string& url,
                               const RequestHeaders& headers, std::string_view body,
                               const RequestOptions& options) {
    HttpResult result;
    if (!impl_ || impl_->handle == nullptr) {
        result.error = TransportError::internal;
        result.error_text = "libcurl could not be initialised";
        return result;
    }
    CURL* h = impl_->handle;
    curl_easy_reset(h);

    Transfer transfer{&result, options.max_response_bytes};
    char error_buffer[CURL_ERROR_SIZE] = {};
    const std::string method_text(method);

    curl_slist* header_list = nullptr;
    bool list_ok = true;
    auto append = [&](const std::string& line) {
        curl_slist* next = curl_slist_append(header_list, line.c_str());
        if (next == nullptr) {
            list_ok = false;
            return;
        }
        header_list = next;
    };
    for (const auto& [name, value] : headers) {
        append(name + ": " + value);
    }
    append("Expect:"); // no 100-continue round trip
    const bool has_content_type =
        std::any_of(headers.begin(), headers.end(),
                    [](const auto& header) { return iequals(header.first, "Content-Type"); });
    if (!has_content_type) {
        append("Content-Type:"); // no libcurl default (application/x-www-form-urlencoded)
    }
    if (options.auth.kind == Auth::Kind::bearer) {
        append("Authorization: Bearer " + options.auth.token);
    }

    CURLcode rc = CURLE_OK;
    auto set = [&](CURLoption opt, auto value) {
        if (rc == CURLE_OK) {
            rc = curl_easy_setopt(h, opt, value);
        }
    };
    set(CURLOPT_ERRORBUFFER, error_buffer);
    set(CURLOPT_URL, url.c_str());
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_FOLLOWLOCATION, 0L);
    set(CURLOPT_CUSTOMREQUEST, method_text.c_str());
    const bool send_body = !body.empty() || method == "POST" || method == "PUT";
    if (send_body) {
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        // Never NULL: a NULL POSTFIELDS would make libcurl read the body from stdin.
        set(CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());
    } else if (method == "HEAD") {
        set(CURLOPT_NOBODY, 1L);
    } else {
        set(CURLOPT_HTTPGET, 1L);
    }
    set(CURLOPT_HTTPHEADER, header_list);
    set(CURLOPT_WRITEFUNCTION, on_body);
    set(CURLOPT_WRITEDATA, &transfer);
    set(CURLOPT_HEADERFUNCTION, on_header);
    set(CURLOPT_HEADERDATA, &transfer);
    set(CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    set(CURLOPT_TIMEOUT_MS, options.timeout_ms);
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_bundle.empty()) {
        set(CURLOPT_CAINFO, options.ca_bundle.c_str());
    }
    if (options.auth.kind == Auth::Kind::basic) {
        set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        set(CURLOPT_USERNAME, options.auth.username.c_str());
        set(CURLOPT_PASSWORD, options.auth.password.c_str());
    }

    if (!list_ok || rc != CURLE_OK) {
        curl_slist_free_all(header_list);
        result.error = TransportError::internal;
        result.error_text = rc != CURLE_OK ? curl_easy_strerror(rc) : "out of memory";
        return result;
    }

    rc = curl_easy_perform(h);
    curl_slist_free_all(header_list);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    if (rc != CURLE_OK) {
        result.error = transfer.too_large ? TransportError::response_too_large : classify(rc);
        result.error_text = transfer.too_large
                                ? "response body larger than " +
                                      std::to_string(options.max_response_bytes) + " bytes"
                                : (error_buffer[0] != '\0' ? std::string(error_buffer)
                                                           : std::string(curl_easy_strerror(rc)));
        result.status = 0;
        return result;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    result.status = static_cast<int>(status);
    return result;
}

HttpResult request(std::string_view method, const std::string& url, const RequestHeaders& headers,
                   std::string_view body, const RequestOptions& options) {
    HttpClient client;
    return client.request(method, url, headers, body, options);
}

} // namespace harness::client
