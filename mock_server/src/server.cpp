// server.cpp: MockServer over Pistache 0.0.5. One class owns the Http::Endpoint and the
// Rest::Router; setup_routes() lists every route. Everything a response needs is computed at
// start (fixture bytes, Location suffixes, MIME types); a request does no file I/O and no logging.
#include "harness/mock/server.hpp"

#include "harness/contracts/contracts.hpp"
#include "harness/mock/error_bodies.hpp"
#include "harness/mock/fixture_store.hpp"

#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <limits>
#include <netinet/in.h>
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#ifndef HARNESS_MOCK_DEFAULT_FIXTURES_DIR
#define HARNESS_MOCK_DEFAULT_FIXTURES_DIR "fixtures"
#endif
#ifndef HARNESS_VERSION
#define HARNESS_VERSION "0.0.0"
#endif

namespace harness::mock {

std::optional<Mode> parse_mode(std::string_view text) {
    if (text == "canned") {
        return Mode::canned;
    }
    return std::nullopt;
}

std::string_view to_string(Mode mode) {
    switch (mode) {
    case Mode::canned:
        break;
    }
    return "canned";
}

std::filesystem::path default_fixtures_dir() {
    return HARNESS_MOCK_DEFAULT_FIXTURES_DIR;
}

std::string_view version() {
    return HARNESS_VERSION;
}

namespace {

using namespace Pistache;

// Base paths in real use (disconnects-api.md section 2.1); /api/v2 carries E.164 numbers.
constexpr std::array<std::string_view, 6> base_prefixes = {"",        "/api",  "/api/v1",
                                                           "/api/v2", "/v1.0", "/api/v1.0"};
constexpr std::string_view e164_prefix = "/api/v2";
// Request line + headers on top of the largest accepted body.
constexpr std::size_t header_allowance = 64u * 1024u;
constexpr std::string_view canned_note_id = "87040";
constexpr std::string_view www_authenticate = R"(Basic realm="Bandwidth disconnects mock")";

const std::array<Http::Method, 9> all_methods = {
    Http::Method::Get,     Http::Method::Post,   Http::Method::Put,
    Http::Method::Patch,   Http::Method::Delete, Http::Method::Head,
    Http::Method::Options, Http::Method::Trace,  Http::Method::Connect};

// Pistache 0.0.5 answers "Connection: Close" to any request without a Connection header although
// it keeps the socket open; apply the HTTP/1.1 default instead (persistent unless the request
// says close or is HTTP/1.0). Removing the header first is required: adding alone has no effect.
void keep_alive(const Http::Request& request, Http::ResponseWriter& response) {
    const auto connection = request.headers().tryGet<Http::Header::Connection>();
    const bool close = connection ? connection->control() == Http::ConnectionControl::Close
                                  : request.version() == Http::Version::Http10;
    if (!close) {
        // One immutable instance serves every response (Pistache only reads headers to write them).
        static const std::shared_ptr<Http::Header::Header> keep_alive_header =
            std::make_shared<Http::Header::Connection>(Http::ConnectionControl::KeepAlive);
        response.headers().remove<Http::Header::Connection>();
        response.headers().add(keep_alive_header);
    }
}

// Pistache 0.0.5 writes only typed headers (addRaw ones never reach the wire), and has no
// WWW-Authenticate class.
class WwwAuthenticate : public Http::Header::Header {
public:
    NAME("WWW-Authenticate")

    WwwAuthenticate() = default;
    explicit WwwAuthenticate(std::string_view challenge) : challenge_(challenge) {}
    void parse(const std::string& data) override { challenge_ = data; }
    void write(std::ostream& os) const override { os << challenge_; }

private:
    std::string challenge_;
};

// Content-Type of every XML answer, written as one fixed string. Sharing one instance avoids the
// copy of a parsed MediaType (raw string + parameter map) that send(code, body, mime) makes.
class XmlContentType : public Http::Header::Header {
public:
    NAME("Content-Type")

