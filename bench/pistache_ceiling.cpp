// pistache_ceiling: the bare Pistache server the benchmark compares the mock with.
//
// Answers POST /accounts/:accountId/disconnects with 201, a Location header and the canned
// body bytes, through Pistache's own Rest::Router, and does nothing else: no auth, no
// validation, no journal. Whatever the mock does on top costs throughput relative to this.
//
// It applies the same keep-alive fix the mock needs on Debian's Pistache 0.0.5, which puts
// "Connection: Close" on every response to a request without a Connection header (plain
// HTTP/1.1 clients such as wrk and curl) although it keeps the socket open: the handler restores
// the HTTP/1.1 default (persistent unless the request says close or is HTTP/1.0).
//
//   pistache_ceiling --port 0 --threads 2 --body fixtures/disconnects/create_response_201.xml
//
// Prints "listening on http://127.0.0.1:PORT" once ready; SIGINT/SIGTERM stop it with exit 0.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <malloc.h>
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>
#include <pthread.h>
#include <sstream>
#include <string>

namespace {

using namespace Pistache;

struct CeilingConfig {
    std::string body;     ///< canned response bytes
    std::string order_id; ///< id in the Location header
    bool keepalive_fix = true;
    const Http::Endpoint* endpoint = nullptr;
};

CeilingConfig g_config; // written before serving starts, read-only afterwards
// The bound port is known only once serveThreaded() has bound, and a request may arrive before
// main() reads it back, so the handler fetches it once from the endpoint.
std::atomic<std::uint16_t> g_port{0};

std::string origin() {
    std::uint16_t port = g_port.load(std::memory_order_relaxed);
    if (port == 0) {
        port = static_cast<std::uint16_t>(g_config.endpoint->getPort());
        g_port.store(port, std::memory_order_relaxed);
    }
    return "http://127.0.0.1:" + std::to_string(port);
}

void restore_keepalive(const Rest::Request& request, Http::ResponseWriter& response) {
    auto conn = request.headers().tryGet<Http::Header::Connection>();
    const bool close = conn ? conn->control() == Http::ConnectionControl::Close
                            : request.version() == Http::Version::Http10;
    if (!close) {
        response.headers().remove<Http::Header::Connection>();
        response.headers().add<Http::Header::Connection>(Http::ConnectionControl::KeepAlive);
    }
}

void create_order(const Rest::Request& request, Http::ResponseWriter response) {
    if (g_config.keepalive_fix) {
        restore_keepalive(request, response);
    }
    const auto account_id = request.param(":accountId").as<std::string>();
    response.headers().add<Http::Header::Location>(origin() + "/accounts/" + account_id +
                                                   "/disconnects/" + g_config.order_id);
    response.send(Http::Code::Created, g_config.body, MIME(Application, Xml));
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out = bytes.str();
    return true;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Bare Pistache server answering the canned disconnect create (benchmark ceiling)"};
    int port = 0;
    int threads = 2;
    std::string body_path;
    std::string order_id = "ba05e04b-192a-47cb-b182-b1bf6cfef0d7";
    std::size_t max_request_bytes = 8u << 20;
    bool stock_keepalive = false;
    std::size_t trim_threshold = 0;
    app.add_option("--port", port, "TCP port on 127.0.0.1 (0: pick a free one)")
        ->check(CLI::Range(0, 65535));
    app.add_option("--threads", threads, "Pistache worker threads")->check(CLI::Range(1, 64));
    app.add_option("--body", body_path, "file with the canned 201 body")->required();
    app.add_option("--order-id", order_id, "order id in the Location header");
    app.add_option("--max-request-bytes", max_request_bytes, "largest request accepted");
    app.add_flag("--stock-keepalive", stock_keepalive,
                 "keep Pistache 0.0.5's Connection: Close (measures the unfixed framework)");
    app.add_option(
        "--malloc-trim-threshold", trim_threshold,
        "mallopt(M_TRIM_THRESHOLD) in bytes, for comparison with a mock that tunes malloc "
        "(0: glibc's default)");
    CLI11_PARSE(app, argc, argv);
    if (trim_threshold != 0) {
        mallopt(M_TRIM_THRESHOLD,
                static_cast<int>(std::min<std::size_t>(trim_threshold, 1u << 30)));
    }

    if (!read_file(body_path, g_config.body)) {
        std::fprintf(stderr, "pistache_ceiling: cannot read %s\n", body_path.c_str());
        return 2;
    }
    g_config.order_id = order_id;
    g_config.keepalive_fix = !stock_keepalive;

    // Block SIGINT/SIGTERM in every thread; main waits for them and shuts down cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Rest::Router router;
    Rest::Routes::Post(router, "/accounts/:accountId/disconnects",
                       Rest::Routes::bind(&create_order));

    Http::Endpoint endpoint(Address(IP::loopback(), Port(static_cast<std::uint16_t>(port))));
    endpoint.init(Http::Endpoint::options()
                      .threads(threads)
                      .flags(Tcp::Options::ReuseAddr)
                      .maxRequestSize(max_request_bytes));
    endpoint.setHandler(router.handler());
    g_config.endpoint = &endpoint;
    try {
        endpoint.serveThreaded();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pistache_ceiling: cannot listen on port %d: %s\n", port, e.what());
        return 1;
    }
    std::printf("listening on %s\n", origin().c_str());
    std::fflush(stdout);

    int signal_number = 0;
    sigwait(&signals, &signal_number);
    endpoint.shutdown();
    return 0;
}
