// safety_test.cpp: the safe-by-default decision and the URL helpers under it. Every URL here is
// only parsed; none is dialled and no name is resolved.
#include "harness/client/url.hpp"
#include "harness/contract_suite/safety.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace harness::contract_suite {
namespace {

using ::testing::HasSubstr;

TEST(ContractSuiteSafety, LoopbackTargetsRunEverything) {
    for (const char* url :
         {"http://127.0.0.1:8080/api", "http://127.8.9.10/v1.0", "http://[::1]:9/api",
          "http://localhost:8080", "HTTP://LOCALHOST/api", "http://localhost./api",
          "https://127.0.0.1/api", "http://[::ffff:127.0.0.1]/api"}) {
        const auto d = decide_safety(url, "", "");
        EXPECT_TRUE(d.loopback) << url;
        EXPECT_TRUE(d.destructive_allowed) << url;
        EXPECT_TRUE(d.writes_allowed) << url;
        EXPECT_EQ(d.skip_message, "") << url;
    }
}

TEST(ContractSuiteSafety, NonLoopbackSkipsDestructiveTestsByDefault) {
    for (const char* url :
         {"http://203.0.113.5/api", "https://dashboard.bandwidth.com/api",
          "https://dashboard.bandwidth.com/v1.0", "http://128.0.0.1/api", "http://[::2]/api",
          "http://localhost.example.com/api", "http://10.0.0.1:8080/api"}) {
        const auto d = decide_safety(url, "", "");
        EXPECT_FALSE(d.loopback) << url;
        EXPECT_FALSE(d.destructive_allowed) << url;
        EXPECT_FALSE(d.writes_allowed) << url;
        EXPECT_THAT(d.skip_message, HasSubstr("CONTRACT_ALLOW_DISCONNECT=yes")) << url;
        EXPECT_THAT(d.skip_message, HasSubstr("CONTRACT_TNS=")) << url;
        EXPECT_THAT(d.writes_skip_message, HasSubstr("CONTRACT_ALLOW_DISCONNECT=yes")) << url;
    }
}

TEST(ContractSuiteSafety, OptInNeedsBothAllowAndNumbers) {
    const char* url = "https://dashboard.bandwidth.com/api";
    EXPECT_FALSE(decide_safety(url, "yes", "").destructive_allowed);
    EXPECT_THAT(decide_safety(url, "yes", "").skip_message, HasSubstr("CONTRACT_TNS is empty"));
    EXPECT_TRUE(decide_safety(url, "yes", "").writes_allowed);
    EXPECT_FALSE(decide_safety(url, "", "9195551234").destructive_allowed);
    EXPECT_FALSE(decide_safety(url, "no", "9195551234").destructive_allowed);
    EXPECT_FALSE(decide_safety(url, "yes", " , ").destructive_allowed);
    EXPECT_TRUE(decide_safety(url, "yes", "9195551234").destructive_allowed);
    EXPECT_TRUE(decide_safety(url, " YES ", "9195551234,9195551235").destructive_allowed);
    EXPECT_TRUE(decide_safety("http://203.0.113.5/api", "true", "9195551234").destructive_allowed);
    EXPECT_EQ(decide_safety(url, "yes", "9195551234").skip_message, "");
}

TEST(ContractSuiteSafety, UserinfoCannotDisguiseARemoteHost) {
    // The host is 203.0.113.5; "127.0.0.1" is only the user name.
    const auto d = decide_safety("http://127.0.0.1@203.0.113.5/api", "", "");
    EXPECT_FALSE(d.loopback);
    EXPECT_FALSE(d.destructive_allowed);
    EXPECT_THAT(d.skip_message, HasSubstr("host '203.0.113.5'"));
}

TEST(ContractSuiteSafety, UnparsableUrlCountsAsRemote) {
    for (const char* url : {"", "not a url", "ftp://127.0.0.1/api", "127.0.0.1:8080/api"}) {
        const auto d = decide_safety(url, "", "");
        EXPECT_FALSE(d.loopback) << url;
        EXPECT_FALSE(d.destructive_allowed) << url;
    }
}

TEST(ContractSuiteSafety, IsYes) {
    EXPECT_TRUE(is_yes("yes"));
    EXPECT_TRUE(is_yes("Yes"));
    EXPECT_TRUE(is_yes("1"));
    EXPECT_TRUE(is_yes("true"));
    EXPECT_FALSE(is_yes(""));
    EXPECT_FALSE(is_yes("no"));
    EXPECT_FALSE(is_yes("y"));
}

TEST(ContractSuiteUrl, ParsesWithoutResolving) {
    const auto p = client::parse_url("https://user:pw@Dashboard.Bandwidth.com/api/");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->scheme, "https");
    EXPECT_EQ(p->host, "dashboard.bandwidth.com");
    EXPECT_EQ(p->port, 443);
    EXPECT_EQ(p->path, "/api");
    EXPECT_TRUE(p->has_userinfo);
    const auto v6 = client::parse_url("http://[::1]:8080/v1.0");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(v6->port, 8080);
    EXPECT_FALSE(client::parse_url("mailto:x@y"));
    EXPECT_FALSE(client::parse_url("http://"));
}

TEST(ContractSuiteUrl, RedactsUserinfo) {
    EXPECT_EQ(client::redact_url("https://user:secret@host.example/api"),
              "https://***@host.example/api");
    EXPECT_EQ(client::redact_url("http://127.0.0.1:8080/api"), "http://127.0.0.1:8080/api");
    EXPECT_EQ(client::redact_url("http://h/a@b"), "http://h/a@b");
}

TEST(ContractSuiteUrl, LoopbackHosts) {
    EXPECT_TRUE(client::is_loopback_host("127.0.0.1"));
    EXPECT_TRUE(client::is_loopback_host("127.255.255.254"));
    EXPECT_TRUE(client::is_loopback_host("::1"));
    EXPECT_TRUE(client::is_loopback_host("[::1]"));
    EXPECT_TRUE(client::is_loopback_host("localhost"));
    EXPECT_FALSE(client::is_loopback_host("0.0.0.0"));
    EXPECT_FALSE(client::is_loopback_host("126.0.0.1"));
    EXPECT_FALSE(client::is_loopback_host("127.0.0.1.example.com"));
    EXPECT_FALSE(client::is_loopback_host("my-localhost"));
    EXPECT_FALSE(client::is_loopback_host(""));
}

} // namespace
} // namespace harness::contract_suite