    void write(std::ostream& os) const override { os << "application/xml; charset=utf-8"; }
};

// The listen address from a numeric IPv4/IPv6 literal or "localhost"; never a DNS lookup.
std::optional<IP> listen_ip(std::string host) {
    if (host == "localhost") {
        host = "127.0.0.1";
    }
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    sockaddr_in v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        return IP(reinterpret_cast<sockaddr*>(&v4));
    }
    sockaddr_in6 v6{};
    if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        return IP(reinterpret_cast<sockaddr*>(&v6));
    }
    return std::nullopt;
}

std::string bracket_ipv6(std::string host) {
    if (host.find(':') != std::string::npos && (host.empty() || host.front() != '[')) {
        return "[" + host + "]";
    }
    return host;
}

} // namespace

class MockServer::Impl {
public:
    explicit Impl(ServerOptions options)
        : options_(std::move(options)), registry_(contracts::Registry::builtin()),
          fixtures_(FixtureStore::load(options_.fixtures_dir, registry_)),
          text_mime_(Http::Mime::MediaType::fromString("text/plain; charset=utf-8")) {
        if (options_.max_body_bytes == 0) {
            throw std::invalid_argument("max body size must be at least 1 byte");
        }
        if (options_.max_telephone_numbers == 0) {
            throw std::invalid_argument("max telephone numbers must be at least 1");
        }
        create_request_ = registry_.message("create_request");
        note_request_ = registry_.message("note_request");
        if (create_request_ == nullptr || note_request_ == nullptr) {
            throw std::invalid_argument("contracts library lacks create_request/note_request");
        }
        const auto ip = listen_ip(options_.host);
        if (!ip) {
            throw std::invalid_argument("--host: '" + options_.host +
                                        "' is not an IP address or localhost");
        }
        listen_ip_ = *ip;
        host_literal_ = bracket_ipv6(options_.host);
        order_location_suffix_ = "/disconnects/" + fixtures_.order_id();
        for (const auto prefix : base_prefixes) {
            auto context = std::make_unique<RouteContext>();
            context->prefix = std::string(prefix);
            context->validation.numbers = prefix == e164_prefix ? contracts::NumberFormat::e164
                                                                : contracts::NumberFormat::nanp10;
            context->validation.max_body_bytes = options_.max_body_bytes;
            context->validation.max_telephone_numbers = options_.max_telephone_numbers;
            contexts_.push_back(std::move(context));
        }
        setup_routes();
    }

    ~Impl() { stop(); }

    void start() {
        if (endpoint_) {
            return;
        }
        const unsigned threads = options_.threads != 0
                                     ? options_.threads
                                     : std::max(2u, std::thread::hardware_concurrency());
        auto endpoint = std::make_unique<Http::Endpoint>(Address(listen_ip_, Port(options_.port)));
        endpoint->init(Http::Endpoint::options()
                           .threads(static_cast<int>(threads))
                           .flags(Tcp::Options::ReuseAddr)
                           .maxRequestSize(max_request_bytes())
                           .headerTimeout(header_timeout)
                           .bodyTimeout(body_timeout));
        endpoint->setHandler(router_.handler());
        port_.store(options_.port);
        endpoint->serveThreaded();
        port_.store(static_cast<std::uint16_t>(endpoint->getPort()));
        endpoint_ = std::move(endpoint);
    }

    // NOTE: Pistache 0.0.5 waits for a space in the request line, so a line without one (or binary
    // junk) is answered only when the header timeout fires (408): keep it short, not Pistache's
    // default, so such a client is told off in seconds, not left hanging.
    static constexpr std::chrono::seconds header_timeout{5};
    static constexpr std::chrono::seconds body_timeout{30};

    // Pistache's whole-request limit: the body limit plus room for the request line and headers
    // (saturating, so a huge --max-body cannot wrap around to a tiny limit).
    std::size_t max_request_bytes() const {
        const auto max = std::numeric_limits<std::size_t>::max();
        return options_.max_body_bytes > max - header_allowance
                   ? max
                   : options_.max_body_bytes + header_allowance;
    }

