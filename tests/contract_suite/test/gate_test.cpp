// gate_test.cpp: proves the gate. contract_tests runs as a child process against deliberately
// broken servers (each must fail exactly the tests that check the broken rule, with a message
// naming the rule, the path and the value) and against a separately started mock_server in the
// base paths /api and /v1.0 (must pass). Everything listens on 127.0.0.1 port 0.
#include "broken_server.hpp"
#include "harness/contract_suite/child_process.hpp"
#include "harness/contract_suite/target.hpp"
#include "junit.hpp"

#include <arpa/inet.h>
#include <csignal>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace harness::contract_suite::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAreArray;

constexpr const char* secret_password = "Sup3r-Secret-Pw";
constexpr const char* secret_user = "ci-user";
constexpr std::size_t suite_case_count = 24;

std::vector<std::pair<std::string, std::string>> env_for(const std::string& base_url) {
    return {{"CONTRACT_BASE_URL", base_url},
            {"CONTRACT_ACCOUNT_ID", "9900000"},
            {"CONTRACT_USERNAME", secret_user},
            {"CONTRACT_PASSWORD", secret_password},
            {"CONTRACT_CUSTOMER_ORDER_ID", "ci-run-42"}};
}

std::string dump(const SuiteRun& run) {
    return "contract_tests output:\n" + run.output;
}

void expect_no_secrets(const SuiteRun& run) {
    const std::string basic = base64(std::string(secret_user) + ":" + secret_password);
    EXPECT_THAT(run.output, Not(HasSubstr(secret_password)));
    EXPECT_THAT(run.output, Not(HasSubstr(basic)));
    EXPECT_THAT(run.junit, Not(HasSubstr(secret_password)));
    EXPECT_THAT(run.junit, Not(HasSubstr(basic)));
}

TEST(ContractSuiteGate, ConformingServerPassesEverything) {
    BrokenServer server(Defect::none);
    const auto run = run_contract_tests(env_for(server.base_url()));
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    EXPECT_EQ(run.cases.size(), suite_case_count) << dump(run);
    EXPECT_THAT(run.names(Outcome::failed), IsEmpty()) << dump(run);
    EXPECT_THAT(run.names(Outcome::skipped), IsEmpty()) << dump(run);
    expect_no_secrets(run);
}

struct BrokenCase {
    Defect defect;
    std::vector<std::string> failing;                          ///< exactly these fail
    std::vector<std::pair<std::string, std::string>> messages; ///< test -> substring of its failure
};

std::ostream& operator<<(std::ostream& os, const BrokenCase& c) {
    return os << to_string(c.defect);
}

class ContractSuiteBrokenServer : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(ContractSuiteBrokenServer, FailsExactlyTheBrokenRule) {
    const BrokenCase& c = GetParam();
    BrokenServer server(c.defect);
    const auto run = run_contract_tests(env_for(server.base_url()));
    EXPECT_EQ(run.exit_code, 1) << dump(run);
    ASSERT_EQ(run.cases.size(), suite_case_count) << dump(run);
    EXPECT_THAT(run.names(Outcome::failed), UnorderedElementsAreArray(c.failing)) << dump(run);
    EXPECT_THAT(run.names(Outcome::skipped), IsEmpty()) << dump(run);
    for (const auto& [test, text] : c.messages) {
        ASSERT_EQ(run.cases.count(test), 1u) << test;
        EXPECT_THAT(run.cases.at(test).message, HasSubstr(text)) << test;
        // The same text is in the console log a CI user reads.
        EXPECT_THAT(run.output, HasSubstr(text)) << test;
    }
    expect_no_secrets(run);
}

const std::string create_op = "create_order (POST /api/accounts/9900000/disconnects)";
const std::string numbers_path = "/DisconnectTelephoneNumberOrderResponse/orderRequest/"
                                 "DisconnectTelephoneNumberOrderType/TelephoneNumberList/"
                                 "TelephoneNumber";

