// process_test.cpp: build/bin/mock_server as a child process: the "listening on" line, a real
// request, clean exit on SIGTERM/SIGINT, --help/--version, and start-up errors (exit 2).
#include "mock_server_fixture.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace harness::testing {
namespace {

// A child process with its stdout and stderr on pipes.
class Child {
public:
    explicit Child(const std::vector<std::string>& args) {
        int out[2];
        int err[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
            throw std::runtime_error("pipe failed");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
        const std::string program = (bin_dir() / "mock_server").string();
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        const int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        ::close(err[1]);
        out_ = out[0];
        err_ = err[0];
        if (rc != 0) {
            throw std::runtime_error("posix_spawn failed: " + program);
        }
    }
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(out_);
        ::close(err_);
    }

    // One line from stdout (without '\n'); "" when the stream ends or nothing comes in time.
    std::string read_line(int timeout_ms = 10000) {
        std::string line;
        char c = 0;
        while (wait_readable(out_, timeout_ms) && ::read(out_, &c, 1) == 1) {
            if (c == '\n') {
                return line;
            }
            line.push_back(c);
        }
        return line;
    }

    // Waits for exit (pidfd + poll: no sleeping); returns the exit status or -1 on timeout.
    int wait_exit(int timeout_ms = 10000) {
        const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
        if (pidfd >= 0) {
            const bool exited = wait_readable(pidfd, timeout_ms);
            ::close(pidfd);
            if (!exited) {
                return -1;
            }
        }
        int status = 0;
        if (::waitpid(pid_, &status, 0) != pid_) {
            return -1;
        }
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    void signal(int number) { ::kill(pid_, number); }
    std::string drain_stdout() { return drain(out_); }
    std::string drain_stderr() { return drain(err_); }

private:
    static bool wait_readable(int fd, int timeout_ms) {
        pollfd p{fd, POLLIN, 0};
        int rc = 0;
        do {
            rc = ::poll(&p, 1, timeout_ms);
        } while (rc < 0 && errno == EINTR);
        return rc > 0;
    }
    static std::string drain(int fd) {
        std::string text;
        char buffer[4096];
        while (wait_readable(fd, 5000)) {
            const auto n = ::read(fd, buffer, sizeof buffer);
            if (n <= 0) {
                break;
            }
            text.append(buffer, static_cast<std::size_t>(n));
        }
        return text;
    }

    pid_t pid_ = -1;
    int out_ = -1;
    int err_ = -1;
    bool reaped_ = false;
};

// Runs to completion (for flags that exit at once).
struct Finished {
    int status;
    std::string out;
    std::string err;
};
Finished run(const std::vector<std::string>& args) {
    Child child(args);
    Finished f;
    f.out = child.drain_stdout();
    f.err = child.drain_stderr();
    f.status = child.wait_exit();
    return f;
}

TEST(MockProcess, ListensServesAndStopsOnSigterm) {
    Child child({"--port", "0"});
    const auto line = child.read_line();
    const std::string prefix = "listening on http://127.0.0.1:";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    const auto port = std::stoi(line.substr(prefix.size()));
    ASSERT_GT(port, 0);
    HttpClient client;
    const auto response = client.post(line.substr(13) + "/api/accounts/9900000/disconnects",
                                      fixture("disconnects/create_request.xml"));
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, fixture("disconnects/create_response_201.xml"));
    child.signal(SIGTERM);
    EXPECT_EQ(child.wait_exit(), 0);
    EXPECT_EQ(child.drain_stdout(), ""); // exactly one line
}

TEST(MockProcess, StopsOnSigintWithExitZero) {
    Child child({"--port", "0", "--threads", "1", "--auth", "none"});
    ASSERT_EQ(child.read_line().rfind("listening on http://", 0), 0u);
    child.signal(SIGINT);
    EXPECT_EQ(child.wait_exit(), 0);
}

TEST(MockProcess, HelpListsEveryFlag) {
    const auto f = run({"--help"});
    EXPECT_EQ(f.status, 0);
    for (const char* flag : {"--host", "--port", "--mode", "--fixtures", "--threads", "--auth",
                             "--no-validate", "--max-tns", "--max-body", "--version"}) {
        EXPECT_NE(f.out.find(flag), std::string::npos) << flag;
    }
}

TEST(MockProcess, VersionPrintsVersion) {
    const auto f = run({"--version"});
    EXPECT_EQ(f.status, 0);
    EXPECT_EQ(f.out.rfind("mock_server ", 0), 0u) << f.out;
}

TEST(MockProcess, UnknownFlagExitsTwo) {
    const auto f = run({"--bogus"});
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("--bogus"), std::string::npos) << f.err;
}

TEST(MockProcess, BadPortExitsTwo) {
    EXPECT_EQ(run({"--port", "70000"}).status, 2);
    EXPECT_EQ(run({"--port", "abc"}).status, 2);
}

TEST(MockProcess, UnsupportedModeExitsTwo) {
    const auto f = run({"--mode", "stateful", "--port", "0"});
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("--mode"), std::string::npos) << f.err;
    EXPECT_EQ(f.out, "");
}

TEST(MockProcess, BadAuthExitsTwo) {
    const auto f = run({"--auth", "nocolon", "--port", "0"});
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("--auth"), std::string::npos) << f.err;
}

TEST(MockProcess, HostThatIsNotAnAddressExitsTwoWithoutLookup) {
    const auto f = run({"--host", "mock.example.test", "--port", "0"});
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("--host"), std::string::npos) << f.err;
}

TEST(MockProcess, MissingFixturesDirExitsTwo) {
    const auto f = run({"--fixtures", "/nonexistent/fixtures", "--port", "0"});
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("/nonexistent/fixtures"), std::string::npos) << f.err;
    EXPECT_EQ(f.out, "");
}

TEST(MockProcess, ContractInvalidFixtureExitsTwo) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("mock-fixtures-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "disconnects");
    for (const char* name :
         {"get_response_200.xml", "list_response_200.xml", "notes_list_response_200.xml"}) {
        std::filesystem::copy_file(fixtures_dir() / "disconnects" / name,
                                   dir / "disconnects" / name);
    }
    std::ofstream(dir / "disconnects" / "create_response_201.xml")
        << "<DisconnectTelephoneNumberOrderResponse><orderRequest><id>x</id>"
           "</orderRequest></DisconnectTelephoneNumberOrderResponse>";
    const auto f = run({"--fixtures", dir.string(), "--port", "0"});
    std::filesystem::remove_all(dir);
    EXPECT_EQ(f.status, 2);
    EXPECT_NE(f.err.find("create_response"), std::string::npos) << f.err;
    EXPECT_EQ(f.out, "");
}

} // namespace
} // namespace harness::testing
