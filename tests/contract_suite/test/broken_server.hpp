// broken_server.hpp: a tiny test-only HTTP server (POSIX sockets, one thread, loopback, port 0)
// that answers the documented disconnect family conformingly, except for one deliberate defect.
// It exists to prove that contract_tests catches each defect by name.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace harness::contract_suite::testing {

enum class Defect {
    none,                     // conforming
    create_without_location,  // 201 without a Location header
    location_id_mismatch,     // Location id differs from the body's orderRequest/id
    wrong_root,               // create body root <DisconnectOrderResponse>
    non_numeric_number,       // the first echoed TelephoneNumber is "41587A4245"
    create_200,               // create answers 200 instead of 201
    error_without_error_list, // 400s carry ResponseStatus (with the caller's Authorization) instead
                              // of ErrorList
    garbage,                  // every answer: 200, no Content-Type, binary non-XML body
    hang_up,                  // every connection closed without an answer
};

std::string_view to_string(Defect defect);

class BrokenServer {
public:
    explicit BrokenServer(Defect defect);
    ~BrokenServer();
    BrokenServer(const BrokenServer&) = delete;
    BrokenServer& operator=(const BrokenServer&) = delete;

    int port() const { return port_; }
    // http://127.0.0.1:PORT + prefix
    std::string base_url(const std::string& prefix = "/api") const;
    // Number of requests answered so far.
    int requests() const { return requests_.load(); }

    struct Request {
        std::string method;
        std::string path;
        std::map<std::string, std::string> headers; ///< lower-case names
        std::string body;
    };
    struct Response {
        int status = 200;
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
    };

private:
    void serve();
    void handle_connection(int fd);
    Response handle(const Request& request);
    Response create_order(const Request& request, const std::string& account);

    Defect defect_;
    int listen_fd_ = -1;
    int stop_pipe_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> requests_{0};
    std::thread thread_;
    std::mutex mutex_;
    std::map<std::string, std::string> orders_; ///< id -> status body
    std::map<std::string, std::vector<std::pair<std::string, std::string>>>
        notes_; ///< order -> (id, description)
    int next_id_ = 1;
    std::string list_body_;
};

} // namespace harness::contract_suite::testing
