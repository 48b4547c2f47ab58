// broken_server.cpp: see broken_server.hpp. Deliberately small: one request per connection
// ("Connection: close"), bounded reads with poll() deadlines, never blocks shutdown.
#include "broken_server.hpp"

#include "fixture_paths.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pugixml.hpp>
#include <set>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace harness::contract_suite::testing {

namespace {

constexpr std::size_t max_header_bytes = 64 * 1024;
constexpr std::size_t max_body_bytes = 1024 * 1024;
constexpr int io_timeout_ms = 5000;
constexpr const char* xml_type = "application/xml; charset=utf-8";
constexpr const char* xml_decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

bool valid_number(const std::string& n) {
    std::string digits = n;
    if (digits.rfind("+1", 0) == 0) {
        digits = digits.substr(2);
    }
    return digits.size() == 10 && std::all_of(digits.begin(), digits.end(),
                                              [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool valid_customer_order_id(const std::string& id) {
    return id.size() <= 40 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
               return std::isalnum(c) != 0 || c == '-' || c == ' ';
           });
}

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '>') {
            out += "&gt;";
        } else {
            out += c;
        }
    }
    return out;
}

bool wait_readable(int fd, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    int r;
    do {
        r = ::poll(&p, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    return r > 0;
}

void write_all(int fd, const std::string& data) {
    std::size_t off = 0;
    while (off < data.size()) {
        const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        off += static_cast<std::size_t>(n);
    }
}

} // namespace

std::string_view to_string(Defect defect) {
    switch (defect) {
    case Defect::none:
        return "none";
    case Defect::create_without_location:
        return "create_without_location";
    case Defect::location_id_mismatch:
        return "location_id_mismatch";
    case Defect::wrong_root:
        return "wrong_root";
    case Defect::non_numeric_number:
        return "non_numeric_number";
    case Defect::create_200:
        return "create_200";
    case Defect::error_without_error_list:
        return "error_without_error_list";
    case Defect::garbage:
        return "garbage";
    case Defect::hang_up:
        return "hang_up";
    }
    return "unknown";
}

BrokenServer::BrokenServer(Defect defect)
    : defect_(defect),
      list_body_(harness::testing::payload("openapi-v1_disconnects_list_response_200.xml")) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0 || ::pipe2(stop_pipe_, O_CLOEXEC) != 0) {
        throw std::runtime_error("BrokenServer: socket/pipe failed");
    }
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 64) != 0) {
        throw std::runtime_error("BrokenServer: bind/listen on 127.0.0.1:0 failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

BrokenServer::~BrokenServer() {
    const char byte = 'x';
    [[maybe_unused]] const auto ignored = ::write(stop_pipe_[1], &byte, 1);
    if (thread_.joinable()) {
        thread_.join();
    }
    for (int fd : {listen_fd_, stop_pipe_[0], stop_pipe_[1]}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
}

std::string BrokenServer::base_url(const std::string& prefix) const {
    return "http://127.0.0.1:" + std::to_string(port_) + prefix;
}

void BrokenServer::serve() {
    for (;;) {
        pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        const int r = ::poll(fds, 2, -1);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0 || (fds[1].revents & POLLIN) != 0) {
            return;
        }
        if ((fds[0].revents & POLLIN) != 0) {
            const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0) {
                handle_connection(fd);
                ::close(fd);
            }
        }
    }
}

void BrokenServer::handle_connection(int fd) {
    std::string data;
    std::size_t header_end = std::string::npos;
    char chunk[8192];
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
        if (data.size() > max_header_bytes || !wait_readable(fd, io_timeout_ms)) {
            return;
        }
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            return;
        }
        data.append(chunk, static_cast<std::size_t>(n));
    }
    Request request;
    const std::string head = data.substr(0, header_end);
    std::size_t line_end = head.find("\r\n");
    const std::string request_line = head.substr(0, line_end);
    const auto sp1 = request_line.find(' ');
    const auto sp2 = request_line.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) {
        return;
    }
    request.method = request_line.substr(0, sp1);
    request.path = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    request.path = request.path.substr(0, request.path.find('?'));
    while (line_end != std::string::npos && line_end < head.size()) {
        const auto next = head.find("\r\n", line_end + 2);
        const std::string line = head.substr(
            line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            request.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
        }
        line_end = next;
    }
    std::size_t length = 0;
    if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
        length = static_cast<std::size_t>(std::strtoul(it->second.c_str(), nullptr, 10));
    }
    if (length > max_body_bytes) {
        return;
    }
    request.body = data.substr(header_end + 4);
    while (request.body.size() < length) {
        if (!wait_readable(fd, io_timeout_ms)) {
            return;
        }
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            return;
        }
        request.body.append(chunk, static_cast<std::size_t>(n));
    }
    if (defect_ == Defect::hang_up) {
        ++requests_;
        return;
    }
    Response response = handle(request);
    if (defect_ == Defect::garbage && request.path != "/__test/echo") {
        response = {
            200, {}, std::string("\x00\xff<<not xml\x01\x02&&", 15) + std::string(5000, '\xfe')};
    }
    ++requests_;
    std::string out =
        "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + std::to_string(response.body.size()) +
           "\r\nConnection: close\r\n\r\n" + response.body;
    write_all(fd, out);
}

