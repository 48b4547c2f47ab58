// server_test.cpp: the canned mock over real sockets: create, reads, notes, errors, auth, limits,
// routing and keep-alive. Each test starts its own MockServer on a free port.
#include "mock_server_fixture.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace harness::testing {
namespace {

const std::string xml_content_type = "application/xml; charset=utf-8";

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
} curl_global;

std::string location_for(const std::string& authority, const std::string& prefix) {
    return "http://" + authority + prefix + "/accounts/9900000/disconnects/" + canned_order_id;
}

// ---- canned create --------------------------------------------------------------------------

TEST_F(MockServerTest, CreateDocumentedRequestReturnsFixtureBytesAndLocation) {
    const auto response = create(fixture("disconnects/create_request.xml"));
    ASSERT_EQ(response.error, "");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.header("content-type"), xml_content_type);
    EXPECT_EQ(response.header("location"), location_for(authority(), "/api"));
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
}

TEST_F(MockServerTest, CreateAcceptedUnderEveryTenDigitPrefix) {
    for (const std::string prefix : {"", "/api", "/api/v1", "/v1.0", "/api/v1.0"}) {
        SCOPED_TRACE(prefix);
        const auto response = create(fixture("disconnects/create_request.xml"), prefix);
        EXPECT_EQ(response.status, 201);
        EXPECT_EQ(response.header("location"), location_for(authority(), prefix));
        EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
    }
}

TEST_F(MockServerTest, CreateOnV2AcceptsE164) {
    const auto response = create(payload("openapi-v2_disconnect_create_request.xml"), "/api/v2");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.header("location"), location_for(authority(), "/api/v2"));
    EXPECT_EQ(response.body, fixture("disconnects/v2/create_response_201.xml"));
}

TEST_F(MockServerTest, CreateOnV2RejectsTenDigitNumbersWith5070) {
    const auto response = create(fixture("disconnects/create_request.xml"), "/api/v2");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(error_code_of(response.body), 5070);
}

TEST_F(MockServerTest, RepeatedBodyIsJudgedPerPrefix) {
    // The same bytes are judged afresh on every request, by the rules of the prefix they arrive on.
    const auto body = fixture("disconnects/create_request.xml");
    EXPECT_EQ(create(body, "/api").status, 201);
    EXPECT_EQ(create(body, "/api").status, 201);
    const auto v2 = create(body, "/api/v2");
    EXPECT_EQ(v2.status, 400);
    EXPECT_EQ(error_code_of(v2.body), 5070);
    EXPECT_EQ(create(body + "<!-- -->", "/api").status, 201);
    EXPECT_EQ(create(body.substr(0, body.size() / 2), "/api").status, 400);
    EXPECT_EQ(create(body, "/api").status, 201);
}

TEST_F(MockServerTest, CreateOnV1RejectsE164With5070) {
    const auto response = create(payload("openapi-v2_disconnect_create_request.xml"), "/api/v1");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(error_code_of(response.body), 5070);
}

TEST_F(MockServerTest, CreateAcceptsNodeSdkForm) {
    const auto response = create(payload("node-sdk_disconnect_create_request_CAPTURED.xml"));
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
}

TEST_F(MockServerTest, CreateAcceptsPythonSdkForm) {
    const auto response = create(payload("python-sdk_disconnect_create_request_CAPTURED.xml"));
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
}

TEST_F(MockServerTest, CreateLocationUsesRequestHostHeader) {
    const auto response = client_.post(
        url("/v1.0/accounts/12345/disconnects"), fixture("disconnects/create_request.xml"),
        {"Content-Type: application/xml", "Host: mock.example.test:9443"});
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.header("location"),
              std::string("http://mock.example.test:9443/v1.0/accounts/"
                          "12345/disconnects/") +
                  canned_order_id);
}

TEST_F(MockServerTest, CreateAcceptsFiveThousandNumbers) {
    const auto response = create(order_xml(numbers(5000)));
    EXPECT_EQ(response.status, 201) << response.body.substr(0, 300);
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
}

TEST_F(MockServerTest, CreateRejectsMoreThanDefaultMaxWith5095) {
    const auto response = create(order_xml(numbers(5001)));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5095, "The count of telephone numbers in order exceeds the "
                                    "maximum size of 5000"));
}

// ---- bad input: 400 with Bandwidth's order error body ---------------------------------------

