// bench_probe: the tiny loopback client of bench/run.sh.
//
//   bench_probe free-port
//       prints a TCP port that is free on 127.0.0.1 (bound to port 0, read back, released).
//   bench_probe first-201 PORT TIMEOUT_MS BODY_FILE [SINCE_EPOCH_S] [PATH]
//       every 1 ms: connect to 127.0.0.1:PORT, POST BODY_FILE to PATH (default
//       /accounts/9900000/disconnects) with Content-Type application/xml and Basic credentials,
//       read the whole response; exit 0 at the first 201 and print
//       "attempts=N elapsed_ms=X last_status=S", where X counts from SINCE_EPOCH_S (a wall-clock
//       time such as bash's $EPOCHREALTIME taken just before the server was spawned) or from the
//       probe's own start. Exit 1 after TIMEOUT_MS without any response, 3 at once when the server
//       answers with another status (printed as last_status).
//
// Only ever connects to 127.0.0.1.
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sstream>
#include <string>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr const char* basic_credentials = "Basic dXNlcjpzZWNyZXQ="; // user:secret

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    int port = -1;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
}

// Content-Length of a header block, -1 if absent; sets `chunked` for Transfer-Encoding: chunked.
long content_length(const std::string& head, bool& chunked) {
    long length = -1;
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
        const std::size_t end = head.find("\r\n", pos + 2);
        const std::string line =
            head.substr(pos + 2, end == std::string::npos ? std::string::npos : end - pos - 2);
        if (strncasecmp(line.c_str(), "Content-Length:", 15) == 0) {
            length = std::strtol(line.c_str() + 15, nullptr, 10);
        } else if (strncasecmp(line.c_str(), "Transfer-Encoding:", 18) == 0 &&
                   strcasestr(line.c_str(), "chunked") != nullptr) {
            chunked = true;
        }
        pos = end;
    }
    return length;
}

// One full exchange; returns the HTTP status, or -1 on any failure.
int one_request(int port, const std::string& request) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address = loopback(port);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = write(fd, request.data() + sent, request.size() - sent);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        sent += static_cast<std::size_t>(n);
    }
    std::string response;
    int status = -1;
    std::size_t body_start = std::string::npos;
    long length = -1;
    bool chunked = false;
    char buffer[16384];
    while (response.size() < (16u << 20)) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            status = -1; // timeout or reset
            break;
        }
        if (n == 0) {
            break; // close-delimited end
        }
        response.append(buffer, static_cast<std::size_t>(n));
        if (body_start == std::string::npos) {
            const std::size_t end = response.find("\r\n\r\n");
            if (end == std::string::npos) {
                continue;
            }
            body_start = end + 4;
            if (std::sscanf(response.c_str(), "HTTP/%*d.%*d %d", &status) != 1) {
                status = -1;
                break;
            }
            length = content_length(response.substr(0, end), chunked);
        }
        const std::size_t have = response.size() - body_start;
        if (!chunked && length >= 0 && have >= static_cast<std::size_t>(length)) {
            break;
        }
        if (chunked && response.size() >= 5 &&
            response.compare(response.size() - 5, 5, "0\r\n\r\n") == 0) {
            break;
        }
    }
    close(fd);
    return status;
}

int first_201(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: %s first-201 PORT TIMEOUT_MS BODY_FILE [SINCE_EPOCH_S] [PATH]\n",
                     argv[0]);
        return 2;
    }
    const double start = argc > 5 && argv[5][0] != '\0' ? std::atof(argv[5]) : wall_seconds();
    const int port = std::atoi(argv[2]);
    const double timeout_ms = std::atof(argv[3]);
    std::ifstream in(argv[4], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "bench_probe: cannot read %s\n", argv[4]);
        return 2;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string body = bytes.str();
    const std::string path = argc > 6 ? argv[6] : "/accounts/9900000/disconnects";
    const std::string request =
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
        "\r\nContent-Type: application/xml\r\nAuthorization: " + basic_credentials +
        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const double probe_start = wall_seconds();
    int status = -1;
    for (long attempt = 1;; ++attempt) {
        status = one_request(port, request);
        if (status == 201) {
            std::printf("attempts=%ld elapsed_ms=%.1f last_status=201\n", attempt,
                        (wall_seconds() - start) * 1e3);
            return 0;
        }
        if (status > 0) {
            break; // the server is up but answers something else: report it, don't wait
        }
        if ((wall_seconds() - probe_start) * 1e3 > timeout_ms) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::printf("attempts=0 elapsed_ms=-1 last_status=%d\n", status);
    std::fprintf(stderr, "bench_probe: no 201 from 127.0.0.1:%d within %.0f ms (last status %d)\n",
                 port, timeout_ms, status);
    return status > 0 ? 3 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "free-port") == 0) {
        const int port = free_port();
        if (port <= 0) {
            std::perror("bench_probe: free-port");
            return 1;
        }
        std::printf("%d\n", port);
        return 0;
    }
    if (argc >= 2 && std::strcmp(argv[1], "first-201") == 0) {
        return first_201(argc, argv);
    }
    std::fprintf(
        stderr,
        "usage: %s free-port | first-201 PORT TIMEOUT_MS BODY_FILE [SINCE_EPOCH_S] [PATH]\n",
        argv[0]);
    return 2;
}