INSTANTIATE_TEST_SUITE_P(
    ContractSuiteDefects, ContractSuiteBrokenServer,
    ::testing::Values(
        BrokenCase{Defect::create_without_location,
                   {"Create.LocationIsAbsoluteOrderUrl", "Create.LocationIdMatchesBodyId"},
                   {{"Create.LocationIsAbsoluteOrderUrl",
                     create_op + ": rule create.location.present at http:header:Location: "
                                 "expected a Location header ending in "
                                 "/accounts/9900000/disconnects/{orderId}; actual no Location "
                                 "header"}}},
        BrokenCase{Defect::location_id_mismatch,
                   {"Create.LocationIdMatchesBodyId"},
                   {{"Create.LocationIdMatchesBodyId",
                     create_op + ": rule create.location.id_matches_body at "
                                 "http:header:Location: expected the Location id to equal "
                                 "/DisconnectTelephoneNumberOrderResponse/orderRequest/id "
                                 "\"c0ffee00-0000-4000-8000-100000000001\"; actual Location id "
                                 "\"deadbeef-0000-4000-8000-000000000000\""}}},
        BrokenCase{Defect::wrong_root,
                   {"Create.BodyPassesCreateResponseContract", "Create.LocationIdMatchesBodyId",
                    "Create.EchoesTelephoneNumbers", "Create.EchoesProtected",
                    "Create.EchoesCustomerOrderId"},
                   {{"Create.BodyPassesCreateResponseContract",
                     create_op + ": rule contract.create_response/root_mismatch at /"},
                    {"Create.BodyPassesCreateResponseContract", "DisconnectOrderResponse"},
                    {"Create.EchoesTelephoneNumbers",
                     "no echoed numbers in a body with root <DisconnectOrderResponse> (children: "
                     "orderRequest, OrderStatus)"}}},
        BrokenCase{Defect::non_numeric_number,
                   {"Create.BodyPassesCreateResponseContract", "Create.EchoesTelephoneNumbers"},
                   {{"Create.BodyPassesCreateResponseContract",
                     create_op + ": rule contract.create_response/value_pattern at " +
                         numbers_path + "[1]"},
                    {"Create.BodyPassesCreateResponseContract", "\"41587A4245\""},
                    {"Create.EchoesTelephoneNumbers",
                     "rule create.echo.telephone_numbers at " + numbers_path},
                    {"Create.EchoesTelephoneNumbers", "not sent [\"41587A4245\"]"}}},
        BrokenCase{Defect::create_200,
                   {"Create.Returns201"},
                   {{"Create.Returns201", create_op + ": rule create.status_201 at http:status: "
                                                      "expected HTTP 201; actual HTTP 200"}}},
        BrokenCase{Defect::error_without_error_list,
                   {"Errors.MissingWrapperIs5001", "Errors.InvalidNumberIs5070",
                    "Errors.DuplicateNumberIs5093", "Errors.BadProtectedIs5108",
                    "Errors.BadDisconnectModeIs5084", "Errors.BadCustomerOrderIdIs5052"},
                   {{"Errors.BadProtectedIs5108",
                     "create_order [Protected 'MAYBE'] (POST /api/accounts/9900000/disconnects): "
                     "rule error.error_list at "
                     "/DisconnectTelephoneNumberOrderResponse/ErrorList/Error: expected an "
                     "ErrorList with Error/Code 5108; actual no ErrorList/Error element in a "
                     "body with root <DisconnectTelephoneNumberOrderResponse> (children: "
                     "RequestAuthorization, ResponseStatus)"},
                    {"Errors.InvalidNumberIs5070", "<ErrorCode>5070</ErrorCode>"},
                    // The server echoed the Authorization header; the suite printed it scrubbed.
                    {"Errors.InvalidNumberIs5070",
                     "<RequestAuthorization>Basic ***</RequestAuthorization>"}}}),
    [](const ::testing::TestParamInfo<BrokenCase>& param_info) {
        std::string name;
        bool up = true;
        for (char ch : to_string(param_info.param.defect)) {
            if (ch == '_') {
                up = true;
                continue;
            }
            name += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
            up = false;
        }
        return name;
    });

// A mock_server started separately, as a user would (`mock_server --port 0`).
class ContractSuiteMockServer : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        SpawnOptions options;
        options.argv = {HARNESS_MOCK_SERVER_EXE, "--port", "0", "--host", "127.0.0.1"};
        std::string error;
        mock_ = ChildProcess::spawn(options, &error);
        ASSERT_TRUE(mock_) << error;
        std::string seen;
        const auto line = mock_->wait_for_line("listening on ", std::chrono::seconds(20), &seen);
        ASSERT_TRUE(line) << "mock_server printed no listening line: " << seen;
        mock_->drain_in_background();
        url_ = line->substr(std::string("listening on ").size());
    }
    void TearDown() override {
        if (mock_) {
            EXPECT_EQ(mock_->terminate(), 0) << "mock_server must exit 0 on SIGTERM";
        }
    }
    std::optional<ChildProcess> mock_;
    std::string url_;
};

TEST_P(ContractSuiteMockServer, PassesEntirely) {
    auto env = env_for(url_ + GetParam());
    env.pop_back(); // no CustomerOrderId: the documented request, as the canned mock expects
    const auto run = run_contract_tests(env);
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    EXPECT_EQ(run.cases.size(), suite_case_count) << dump(run);
    EXPECT_THAT(run.names(Outcome::failed), IsEmpty()) << dump(run);
    // Honest skips: nothing to echo, and a canned server cannot list a new note.
    EXPECT_THAT(run.names(Outcome::skipped),
                ElementsAre("Create.EchoesCustomerOrderId", "Notes.ListContainsCreatedNote"))
        << dump(run);
    EXPECT_THAT(run.cases.at("Notes.ListContainsCreatedNote").message,
                HasSubstr("serves canned notes"));
    expect_no_secrets(run);
}