TEST_F(MockServerTest, MissingWrapperIs5001) {
    const auto response =
        create("<DisconnectTelephoneNumberOrder><TelephoneNumberList><TelephoneNumber>4158714245"
               "</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrder>");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("content-type"), xml_content_type);
    EXPECT_EQ(response.body, order_error_xml(5001, "Invalid input telephone number list"));
}

TEST_F(MockServerTest, MissingListIs5001) {
    const auto response =
        create("<DisconnectTelephoneNumberOrder><DisconnectTelephoneNumberOrderType>"
               "<Protected>TRUE</Protected></DisconnectTelephoneNumberOrderType>"
               "</DisconnectTelephoneNumberOrder>");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(error_code_of(response.body), 5001);
}

TEST_F(MockServerTest, InvalidNumberIs5070) {
    const auto response = create(order_xml({"4158714245", "41587"}));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body, order_error_xml(5070, "Telephone number is invalid"));
}

TEST_F(MockServerTest, DuplicateNumberIs5093) {
    const auto response = create(order_xml({"4158714245", "4158714245"}));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5093, "Order cannot contain duplicate telephone numbers"));
}

TEST_F(MockServerTest, BadCustomerOrderIdIs5052) {
    const auto response =
        create(order_xml({"4158714245"}, {}, "<CustomerOrderId>bad_id!</CustomerOrderId>"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5052, "Customer order ID is invalid. Only alphanumeric values, "
                                    "dashes and spaces are allowed. Max length is 40 characters."));
}

TEST_F(MockServerTest, BadProtectedIs5108WithTheValue) {
    const auto response = create(order_xml({"4158714245"}, "<Protected>MAYBE</Protected>"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5108, "Protected attribute 'MAYBE' is invalid. Valid values: TRUE, "
                                    "FALSE, UNCHANGED"));
}

TEST_F(MockServerTest, BadDisconnectModeIs5084WithTheValue) {
    const auto response =
        create(order_xml({"4158714245"}, "<DisconnectMode>obliterate</DisconnectMode>"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5084, "DisconnectMode 'obliterate' is invalid. Valid values are: "
                                    "normal, soft-remove, purge"));
}

TEST_F(MockServerTest, EchoedValueIsXmlEscaped) {
    const auto response =
        create(order_xml({"4158714245"}, "<Protected>&lt;x&amp;y&gt;</Protected>"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5108, "Protected attribute '&lt;x&amp;y&gt;' is invalid. Valid "
                                    "values: TRUE, FALSE, UNCHANGED"));
}

TEST_F(MockServerTest, CaseInsensitiveEnumsAccepted) {
    const auto response = create(order_xml(
        {"4158714245"}, "<DisconnectMode>NORMAL</DisconnectMode><Protected>true</Protected>"));
    EXPECT_EQ(response.status, 201);
}

TEST_F(MockServerTest, NameOverFiftyCharactersIs1011) {
    const auto response =
        create(order_xml({"4158714245"}, {}, "<Name>" + std::string(51, 'n') + "</Name>"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body, order_error_xml(1011, "Name is too long. Max length 50 characters"));
}

TEST_F(MockServerTest, MalformedXmlIs5002) {
    const auto response = create("<DisconnectTelephoneNumberOrder><DisconnectTelephone");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body, order_error_xml(5002, "Validation error"));
}

TEST_F(MockServerTest, EmptyBodyIs5002) {
    const auto response = create("");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(error_code_of(response.body), 5002);
}

TEST_F(MockServerTest, WrongRootIs5002) {
    const auto response = create("<Note><UserId>a</UserId><Description>b</Description></Note>");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(error_code_of(response.body), 5002);
}

TEST_F(MockServerTest, EntityExpansionRejected) {
    const auto response = create("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"4158714245\">]>"
                                 "<DisconnectTelephoneNumberOrder/>");
    EXPECT_EQ(response.status, 400);
}

TEST_F(MockServerTest, BinaryGarbageBodyIs400) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage.push_back(static_cast<char>((i * 131) & 0xFF));
    }
    const auto response = create(garbage);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

// ---- canned reads and notes -----------------------------------------------------------------

TEST_F(MockServerTest, GetCannedOrderReturnsStatusFixture) {
    const auto response =
        client_.get(url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("content-type"), xml_content_type);
    EXPECT_EQ(response.body, fixture("disconnects/get_response_200.xml"));
}

TEST_F(MockServerTest, GetCannedOrderOnV2ReturnsE164StatusFixture) {
    const auto response =
        client_.get(url(std::string("/api/v2/accounts/9900000/disconnects/") + canned_order_id));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, fixture("disconnects/v2/get_response_200.xml"));
}

