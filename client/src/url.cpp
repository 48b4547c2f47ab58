// url.cpp: parsing with libcurl's URL API (no resolution, no connection) and a loopback test on
// the literal host text.
#include "harness/client/url.hpp"

#include "curl_global.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstring>
#include <curl/curl.h>
#include <memory>

namespace harness::client {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlFree {
    void operator()(char* p) const { curl_free(p); }
};

std::optional<std::string> get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
    char* raw = nullptr;
    if (curl_url_get(u, part, &raw, flags) != CURLUE_OK || raw == nullptr) {
        return std::nullopt;
    }
    std::unique_ptr<char, CurlFree> owned(raw);
    return std::string(raw);
}

} // namespace

std::optional<ParsedUrl> parse_url(std::string_view url) {
    detail::ensure_curl_global();
    std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
    if (!u) {
        return std::nullopt;
    }
    const std::string text(url);
    if (text.empty() || text.find_first_of(" \t\r\n") != std::string::npos ||
        curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
        return std::nullopt;
    }
    ParsedUrl parsed;
    auto scheme = get_part(u.get(), CURLUPART_SCHEME);
    auto host = get_part(u.get(), CURLUPART_HOST);
    auto port = get_part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    auto path = get_part(u.get(), CURLUPART_PATH);
    if (!scheme || !host || host->empty()) {
        return std::nullopt;
    }
    parsed.scheme = lower(*scheme);
    if (parsed.scheme != "http" && parsed.scheme != "https") {
        return std::nullopt;
    }
    parsed.host = lower(*host);
    if (parsed.host.size() >= 2 && parsed.host.front() == '[' && parsed.host.back() == ']') {
        parsed.host = parsed.host.substr(1, parsed.host.size() - 2);
    }
    try {
        parsed.port = port ? std::stoi(*port) : 0;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    parsed.path = path.value_or("");
    while (!parsed.path.empty() && parsed.path.back() == '/') {
        parsed.path.pop_back();
    }
    parsed.has_userinfo = get_part(u.get(), CURLUPART_USER).has_value();
    return parsed;
}

bool is_loopback_host(std::string_view host_text) {
    std::string host = lower(std::string(host_text));
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (!host.empty() && host.back() == '.') {
        host.pop_back(); // "localhost." is the same name
    }
    if (host == "localhost") {
        return true;
    }
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
        static const unsigned char loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        if (std::memcmp(v6.s6_addr, loopback, 16) == 0) {
            return true;
        }
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        return std::memcmp(v6.s6_addr, mapped, 12) == 0 && v6.s6_addr[12] == 127;
    }
    return false;
}

std::string redact_url(std::string_view url) {
    std::string text(url);
    const auto scheme_end = text.find("://");
    const std::size_t authority_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const auto authority_end = text.find_first_of("/?#", authority_start);
    const auto at =
        text.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
    if (at == std::string::npos || at < authority_start) {
        return text;
    }
    return text.substr(0, authority_start) + "***@" + text.substr(at + 1);
}

} // namespace harness::client
