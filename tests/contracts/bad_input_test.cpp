// bad_input_test.cpp: hostile and broken bodies come back as error-level violations with a
// specific code, never as a crash, a throw or a hang.
#include "violation_matchers.hpp"

#include <chrono>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <random>

namespace hc = harness::contracts;
using harness::testing::HasViolation;
using harness::testing::validate_as;
using hc::ViolationCode;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

hc::Violations auto_validate(std::string_view body, hc::ValidationOptions options = {}) {
    return hc::validate_body_auto(hc::Registry::builtin(), body, options);
}

std::string deep(std::size_t depth, const std::string& root = "DisconnectTelephoneNumberOrder") {
    std::string s = "<" + root + ">";
    for (std::size_t i = 0; i < depth; ++i) {
        s += "<a>";
    }
    for (std::size_t i = 0; i < depth; ++i) {
        s += "</a>";
    }
    return s + "</" + root + ">";
}

// A valid create request with `count` distinct numbers (about 40 bytes each).
std::string big_order(std::size_t count) {
    std::string s = "<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType>"
                    "<TelephoneNumberList>\n";
    s.reserve(count * 45 + 256);
    for (std::size_t i = 0; i < count; ++i) {
        s += "<TelephoneNumber>";
        s += std::to_string(2000000000ULL + i);
        s += "</TelephoneNumber>\n";
    }
    return s + "</TelephoneNumberList></DisconnectTelephoneNumberOrderType>"
               "</DisconnectTelephoneNumberOrder>";
}

} // namespace

TEST(BadInput, EmptyBody) {
    EXPECT_THAT(validate_as("create_request", ""),
                ElementsAre(HasViolation(ViolationCode::body_empty, "/")));
    EXPECT_THAT(auto_validate(" \r\n\t "),
                ElementsAre(HasViolation(ViolationCode::body_empty, "/")));
}

TEST(BadInput, NotXml) {
    EXPECT_THAT(auto_validate("hello world"),
                ElementsAre(HasViolation(ViolationCode::xml_malformed, "/")));
    EXPECT_THAT(auto_validate("{\"json\": true}"),
                ElementsAre(HasViolation(ViolationCode::xml_malformed, "/")));
}

TEST(BadInput, TruncatedDocumentReportsOffset) {
    const std::string full = harness::testing::fixture("disconnects/create_request.xml");
    const auto v = validate_as("create_request", full.substr(0, full.size() / 2));
    ASSERT_THAT(v, ElementsAre(HasViolation(ViolationCode::xml_malformed, "/")));
    EXPECT_EQ(v[0].severity, hc::Severity::error);
    EXPECT_EQ(v[0].actual.rfind("offset ", 0), 0u) << v[0].actual;
}

TEST(BadInput, EveryPrefixOfTheDocumentedRequestIsHandled) {
    const std::string full = harness::testing::fixture("disconnects/create_request.xml");
    const std::size_t end = full.rfind('>'); // every prefix before the root's last '>'
    for (std::size_t n = 0; n < end; ++n) {
        const auto v = validate_as("create_request", full.substr(0, n));
        EXPECT_FALSE(hc::is_valid(v)) << "prefix of " << n << " bytes";
    }
}

TEST(BadInput, RandomMutationsNeverCrash) {
    const std::string full = harness::testing::fixture("disconnects/create_request.xml");
    std::mt19937 rng(12345);
    for (int round = 0; round < 2000; ++round) {
        std::string mutated = full;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            mutated[rng() % mutated.size()] = static_cast<char>(rng() % 256);
        }
        const auto v = auto_validate(mutated);
        for (const auto& violation : v) {
            EXPECT_FALSE(violation.path.empty());
        }
    }
}

TEST(BadInput, UnknownRoot) {
    EXPECT_THAT(auto_validate("<Foo/>"),
                ElementsAre(HasViolation(ViolationCode::root_unknown, "/Foo")));
}

TEST(BadInput, DoctypeWithExternalEntityIsForbiddenAndNotExpanded) {
    const std::string body =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE DisconnectTelephoneNumberOrder [\n"
        "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n" +
        harness::testing::order(harness::testing::numbers({"4158714245"}), "<name>&xxe;</name>");
    const auto v = validate_as("create_request", body);
    ASSERT_THAT(v, ElementsAre(HasViolation(ViolationCode::xml_forbidden, "/")));
    EXPECT_EQ(v[0].actual.find("root:"), std::string::npos);
}

TEST(BadInput, BillionLaughsIsForbiddenQuickly) {
    std::string body = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i) {
        body += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) {
            body += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        }
        body += "\">";
    }
    body += "]><Note><UserId>&lol9;</UserId><Description>d</Description></Note>";
    const auto start = std::chrono::steady_clock::now();
    const auto v = auto_validate(body);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::xml_forbidden, "/")));
}

TEST(BadInput, ProcessingInstructionIsForbidden) {
    const auto v = validate_as(
        "create_request", "<?xml-stylesheet href=\"x\"?>" +
                              harness::testing::order(harness::testing::numbers({"4158714245"})));
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::xml_forbidden, "/")));
}

TEST(BadInput, TenThousandDeepNestingIsTooDeep) {
    const auto v = validate_as("create_request", deep(10000));
    EXPECT_THAT(v, Contains(HasViolation(
                       ViolationCode::xml_too_deep, "/DisconnectTelephoneNumberOrder" + [] {
                           std::string p;
                           for (int i = 0; i < 64; ++i) {
                               p += "/a";
                           }
                           return p;
                       }())));
    EXPECT_FALSE(hc::is_valid(v));
}

TEST(BadInput, TenThousandDeepNestingUnderUnknownRoot) {
    const auto v = auto_validate(deep(10000, "x"));
    EXPECT_THAT(v, Contains(HasViolation(ViolationCode::root_unknown, "/x")));
    EXPECT_THAT(v, Contains(::testing::Field(&hc::Violation::code, ViolationCode::xml_too_deep)));
}

TEST(BadInput, DepthLimitIsConfigurable) {
    hc::ValidationOptions options;
    options.max_depth = 3;
    const auto v =
        validate_as("create_request",
                    harness::testing::order(harness::testing::numbers({"4158714245"})), options);
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::xml_too_deep,
                                            std::string(harness::testing::tn_path) + "[1]")));
}

TEST(BadInput, BodyOverTheLimitIsTooLarge) {
    hc::ValidationOptions options;
    options.max_body_bytes = 1000;
    const auto v = validate_as("create_request", big_order(100), options);
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::body_too_large, "/")));
}

TEST(BadInput, FiftyMegabyteOrderUnderARaisedLimitValidates) {
    const std::string body = big_order(50u * 1024 * 1024 / 44);
    ASSERT_GT(body.size(), 50u * 1024 * 1024 - 1024 * 1024);
    hc::ValidationOptions options;
    options.max_body_bytes = 100u << 20;
    const auto v = validate_as("create_request", body, options);
    EXPECT_THAT(v, IsEmpty());
    options.max_body_bytes = 10u << 20;
    EXPECT_THAT(validate_as("create_request", body, options),
                ElementsAre(HasViolation(ViolationCode::body_too_large, "/")));
}

TEST(BadInput, FiftyMegabyteValueIsTooLongWithShortExcerpt) {
    const std::string body =
        harness::testing::order(harness::testing::numbers({"4158714245"}),
                                "<Name>" + std::string(50u << 20, 'x') + "</Name>");
    const auto v = validate_as("create_request", body);
    ASSERT_THAT(v, ElementsAre(HasViolation(ViolationCode::value_too_long,
                                            "/DisconnectTelephoneNumberOrder/Name")));
    EXPECT_LT(v[0].actual.size(), 100u);
}

TEST(BadInput, InvalidUtf8) {
    const auto v = validate_as(
        "create_request",
        harness::testing::order(harness::testing::numbers({"4158714245"}), "<Name>caf\xE9</Name>"));
    ASSERT_THAT(v, ElementsAre(HasViolation(ViolationCode::encoding_invalid, "/")));
    EXPECT_EQ(v[0].severity, hc::Severity::error);
    // Overlong encoding, lone continuation byte, surrogate, UTF-16 BOM.
    for (const std::string& bad :
         {std::string("<a>\xC0\xAF</a>"), std::string("<a>\x80</a>"),
          std::string("<a>\xED\xA0\x80</a>"), std::string("\xFF\xFE<\0a\0", 6)}) {
        EXPECT_THAT(auto_validate(bad),
                    ElementsAre(HasViolation(ViolationCode::encoding_invalid, "/")));
    }
}

TEST(BadInput, Utf8ByteOrderMarkIsAccepted) {
    EXPECT_THAT(validate_as("create_request",
                            "\xEF\xBB\xBF" +
                                harness::testing::order(harness::testing::numbers({"4158714245"}))),
                IsEmpty());
}

TEST(BadInput, NulBytesAreHandled) {
    const std::string body = std::string("<Note><UserId>a\0b</UserId></Note>", 33);
    const auto v = auto_validate(body);
    EXPECT_FALSE(hc::is_valid(v));
}

TEST(BadInput, ViolationsAtTheEndOfAHugeListStayCheap) {
    // Paths of elements deep in a long list come from the walk, not from counting siblings, and
    // unknown elements are reported 100 times at most: no quadratic blow-up.
    std::string body = "<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType>"
                       "<TelephoneNumberList>";
    for (int i = 0; i < 300000; ++i) {
        body += "<TelephoneNumber>" + std::to_string(2000000000LL + i) + "</TelephoneNumber>";
    }
    for (int i = 0; i < 2000; ++i) {
        body += "<TelephoneNumber>x</TelephoneNumber><Foo/>";
    }
    body += "</TelephoneNumberList></DisconnectTelephoneNumberOrderType>"
            "</DisconnectTelephoneNumberOrder>";
    const auto start = std::chrono::steady_clock::now();
    const auto v = validate_as("create_request", body);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    ASSERT_EQ(v.size(), 1000u); // max_violations
    EXPECT_THAT(v[0], HasViolation(ViolationCode::value_pattern,
                                   std::string(harness::testing::tn_path) + "[300001]"));
    EXPECT_THAT(v[1],
                HasViolation(ViolationCode::element_unexpected,
                             "/DisconnectTelephoneNumberOrder/DisconnectTelephoneNumberOrderType/"
                             "TelephoneNumberList/Foo[1]"));
    EXPECT_THAT(v[2], HasViolation(ViolationCode::value_pattern,
                                   std::string(harness::testing::tn_path) + "[300002]"));
    std::size_t unexpected = 0;
    for (const auto& violation : v) {
        unexpected += violation.code == ViolationCode::element_unexpected ? 1 : 0;
    }
    EXPECT_EQ(unexpected, 100u);
}
