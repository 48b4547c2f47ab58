// http_validator_test.cpp: raw HTTP messages: start line, operation choice, status, required
// headers, body rules.
#include "violation_matchers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hc = harness::contracts;
using harness::testing::HasViolation;
using harness::testing::HasWarning;
using hc::ViolationCode;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

hc::Violations http(std::string_view raw, std::string* chosen = nullptr,
                    std::string_view as_message = {}) {
    return hc::validate_http(hc::Registry::builtin(), raw, {}, as_message, chosen);
}

const std::string create_body =
    "<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType><TelephoneNumberList>"
    "<TelephoneNumber>4158714245</TelephoneNumber></TelephoneNumberList>"
    "</DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>";

const std::string created_body =
    "<DisconnectTelephoneNumberOrderResponse><orderRequest><OrderCreateDate>"
    "2018-01-23T21:00:23.802Z</OrderCreateDate><id>abc</id><DisconnectTelephoneNumberOrderType>"
    "<TelephoneNumberList><TelephoneNumber>4158714245</TelephoneNumber></TelephoneNumberList>"
    "</DisconnectTelephoneNumberOrderType></orderRequest><OrderStatus>RECEIVED</OrderStatus>"
    "</DisconnectTelephoneNumberOrderResponse>";

std::string post(const std::string& target, const std::string& body = create_body) {
    return "POST " + target + " HTTP/1.1\r\nContent-Type: application/xml\r\n\r\n" + body;
}

} // namespace

TEST(HttpValidator, AcceptsDocumentedCreateRequestWithFullUrl) {
    std::string chosen;
    const auto v =
        http(harness::testing::payload("guide-current_disconnect_create_request.http"), &chosen);
    EXPECT_THAT(v, IsEmpty());
    EXPECT_EQ(chosen, "create_order request create_request");
}

TEST(HttpValidator, AcceptsEveryBasePrefix) {
    for (const char* prefix : {"", "/api", "/api/v1", "/v1.0", "/api/v1.0"}) {
        EXPECT_THAT(http(post(std::string(prefix) + "/accounts/9900000/disconnects")), IsEmpty())
            << prefix;
    }
    EXPECT_THAT(http(post("http://127.0.0.1:8080/api/accounts/1/disconnects?x=1")), IsEmpty());
}

TEST(HttpValidator, V2PathRequiresE164Numbers) {
    const auto v = http(post("/api/v2/accounts/1/disconnects"));
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::value_pattern,
                                            std::string(harness::testing::tn_path) + "[1]")));
    EXPECT_EQ(v[0].bandwidth_code, 5070);
    std::string e164 = create_body;
    e164.replace(e164.find("4158714245"), 10, "+14158714245");
    EXPECT_THAT(http(post("/api/v2/accounts/1/disconnects", e164)), IsEmpty());
    EXPECT_THAT(http(post("/api/v1/accounts/1/disconnects", e164)),
                ElementsAre(HasViolation(ViolationCode::value_pattern,
                                         std::string(harness::testing::tn_path) + "[1]")));
}

TEST(HttpValidator, AcceptsBodylessGetRequests) {
    std::string chosen;
    EXPECT_THAT(
        http(harness::testing::payload("guide-current_disconnect_get_request.http"), &chosen),
        IsEmpty());
    EXPECT_EQ(chosen, "get_order request");
    EXPECT_THAT(http("GET /api/accounts/1/disconnects?page=1&size=30 HTTP/1.1\n\n"), IsEmpty());
    EXPECT_THAT(http("GET /accounts/1/disconnects/2/notes HTTP/1.1\n"), IsEmpty());
}

TEST(HttpValidator, ReportsPostWithoutBody) {
    EXPECT_THAT(
        http("POST /accounts/1/disconnects HTTP/1.1\r\nContent-Type: application/xml\r\n\r\n"),
        ElementsAre(HasViolation(ViolationCode::body_empty, "/")));
}

TEST(HttpValidator, ReportsMissingRequestContentType) {
    EXPECT_THAT(
        http("POST /accounts/1/disconnects HTTP/1.1\n\n" + create_body),
        ElementsAre(HasViolation(ViolationCode::http_header_missing, "http:header:Content-Type")));
}

