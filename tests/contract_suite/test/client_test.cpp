// client_test.cpp: harness::client against loopback servers only (port 0): headers, auth,
// bodies and every transport failure as a value.
#include "broken_server.hpp"
#include "harness/client/http_client.hpp"
#include "harness/contract_suite/child_process.hpp"

#include <arpa/inet.h>
#include <filesystem>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace harness::contract_suite::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A loopback socket that listens but never accepts or answers.
class SilentListener {
public:
    SilentListener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(fd_, 8);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
    }
    ~SilentListener() { ::close(fd_); }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

TEST(ContractSuiteClient, HeadersAreCaseInsensitiveAndMultiValued) {
    BrokenServer server(Defect::none);
    const auto r = client::request("GET", server.base_url("/__test/echo"), {}, {});
    ASSERT_TRUE(r.ok()) << r.error_text;
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.get("X-MULTI"), "one");
    EXPECT_THAT(r.headers.get_all("x-multi"), ElementsAre("one", "two"));
    EXPECT_EQ(r.headers.get("content-type"), "text/plain");
    EXPECT_FALSE(r.headers.has("Location"));
}

TEST(ContractSuiteClient, SendsBasicAuthAndBody) {
    BrokenServer server(Defect::none);
    client::RequestOptions options;
    options.auth = client::Auth::basic("user", "pass");
    const auto r = client::request("POST", server.base_url("/__test/echo"),
                                   {{"Content-Type", "application/xml"}}, "<a/>", options);
    ASSERT_TRUE(r.ok()) << r.error_text;
    EXPECT_EQ(r.body, "POST\nBasic dXNlcjpwYXNz\napplication/xml\n<a/>");
}

TEST(ContractSuiteClient, SendsBearerToken) {
    BrokenServer server(Defect::none);
    client::RequestOptions options;
    options.auth = client::Auth::bearer("tok-1");
    client::HttpClient http; // one handle, reused
    for (int i = 0; i < 2; ++i) {
        const auto r = http.request("GET", server.base_url("/__test/echo"), {}, {}, options);
        ASSERT_TRUE(r.ok()) << r.error_text;
        EXPECT_EQ(r.body, "GET\nBearer tok-1\n-\n");
    }
    const auto none = http.request("GET", server.base_url("/__test/echo"), {}, {});
    EXPECT_EQ(none.body, "GET\n-\n-\n");
}

TEST(ContractSuiteClient, EmptyPostSendsZeroBytes) {
    BrokenServer server(Defect::none);
    const auto r = client::request("POST", server.base_url("/__test/echo"), {}, {});
    ASSERT_TRUE(r.ok()) << r.error_text;
    EXPECT_EQ(r.body, "POST\n-\n-\n");
}

TEST(ContractSuiteClient, HttpErrorsAreResponsesNotTransportErrors) {
    BrokenServer server(Defect::none);
    const auto r = client::request("GET", server.base_url() + "/accounts/1/disconnects", {}, {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.status, 401); // no credentials
    EXPECT_EQ(r.error, client::TransportError::none);
}

TEST(ContractSuiteClient, RefusedConnectionIsAValue) {
    const auto r =
        client::request("GET", "http://127.0.0.1:" + std::to_string(closed_port()) + "/", {}, {});
    EXPECT_EQ(r.error, client::TransportError::connect);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(client::to_string(r.error), "connect");
    EXPECT_FALSE(r.error_text.empty());
}

TEST(ContractSuiteClient, SilentServerTimesOut) {
    SilentListener silent;
    client::RequestOptions options;
    options.timeout_ms = 300;
    const auto r = client::request("GET", "http://127.0.0.1:" + std::to_string(silent.port()) + "/",
                                   {}, {}, options);
    EXPECT_EQ(r.error, client::TransportError::timeout) << r.error_text;
}

TEST(ContractSuiteClient, OversizedResponseIsCut) {
    BrokenServer server(Defect::none);
    client::RequestOptions options;
    options.max_response_bytes = 16;
    const auto r = client::request("GET", server.base_url() + "/accounts/1/disconnects",
                                   {{"Authorization", "Basic eDp4"}}, {}, options);
    EXPECT_EQ(r.error, client::TransportError::response_too_large);
    EXPECT_THAT(r.error_text, HasSubstr("16 bytes"));
}

TEST(ContractSuiteClient, OnlyHttpAndHttpsUrls) {
    EXPECT_EQ(client::request("GET", "ftp://127.0.0.1/", {}, {}).error,
              client::TransportError::invalid_url);
    EXPECT_EQ(client::request("GET", "file:///etc/passwd", {}, {}).error,
              client::TransportError::invalid_url);
    EXPECT_EQ(client::request("GET", "http://[::1", {}, {}).error,
              client::TransportError::invalid_url);
}

TEST(ContractSuiteClient, MissingCaBundleIsATlsErrorNotACrash) {
    // Nothing listens on the port: the bundle problem or the refusal comes first; either way a
    // value.
    client::RequestOptions options;
    options.ca_bundle = "/nonexistent/ca.pem";
    const auto r = client::request(
        "GET", "https://127.0.0.1:" + std::to_string(closed_port()) + "/", {}, {}, options);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.error == client::TransportError::tls ||
                r.error == client::TransportError::connect)
        << client::to_string(r.error) << ": " << r.error_text;
}

