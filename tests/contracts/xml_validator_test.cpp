// xml_validator_test.cpp: one test per contract rule, asserting the exact code, path and
// Bandwidth code; plus the leniency Bandwidth shows (order, casing, padding, declarations).
#include "violation_matchers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <thread>

namespace hc = harness::contracts;
using harness::testing::HasBandwidthViolation;
using harness::testing::HasViolation;
using harness::testing::HasWarning;
using harness::testing::numbers;
using harness::testing::order;
using harness::testing::tn_path;
using harness::testing::type_path;
using harness::testing::v1;
using harness::testing::v2;
using harness::testing::validate_as;
using hc::ViolationCode;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {
std::string tn(int index) {
    return std::string(tn_path) + "[" + std::to_string(index) + "]";
}
} // namespace

// --- what Bandwidth accepts -----------------------------------------------------------------

TEST(XmlValidator, AcceptsDocumentedPaddedRequestWithoutAnyFinding) {
    const auto v = validate_as("create_request",
                               harness::testing::fixture("disconnects/create_request.xml"), v1());
    EXPECT_THAT(v, IsEmpty());
}

TEST(XmlValidator, DocumentedResponseHasOnlyTheDashTimeWarning) {
    const auto v = validate_as("create_response",
                               harness::testing::fixture("disconnects/create_response_201.xml"));
    EXPECT_THAT(v, ElementsAre(HasWarning(
                       ViolationCode::value_format_lenient,
                       "/DisconnectTelephoneNumberOrderResponse/orderRequest/OrderCreateDate")));
    EXPECT_TRUE(hc::is_valid(v));
    EXPECT_FALSE(hc::is_valid(v, /*strict=*/true));
}

TEST(XmlValidator, AcceptsNameInEitherCase) {
    EXPECT_THAT(validate_as("create_request", order(numbers({"4158714245"}), "<Name>x</Name>")),
                IsEmpty());
    EXPECT_THAT(validate_as("create_request", order(numbers({"4158714245"}), "<name>x</name>")),
                IsEmpty());
}

TEST(XmlValidator, AcceptsAnyElementOrder) {
    const std::string body =
        "<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType>"
        "<Protected>FALSE</Protected><DisconnectMode>normal</DisconnectMode>"
        "<TelephoneNumberList><TelephoneNumber>4158714245</TelephoneNumber></TelephoneNumberList>"
        "</DisconnectTelephoneNumberOrderType><Name>last</Name>"
        "<CustomerOrderId>first-1</CustomerOrderId></DisconnectTelephoneNumberOrder>";
    EXPECT_THAT(validate_as("create_request", body, v1()), IsEmpty());
}

TEST(XmlValidator, IgnoresDeclarationsNamespacesAndWhitespace) {
    const std::string body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        "<DisconnectTelephoneNumberOrder xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\r\n  <name>c#</name>\r\n"
        "  <DisconnectTelephoneNumberOrderType>\r\n    <TelephoneNumberList>\r\n"
        "      <TelephoneNumber>\r\n 4158714245 \t</TelephoneNumber>\r\n"
        "    </TelephoneNumberList>\r\n  </DisconnectTelephoneNumberOrderType>\r\n"
        "</DisconnectTelephoneNumberOrder>\r\n";
    EXPECT_THAT(validate_as("create_request", body, v1()), IsEmpty());
    EXPECT_THAT(validate_as("create_request", "<?xml version='1.0' encoding='UTF-8'?>" +
                                                  order(numbers({"4158714245"}))),
                IsEmpty());
}

TEST(XmlValidator, AcceptsRepeatedTelephoneNumberList) {
    const std::string body = order("<TelephoneNumberList><TelephoneNumber>4158714245"
                                   "</TelephoneNumber></TelephoneNumberList>"
                                   "<TelephoneNumberList><TelephoneNumber>4352154439"
                                   "</TelephoneNumber></TelephoneNumberList>");
    EXPECT_THAT(validate_as("create_request", body, v1()), IsEmpty());
}

TEST(XmlValidator, AcceptsCaseInsensitiveProtectedAndDisconnectMode) {
    for (const char* value : {"TRUE", "true", "False", "unchanged"}) {
        EXPECT_THAT(validate_as("create_request", order(numbers({"4158714245"}) + "<Protected>" +
                                                        value + "</Protected>")),
                    IsEmpty())
            << value;
    }
    for (const char* value : {"normal", "NORMAL", "Soft-Remove", "purge"}) {
        EXPECT_THAT(
            validate_as("create_request", order(numbers({"4158714245"}) + "<DisconnectMode>" +
                                                value + "</DisconnectMode>")),
            IsEmpty())
            << value;
    }
}