    void stop() {
        if (endpoint_) {
            endpoint_->shutdown();
            endpoint_.reset();
        }
    }

    std::uint16_t port() const { return port_.load(); }
    std::string base_url() const {
        return "http://" + host_literal_ + ":" + std::to_string(port());
    }
    const ServerOptions& options() const { return options_; }

private:
    struct RouteContext {
        std::string prefix;
        contracts::ValidationOptions validation;
    };
    using Handler = void (Impl::*)(const RouteContext&, const Rest::Request&,
                                   Http::ResponseWriter&);
    struct Operation {
        Http::Method method;
        Handler handler;
    };

    // Every route of the family, under every base prefix; the other methods answer 405.
    void setup_routes() {
        struct Resource {
            std::string_view path; // after "<prefix>/accounts/:accountId/disconnects"
            std::vector<Operation> operations;
        };
        const std::vector<Resource> resources = {
            {"",
             {{Http::Method::Get, &Impl::list_orders}, {Http::Method::Post, &Impl::create_order}}},
            {"/:orderId", {{Http::Method::Get, &Impl::get_order}}},
            {"/:orderId/notes",
             {{Http::Method::Get, &Impl::list_notes}, {Http::Method::Post, &Impl::create_note}}},
            {"/:orderId/notes/:noteId", {{Http::Method::Put, &Impl::update_note}}},
        };
        for (const auto& context : contexts_) {
            const RouteContext* ctx = context.get();
            for (const auto& resource : resources) {
                const std::string path =
                    ctx->prefix + "/accounts/:accountId/disconnects" + std::string(resource.path);
                std::vector<Http::Method> allowed;
                for (const auto& operation : resource.operations) {
                    allowed.push_back(operation.method);
                    router_.addRoute(
                        operation.method, path,
                        [this, ctx, handler = operation.handler](const Rest::Request& request,
                                                                 Http::ResponseWriter response) {
                            serve(*ctx, handler, request, response);
                            return Rest::Route::Result::Ok;
                        });
                }
                for (const auto method : all_methods) {
                    if (std::find(allowed.begin(), allowed.end(), method) != allowed.end()) {
                        continue;
                    }
                    router_.addRoute(
                        method, path,
                        [allowed](const Rest::Request& request, Http::ResponseWriter response) {
                            keep_alive(request, response);
                            response.headers().add<Http::Header::Allow>(allowed);
                            response.send(Http::Code::Method_Not_Allowed);
                            return Rest::Route::Result::Ok;
                        });
                }
            }
        }
        router_.addNotFoundHandler(
            [this](const Rest::Request& request, Http::ResponseWriter response) {
                keep_alive(request, response);
                response.send(Http::Code::Not_Found, "no route for this path\n", text_mime_);
                return Rest::Route::Result::Ok;
            });
    }

    // Cross-cutting work for every operation: keep-alive, credentials, never let an exception out.
    void serve(const RouteContext& ctx, Handler handler, const Rest::Request& request,
               Http::ResponseWriter& response) {
        try {
            keep_alive(request, response);
            if (!authorized(request)) {
                response.headers().add(www_authenticate_header_);
                response.send(Http::Code::Unauthorized);
                return;
            }
            (this->*handler)(ctx, request, response);
        } catch (const std::exception&) {
            send_xml(response, Http::Code::Internal_Server_Error,
                     order_error_body(1000, "Internal Server Error. Please try again."));
        }
    }

    void send_xml(Http::ResponseWriter& response, Http::Code code, const std::string& body) const {
        response.headers().add(xml_content_type_);
        response.send(code, body);
    }

    bool authorized(const Http::Request& request) const {
        if (options_.auth.kind() == AuthPolicy::Kind::none) {
            return true;
        }
        std::string value;
        if (const auto typed = request.headers().tryGet<Http::Header::Authorization>()) {
            value = typed->value();
        } else if (const auto raw = request.headers().tryGetRaw("Authorization")) {
            value = raw->value();
        } else {
            return options_.auth.accepts(nullptr);
        }
        return options_.auth.accepts(&value);
    }