TEST_F(MockServerTest, GetUnknownOrderIs404WithOrderIdInvalid) {
    const auto response = client_.get(url("/api/accounts/9900000/disconnects/no-such-order"));
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.body,
              order_error_xml(5061, "Order id is invalid. Please check the order id that you "
                                    "have submitted in your request is correct."));
}

TEST_F(MockServerTest, ListReturnsListFixtureWithQuery) {
    const auto response = client_.get(url("/v1.0/accounts/9900000/disconnects?page=1&size=30"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, fixture("disconnects/list_response_200.xml"));
}

TEST_F(MockServerTest, NotesListReturnsNotesFixture) {
    const auto response = client_.get(
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, fixture("disconnects/notes_list_response_200.xml"));
}

TEST_F(MockServerTest, NotesOfUnknownOrderIs404) {
    const auto response = client_.get(url("/api/accounts/9900000/disconnects/other/notes"));
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(error_code_of(response.body), 5061);
}

TEST_F(MockServerTest, CreateNoteIs201WithLocationAndNoBody) {
    const std::string notes =
        std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes";
    const auto response = client_.post(
        url(notes), "<Note><UserId>jbm</UserId><Description>call back</Description></Note>");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.header("location"), "http://" + authority() + notes + "/87040");
    EXPECT_EQ(response.body, "");
}

TEST_F(MockServerTest, CreateNoteAcceptsDocumentedExample) {
    const auto response = client_.post(
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes"),
        payload("openapi-v1_disconnect_notes_create_request.xml"));
    EXPECT_EQ(response.status, 201);
}

TEST_F(MockServerTest, CreateNoteWithoutUserIdIs12501) {
    const auto response = client_.post(
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes"),
        "<Note><Description>call back</Description></Note>");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("content-type"), xml_content_type);
    EXPECT_EQ(response.body, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                             "<NoteResponse><ResponseStatus><ErrorCode>12501</ErrorCode>"
                             "<Description>Username is required</Description></ResponseStatus>"
                             "</NoteResponse>");
}

TEST_F(MockServerTest, NoteWithoutDescriptionIs1003) {
    const auto response = client_.post(
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes"),
        "<Note><UserId>jbm</UserId></Note>");
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("<ErrorCode>1003</ErrorCode><Description>Description is "
                                 "required</Description>"),
              std::string::npos)
        << response.body;
}

TEST_F(MockServerTest, NoteOverFiveHundredCharactersIs1011) {
    const auto response = client_.post(
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes"),
        "<Note><UserId>jbm</UserId><Description>" + std::string(501, 'd') +
            "</Description></Note>");
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("<ErrorCode>1011</ErrorCode><Description>Description is too "
                                 "long. Max length 500 characters</Description>"),
              std::string::npos)
        << response.body;
}

TEST_F(MockServerTest, UpdateNoteIs200WithNoBody) {
    const auto response = client_.request(
        "PUT",
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes/87037"),
        "<Note><UserId>jbm</UserId><Description>updated</Description></Note>");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "");
}

TEST_F(MockServerTest, UpdateNoteMalformedIs400NoteResponse) {
    const auto response = client_.request(
        "PUT",
        url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id + "/notes/87037"),
        "<Note><UserId>jbm");
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("<NoteResponse><ResponseStatus><ErrorCode>"), std::string::npos);
}

// ---- routing --------------------------------------------------------------------------------

TEST_F(MockServerTest, UnknownPathIs404) {
    EXPECT_EQ(client_.get(url("/api/accounts/9900000/portins")).status, 404);
    EXPECT_EQ(client_.get(url("/api/v3/accounts/9900000/disconnects")).status, 404);
    EXPECT_EQ(client_
                  .get(url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id +
                           "/history"))
                  .status,
              404);
}

TEST_F(MockServerTest, WrongMethodIs405WithAllow) {
    const auto del = client_.request("DELETE", url("/api/accounts/9900000/disconnects"));
    EXPECT_EQ(del.status, 405);
    EXPECT_NE(del.header("allow").find("GET"), std::string::npos);
    EXPECT_NE(del.header("allow").find("POST"), std::string::npos);
    const auto put = client_.request(
        "PUT", url(std::string("/api/accounts/9900000/disconnects/") + canned_order_id), "<a/>");
    EXPECT_EQ(put.status, 405);
    EXPECT_EQ(put.header("allow"), "GET");
}

// ---- authentication -------------------------------------------------------------------------