TEST(HttpValidator, ReportsNonXmlContentType) {
    EXPECT_THAT(
        http("POST /accounts/1/disconnects HTTP/1.1\nContent-Type: text/plain\n\n" + create_body),
        ElementsAre(HasViolation(ViolationCode::http_header_invalid, "http:header:Content-Type")));
}

TEST(HttpValidator, WarnsOnBodyOfGet) {
    EXPECT_THAT(http("GET /accounts/1/disconnects/2 HTTP/1.1\n\n<x/>"),
                ElementsAre(HasWarning(ViolationCode::http_body_unexpected, "http:body")));
}

TEST(HttpValidator, ReportsUnknownPathAndMethod) {
    EXPECT_THAT(
        http("GET /accounts/1/disconnects/2/history HTTP/1.1\n\n"),
        ElementsAre(HasViolation(ViolationCode::http_operation_unknown, "http:request-line")));
    EXPECT_THAT(http("DELETE /api/accounts/1/disconnects/2 HTTP/1.1\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_method, "http:request-line")));
}

TEST(HttpValidator, NoteRequestsMatchTheirOperations) {
    std::string chosen;
    const std::string note = "<Note><UserId>u</UserId><Description>d</Description></Note>";
    EXPECT_THAT(http(post("/accounts/1/disconnects/2/notes", note), &chosen), IsEmpty());
    EXPECT_EQ(chosen, "create_note request note_request");
    EXPECT_THAT(http("PUT /accounts/1/disconnects/2/notes/3 HTTP/1.1\nContent-Type: application/xml"
                     "\n\n<Note><Description>d</Description></Note>",
                     &chosen),
                ElementsAre(HasViolation(ViolationCode::element_missing, "/Note/UserId")));
    EXPECT_EQ(chosen, "update_note request note_request");
}

TEST(HttpValidator, AcceptsDocumentedCreatedResponse) {
    std::string chosen;
    EXPECT_THAT(http(harness::testing::payload("guide-current_disconnect_create_response_201.http"),
                     &chosen),
                IsEmpty());
    EXPECT_EQ(chosen, "create_order 201 create_response");
}

TEST(HttpValidator, ReportsCreatedWithoutLocation) {
    EXPECT_THAT(
        http("HTTP/1.1 201 Created\r\nContent-Type: application/xml\r\n\r\n" + created_body),
        ElementsAre(HasViolation(ViolationCode::http_header_missing, "http:header:Location")));
}

TEST(HttpValidator, ReportsRelativeLocation) {
    EXPECT_THAT(
        http("HTTP/1.1 201 Created\nContent-Type: application/xml\n"
             "Location: /accounts/1/disconnects/abc\n\n" +
             created_body),
        ElementsAre(HasViolation(ViolationCode::http_header_invalid, "http:header:Location")));
}

TEST(HttpValidator, ReportsResponseBodyWithoutContentType) {
    EXPECT_THAT(
        http("HTTP/1.1 200 OK\n\n" +
             harness::testing::payload("openapi-v1_disconnect_get_response_200.xml")),
        ElementsAre(HasViolation(ViolationCode::http_header_missing, "http:header:Content-Type")));
}

TEST(HttpValidator, AcceptsDocumentedRateLimit) {
    std::string chosen;
    EXPECT_THAT(http(harness::testing::payload("legacy-docs_ratelimit_response_429.http"), &chosen),
                IsEmpty());
    EXPECT_EQ(chosen, "create_order 429");
}

TEST(HttpValidator, ReportsRateLimitWithoutResetHeaderOrWithBody) {
    EXPECT_THAT(http("HTTP/1.1 429\nContent-Length: 0\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_header_missing,
                                         "http:header:X-RateLimit-Reset")));
    EXPECT_THAT(http("HTTP/1.1 429\nX-RateLimit-Reset: soon\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_header_invalid,
                                         "http:header:X-RateLimit-Reset")));
    const auto v = http("HTTP/1.1 429 Too Many Requests\nX-RateLimit-Reset: 1590033530\n"
                        "Content-Type: application/xml\n\n" +
                        created_body);
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::http_body_unexpected, "http:body")));
}