    // The authority a Location points at: the request's Host header (host, port; 0 when absent).
    struct Authority {
        std::string host;
        std::uint16_t port = 0;
        bool operator==(const Authority& other) const {
            return port == other.port && host == other.host;
        }
    };
    static Authority request_authority(const Http::Request& request) {
        const auto host = request.headers().tryGet<Http::Header::Host>();
        if (!host) {
            return {};
        }
        return {host->host(), static_cast<std::uint16_t>(host->port())};
    }

    // Appends "http://HOST:PORT" (the listen address when the request had no Host header).
    void append_origin(std::string& out, const Authority& authority) const {
        out += "http://";
        if (!authority.host.empty()) {
            out += bracket_ipv6(authority.host);
            if (authority.port != 80 && authority.port != 0) {
                out += ':';
                out += std::to_string(authority.port);
            }
        } else {
            out += host_literal_;
            out += ':';
            out += std::to_string(port());
        }
    }

    // The {accountId} segment of the request path (a view into it: no copy on the hot path).
    static std::string_view account_id(std::string_view resource) {
        constexpr std::string_view marker = "/accounts/";
        const auto at = resource.find(marker);
        if (at == std::string_view::npos) {
            return {};
        }
        resource.remove_prefix(at + marker.size());
        return resource.substr(0, resource.find('/'));
    }

    // http://HOST:PORT<prefix>/accounts/{accountId}/disconnects/{fixture order id}
    std::string order_location(const RouteContext& ctx, const Authority& authority,
                               std::string_view account) const {
        std::string location;
        location.reserve(64 + ctx.prefix.size() + account.size() + order_location_suffix_.size());
        append_origin(location, authority);
        location.append(ctx.prefix)
            .append("/accounts/")
            .append(account)
            .append(order_location_suffix_);
        return location;
    }

    // The create answer's Location header. A client (one host, one account) gets the same value
    // every time, so each worker thread keeps its last header and shares it while the inputs match.
    struct LocationMemo {
        std::uint64_t server = 0;
        const RouteContext* context = nullptr;
        Authority authority;
        std::string account;
        std::shared_ptr<Http::Header::Header> header;
    };
    std::shared_ptr<Http::Header::Header>
    order_location_header(const RouteContext& ctx, const Rest::Request& request) const {
        thread_local LocationMemo memo;
        const auto account = account_id(request.resource());
        auto authority = request_authority(request);
        if (memo.header && memo.server == serial_ && memo.context == &ctx &&
            memo.authority == authority && memo.account == account) {
            return memo.header;
        }
        memo.header =
            std::make_shared<Http::Header::Location>(order_location(ctx, authority, account));
        memo.server = serial_;
        memo.context = &ctx;
        memo.authority = std::move(authority);
        memo.account.assign(account);
        return memo.header;
    }

    bool body_too_large(const Rest::Request& request, Http::ResponseWriter& response) const {
        if (request.body().size() <= options_.max_body_bytes) {
            return false;
        }
        response.send(Http::Code::Request_Entity_Too_Large,
                      "request body larger than " + std::to_string(options_.max_body_bytes) +
                          " bytes\n",
                      text_mime_);
        return true;
    }

    // The canned order is the only one that exists; any other id answers 404.
    bool order_unknown(const Rest::Request& request, Http::ResponseWriter& response) const {
        if (request.param(":orderId").as<std::string>() == fixtures_.order_id()) {
            return false;
        }
        send_xml(response, Http::Code::Not_Found,
                 order_error_body(code_order_id_invalid, error_description(code_order_id_invalid)));
        return true;
    }

