// payloads_test.cpp: every real payload (../shared/api/payloads) that documents real behaviour
// validates with no error-level violation; the only rejection is telestax-proxy's placeholder.
#include "violation_matchers.hpp"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hc = harness::contracts;
using harness::testing::HasViolation;
using ::testing::ElementsAre;

namespace {

const char* const rejected = "thirdparty-restcomm-telestaxproxy_disconnect_create_response.xml";

std::vector<std::string> payload_files() {
    std::vector<std::string> names;
    // A missing directory lists nothing (the count test then fails) instead of throwing
    // while gtest_discover_tests lists the tests.
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::directory_iterator(harness::testing::payloads_dir(), ec)) {
        const auto ext = entry.path().extension();
        if (ext == ".xml" || ext == ".http") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

hc::Violations validate_payload(const std::string& name, std::string* chosen) {
    const auto& reg = hc::Registry::builtin();
    const std::string content = harness::testing::payload(name);
    if (hc::is_http_message(name, content)) {
        return hc::validate_http(reg, content, {}, {}, chosen);
    }
    return hc::validate_body_auto(reg, content, {}, chosen);
}

class Payload : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST(PayloadList, HoldsTheSharedPayloads) {
    const auto files = payload_files();
    EXPECT_GE(files.size(), 50u) << "shared payloads expected in "
                                 << harness::testing::payloads_dir();
    EXPECT_NE(std::find(files.begin(), files.end(), rejected), files.end());
}

TEST_P(Payload, MatchesDocumentedBehaviour) {
    std::string chosen;
    const auto v = validate_payload(GetParam(), &chosen);
    EXPECT_FALSE(chosen.empty());
    if (GetParam() == rejected) {
        // The placeholder number YOURDIDHERE, at its exact path.
        EXPECT_THAT(v, ElementsAre(HasViolation(hc::ViolationCode::value_pattern,
                                                "/DisconnectTelephoneNumberOrderResponse/"
                                                "orderRequest/DisconnectTelephoneNumberOrderType/"
                                                "TelephoneNumberList/TelephoneNumber[1]")));
        return;
    }
    EXPECT_TRUE(hc::is_valid(v)) << hc::to_text(v, GetParam());
    for (const auto& violation : v) {
        // Only the documented leniencies may show up, as warnings.
        EXPECT_TRUE(violation.code == hc::ViolationCode::value_format_lenient ||
                    violation.code == hc::ViolationCode::http_malformed)
            << hc::to_text(violation, GetParam());
    }
}

TEST(PayloadRejection, RejectsPlaceholderNumber) {
    std::string chosen;
    const auto v = validate_payload(rejected, &chosen);
    EXPECT_EQ(chosen, "create_response");
    EXPECT_THAT(v,
                ElementsAre(HasViolation(hc::ViolationCode::value_pattern,
                                         "/DisconnectTelephoneNumberOrderResponse/orderRequest/"
                                         "DisconnectTelephoneNumberOrderType/TelephoneNumberList/"
                                         "TelephoneNumber[1]")));
    EXPECT_EQ(v[0].actual, "YOURDIDHERE");
}

INSTANTIATE_TEST_SUITE_P(Shared, Payload, ::testing::ValuesIn(payload_files()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             std::string name;
                             for (char c : param_info.param) {
                                 name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });
