// child_process.hpp: a child program with its stdout (and optionally stderr) on a pipe. Used to
// start mock_server for the suite and to run contract_tests from the suite's own tests. Reads
// have deadlines (poll), so a silent or dead child never hangs the caller; the destructor sends
// SIGTERM and reaps. The child gets SIGTERM too if this process dies first (PR_SET_PDEATHSIG).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <thread>
#include <utility>
#include <vector>

namespace harness::contract_suite {

struct SpawnOptions {
    std::vector<std::string> argv;                            ///< argv[0] is the executable path
    std::vector<std::pair<std::string, std::string>> set_env; ///< added/overridden variables
    std::vector<std::string>
        unset_env_prefixes;    ///< inherited variables starting with these are dropped
    bool merge_stderr = false; ///< stderr goes to the same pipe as stdout
};

class ChildProcess {
public:
    // Starts the program; nullopt (and `error`) when it could not be started.
    static std::optional<ChildProcess> spawn(const SpawnOptions& options, std::string* error);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    pid_t pid() const { return pid_; }

    // Reads lines until one starts with `prefix` (returned), EOF or the deadline (nullopt).
    // Every line read is appended to `seen` when given.
    std::optional<std::string> wait_for_line(std::string_view prefix,
                                             std::chrono::milliseconds timeout,
                                             std::string* seen = nullptr);

    // Reads the rest of the output until EOF; false when the deadline passed first.
    bool read_to_end(std::string& out, std::chrono::milliseconds timeout);

    // Keeps reading (and discarding) output on a background thread, so a chatty child never
    // blocks on a full pipe.
    void drain_in_background();

    // Waits for exit; returns the exit code (128+signal when killed), nullopt on deadline.
    std::optional<int> wait(std::chrono::milliseconds timeout);

    // SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit code as wait() does.
    int terminate(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));

private:
    ChildProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
    void close_pipe();
    void join_drain();

    pid_t pid_ = -1;
    int fd_ = -1;
    std::string buffer_;
    std::optional<int> exit_code_;
    std::thread drain_;
};

// Directory of the running executable (from /proc/self/exe); "" when unknown.
std::string executable_dir();

} // namespace harness::contract_suite