    // POST .../disconnects: contract-valid body -> 201 + Location + the fixture bytes.
    void create_order(const RouteContext& ctx, const Rest::Request& request,
                      Http::ResponseWriter& response) {
        if (body_too_large(request, response)) {
            return;
        }
        // Every create is validated: no cache of earlier verdicts, so what a benchmark measures
        // is what a client with varied orders gets.
        if (options_.validate) {
            const auto violations = contracts::validate_body(registry_, *create_request_,
                                                             request.body(), ctx.validation);
            if (!contracts::is_valid(violations)) {
                const auto error = order_error(violations, options_.max_telephone_numbers);
                send_xml(response, Http::Code::Bad_Request,
                         order_error_body(error.code, error.description));
                return;
            }
        }
        response.headers().add(order_location_header(ctx, request));
        send_xml(response, Http::Code::Created, fixtures_.create_response(ctx.validation.numbers));
    }

    void list_orders(const RouteContext&, const Rest::Request&, Http::ResponseWriter& response) {
        send_xml(response, Http::Code::Ok, fixtures_.order_list());
    }

    void get_order(const RouteContext& ctx, const Rest::Request& request,
                   Http::ResponseWriter& response) {
        if (order_unknown(request, response)) {
            return;
        }
        send_xml(response, Http::Code::Ok, fixtures_.order_status(ctx.validation.numbers));
    }

    void list_notes(const RouteContext&, const Rest::Request& request,
                    Http::ResponseWriter& response) {
        if (order_unknown(request, response)) {
            return;
        }
        send_xml(response, Http::Code::Ok, fixtures_.notes_list());
    }

    // Answers 400 with a NoteResponse when the note body breaks its contract.
    bool note_invalid(const RouteContext& ctx, const Rest::Request& request,
                      Http::ResponseWriter& response) const {
        if (!options_.validate) {
            return false;
        }
        const auto violations =
            contracts::validate_body(registry_, *note_request_, request.body(), ctx.validation);
        if (contracts::is_valid(violations)) {
            return false;
        }
        const auto error = note_error(violations);
        send_xml(response, Http::Code::Bad_Request, note_error_body(error.code, error.description));
        return true;
    }

    void create_note(const RouteContext& ctx, const Rest::Request& request,
                     Http::ResponseWriter& response) {
        if (order_unknown(request, response) || body_too_large(request, response) ||
            note_invalid(ctx, request, response)) {
            return;
        }
        std::string location =
            order_location(ctx, request_authority(request), account_id(request.resource()));
        location += "/notes/";
        location += canned_note_id;
        response.headers().add<Http::Header::Location>(std::move(location));
        response.send(Http::Code::Created);
    }

    void update_note(const RouteContext& ctx, const Rest::Request& request,
                     Http::ResponseWriter& response) {
        if (order_unknown(request, response) || body_too_large(request, response) ||
            note_invalid(ctx, request, response)) {
            return;
        }
        response.send(Http::Code::Ok);
    }

    ServerOptions options_;
    const contracts::Registry& registry_;
    FixtureStore fixtures_;
    const contracts::MessageContract* create_request_ = nullptr;
    const contracts::MessageContract* note_request_ = nullptr;
    const std::shared_ptr<Http::Header::Header> xml_content_type_ =
        std::make_shared<XmlContentType>();
    const std::shared_ptr<Http::Header::Header> www_authenticate_header_ =
        std::make_shared<WwwAuthenticate>(www_authenticate);
    Http::Mime::MediaType text_mime_;
    IP listen_ip_;
    std::string host_literal_;
    std::string order_location_suffix_;
    std::vector<std::unique_ptr<RouteContext>> contexts_;
    Rest::Router router_;
    std::unique_ptr<Http::Endpoint> endpoint_;
    std::atomic<std::uint16_t> port_{0};
    const std::uint64_t serial_ =
        next_serial(); ///< tells servers apart in the thread-local Location memo

    static std::uint64_t next_serial() {
        static std::atomic<std::uint64_t> counter{0};
        return ++counter;
    }
};

MockServer::MockServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
MockServer::~MockServer() = default;
void MockServer::start() {
    impl_->start();
}
void MockServer::stop() {
    impl_->stop();
}
std::uint16_t MockServer::port() const {
    return impl_->port();
}
std::string MockServer::base_url() const {
    return impl_->base_url();
}
const ServerOptions& MockServer::options() const {
    return impl_->options();
}

} // namespace harness::mock