TEST_F(MockServerTest, MissingCredentialsIs401WithWwwAuthenticate) {
    const auto response = client_.request("POST", url("/api/accounts/9900000/disconnects"),
                                          fixture("disconnects/create_request.xml"), {}, false);
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.header("www-authenticate").rfind("Basic realm=\"", 0), 0u)
        << response.header("www-authenticate");
}

TEST_F(MockServerTest, BearerTokenAcceptedUnderAny) {
    const auto response = client_.request("POST", url("/api/v2/accounts/9900000/disconnects"),
                                          payload("openapi-v2_disconnect_create_request.xml"),
                                          {"Authorization: Bearer abc.def.ghi"});
    EXPECT_EQ(response.status, 201);
}

TEST_F(MockServerTest, UnknownSchemeIs401UnderAny) {
    const auto response = client_.request("GET", url("/api/accounts/9900000/disconnects"), {},
                                          {"Authorization: Digest whatever"});
    EXPECT_EQ(response.status, 401);
}

class MockServerAuthNoneTest : public MockServerTest {
    void configure(mock::ServerOptions& options) override {
        options.auth = mock::AuthPolicy::none();
    }
};

TEST_F(MockServerAuthNoneTest, RequestWithoutCredentialsAccepted) {
    const auto response = client_.request("POST", url("/api/accounts/9900000/disconnects"),
                                          fixture("disconnects/create_request.xml"), {}, false);
    EXPECT_EQ(response.status, 201);
}

class MockServerUserPassTest : public MockServerTest {
    void configure(mock::ServerOptions& options) override {
        options.auth = mock::AuthPolicy::basic("username", "password");
    }
};

TEST_F(MockServerUserPassTest, ExactPairAccepted) {
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

TEST_F(MockServerUserPassTest, OtherPairAndBearerRejected) {
    // dXNlcm5hbWU6d3Jvbmc= is "username:wrong"
    const auto wrong = client_.request("GET", url("/api/accounts/9900000/disconnects"), {},
                                       {"Authorization: Basic dXNlcm5hbWU6d3Jvbmc="});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_TRUE(wrong.has_header("www-authenticate"));
    const auto bearer = client_.request("GET", url("/api/accounts/9900000/disconnects"), {},
                                        {"Authorization: Bearer token"});
    EXPECT_EQ(bearer.status, 401);
}

// ---- limits ---------------------------------------------------------------------------------

class MockServerSmallLimitsTest : public MockServerTest {
    void configure(mock::ServerOptions& options) override {
        options.max_telephone_numbers = 3;
        options.max_body_bytes = 2000;
    }
};

TEST_F(MockServerSmallLimitsTest, MoreNumbersThanMaxTnsIs5095) {
    const auto response = create(order_xml(numbers(4)));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body,
              order_error_xml(5095, "The count of telephone numbers in order exceeds the "
                                    "maximum size of 3"));
    EXPECT_EQ(create(order_xml(numbers(3))).status, 201);
}