INSTANTIATE_TEST_SUITE_P(ContractSuiteBasePaths, ContractSuiteMockServer,
                         ::testing::Values("/api", "/v1.0", "/api/v2"),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             if (param_info.param == "/api") {
                                 return std::string("Api");
                             }
                             return param_info.param == "/v1.0" ? std::string("V1dot0")
                                                                : std::string("ApiV2");
                         });

TEST(ContractSuiteGate, StartsAndStopsItsOwnMockWhenBaseUrlIsUnset) {
    const auto run = run_contract_tests({});
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    EXPECT_THAT(run.names(Outcome::failed), IsEmpty()) << dump(run);
    const std::string marker = "mock_server started by contract_tests, pid ";
    const auto at = run.output.find(marker);
    ASSERT_NE(at, std::string::npos) << dump(run);
    const pid_t pid = static_cast<pid_t>(std::stol(run.output.substr(at + marker.size())));
    ASSERT_GT(pid, 0);
    // contract_tests reaped its mock before exiting: the pid is gone.
    EXPECT_EQ(::kill(pid, 0), -1) << "mock_server pid " << pid << " still running";
}

TEST(ContractSuiteGate, HelpDocumentsEveryVariable) {
    const auto run = run_contract_tests({}, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    for (const char* var :
         {"CONTRACT_BASE_URL", "CONTRACT_ACCOUNT_ID", "CONTRACT_USERNAME", "CONTRACT_PASSWORD",
          "CONTRACT_TOKEN", "CONTRACT_TNS", "CONTRACT_ORDER_ID", "CONTRACT_ALLOW_DISCONNECT",
          "CONTRACT_CA_BUNDLE", "CONTRACT_CUSTOMER_ORDER_ID", "CONTRACT_TIMEOUT_MS",
          "CONTRACT_DRY_RUN", "--gtest_output"}) {
        EXPECT_THAT(run.output, HasSubstr(var));
    }
    EXPECT_THAT(run.output, Not(HasSubstr("contract_tests: target"))); // nothing started
}

TEST(ContractSuiteGate, ListsTestsWithoutContactingANonLoopbackTarget) {
    // --gtest_list_tests never builds a Target: nothing is sent anywhere.
    const auto run = run_contract_tests({{"CONTRACT_BASE_URL", "http://203.0.113.5/api"}},
                                        {"--gtest_list_tests"});
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    EXPECT_THAT(run.output, AllOf(HasSubstr("Create."), HasSubstr("Returns201"),
                                  HasSubstr("Errors."), HasSubstr("MissingCredentialsIs401")));
    EXPECT_THAT(run.output, Not(HasSubstr("contract_tests: target")));
}

// A non-loopback target, end to end, without sending anything: CONTRACT_DRY_RUN makes every
// request a no-op, so the run shows which tests would send what and which are skipped for safety.
TEST(ContractSuiteGate, NonLoopbackTargetSkipsDisconnectingTestsUnlessOptedIn) {
    const auto run = run_contract_tests(
        {{"CONTRACT_BASE_URL", "https://203.0.113.5/api"}, {"CONTRACT_DRY_RUN", "yes"}});
    EXPECT_EQ(run.exit_code, 0) << dump(run);
    EXPECT_THAT(run.names(Outcome::failed), IsEmpty()) << dump(run);
    EXPECT_EQ(run.names(Outcome::skipped).size(), suite_case_count) << dump(run);
    for (const char* destructive :
         {"Create.Returns201", "Create.EchoesName", "Errors.MissingWrapperIs5001",
          "Errors.DuplicateNumberIs5093", "Errors.BadProtectedIs5108",
          "Errors.BadDisconnectModeIs5084", "Errors.BadCustomerOrderIdIs5052"}) {
        EXPECT_THAT(run.cases.at(destructive).message,
                    AllOf(HasSubstr("not a loopback address"),
                          HasSubstr("CONTRACT_ALLOW_DISCONNECT=yes"), HasSubstr("CONTRACT_TNS=")))
            << destructive;
    }
    // Read-only tests still run (here: would send).
    EXPECT_THAT(run.cases.at("List.Returns200ListOr404Documented").message,
                HasSubstr("would send list_orders (GET /api/accounts/9900000/disconnects)"));
    EXPECT_THAT(run.cases.at("Errors.MissingCredentialsIs401").message, HasSubstr("would send"));
    EXPECT_THAT(run.cases.at("Errors.InvalidNumberIs5070").message, HasSubstr("would send"));
    EXPECT_THAT(run.cases.at("Status.Returns200").message, HasSubstr("set CONTRACT_ORDER_ID="));
    EXPECT_THAT(run.output, HasSubstr("disconnecting requests skipped"));
    EXPECT_THAT(run.output, Not(HasSubstr("transport error")));

    // Opted in: the disconnecting tests would run too.
    const auto opted = run_contract_tests({{"CONTRACT_BASE_URL", "https://203.0.113.5/api"},
                                           {"CONTRACT_DRY_RUN", "yes"},
                                           {"CONTRACT_ALLOW_DISCONNECT", "yes"},
                                           {"CONTRACT_TNS", "9195551234,9195551235"},
                                           {"CONTRACT_ORDER_ID", "existing-order-1"}});
    EXPECT_EQ(opted.exit_code, 0) << dump(opted);
    EXPECT_THAT(opted.cases.at("Create.Returns201").message,
                HasSubstr("would send create_order (POST /api/accounts/9900000/disconnects)"));
    EXPECT_THAT(opted.cases.at("Errors.DuplicateNumberIs5093").message,
                HasSubstr("would send create_order [duplicate TelephoneNumber '9195551234']"));
    EXPECT_THAT(
        opted.cases.at("Status.Returns200").message,
        HasSubstr("would send get_order (GET /api/accounts/9900000/disconnects/existing-order-1)"));
    EXPECT_THAT(opted.output, HasSubstr("disconnecting requests ENABLED"));
}

TEST(ContractSuiteGate, GarbageAnswersFailEveryRequestingTestWithoutCrashing) {
    BrokenServer server(Defect::garbage);
    const auto run = run_contract_tests(env_for(server.base_url()));
    EXPECT_EQ(run.exit_code, 1) << dump(run);
    ASSERT_EQ(run.cases.size(), suite_case_count) << dump(run);
    EXPECT_THAT(run.cases.at("Create.Returns201").message, HasSubstr("actual HTTP 200"));
    EXPECT_THAT(run.cases.at("Create.ContentTypeIsXml").message,
                HasSubstr("at http:header:Content-Type: expected an XML media type"));
    EXPECT_THAT(run.cases.at("Create.BodyPassesCreateResponseContract").message,
                HasSubstr("rule contract.create_response/"));
    EXPECT_THAT(run.cases.at("Errors.BadProtectedIs5108").message,
                HasSubstr("a body that is not well-formed XML"));
}

TEST(ContractSuiteGate, HangUpsAreTransportFailuresNotHangs) {
    BrokenServer server(Defect::hang_up);
    const auto run = run_contract_tests(env_for(server.base_url()));
    EXPECT_EQ(run.exit_code, 1) << dump(run);
    ASSERT_EQ(run.cases.size(), suite_case_count) << dump(run);
    EXPECT_THAT(run.cases.at("Create.Returns201").message,
                HasSubstr("no HTTP response (transport error receive)"));
    EXPECT_THAT(run.cases.at("Errors.MissingCredentialsIs401").message,
                HasSubstr("no HTTP response (transport error receive)"));
}

TEST(ContractSuiteGate, UnreachableTargetFailsWithTransportErrorNotHang) {
    int port = 0;
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        ::close(fd); // nothing listens there now
    }
    const auto run =
        run_contract_tests(env_for("http://127.0.0.1:" + std::to_string(port) + "/api"));
    EXPECT_EQ(run.exit_code, 1) << dump(run);
    ASSERT_EQ(run.cases.count("Create.Returns201"), 1u) << dump(run);
    EXPECT_THAT(run.cases.at("Create.Returns201").message,
                HasSubstr("create_order (POST /api/accounts/9900000/disconnects): no HTTP "
                          "response (transport error connect)"));
    EXPECT_THAT(run.cases.at("List.Returns200ListOr404Documented").message,
                HasSubstr("transport error connect"));
}

TEST(ContractSuiteGate, InvalidBaseUrlFailsEveryTestWithTheReason) {
    const auto run = run_contract_tests({{"CONTRACT_BASE_URL", "ftp://user:pw@127.0.0.1/x"}});
    EXPECT_EQ(run.exit_code, 1) << dump(run);
    EXPECT_EQ(run.names(Outcome::failed).size(), suite_case_count) << dump(run);
    EXPECT_THAT(
        run.cases.at("List.Returns200ListOr404Documented").message,
        HasSubstr("contract_tests setup failed: CONTRACT_BASE_URL \"ftp://***@127.0.0.1/x\" "
                  "is not an absolute http:// or https:// URL"));
    EXPECT_THAT(run.output, Not(HasSubstr("user:pw")));
}

} // namespace
} // namespace harness::contract_suite::testing
