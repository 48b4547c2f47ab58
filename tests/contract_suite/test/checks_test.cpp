// checks_test.cpp: the suite's cross-message rules, one behaviour per test, asserting rule + path.
#include "fixture_paths.hpp"
#include "harness/contract_suite/checks.hpp"
#include "harness/contract_suite/contract_checks.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace harness::contract_suite {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

MATCHER_P2(IsFinding, rule, path, "") {
    return arg.rule == rule && arg.path == path;
}

std::string documented_201() {
    return harness::testing::fixture("disconnects/create_response_201.xml");
}
const std::vector<std::string> documented = {"4158714245", "4352154439", "4352154466"};

TEST(ContractSuiteChecks, XmlTextTrimsAndFollowsAlternatives) {
    EXPECT_EQ(xml_text(documented_201(), body_id_path), "ba05e04b-192a-47cb-b182-b1bf6cfef0d7");
    EXPECT_THAT(xml_texts(documented_201(), echoed_numbers_path),
                ElementsAre("4158714245", "4352154439", "4352154466"));
    EXPECT_EQ(xml_text("<a><name> x </name></a>", "/a/Name|name"), "x");
    EXPECT_FALSE(xml_text("<a><b/></a>", "/x/b"));
    EXPECT_FALSE(xml_text("not xml", "/a"));
    EXPECT_FALSE(xml_root("<a>"));
    EXPECT_EQ(xml_root("<?xml version=\"1.0\"?><a/>"), "a");
}

TEST(ContractSuiteChecks, OrderLocation) {
    const auto ok = check_order_location(
        "http://127.0.0.1:1/api/accounts/9900000/disconnects/ba05e04b", "9900000");
    EXPECT_THAT(ok.findings, IsEmpty());
    EXPECT_EQ(ok.id, "ba05e04b");
    EXPECT_THAT(check_order_location(std::nullopt, "9900000").findings,
                ElementsAre(IsFinding("create.location.present", "http:header:Location")));
    EXPECT_THAT(check_order_location("/api/accounts/9900000/disconnects/x", "9900000").findings,
                ElementsAre(IsFinding("create.location.absolute", "http:header:Location")));
    EXPECT_THAT(check_order_location("https://h/api/accounts/1/disconnects/x", "9900000").findings,
                ElementsAre(IsFinding("create.location.path", "http:header:Location")));
    EXPECT_THAT(
        check_order_location("https://h/api/accounts/9900000/disconnects", "9900000").findings,
        ElementsAre(IsFinding("create.location.path", "http:header:Location")));
}

TEST(ContractSuiteChecks, LocationIdMustEqualBodyId) {
    EXPECT_THAT(
        check_location_matches_body("ba05e04b-192a-47cb-b182-b1bf6cfef0d7", documented_201()),
        IsEmpty());
    const auto f = check_location_matches_body("other", documented_201());
    ASSERT_THAT(f,
                ElementsAre(IsFinding("create.location.id_matches_body", "http:header:Location")));
    EXPECT_THAT(f[0].actual, HasSubstr("\"other\""));
    EXPECT_THAT(f[0].expected, HasSubstr("\"ba05e04b-192a-47cb-b182-b1bf6cfef0d7\""));
    EXPECT_THAT(check_location_matches_body("x", "<Other/>"),
                ElementsAre(IsFinding("create.location.id_matches_body", body_id_path)));
}

TEST(ContractSuiteChecks, NumbersEchoIsASetComparison) {
    const std::vector<std::string> reordered = {"4352154466", "4158714245", "4352154439"};
    EXPECT_THAT(check_numbers_echo(reordered, documented_201()), IsEmpty());
    const auto f = check_numbers_echo({"4158714245", "9999999999"}, documented_201());
    ASSERT_THAT(f, ElementsAre(IsFinding("create.echo.telephone_numbers", echoed_numbers_path)));
    EXPECT_THAT(f[0].actual, HasSubstr("missing [\"9999999999\"]"));
    EXPECT_THAT(f[0].actual, HasSubstr("not sent [\"4352154439\", \"4352154466\"]"));
}

TEST(ContractSuiteChecks, ValueEcho) {
    const std::string path =
        std::string(order_request_path) + "/DisconnectTelephoneNumberOrderType/Protected";
    EXPECT_THAT(check_value_echo("r", path, "unchanged", documented_201(), true), IsEmpty());
    EXPECT_THAT(check_value_echo("r", path, "TRUE", documented_201(), true),
                ElementsAre(IsFinding("r", path)));
    EXPECT_THAT(check_value_echo("r", std::string(order_request_path) + "/CustomerOrderId", "ci-1",
                                 documented_201(), false),
                ElementsAre(Field(&Finding::actual, "\"\"")));
}

TEST(ContractSuiteChecks, OrderStatusMustBeDocumented) {
    EXPECT_THAT(check_documented_order_status(
                    "<DisconnectTelephoneNumberOrderResponse><OrderStatus>COMPLETE</OrderStatus>"
                    "</DisconnectTelephoneNumberOrderResponse>"),
                IsEmpty());
    EXPECT_THAT(check_documented_order_status(
                    "<DisconnectTelephoneNumberOrderResponse><OrderStatus>DONE</OrderStatus>"
                    "</DisconnectTelephoneNumberOrderResponse>"),
                ElementsAre(IsFinding("status.order_status_documented", order_status_path)));
}

TEST(ContractSuiteChecks, OrderError) {
    const std::string ok = "<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>5108"
                           "</Code><Description>x</Description></Error></ErrorList>"
                           "</DisconnectTelephoneNumberOrderResponse>";
    EXPECT_THAT(check_order_error(400, ok, 5108), IsEmpty());
    EXPECT_THAT(check_order_error(200, ok, 5108),
                ElementsAre(IsFinding("error.status_400", "http:status")));
    EXPECT_THAT(check_order_error(400, ok, 5070),
                ElementsAre(IsFinding("error.code", std::string(error_list_path) + "/Error/Code")));
    EXPECT_THAT(check_order_error(400, "", 5070),
                ElementsAre(IsFinding("error.error_list", error_list_path)));
    EXPECT_THAT(
        check_order_error(400,
                          "<DisconnectTelephoneNumberOrderResponse><ResponseStatus/>"
                          "</DisconnectTelephoneNumberOrderResponse>",
                          5070),
        ElementsAre(IsFinding("error.error_list", std::string(error_list_path) + "/Error")));
}

TEST(ContractSuiteChecks, ContentType) {
    EXPECT_TRUE(is_xml_content_type("application/xml; charset=utf-8"));
    EXPECT_TRUE(is_xml_content_type("Text/XML"));
    EXPECT_TRUE(is_xml_content_type("application/problem+xml"));
    EXPECT_FALSE(is_xml_content_type("application/json"));
    EXPECT_FALSE(is_xml_content_type(""));
    EXPECT_THAT(check_xml_content_type(std::nullopt),
                ElementsAre(IsFinding("response.content_type_xml", "http:header:Content-Type")));
}

TEST(ContractSuiteChecks, FormatNamesOperationRulePathAndValue) {
    const Finding f{"create.status_201", "http:status", "HTTP 201", "HTTP 200"};
    EXPECT_EQ(format_finding("create_order (POST /api/accounts/1/disconnects)", f),
              "create_order (POST /api/accounts/1/disconnects): rule create.status_201 at "
              "http:status: expected HTTP 201; actual HTTP 200");
    EXPECT_EQ(quote("a\nb\"c"), "\"a\\nb\\\"c\"");
    EXPECT_EQ(quote("abcdef", 3), "\"abc...(6 bytes)\"");
}

TEST(ContractSuiteChecks, ContractFindingsKeepWarningsApart) {
    std::vector<std::string> warnings;
    EXPECT_THAT(contract_findings("create_response", documented_201(),
                                  contracts::NumberFormat::nanp10, &warnings),
                IsEmpty());
    EXPECT_THAT(warnings, ElementsAre(HasSubstr("value_format_lenient")));
    const auto f =
        contract_findings("create_response", "<Wrong/>", contracts::NumberFormat::nanp10);
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(f[0].rule, "contract.create_response/root_mismatch");
    EXPECT_THAT(contract_findings("no_such_message", "<a/>", contracts::NumberFormat::any),
                ElementsAre(IsFinding("contract.no_such_message", "/")));
}

} // namespace
} // namespace harness::contract_suite
