// requests_test.cpp: request bodies and the environment configuration.
#include "fixture_paths.hpp"
#include "harness/contract_suite/config.hpp"
#include "harness/contract_suite/requests.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>

namespace harness::contract_suite {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(ContractSuiteRequests, DefaultCreateIsTheDocumentedRequestByteForByte) {
    CreateSpec spec;
    spec.numbers = documented_numbers(false);
    EXPECT_EQ(build_create_request(spec),
              harness::testing::fixture("disconnects/create_request.xml"));
}

TEST(ContractSuiteRequests, MissingWrapperPutsTheListUnderTheRoot) {
    CreateSpec spec;
    spec.numbers = {"4158714245"};
    spec.wrapper = false;
    const auto body = build_create_request(spec);
    EXPECT_THAT(body, Not(HasSubstr("DisconnectTelephoneNumberOrderType")));
    EXPECT_THAT(body, HasSubstr("<DisconnectTelephoneNumberOrder>\n    <name>"));
    EXPECT_THAT(body, HasSubstr("    <TelephoneNumberList>\n        <TelephoneNumber>"));
}

TEST(ContractSuiteRequests, OptionalElementsAndEscaping) {
    CreateSpec spec;
    spec.numbers = {"4158714245"};
    spec.customer_order_id = "a<b";
    spec.disconnect_mode = "normal";
    const auto body = build_create_request(spec);
    EXPECT_THAT(body, HasSubstr("<CustomerOrderId>\n        a&lt;b\n    </CustomerOrderId>"));
    EXPECT_THAT(body, HasSubstr("<DisconnectMode>\n            normal\n        </DisconnectMode>"));
    EXPECT_THAT(build_note_request("u&1", "d"), HasSubstr("<UserId>u&amp;1</UserId>"));
}

TEST(ContractSuiteConfig, DefaultsForTheMock) {
    const auto c = config_from_env([](const char*) -> const char* { return nullptr; });
    EXPECT_EQ(c.base_url, "");
    EXPECT_EQ(c.account_id, "9900000");
    EXPECT_EQ(c.auth.kind, client::Auth::Kind::none);
    EXPECT_FALSE(c.tns_from_env);
    EXPECT_THAT(c.tns, ElementsAre("4158714245", "4352154439", "4352154466"));
    EXPECT_EQ(c.timeout_ms, 30000);
}

TEST(ContractSuiteConfig, ReadsEveryVariable) {
    const std::map<std::string, std::string> env = {
        {"CONTRACT_BASE_URL", " https://dashboard.bandwidth.com/api/v2/ "},
        {"CONTRACT_ACCOUNT_ID", "12345"},
        {"CONTRACT_USERNAME", "alice"},
        {"CONTRACT_PASSWORD", "pw"},
        {"CONTRACT_TOKEN", "ignored-when-username-set"},
        {"CONTRACT_TNS", "+19195551234, +19195551235"},
        {"CONTRACT_ORDER_ID", "abc"},
        {"CONTRACT_ALLOW_DISCONNECT", "yes"},
        {"CONTRACT_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt"},
        {"CONTRACT_CUSTOMER_ORDER_ID", "ci-1"},
        {"CONTRACT_TIMEOUT_MS", "5000"}};
    const auto c = config_from_env([&](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    });
    EXPECT_EQ(c.base_url, "https://dashboard.bandwidth.com/api/v2");
    EXPECT_EQ(c.account_id, "12345");
    EXPECT_EQ(c.auth.kind, client::Auth::Kind::basic);
    EXPECT_EQ(c.auth.username, "alice");
    EXPECT_EQ(c.auth.password, "pw");
    EXPECT_TRUE(c.tns_from_env);
    EXPECT_THAT(c.tns, ElementsAre("+19195551234", "+19195551235"));
    EXPECT_EQ(c.order_id, "abc");
    EXPECT_EQ(c.allow_disconnect, "yes");
    EXPECT_EQ(c.ca_bundle, "/etc/ssl/certs/ca-certificates.crt");
    EXPECT_EQ(c.customer_order_id, "ci-1");
    EXPECT_EQ(c.timeout_ms, 5000);
    EXPECT_TRUE(base_uses_e164(c.base_url));
    EXPECT_THAT(describe(c), Not(HasSubstr("pw")));
}

TEST(ContractSuiteConfig, BearerTokenWhenNoUsername) {
    const auto c = config_from_env([](const char* name) -> const char* {
        return std::string(name) == "CONTRACT_TOKEN" ? "tok-123" : nullptr;
    });
    EXPECT_EQ(c.auth.kind, client::Auth::Kind::bearer);
    EXPECT_EQ(c.auth.token, "tok-123");
}

} // namespace
} // namespace harness::contract_suite
