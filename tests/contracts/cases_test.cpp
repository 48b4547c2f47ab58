// cases_test.cpp: data-driven cases, one behaviour per file in fixtures/cases/*.json:
//   {"comment": "...", "message": "create_request" (absent: chosen by root, or by the .http
//    request/status line), "body": "<inline/>" | "body_file": "bodies/x.xml" | "http_file":
//    "http/x.http", "numbers": "v1" | "v2" | "any", "max_telephone_numbers": N,
//    "expected_violations": [{"code", "path", "severity"?, "bandwidth_code"?}]}
// The expected list is exact and ordered.
#include "violation_matchers.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hc = harness::contracts;

namespace {

std::filesystem::path cases_dir() {
    return harness::testing::fixtures_dir() / "cases";
}

std::vector<std::string> case_files() {
    std::vector<std::string> names;
    // A missing directory lists nothing (the count test then fails) instead of throwing
    // while gtest_discover_tests lists the tests.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(cases_dir(), ec)) {
        if (entry.path().extension() == ".json") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class Case : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST(CaseList, HoldsTheCaseFiles) {
    EXPECT_GE(case_files().size(), 10u) << cases_dir();
}

TEST_P(Case, ProducesExactlyTheExpectedViolations) {
    const auto spec = nlohmann::json::parse(harness::testing::read_file(cases_dir() / GetParam()));
    ASSERT_TRUE(spec.contains("comment")) << "every case says what it shows";
    const auto& reg = hc::Registry::builtin();
    hc::ValidationOptions options;
    const std::string numbers = spec.value("numbers", "any");
    options.numbers = numbers == "v1"   ? hc::NumberFormat::nanp10
                      : numbers == "v2" ? hc::NumberFormat::e164
                                        : hc::NumberFormat::any;
    options.max_telephone_numbers = spec.value("max_telephone_numbers", std::size_t{0});
    const std::string message = spec.value("message", "");

    hc::Violations v;
    if (spec.contains("http_file")) {
        const auto raw =
            harness::testing::read_file(cases_dir() / spec.at("http_file").get<std::string>());
        v = hc::validate_http(reg, raw, options, message);
    } else {
        const std::string body = spec.contains("body")
                                     ? spec.at("body").get<std::string>()
                                     : harness::testing::read_file(
                                           cases_dir() / spec.at("body_file").get<std::string>());
        v = message.empty() ? hc::validate_body_auto(reg, body, options)
                            : hc::validate_body(reg, *reg.message(message), body, options);
    }
    const auto& expected = spec.at("expected_violations");
    ASSERT_EQ(v.size(), expected.size()) << hc::to_text(v, GetParam());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& e = expected[i];
        EXPECT_EQ(hc::to_string(v[i].code), e.at("code").get<std::string>()) << "violation " << i;
        EXPECT_EQ(v[i].path, e.at("path").get<std::string>()) << "violation " << i;
        EXPECT_EQ(hc::to_string(v[i].severity), e.value("severity", "error")) << "violation " << i;
        if (e.contains("bandwidth_code")) {
            EXPECT_EQ(v[i].bandwidth_code, e.at("bandwidth_code").get<int>()) << "violation " << i;
        }
    }
    if (spec.contains("valid")) {
        EXPECT_EQ(hc::is_valid(v), spec.at("valid").get<bool>());
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Case, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             std::string name;
                             for (char c :
                                  param_info.param.substr(0, param_info.param.size() - 5)) {
                                 name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });
