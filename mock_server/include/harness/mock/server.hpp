// server.hpp: the Pistache mock of Bandwidth's disconnect-order API.
//
//   harness::mock::ServerOptions options;
//   options.port = 0;                       // any free port
//   harness::mock::MockServer server(options); // loads + checks fixtures (throws FixtureError)
//   server.start();                         // listening when it returns
//   std::string url = server.base_url();   // "http://127.0.0.1:40123"
//   server.stop();
//
// Canned mode answers every operation of the family (create, status, list, notes) under every
// base prefix in real use ("", /api, /api/v1, /api/v2, /v1.0, /api/v1.0) with the fixture bodies,
// and rejects bad input with Bandwidth's own error shapes and codes.
#pragma once

#include "harness/mock/auth.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace harness::mock {

enum class Mode { canned };

std::optional<Mode> parse_mode(std::string_view text);
std::string_view to_string(Mode mode);

// The project's fixtures/ directory, baked in at build time.
std::filesystem::path default_fixtures_dir();
std::string_view version();

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; ///< 0: any free port
    Mode mode = Mode::canned;
    std::filesystem::path fixtures_dir = default_fixtures_dir();
    unsigned threads = 0; ///< 0: hardware concurrency (at least 2)
    AuthPolicy auth = AuthPolicy::any();
    bool validate = true;                     ///< false: any create/note body is accepted
    std::size_t max_telephone_numbers = 5000; ///< more numbers in one order: 400 / 5095
    std::size_t max_body_bytes = 2u << 20;    ///< larger request bodies: 413 (2 MiB)
};

class MockServer {
public:
    // Loads the fixtures and prepares the routes; throws FixtureError (bad fixture) or
    // std::invalid_argument (bad option). Does not listen yet.
    explicit MockServer(ServerOptions options);
    ~MockServer(); // stops the server
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    // Binds and serves on background threads; throws std::runtime_error when it cannot bind.
    void start();
    // Idempotent; waits for the worker threads.
    void stop();

    std::uint16_t port() const;   ///< the real port once started
    std::string base_url() const; ///< "http://HOST:PORT" (IPv6 hosts in brackets)
    const ServerOptions& options() const;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace harness::mock