TEST_F(MockServerSmallLimitsTest, BodyOverMaxBodyIs413AndServerSurvives) {
    const auto response = create(order_xml(numbers(60))); // ~2.9 kB
    EXPECT_EQ(response.status, 413);
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

TEST_F(MockServerSmallLimitsTest, BodyFarOverRequestLimitIs413AndServerSurvives) {
    const std::string huge(200 * 1024, 'x'); // beyond Pistache's own request-size limit
    HttpClient other;
    const auto response = other.post(url("/api/accounts/9900000/disconnects"), huge);
    EXPECT_EQ(response.status, 413) << response.error;
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

class MockServerIpv6Test : public MockServerTest {
    void configure(mock::ServerOptions& options) override { options.host = "::1"; }
};

TEST_F(MockServerIpv6Test, ListensOnIpv6Loopback) {
    EXPECT_EQ(server_->base_url().rfind("http://[::1]:", 0), 0u) << server_->base_url();
    const auto response = create(fixture("disconnects/create_request.xml"));
    EXPECT_EQ(response.status, 201) << response.error;
    EXPECT_EQ(response.header("location"), "http://[::1]:" + std::to_string(port()) +
                                               "/api/accounts/9900000/disconnects/" +
                                               canned_order_id);
}

class MockServerNoValidateTest : public MockServerTest {
    void configure(mock::ServerOptions& options) override { options.validate = false; }
};

TEST_F(MockServerNoValidateTest, AnyBodyAccepted) {
    const auto response = create("this is not XML");
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
}

// ---- keep-alive and robustness --------------------------------------------------------------

TEST_F(MockServerTest, ConnectionReusedAcrossEveryKindOfResponse) {
    const std::string base = "/api/accounts/9900000/disconnects";
    const auto first = create(fixture("disconnects/create_request.xml"));
    EXPECT_EQ(first.status, 201);
    EXPECT_EQ(first.new_connections, 1);
    EXPECT_EQ(first.header("connection"), "Keep-Alive");
    const std::vector<std::pair<long, HttpResponse>> later = {
        {201, create(fixture("disconnects/create_request.xml"))},
        {400, create("<broken")},
        {404, client_.get(url("/nowhere"))},
        {405, client_.request("DELETE", url(base))},
        {401, client_.request("GET", url(base), {}, {}, false)},
        {413, create(std::string((2u << 20) + 1024, ' '))}, // over --max-body only
        {200, client_.get(url(base))},
        {404, client_.get(url(base + "/unknown"))},
    };
    for (const auto& [status, response] : later) {
        SCOPED_TRACE(status);
        EXPECT_EQ(response.status, status);
        EXPECT_EQ(response.new_connections, 0) << "connection was not reused";
        EXPECT_EQ(response.header("connection"), "Keep-Alive");
    }
}

TEST_F(MockServerTest, ConnectionCloseHonoured) {
    const auto response = client_.post(url("/api/accounts/9900000/disconnects"),
                                       fixture("disconnects/create_request.xml"),
                                       {"Content-Type: application/xml", "Connection: close"});
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(HttpClient::lower(response.header("connection")), "close");
}

TEST_F(MockServerTest, HundredConcurrentKeepAliveClients) {
    constexpr int clients = 100;
    constexpr int requests_each = 5;
    const std::string request_body = fixture("disconnects/create_request.xml");
    const std::string expected_body = fixture("disconnects/create_response_201.xml");
    const std::string expected_location = location_for(authority(), "/api");
    std::vector<std::unique_ptr<HttpClient>> handles;
    for (int i = 0; i < clients; ++i) {
        handles.push_back(std::make_unique<HttpClient>());
    }
    std::atomic<int> good{0};
    std::atomic<int> reused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            for (int r = 0; r < requests_each; ++r) {
                const auto response =
                    handles[i]->post(url("/api/accounts/9900000/disconnects"), request_body);
                if (response.status == 201 && response.body == expected_body &&
                    response.header("location") == expected_location) {
                    ++good;
                }
                if (r > 0 && response.new_connections == 0) {
                    ++reused;
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(good.load(), clients * requests_each);
    EXPECT_EQ(reused.load(), clients * (requests_each - 1));
}

TEST_F(MockServerTest, GarbageRequestLineDoesNotKillServer) {
    const auto unknown_method = raw_exchange(port(), "FOO / HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(unknown_method.rfind("HTTP/1.1 400", 0), 0u) << unknown_method;
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

TEST_F(MockServerTest, RequestLineWithoutSpaceGets408WithinHeaderTimeout) {
    // Pistache waits for a space in the request line; the mock's short header timeout (5 s)
    // answers such a client with 408 instead of leaving it hanging (Pistache's default: 60 s).
    const auto start = std::chrono::steady_clock::now();
    const auto answer = raw_exchange(port(), "GARBAGE\r\n\r\n\x01\x02", true, 15000);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
    EXPECT_LT(waited, std::chrono::seconds(12));
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

TEST_F(MockServerTest, TruncatedBodyThenCloseDoesNotKillServer) {
    raw_exchange(
        port(),
        "POST /api/accounts/1/disconnects HTTP/1.1\r\nHost: x\r\n"
        "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=\r\nContent-Length: 5000\r\n\r\n<Disc",
        false, 200, true);
    EXPECT_EQ(create(fixture("disconnects/create_request.xml")).status, 201);
}

TEST_F(MockServerTest, RawRequestWithoutHostFallsBackToListenAddress) {
    const std::string body = fixture("disconnects/create_request.xml");
    const auto answer =
        raw_exchange(port(), "POST /v1.0/accounts/77/disconnects HTTP/1.1\r\n"
                             "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n" + body);
    EXPECT_EQ(answer.rfind("HTTP/1.1 201", 0), 0u) << answer.substr(0, 200);
    EXPECT_NE(answer.find("Location: http://" + authority() + "/v1.0/accounts/77/disconnects/" +
                          canned_order_id + "\r\n"),
              std::string::npos)
        << answer.substr(0, 400);
}

} // namespace
} // namespace harness::testing