// HTTPS against `openssl s_server` on 127.0.0.1 port 0 with a certificate made for the test:
// verification fails against the system store and succeeds with CONTRACT_CA_BUNDLE's option.
class ContractSuiteClientTls : public ::testing::Test {
protected:
    void SetUp() override {
        const char* openssl = "/usr/bin/openssl";
        if (::access(openssl, X_OK) != 0 || ::access("/usr/bin/stdbuf", X_OK) != 0) {
            GTEST_SKIP() << "openssl or stdbuf not installed";
        }
        dir_ = std::filesystem::temp_directory_path() /
               ("contract_suite_tls_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        cert_ = (dir_ / "cert.pem").string();
        const std::string key = (dir_ / "key.pem").string();
        std::string error;
        SpawnOptions make_cert;
        make_cert.argv = {openssl,
                          "req",
                          "-x509",
                          "-newkey",
                          "ec",
                          "-pkeyopt",
                          "ec_paramgen_curve:prime256v1",
                          "-nodes",
                          "-keyout",
                          key,
                          "-out",
                          cert_,
                          "-days",
                          "2",
                          "-subj",
                          "/CN=127.0.0.1",
                          "-addext",
                          "subjectAltName=IP:127.0.0.1"};
        make_cert.merge_stderr = true;
        auto req = ChildProcess::spawn(make_cert, &error);
        ASSERT_TRUE(req) << error;
        std::string out;
        req->read_to_end(out, std::chrono::seconds(30));
        ASSERT_EQ(req->wait(std::chrono::seconds(30)), 0) << out;

        SpawnOptions serve;
        // stdbuf: s_server's stdout is block-buffered on a pipe; the ACCEPT line must arrive now.
        serve.argv = {"/usr/bin/stdbuf", "-oL", openssl, "s_server", "-accept", "127.0.0.1:0",
                      "-cert",           cert_, "-key",  key,        "-www"};
        serve.merge_stderr = true;
        server_ = ChildProcess::spawn(serve, &error);
        ASSERT_TRUE(server_) << error;
        std::string seen;
        const auto line = server_->wait_for_line("ACCEPT ", std::chrono::seconds(20), &seen);
        ASSERT_TRUE(line) << "s_server printed: " << seen;
        server_->drain_in_background();
        url_ = "https://" + line->substr(7) + "/";
    }
    void TearDown() override {
        server_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::filesystem::path dir_;
    std::string cert_;
    std::string url_;
    std::optional<ChildProcess> server_;
};

TEST_F(ContractSuiteClientTls, SelfSignedFailsAgainstTheSystemStore) {
    const auto r = client::request("GET", url_, {}, {});
    EXPECT_EQ(r.error, client::TransportError::tls) << r.error_text;
}

TEST_F(ContractSuiteClientTls, CaBundleOverrideVerifiesThePeer) {
    client::RequestOptions options;
    options.ca_bundle = cert_;
    const auto r = client::request("GET", url_, {}, {}, options);
    ASSERT_TRUE(r.ok()) << client::to_string(r.error) << ": " << r.error_text;
    EXPECT_EQ(r.status, 200);
}

} // namespace
} // namespace harness::contract_suite::testing
