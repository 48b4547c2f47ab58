// auth_test.cpp: the --auth policies and the error texts, without a server.
#include "harness/mock/auth.hpp"
#include "harness/mock/error_bodies.hpp"

#include <gtest/gtest.h>

namespace harness::mock {
namespace {

TEST(MockAuth, ParseAcceptsTheThreeForms) {
    EXPECT_EQ(AuthPolicy::parse("any")->kind(), AuthPolicy::Kind::any);
    EXPECT_EQ(AuthPolicy::parse("none")->kind(), AuthPolicy::Kind::none);
    EXPECT_EQ(AuthPolicy::parse("user:p:w")->kind(), AuthPolicy::Kind::basic_pair);
    EXPECT_FALSE(AuthPolicy::parse("nocolon"));
    EXPECT_FALSE(AuthPolicy::parse(":password"));
}

TEST(MockAuth, AnyAcceptsBasicAndBearerOnly) {
    const auto any = AuthPolicy::any();
    const std::string basic = "Basic dXNlcm5hbWU6cGFzc3dvcmQ=";
    const std::string bearer = "bearer abc";
    const std::string empty_basic = "Basic ";
    const std::string digest = "Digest x";
    EXPECT_TRUE(any.accepts(&basic));
    EXPECT_TRUE(any.accepts(&bearer));
    EXPECT_FALSE(any.accepts(&empty_basic));
    EXPECT_FALSE(any.accepts(&digest));
    EXPECT_FALSE(any.accepts(nullptr));
}

TEST(MockAuth, PairRequiresExactCredentials) {
    const auto pair = AuthPolicy::basic("username", "password");
    const std::string right = "Basic dXNlcm5hbWU6cGFzc3dvcmQ=";
    const std::string wrong = "Basic dXNlcm5hbWU6d3Jvbmc=";
    const std::string junk = "Basic !!!";
    EXPECT_TRUE(pair.accepts(&right));
    EXPECT_FALSE(pair.accepts(&wrong));
    EXPECT_FALSE(pair.accepts(&junk));
    EXPECT_FALSE(pair.accepts(nullptr));
    EXPECT_EQ(pair.describe(), "username:***");
}

TEST(MockAuth, NoneAcceptsMissingCredentials) {
    EXPECT_TRUE(AuthPolicy::none().accepts(nullptr));
}

TEST(MockAuth, Base64Decodes) {
    EXPECT_EQ(base64_decode("dXNlcm5hbWU6cGFzc3dvcmQ="), "username:password");
    EXPECT_EQ(base64_decode("YQ"), "a");
    EXPECT_FALSE(base64_decode("a"));
    EXPECT_FALSE(base64_decode("a$b="));
}

TEST(MockErrorBodies, DescriptionsFillPlaceholders) {
    EXPECT_EQ(error_description(5095, {}, 12),
              "The count of telephone numbers in order exceeds the maximum size of 12");
    EXPECT_EQ(error_description(5108, "  maybe\n"),
              "Protected attribute 'maybe' is invalid. Valid values: TRUE, FALSE, UNCHANGED");
    EXPECT_EQ(error_description(4242, {}, 0, "fallback"), "fallback");
}

TEST(MockErrorBodies, LongValuesAreCutOnCharacterBoundary) {
    const std::string value = std::string(63, 'a') + "\xC3\xA9" + "tail";
    const auto text = error_description(5084, value);
    EXPECT_NE(text.find(std::string(63, 'a') + "..."), std::string::npos) << text;
}

TEST(MockErrorBodies, CodeBeforeDescriptionAndEscaped) {
    EXPECT_EQ(order_error_body(5002, "a<b"),
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              "<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>5002</Code>"
              "<Description>a&lt;b</Description></Error></ErrorList>"
              "</DisconnectTelephoneNumberOrderResponse>");
}

} // namespace
} // namespace harness::mock
