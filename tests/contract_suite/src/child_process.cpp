// child_process.cpp: fork/exec with a pipe; all waiting is bounded by poll() deadlines.
#include "harness/contract_suite/child_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace harness::contract_suite {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

int decode_status(int status) {
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return -1;
}

} // namespace

std::string executable_dir() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : self.parent_path().string();
}

std::optional<ChildProcess> ChildProcess::spawn(const SpawnOptions& options, std::string* error) {
    auto fail = [&](const std::string& what) -> std::optional<ChildProcess> {
        if (error != nullptr) {
            *error = what;
        }
        return std::nullopt;
    };
    if (options.argv.empty()) {
        return fail("no program given");
    }
    if (::access(options.argv[0].c_str(), X_OK) != 0) {
        return fail("cannot execute " + options.argv[0] + ": " + std::strerror(errno));
    }

    // Everything the child needs is prepared before fork(): after it only async-signal-safe calls.
    std::vector<std::string> env_strings;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        const std::string entry(*e);
        const std::string key = entry.substr(0, entry.find('='));
        bool drop = false;
        for (const auto& prefix : options.unset_env_prefixes) {
            drop = drop || key.rfind(prefix, 0) == 0;
        }
        for (const auto& kv : options.set_env) {
            drop = drop || key == kv.first;
        }
        if (!drop) {
            env_strings.push_back(entry);
        }
    }
    for (const auto& [key, value] : options.set_env) {
        env_strings.push_back(key + "=" + value);
    }
    std::vector<char*> envp;
    for (auto& s : env_strings) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings = options.argv;
    std::vector<char*> argv;
    for (auto& s : argv_strings) {
        argv.push_back(s.data());
    }
    argv.push_back(nullptr);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        return fail(std::string("pipe: ") + std::strerror(errno));
    }
    const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        if (devnull >= 0) {
            ::close(devnull);
        }
        return fail(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        if (devnull >= 0) {
            ::dup2(devnull, 0);
        }
        ::dup2(fds[1], 1);
        if (options.merge_stderr) {
            ::dup2(fds[1], 2);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    if (devnull >= 0) {
        ::close(devnull);
    }
    return ChildProcess(pid, fds[0]);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)), exit_code_(other.exit_code_),
      drain_(std::move(other.drain_)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        if (pid_ > 0 && !exit_code_) {
            terminate();
        }
        join_drain();
        close_pipe();
        pid_ = std::exchange(other.pid_, -1);
        fd_ = std::exchange(other.fd_, -1);
        buffer_ = std::move(other.buffer_);
        exit_code_ = other.exit_code_;
        drain_ = std::move(other.drain_);
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !exit_code_) {
        terminate();
    }
    join_drain();
    close_pipe();
}

void ChildProcess::close_pipe() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

void ChildProcess::join_drain() {
    if (drain_.joinable()) {
        drain_.join();
    }
}

std::optional<std::string> ChildProcess::wait_for_line(std::string_view prefix,
                                                       std::chrono::milliseconds timeout,
                                                       std::string* seen) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        std::size_t newline;
        while ((newline = buffer_.find('\n')) != std::string::npos) {
            std::string line = buffer_.substr(0, newline);
            buffer_.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            if (seen != nullptr) {
                *seen += line + "\n";
            }
            if (line.rfind(prefix, 0) == 0) {
                return line;
            }
        }
        if (fd_ < 0 || drain_.joinable()) {
            return std::nullopt;
        }
        pollfd p{fd_, POLLIN, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return std::nullopt; // deadline
        }
        char chunk[4096];
        const ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close_pipe(); // EOF: the child closed its output (exited)
            if (seen != nullptr && !buffer_.empty()) {
                *seen += buffer_;
            }
            return std::nullopt;
        }
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

bool ChildProcess::read_to_end(std::string& out, std::chrono::milliseconds timeout) {
    out += buffer_;
    buffer_.clear();
    if (drain_.joinable()) {
        return false;
    }
    const auto deadline = Clock::now() + timeout;
    while (fd_ >= 0) {
        pollfd p{fd_, POLLIN, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return false;
        }
        char chunk[8192];
        const ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close_pipe();
            break;
        }
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
}

void ChildProcess::drain_in_background() {
    if (fd_ < 0 || drain_.joinable()) {
        return;
    }
    const int fd = fd_;
    drain_ = std::thread([fd] {
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                return;
            }
        }
    });
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
    if (exit_code_) {
        return exit_code_;
    }
    if (pid_ <= 0) {
        return std::nullopt;
    }
    // Poll waitpid(WNOHANG) on the pipe/a short interval until the deadline.
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            exit_code_ = decode_status(status);
            join_drain();
            return exit_code_;
        }
        if (r < 0 && errno != EINTR) {
            exit_code_ = -1;
            return exit_code_;
        }
        if (Clock::now() >= deadline) {
            return std::nullopt;
        }
        ::poll(nullptr, 0, 5);
    }
}

int ChildProcess::terminate(std::chrono::milliseconds grace) {
    if (exit_code_) {
        return *exit_code_;
    }
    if (pid_ <= 0) {
        return -1;
    }
    ::kill(pid_, SIGTERM);
    if (auto code = wait(grace)) {
        return *code;
    }
    ::kill(pid_, SIGKILL);
    if (auto code = wait(std::chrono::milliseconds(5000))) {
        return *code;
    }
    return -1;
}

} // namespace harness::contract_suite