TEST(XmlValidator, AcceptsNumberFormsPerVersion) {
    EXPECT_THAT(validate_as("create_request", order(numbers({"4158714245"})), v1()), IsEmpty());
    EXPECT_THAT(validate_as("create_request", order(numbers({"+14158714245"})), v2()), IsEmpty());
    EXPECT_THAT(validate_as("create_request", order(numbers({"4158714245", "+14352154439"}))),
                IsEmpty());
}

TEST(XmlValidator, ReadsTextSplitByCommentsAndCdata) {
    const std::string body = order("<TelephoneNumberList><TelephoneNumber>415<!-- c -->8714245"
                                   "</TelephoneNumber><TelephoneNumber><![CDATA[4352154439]]>"
                                   "</TelephoneNumber></TelephoneNumberList>");
    EXPECT_THAT(validate_as("create_request", body, v1()), IsEmpty());
}

TEST(XmlValidator, AcceptsLimitsExactly) {
    const std::string name50(50, 'n');
    const std::string id40(40, 'a');
    EXPECT_THAT(validate_as("create_request",
                            order(numbers({"4158714245"}), "<Name>" + name50 +
                                                               "</Name>"
                                                               "<CustomerOrderId>" +
                                                               id40 + "</CustomerOrderId>")),
                IsEmpty());
    std::string accents;
    for (int i = 0; i < 50; ++i) {
        accents += "\xC3\xA9"; // é: 50 characters, 100 bytes
    }
    EXPECT_THAT(validate_as("create_request",
                            order(numbers({"4158714245"}), "<Name>" + accents + "</Name>")),
                IsEmpty());
}

TEST(XmlValidator, AcceptsColonDatesSilently) {
    const std::string body = "<Notes><Note><Id>1</Id><UserId>u</UserId><Description>d</Description>"
                             "<LastDateModifier>2014-11-20T07:08:47.000Z</LastDateModifier>"
                             "</Note></Notes>";
    EXPECT_THAT(validate_as("notes_list", body), IsEmpty());
}

// --- one test per rule: exact code + path (+ Bandwidth code) ----------------------------------

TEST(XmlValidator, ReportsMissingOrderTypeWith5001) {
    const auto v = validate_as("create_request", "<DisconnectTelephoneNumberOrder><Name>x</Name>"
                                                 "</DisconnectTelephoneNumberOrder>");
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::element_missing,
                                                     std::string(type_path), 5001)));
}

TEST(XmlValidator, ReportsMissingTelephoneNumberListWith5001) {
    const auto v = validate_as("create_request", order("<Protected>TRUE</Protected>"));
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(
                       ViolationCode::element_missing,
                       std::string(type_path) + "/TelephoneNumberList", 5001)));
}

TEST(XmlValidator, ReportsListWithoutTelephoneNumberWith5001) {
    const auto v = validate_as("create_request", order("<TelephoneNumberList/>"));
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::element_missing, tn(1), 5001)));
}

TEST(XmlValidator, ReportsInvalidTelephoneNumberWith5070) {
    const auto v =
        validate_as("create_request", order(numbers({"4158714245", "415871424X"})), v1());
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_pattern, tn(2), 5070)));
    EXPECT_EQ(v[0].actual, "415871424X");
}

TEST(XmlValidator, ReportsEmptyTelephoneNumberWith5070) {
    const auto v = validate_as("create_request", order(numbers({"4158714245", "  "})), v1());
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_empty, tn(2), 5070)));
}

TEST(XmlValidator, ReportsE164NumberOnV1) {
    const auto v = validate_as("create_request", order(numbers({"+14158714245"})), v1());
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_pattern, tn(1), 5070)));
}

TEST(XmlValidator, ReportsTenDigitNumberOnV2) {
    const auto v = validate_as("create_request", order(numbers({"4158714245"})), v2());
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_pattern, tn(1), 5070)));
}

TEST(XmlValidator, ReportsDuplicateTelephoneNumberWith5093) {
    const auto v = validate_as("create_request",
                               order(numbers({"4158714245", "4352154439", " 4158714245\n"})), v1());
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_duplicate, tn(3), 5093)));
}

