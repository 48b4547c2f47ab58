// mock_server: thin executable over harness::mock::MockServer. Parses flags, blocks SIGINT and
// SIGTERM (worker threads inherit the mask), serves on background threads, waits for a signal
// and shuts down cleanly. Exit codes: 0 after a signal, 1 cannot listen, 2 bad flags or fixtures.
#include "harness/mock/fixture_store.hpp"
#include "harness/mock/server.hpp"

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <malloc.h>
#include <pthread.h>
#include <string>

namespace {

int usage_error(const std::string& message) {
    std::cerr << "mock_server: " << message << "\nRun with --help for usage.\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    // NOTE: with glibc's default trim threshold, freeing a large request body (a 1,000-number
    // order is ~58 KB) returns the arena's top to the kernel after every request, and the next
    // request faults the pages back in (madvise + TLB-shootdown IPIs): ~40% of the server's time
    // on large orders (bench/results/profile-notes.md). Keep freed memory for reuse instead; RSS
    // stays bounded by the largest bodies in flight.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    namespace mock = harness::mock;
    mock::ServerOptions options;
    int port = options.port;
    std::string mode = "canned";
    std::string auth = "any";
    std::string fixtures = options.fixtures_dir.string();
    bool no_validate = false;

    CLI::App app{"Mock of Bandwidth's disconnect-order API (POST /accounts/{accountId}/disconnects "
                 "and friends) on Pistache.",
                 "mock_server"};
    app.set_version_flag("--version", std::string("mock_server ") + std::string(mock::version()));
    app.add_option("--host", options.host, "Address to listen on")->capture_default_str();
    app.add_option("--port", port, "TCP port; 0 picks a free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    app.add_option("--mode", mode, "Behaviour: canned (fixture bodies)")->capture_default_str();
    app.add_option("--fixtures", fixtures, "Fixtures directory (holds disconnects/*.xml)")
        ->capture_default_str();
    app.add_option("--threads", options.threads,
                   "Worker threads (default: hardware concurrency, at least 2)")
        ->check(CLI::Range(1u, 1024u));
    app.add_option("--auth", auth,
                   "any: any Basic/Bearer credentials; none: no credentials needed; "
                   "USER:PASS: exactly this Basic pair")
        ->capture_default_str();
    app.add_flag("--no-validate", no_validate, "Accept any request body (no contract checks)");
    app.add_option("--max-tns", options.max_telephone_numbers,
                   "Most telephone numbers in one order; more: 400 with code 5095")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--max-body", options.max_body_bytes,
                   "Largest request body in bytes; larger: 413")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    options.port = static_cast<std::uint16_t>(port);
    options.fixtures_dir = fixtures;
    options.validate = !no_validate;
    const auto parsed_mode = mock::parse_mode(mode);
    if (!parsed_mode) {
        return usage_error("--mode: '" + mode + "' is not supported (this build knows: canned)");
    }
    options.mode = *parsed_mode;
    const auto parsed_auth = mock::AuthPolicy::parse(auth);
    if (!parsed_auth) {
        return usage_error("--auth: expected any, none or USER:PASS, got '" + auth + "'");
    }
    options.auth = *parsed_auth;

    // Block the stop signals before any thread exists, so only sigwait() below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    std::unique_ptr<mock::MockServer> server;
    try {
        server = std::make_unique<mock::MockServer>(options);
    } catch (const mock::FixtureError& e) {
        std::cerr << "mock_server: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        return usage_error(e.what());
    }
    try {
        server->start();
    } catch (const std::exception& e) {
        std::cerr << "mock_server: cannot listen on " << options.host << ':' << port << ": "
                  << e.what() << '\n';
        return 1;
    }
    std::printf("listening on %s\n", server->base_url().c_str());
    std::fflush(stdout);

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server->stop();
    return 0;
}
