// report_test.cpp: the human-readable line and the JSON array.
#include "violation_matchers.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hc = harness::contracts;

TEST(Report, TextLineHasSeverityCodePathMessageExpectedActualAndBandwidthCode) {
    const hc::Violation v{hc::ViolationCode::value_pattern,
                          hc::Severity::error,
                          "/A/B[2]",
                          "digits",
                          "12x",
                          "B is bad",
                          5070};
    EXPECT_EQ(hc::to_text(v, "f.xml"),
              "f.xml: error value_pattern /A/B[2]: B is bad (expected digits, got \"12x\") "
              "[bandwidth 5070]");
    const hc::Violation w{hc::ViolationCode::element_unexpected,
                          hc::Severity::warning,
                          "/A/C",
                          "",
                          "",
                          "C is unknown",
                          0};
    EXPECT_EQ(hc::to_text(w), "warning element_unexpected /A/C: C is unknown");
    EXPECT_EQ(hc::to_text(hc::Violations{v, w}, "f").find('\n'), hc::to_text(v, "f").size());
}

TEST(Report, JsonArrayHasEveryField) {
    const hc::Violation v{hc::ViolationCode::value_duplicate,
                          hc::Severity::error,
                          "/A",
                          "unique",
                          "\xFF",
                          "dup",
                          5093};
    const auto j = nlohmann::json::parse(hc::to_json(hc::Violations{v}, "f.xml", "create_request"));
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["file"], "f.xml");
    EXPECT_EQ(j[0]["contract"], "create_request");
    EXPECT_EQ(j[0]["code"], "value_duplicate");
    EXPECT_EQ(j[0]["severity"], "error");
    EXPECT_EQ(j[0]["path"], "/A");
    EXPECT_EQ(j[0]["expected"], "unique");
    EXPECT_EQ(j[0]["message"], "dup");
    EXPECT_EQ(j[0]["bandwidth_code"], 5093);
    EXPECT_TRUE(j[0]["actual"].is_string()); // invalid UTF-8 replaced, not thrown
    EXPECT_EQ(nlohmann::json::parse(hc::to_json(hc::Violations{})).size(), 0u);
}

TEST(Report, EveryCodeHasAStableName) {
    EXPECT_EQ(hc::to_string(hc::ViolationCode::body_empty), "body_empty");
    EXPECT_EQ(hc::to_string(hc::ViolationCode::http_body_unexpected), "http_body_unexpected");
    EXPECT_EQ(hc::to_string(hc::Severity::warning), "warning");
}