TEST(XmlValidator, ReportsDuplicateAcrossRepeatedListsWithListIndex) {
    const std::string body = order("<TelephoneNumberList><TelephoneNumber>4158714245"
                                   "</TelephoneNumber></TelephoneNumberList>"
                                   "<TelephoneNumberList><TelephoneNumber>4158714245"
                                   "</TelephoneNumber></TelephoneNumberList>");
    const auto v = validate_as("create_request", body, v1());
    EXPECT_THAT(v,
                ElementsAre(HasBandwidthViolation(
                    ViolationCode::value_duplicate,
                    std::string(type_path) + "/TelephoneNumberList[2]/TelephoneNumber[1]", 5093)));
}

TEST(XmlValidator, ReportsTooManyTelephoneNumbersWith5095) {
    hc::ValidationOptions options = v1();
    options.max_telephone_numbers = 2;
    const auto v = validate_as("create_request",
                               order(numbers({"4158714245", "4352154439", "4352154466"})), options);
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::element_count, tn(3), 5095)));
    options.max_telephone_numbers = 3;
    EXPECT_THAT(validate_as("create_request",
                            order(numbers({"4158714245", "4352154439", "4352154466"})), options),
                IsEmpty());
}

TEST(XmlValidator, ReportsTooLongCustomerOrderIdWith5052) {
    const auto v = validate_as(
        "create_request", order(numbers({"4158714245"}),
                                "<CustomerOrderId>" + std::string(41, 'a') + "</CustomerOrderId>"));
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(
                       ViolationCode::value_too_long,
                       "/DisconnectTelephoneNumberOrder/CustomerOrderId", 5052)));
}

TEST(XmlValidator, ReportsCustomerOrderIdCharactersWith5052) {
    const auto v =
        validate_as("create_request",
                    order(numbers({"4158714245"}), "<CustomerOrderId>A&amp;B_1</CustomerOrderId>"));
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(
                       ViolationCode::value_pattern,
                       "/DisconnectTelephoneNumberOrder/CustomerOrderId", 5052)));
    EXPECT_EQ(v[0].actual, "A&B_1");
}

TEST(XmlValidator, ReportsInvalidProtectedWith5108) {
    const auto v = validate_as("create_request",
                               order(numbers({"4158714245"}) + "<Protected>maybe</Protected>"));
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_enum,
                                                     std::string(type_path) + "/Protected", 5108)));
}

TEST(XmlValidator, ReportsInvalidDisconnectModeWith5084) {
    const auto v = validate_as("create_request", order(numbers({"4158714245"}) +
                                                       "<DisconnectMode>delete</DisconnectMode>"));
    EXPECT_THAT(
        v, ElementsAre(HasBandwidthViolation(ViolationCode::value_enum,
                                             std::string(type_path) + "/DisconnectMode", 5084)));
}

TEST(XmlValidator, ReportsTooLongNameWith1011) {
    const auto v =
        validate_as("create_request",
                    order(numbers({"4158714245"}), "<name>" + std::string(51, 'n') + "</name>"));
    EXPECT_THAT(v,
                ElementsAre(HasBandwidthViolation(ViolationCode::value_too_long,
                                                  "/DisconnectTelephoneNumberOrder/name", 1011)));
}

TEST(XmlValidator, ReportsRepeatedSingleElementWithIndex) {
    const auto v = validate_as("create_request", order(numbers({"4158714245"}),
                                                       "<CustomerOrderId>a</CustomerOrderId>"
                                                       "<CustomerOrderId>b</CustomerOrderId>"));
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::element_count,
                                            "/DisconnectTelephoneNumberOrder/CustomerOrderId[2]")));
    EXPECT_EQ(v[0].severity, hc::Severity::error);
}

TEST(XmlValidator, WarnsOnUnknownElementOnly) {
    const auto v =
        validate_as("create_request", order(numbers({"4158714245"}), "<Priority>high</Priority>"));
    EXPECT_THAT(v, ElementsAre(HasWarning(ViolationCode::element_unexpected,
                                          "/DisconnectTelephoneNumberOrder/Priority")));
    EXPECT_TRUE(hc::is_valid(v));
    EXPECT_FALSE(hc::is_valid(v, true));
    EXPECT_EQ(hc::first_bandwidth_error(v), nullptr);
}

TEST(XmlValidator, WarnsOnElementInsideTextElement) {
    const auto v =
        validate_as("create_request",
                    order("<TelephoneNumberList><TelephoneNumber>4158714245<x/></TelephoneNumber>"
                          "</TelephoneNumberList>"));
    EXPECT_THAT(v, ElementsAre(HasWarning(ViolationCode::element_unexpected, tn(1) + "/x")));
}

TEST(XmlValidator, ReportsRootMismatch) {
    const auto v = validate_as("create_request", "<Note><UserId>u</UserId></Note>");
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::root_mismatch, "/Note")));
}

TEST(XmlValidator, ReportsViolationsInDocumentOrderForTheMock) {
    // Invalid number first, then bad Protected, then bad CustomerOrderId after them.
    const std::string body =
        "<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType>"
        "<TelephoneNumberList><TelephoneNumber>12</TelephoneNumber></TelephoneNumberList>"
        "<Protected>x</Protected></DisconnectTelephoneNumberOrderType>"
        "<CustomerOrderId>#</CustomerOrderId></DisconnectTelephoneNumberOrder>";
    const auto v = validate_as("create_request", body, v1());
    ASSERT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_pattern, tn(1), 5070),
                               HasBandwidthViolation(ViolationCode::value_enum,
                                                     std::string(type_path) + "/Protected", 5108),
                               HasBandwidthViolation(ViolationCode::value_pattern,
                                                     "/DisconnectTelephoneNumberOrder/"
                                                     "CustomerOrderId",
                                                     5052)));
    ASSERT_NE(hc::first_bandwidth_error(v), nullptr);
    EXPECT_EQ(hc::first_bandwidth_error(v)->bandwidth_code, 5070);
}

TEST(XmlValidator, CollectsEveryViolation) {
    const auto v = validate_as("create_request",
                               order(numbers({"1", "2", "3", "4158714245", "4158714245"})), v1());
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::value_pattern, tn(1)),
                               HasViolation(ViolationCode::value_pattern, tn(2)),
                               HasViolation(ViolationCode::value_pattern, tn(3)),
                               HasViolation(ViolationCode::value_duplicate, tn(5))));
}

TEST(XmlValidator, StopsCollectingAtMaxViolations) {
    hc::ValidationOptions options = v1();
    options.max_violations = 2;
    const auto v =
        validate_as("create_request", order(numbers({"1", "2", "3", "4", "5"})), options);
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::value_pattern, tn(1)),
                               HasViolation(ViolationCode::value_pattern, tn(2))));
}

TEST(XmlValidator, ReportsNoteWithoutUserIdWith12501) {
    const auto v = validate_as("note_request", "<Note><Description>text</Description></Note>");
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::element_missing, "/Note/UserId",
                                                     12501)));
}

TEST(XmlValidator, ReportsNoteWithEmptyUserIdWith12501) {
    const auto v = validate_as("note_request",
                               "<Note><UserId> </UserId><Description>text</Description></Note>");
    EXPECT_THAT(
        v, ElementsAre(HasBandwidthViolation(ViolationCode::value_empty, "/Note/UserId", 12501)));
}

TEST(XmlValidator, ReportsTooLongNoteWith1011) {
    const auto v = validate_as("note_request", "<Note><UserId>u</UserId><Description>" +
                                                   std::string(501, 'd') + "</Description></Note>");
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::value_too_long,
                                                     "/Note/Description", 1011)));
    EXPECT_THAT(validate_as("note_request", "<Note><UserId>u</UserId><Description>" +
                                                std::string(500, 'd') + "</Description></Note>"),
                IsEmpty());
}

TEST(XmlValidator, ReportsNoteWithoutDescriptionWith1003) {
    const auto v = validate_as("note_request", "<Note><UserId>u</UserId></Note>");
    EXPECT_THAT(v, ElementsAre(HasBandwidthViolation(ViolationCode::element_missing,
                                                     "/Note/Description", 1003)));
}

TEST(XmlValidator, ReportsBadDateAsPattern) {
    const auto v =
        validate_as("notes_list", "<Notes><Note><Id>1</Id><UserId>u</UserId><Description>d"
                                  "</Description><LastDateModifier>yesterday</LastDateModifier>"
                                  "</Note></Notes>");
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::value_pattern,
                                            "/Notes/Note[1]/LastDateModifier")));
}

TEST(XmlValidator, ReportsUnknownOrderStatus) {
    const auto v = validate_as(
        "order_status",
        "<DisconnectTelephoneNumberOrderResponse><orderRequest><OrderCreateDate>"
        "2015-01-20T21:05:58.026Z</OrderCreateDate><id>x</id><DisconnectTelephoneNumberOrderType>"
        "<TelephoneNumberList><TelephoneNumber>4158714245</TelephoneNumber></TelephoneNumberList>"
        "</DisconnectTelephoneNumberOrderType></orderRequest><OrderStatus>DONE</OrderStatus>"
        "</DisconnectTelephoneNumberOrderResponse>");
    EXPECT_THAT(v,
                ElementsAre(HasViolation(ViolationCode::value_enum,
                                         "/DisconnectTelephoneNumberOrderResponse/OrderStatus")));
}

TEST(XmlValidator, ReportsResponseWithoutOrderId) {
    const auto v = validate_as(
        "create_response",
        "<DisconnectTelephoneNumberOrderResponse><orderRequest><OrderCreateDate>"
        "2015-01-20T21:05:58.026Z</OrderCreateDate><DisconnectTelephoneNumberOrderType>"
        "<TelephoneNumberList><TelephoneNumber>4158714245</TelephoneNumber></TelephoneNumberList>"
        "</DisconnectTelephoneNumberOrderType></orderRequest>"
        "</DisconnectTelephoneNumberOrderResponse>");
    EXPECT_THAT(
        v, ElementsAre(HasViolation(ViolationCode::element_missing,
                                    "/DisconnectTelephoneNumberOrderResponse/orderRequest/id")));
    EXPECT_EQ(v[0].bandwidth_code, 0);
}

TEST(XmlValidator, ReportsNonIntegerErrorCode) {
    const auto v = validate_as("order_error", "<DisconnectTelephoneNumberOrderResponse><ErrorList>"
                                              "<Error><Code>E1</Code><Description>d</Description>"
                                              "</Error></ErrorList>"
                                              "</DisconnectTelephoneNumberOrderResponse>");
    EXPECT_THAT(v, ElementsAre(HasViolation(
                       ViolationCode::value_pattern,
                       "/DisconnectTelephoneNumberOrderResponse/ErrorList/Error[1]/Code")));
}

TEST(XmlValidator, ReportsOrderErrorWithoutErrors) {
    const auto v = validate_as("order_error", "<DisconnectTelephoneNumberOrderResponse><ErrorList/>"
                                              "</DisconnectTelephoneNumberOrderResponse>");
    EXPECT_THAT(
        v, ElementsAre(HasViolation(ViolationCode::element_missing,
                                    "/DisconnectTelephoneNumberOrderResponse/ErrorList/Error[1]")));
}

// --- auto selection among messages sharing a root ---------------------------------------------

TEST(XmlValidatorAuto, PicksContractByRootAndContent) {
    const auto& reg = hc::Registry::builtin();
    struct Case {
        const char* payload;
        const char* message;
    };
    for (const Case& c :
         {Case{"openapi-v1_disconnect_create_response_201.xml", "create_response"},
          Case{"java-sdk_disconnect_get_response_failed.xml", "order_status"},
          Case{"openapi-v1_disconnect_get_response_200.xml", "order_status"},
          Case{"openapi-v1_disconnect_create_response_400.xml", "order_error"},
          Case{"openapi-v1_disconnects_list_response_404.xml", "order_list_not_found"},
          Case{"node-sdk_disconnect_create_request_CAPTURED.xml", "create_request"},
          Case{"openapi-v1_disconnect_notes_create_response_400.xml", "note_error"}}) {
        std::string chosen;
        hc::validate_body_auto(reg, harness::testing::payload(c.payload), {}, &chosen);
        EXPECT_EQ(chosen, c.message) << c.payload;
    }
}

TEST(XmlValidatorAuto, ReportsUnknownRoot) {
    std::string chosen = "x";
    const auto v =
        hc::validate_body_auto(hc::Registry::builtin(), "<Order><Id>1</Id></Order>", {}, &chosen);
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::root_unknown, "/Order")));
    EXPECT_EQ(chosen, "");
}

TEST(XmlValidator, ValidatesConcurrentlyWithTheSharedRegistry) {
    // The mock validates on Pistache worker threads: the registry is read-only, calls share
    // nothing.
    const std::string good = harness::testing::fixture("disconnects/create_request.xml");
    const std::string bad = order(numbers({"4158714245", "4158714245"}));
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                if (!validate_as("create_request", good, v1()).empty()) {
                    ++failures[t];
                }
                const auto v = validate_as("create_request", bad, v1());
                if (v.size() != 1 || v[0].bandwidth_code != 5093) {
                    ++failures[t];
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_THAT(failures, ::testing::Each(0));
}
