// http_client.hpp: the tests' HTTP client. HttpClient wraps one libcurl easy handle, so successive
// requests reuse the connection (keep-alive) the way a real client would; raw_exchange() sends
// arbitrary bytes for malformed requests. Loopback only.
#pragma once

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstring>
#include <curl/curl.h>
#include <map>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <vector>

namespace harness::testing {

// Basic dXNlcm5hbWU6cGFzc3dvcmQ= is "username:password", the documentation's example.
inline const std::string documented_authorization = "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=";

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers; ///< lower-case names
    std::string body;
    long new_connections = 0; ///< CURLINFO_NUM_CONNECTS: 0 when the connection was reused
    std::string error;        ///< curl's message when the transfer failed

    std::string header(const std::string& lower_name) const {
        const auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
    bool has_header(const std::string& lower_name) const { return headers.count(lower_name) != 0; }
};

class HttpClient {
public:
    HttpClient() : handle_(curl_easy_init()) {
        if (handle_ == nullptr) {
            throw std::runtime_error("curl_easy_init failed");
        }
    }
    ~HttpClient() { curl_easy_cleanup(handle_); }
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `headers` are full header lines; the documented Authorization is added unless
    // `with_auth` is false or `headers` already carries an Authorization line.
    HttpResponse request(const std::string& method, const std::string& url,
                         const std::string& body = {}, std::vector<std::string> headers = {},
                         bool with_auth = true) {
        curl_easy_reset(handle_); // keeps the connection cache
        HttpResponse response;
        const bool has_auth = std::any_of(headers.begin(), headers.end(), [](const auto& h) {
            return lower(h.substr(0, 14)) == "authorization:";
        });
        if (with_auth && !has_auth) {
            headers.push_back(documented_authorization);
        }
        headers.push_back("Expect:"); // no 100-continue round trip for large bodies
        curl_slist* list = nullptr;
        for (const auto& h : headers) {
            list = curl_slist_append(list, h.c_str());
        }
        curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
        curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, list);
        curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(handle_, CURLOPT_TIMEOUT, 20L);
        curl_easy_setopt(handle_, CURLOPT_PROTOCOLS_STR, "http");
        if (method == "HEAD") {
            curl_easy_setopt(handle_, CURLOPT_NOBODY, 1L);
        } else if (method != "GET" || !body.empty()) {
            curl_easy_setopt(handle_, CURLOPT_CUSTOMREQUEST, method.c_str());
            curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, body.data());
            curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(body.size()));
        }
        curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &HttpClient::on_body);
        curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &response);
        curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, &HttpClient::on_header);
        curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &response);
        const CURLcode rc = curl_easy_perform(handle_);
        curl_slist_free_all(list);
        if (rc != CURLE_OK) {
            response.error = curl_easy_strerror(rc);
        }
        curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &response.status);
        curl_easy_getinfo(handle_, CURLINFO_NUM_CONNECTS, &response.new_connections);
        return response;
    }

    HttpResponse get(const std::string& url) { return request("GET", url); }
    HttpResponse post(const std::string& url, const std::string& body,
                      std::vector<std::string> headers = {"Content-Type: application/xml"}) {
        return request("POST", url, body, std::move(headers));
    }

    static std::string lower(std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    }

private:
    static size_t on_body(char* data, size_t size, size_t count, void* user) {
        static_cast<HttpResponse*>(user)->body.append(data, size * count);
        return size * count;
    }
    static size_t on_header(char* data, size_t size, size_t count, void* user) {
        auto* response = static_cast<HttpResponse*>(user);
        std::string line(data, size * count);
        if (line.rfind("HTTP/", 0) == 0) {
            response->headers.clear(); // a new status line (e.g. after 100 Continue)
        }
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            auto value = line.substr(colon + 1);
            const auto first = value.find_first_not_of(" \t");
            const auto last = value.find_last_not_of(" \t\r\n");
            value =
                first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
            response->headers[lower(line.substr(0, colon))] = value;
        }
        return size * count;
    }

    CURL* handle_;
};

// Sends `bytes` to 127.0.0.1:port and returns everything the server sends back until it closes
// the connection, `timeout_ms` passes without data, or (when `stop_after_response`) one complete
// response (headers + Content-Length bytes) has arrived.
inline std::string raw_exchange(unsigned short port, const std::string& bytes,
                                bool stop_after_response = true, int timeout_ms = 5000,
                                bool half_close = false) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error("socket failed");
    }
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            break;
        }
        sent += static_cast<std::size_t>(n);
    }
    if (half_close) {
        ::shutdown(fd, SHUT_WR);
    }
    std::string received;
    char buffer[8192];
    for (;;) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            break;
        }
        received.append(buffer, static_cast<std::size_t>(n));
        if (stop_after_response) {
            const auto end = received.find("\r\n\r\n");
            if (end != std::string::npos) {
                std::size_t length = 0;
                const auto lower_head = HttpClient::lower(received.substr(0, end));
                const auto cl = lower_head.find("content-length:");
                if (cl != std::string::npos) {
                    length = std::stoul(lower_head.substr(cl + 15));
                }
                if (received.size() >= end + 4 + length) {
                    break;
                }
            }
        }
    }
    ::close(fd);
    return received;
}

} // namespace harness::testing