BrokenServer::Response BrokenServer::handle(const Request& request) {
    if (request.path == "/__test/echo") {
        // For the client tests: repeated headers, and what the client sent.
        auto header = [&](const char* name) {
            auto it = request.headers.find(name);
            return it == request.headers.end() ? std::string("-") : it->second;
        };
        return {200,
                {{"X-Multi", "one"}, {"x-multi", "two"}, {"Content-Type", "text/plain"}},
                request.method + "\n" + header("authorization") + "\n" + header("content-type") +
                    "\n" + request.body};
    }
    if (request.headers.count("authorization") == 0) {
        return {401, {{"WWW-Authenticate", "Basic realm=\"broken\""}}, ""};
    }
    const auto at = request.path.find("/accounts/");
    if (at == std::string::npos) {
        return {404, {}, ""};
    }
    std::vector<std::string> seg;
    std::size_t start = at + 1;
    while (start <= request.path.size()) {
        const auto slash = request.path.find('/', start);
        seg.push_back(request.path.substr(start, slash == std::string::npos ? std::string::npos
                                                                            : slash - start));
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    if (seg.size() < 3 || seg[0] != "accounts" || seg[2] != "disconnects") {
        return {404, {}, ""};
    }
    const std::string& account = seg[1];
    std::lock_guard<std::mutex> lock(mutex_);
    if (seg.size() == 3 && request.method == "POST") {
        return create_order(request, account);
    }
    if (seg.size() == 3 && request.method == "GET") {
        return {200, {{"Content-Type", xml_type}}, list_body_};
    }
    if (seg.size() >= 4 && orders_.count(seg[3]) == 0) {
        return {404, {}, ""};
    }
    if (seg.size() == 4 && request.method == "GET") {
        return {200, {{"Content-Type", xml_type}}, orders_[seg[3]]};
    }
    if (seg.size() == 5 && seg[4] == "notes" && request.method == "POST") {
        pugi::xml_document doc;
        doc.load_buffer(request.body.data(), request.body.size());
        const std::string description = trim(doc.child("Note").child("Description").text().get());
        const std::string id = std::to_string(1000 + next_id_++);
        notes_[seg[3]].emplace_back(id, description);
        return {201,
                {{"Location", base_url("/api") + "/accounts/" + account + "/disconnects/" + seg[3] +
                                  "/notes/" + id}},
                ""};
    }
    if (seg.size() == 5 && seg[4] == "notes" && request.method == "GET") {
        const auto& notes = notes_[seg[3]];
        if (notes.empty()) {
            return {204, {}, ""};
        }
        std::string body = std::string(xml_decl) + "<Notes>\n";
        for (const auto& [id, description] : notes) {
            body += "    <Note>\n        <Id>" + id +
                    "</Id>\n        <UserId>contract-tests</UserId>\n        <Description>" +
                    escape(description) +
                    "</Description>\n        <LastDateModifier>2026-12-04T10:00:00.000Z"
                    "</LastDateModifier>\n    </Note>\n";
        }
        return {200, {{"Content-Type", xml_type}}, body + "</Notes>\n"};
    }
    return {405, {}, ""};
}

BrokenServer::Response BrokenServer::create_order(const Request& request,
                                                  const std::string& account) {
    auto error = [&](int code, const std::string& description) -> Response {
        std::string body = std::string(xml_decl) + "<DisconnectTelephoneNumberOrderResponse>\n";
        if (defect_ == Defect::error_without_error_list) {
            auto it = request.headers.find("authorization");
            // Echoes the caller's credentials: the suite must scrub them from its messages.
            body += "    <RequestAuthorization>" + escape(it->second) +
                    "</RequestAuthorization>\n    <ResponseStatus>\n        <ErrorCode>" +
                    std::to_string(code) + "</ErrorCode>\n        <Description>" +
                    escape(description) + "</Description>\n    </ResponseStatus>\n";
        } else {
            body += "    <ErrorList>\n        <Error>\n            <Code>" + std::to_string(code) +
                    "</Code>\n            <Description>" + escape(description) +
                    "</Description>\n        </Error>\n    </ErrorList>\n";
        }
        return {400,
                {{"Content-Type", xml_type}},
                body + "</DisconnectTelephoneNumberOrderResponse>\n"};
    };

    pugi::xml_document doc;
    if (!doc.load_buffer(request.body.data(), request.body.size())) {
        return error(5002, "Validation error");
    }
    const auto root = doc.child("DisconnectTelephoneNumberOrder");
    const auto type = root.child("DisconnectTelephoneNumberOrderType");
    const auto list = type.child("TelephoneNumberList");
    if (!root || !type || !list) {
        return error(5001, "Invalid input telephone number list");
    }
    std::vector<std::string> numbers;
    std::set<std::string> seen;
    for (auto tn : list.children("TelephoneNumber")) {
        const std::string n = trim(tn.text().get());
        if (!valid_number(n)) {
            return error(5070, "Telephone number is invalid");
        }
        if (!seen.insert(n).second) {
            return error(5093, "Order cannot contain duplicate telephone numbers");
        }
        numbers.push_back(n);
    }
    if (numbers.empty()) {
        return error(5001, "Invalid input telephone number list");
    }
    const auto customer = root.child("CustomerOrderId");
    if (customer && !valid_customer_order_id(trim(customer.text().get()))) {
        return error(5052, "Customer order ID is invalid.");
    }
    const auto protected_node = type.child("Protected");
    const std::string protected_value = upper(trim(protected_node.text().get()));
    if (protected_node && protected_value != "TRUE" && protected_value != "FALSE" &&
        protected_value != "UNCHANGED") {
        return error(5108, "Protected attribute is invalid.");
    }
    const auto mode_node = type.child("DisconnectMode");
    const std::string mode = lower(trim(mode_node.text().get()));
    if (mode_node && mode != "normal" && mode != "soft-remove" && mode != "purge") {
        return error(5084, "DisconnectMode is invalid.");
    }

    const std::string id = "c0ffee00-0000-4000-8000-" + std::to_string(100000000000 + next_id_++);
    std::string order_request = "    <orderRequest>\n";
    auto name = root.child("Name") ? root.child("Name") : root.child("name");
    if (name) {
        order_request += "        <Name>" + escape(trim(name.text().get())) + "</Name>\n";
    }
    if (customer) {
        order_request += "        <CustomerOrderId>" + escape(trim(customer.text().get())) +
                         "</CustomerOrderId>\n";
    }
    order_request += "        <OrderCreateDate>2026-12-04T15:00:00.000Z</OrderCreateDate>\n"
                     "        <id>" +
                     id +
                     "</id>\n"
                     "        <DisconnectTelephoneNumberOrderType>\n"
                     "            <TelephoneNumberList>\n";
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const std::string echoed =
            (i == 0 && defect_ == Defect::non_numeric_number) ? "41587A4245" : numbers[i];
        order_request += "                <TelephoneNumber>" + echoed + "</TelephoneNumber>\n";
    }
    order_request += "            </TelephoneNumberList>\n            <DisconnectMode>" +
                     (mode.empty() ? std::string("normal") : mode) + "</DisconnectMode>\n";
    if (protected_node) {
        order_request += "            <Protected>" + protected_value + "</Protected>\n";
    }
    order_request += "        </DisconnectTelephoneNumberOrderType>\n    </orderRequest>\n";

    const std::string root_name = defect_ == Defect::wrong_root
                                      ? "DisconnectOrderResponse"
                                      : "DisconnectTelephoneNumberOrderResponse";
    const std::string body = std::string(xml_decl) + "<" + root_name + ">\n" + order_request +
                             "    <OrderStatus>RECEIVED</OrderStatus>\n</" + root_name + ">\n";
    // The stored order (for GET) is always conforming: only the create answer is broken.
    orders_[id] =
        std::string(xml_decl) + "<DisconnectTelephoneNumberOrderResponse>\n" + order_request +
        "    <OrderStatus>RECEIVED</OrderStatus>\n</DisconnectTelephoneNumberOrderResponse>\n";
    if (defect_ == Defect::non_numeric_number) {
        // keep the GET conforming too
        const std::string bad = "<TelephoneNumber>41587A4245</TelephoneNumber>";
        auto& stored = orders_[id];
        if (auto pos = stored.find(bad); pos != std::string::npos) {
            stored.replace(pos, bad.size(),
                           "<TelephoneNumber>" + numbers[0] + "</TelephoneNumber>");
        }
    }

    Response response;
    response.status = defect_ == Defect::create_200 ? 200 : 201;
    response.headers.emplace_back("Content-Type", xml_type);
    const std::string location_id =
        defect_ == Defect::location_id_mismatch ? "deadbeef-0000-4000-8000-000000000000" : id;
    if (defect_ != Defect::create_without_location) {
        response.headers.emplace_back("Location", base_url("/api") + "/accounts/" + account +
                                                      "/disconnects/" + location_id);
    }
    response.body = body;
    return response;
}

} // namespace harness::contract_suite::testing