TEST(HttpValidator, ReportsBodyOnNoContent) {
    EXPECT_THAT(http("HTTP/1.1 204 No Content\nContent-Type: application/xml\n\n<Notes/>"),
                ElementsAre(HasViolation(ViolationCode::http_body_unexpected, "http:body")));
}

TEST(HttpValidator, AcceptsBodylessNoteResponses) {
    std::string chosen;
    EXPECT_THAT(http("HTTP/1.1 204 No Content\n\n", &chosen), IsEmpty());
    EXPECT_EQ(chosen, "list_notes 204");
    EXPECT_THAT(http("HTTP/1.1 201 Created\nLocation: http://127.0.0.1:8080/accounts/1/disconnects/"
                     "2/notes/3\n\n",
                     &chosen),
                IsEmpty());
    EXPECT_EQ(chosen, "create_note 201");
}

TEST(HttpValidator, ReportsUndocumentedStatus) {
    EXPECT_THAT(http("HTTP/1.1 418 I'm a teapot\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_status, "http:status")));
}

TEST(HttpValidator, PicksOperationByStatusAndRoot) {
    std::string chosen;
    const std::string ct = "Content-Type: application/xml; charset=utf-8\n\n";
    http("HTTP/1.1 400 Bad Request\n" + ct +
             harness::testing::payload("openapi-v1_disconnect_create_response_400.xml"),
         &chosen);
    EXPECT_EQ(chosen, "create_order 400 order_error");
    http("HTTP/1.1 400 Bad Request\n" + ct +
             harness::testing::payload("openapi-v1_disconnect_notes_create_response_400.xml"),
         &chosen);
    EXPECT_EQ(chosen, "create_note 400 note_error");
    http("HTTP/1.1 404 Not Found\n" + ct +
             harness::testing::payload("openapi-v1_disconnects_list_response_404.xml"),
         &chosen);
    EXPECT_EQ(chosen, "list_orders 404 order_list_not_found");
    http("HTTP/1.1 200 OK\n" + ct + harness::testing::payload("java-sdk_notes_list_response.xml"),
         &chosen);
    EXPECT_EQ(chosen, "list_notes 200 notes_list");
}

TEST(HttpValidator, ReportsMalformedMessages) {
    EXPECT_THAT(http(""),
                ElementsAre(HasViolation(ViolationCode::http_malformed, "http:start-line")));
    EXPECT_THAT(http("HTTP/1.1 abc\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_malformed, "http:start-line")));
    EXPECT_THAT(http("POST\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_malformed, "http:start-line")));
    EXPECT_THAT(http("GET /accounts/1/disconnects HTTP/1.1\nno colon here\n\n"),
                ElementsAre(HasViolation(ViolationCode::http_malformed, "http:headers")));
}

TEST(HttpValidator, BareBodyIsValidatedWithAWarning) {
    std::string chosen;
    const auto v =
        http(harness::testing::payload("guide-hybrid_disconnect_get_response_200.http"), &chosen);
    EXPECT_THAT(v, ElementsAre(HasWarning(ViolationCode::http_malformed, "http:start-line")));
    EXPECT_EQ(chosen, "order_status");
}

TEST(HttpValidator, AsMessageOverridesTheChoice) {
    std::string chosen;
    const auto v = http(post("/accounts/1/disconnects"), &chosen, "note_request");
    EXPECT_THAT(v, ElementsAre(HasViolation(ViolationCode::root_mismatch,
                                            "/DisconnectTelephoneNumberOrder")));
}

TEST(HttpValidator, DetectsHttpByExtensionOrFirstLine) {
    EXPECT_TRUE(hc::is_http_message("x.http", "<a/>"));
    EXPECT_FALSE(hc::is_http_message("x.xml", "GET / HTTP/1.1"));
    EXPECT_TRUE(hc::is_http_message("x.txt", "\nHTTP/1.1 200 OK\n\n"));
    EXPECT_FALSE(hc::is_http_message("-", "  <?xml version=\"1.0\"?><a/>"));
}
