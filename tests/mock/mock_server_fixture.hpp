// mock_server_fixture.hpp: an in-process MockServer on a free port per test (SetUp/TearDown), a
// keep-alive HTTP client, and builders for order bodies.
#pragma once

#include "fixture_paths.hpp"
#include "harness/mock/server.hpp"
#include "http_client.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace harness::testing {

inline constexpr const char* canned_order_id = "ba05e04b-192a-47cb-b182-b1bf6cfef0d7";

class MockServerTest : public ::testing::Test {
protected:
    // Override to change options before the server starts.
    virtual void configure(mock::ServerOptions& /*options*/) {}

    void SetUp() override {
        mock::ServerOptions options;
        options.port = 0;
        options.threads = 2;
        configure(options);
        server_ = std::make_unique<mock::MockServer>(options);
        server_->start();
        ASSERT_NE(server_->port(), 0);
    }
    void TearDown() override {
        if (server_) {
            server_->stop();
        }
    }

    std::string url(const std::string& path) const { return server_->base_url() + path; }
    std::string authority() const { return "127.0.0.1:" + std::to_string(server_->port()); }
    unsigned short port() const { return server_->port(); }

    // POST an order body under `prefix` for account 9900000.
    HttpResponse create(const std::string& body, const std::string& prefix = "/api") {
        return client_.post(url(prefix + "/accounts/9900000/disconnects"), body);
    }

    std::unique_ptr<mock::MockServer> server_;
    HttpClient client_;
};

// A DisconnectTelephoneNumberOrder with the given numbers; `type_extra` goes inside the order type
// after the list, `root_extra` after the order type.
inline std::string order_xml(const std::vector<std::string>& numbers,
                             const std::string& type_extra = {},
                             const std::string& root_extra = {}) {
    std::string xml = "<?xml version=\"1.0\"?>\n<DisconnectTelephoneNumberOrder>"
                      "<DisconnectTelephoneNumberOrderType><TelephoneNumberList>";
    for (const auto& n : numbers) {
        xml += "<TelephoneNumber>" + n + "</TelephoneNumber>";
    }
    xml += "</TelephoneNumberList>" + type_extra + "</DisconnectTelephoneNumberOrderType>" +
           root_extra + "</DisconnectTelephoneNumberOrder>";
    return xml;
}

// `count` distinct valid 10-digit numbers: 4155500000, 4155500001, ...
inline std::vector<std::string> numbers(std::size_t count) {
    std::vector<std::string> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string suffix = std::to_string(i);
        out.push_back("41555" + std::string(5 - suffix.size(), '0') + suffix);
    }
    return out;
}

inline std::string order_error_xml(int code, const std::string& description) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
           "<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>" +
           std::to_string(code) + "</Code><Description>" + description +
           "</Description></Error></ErrorList></DisconnectTelephoneNumberOrderResponse>";
}

// The <Code> of an order error body, -1 when absent.
inline int error_code_of(const std::string& body) {
    for (const char* tag : {"<Code>", "<ErrorCode>"}) {
        const auto begin = body.find(tag);
        if (begin != std::string::npos) {
            return std::stoi(body.substr(begin + std::strlen(tag)));
        }
    }
    return -1;
}

} // namespace harness::testing
