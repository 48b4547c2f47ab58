// junit.cpp: see junit.hpp.
#include "junit.hpp"

#include "harness/contract_suite/child_process.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <pugixml.hpp>
#include <unistd.h>

namespace harness::contract_suite::testing {

std::map<std::string, CaseResult> parse_junit(const std::string& xml) {
    std::map<std::string, CaseResult> out;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) {
        return out;
    }
    for (auto suite : doc.child("testsuites").children("testsuite")) {
        for (auto tc : suite.children("testcase")) {
            CaseResult r;
            for (auto failure : tc.children("failure")) {
                r.outcome = Outcome::failed;
                r.message += std::string(failure.attribute("message").value()) + "\n";
            }
            if (r.outcome != Outcome::failed &&
                (std::string(tc.attribute("result").value()) == "skipped" || tc.child("skipped"))) {
                r.outcome = Outcome::skipped;
                r.message = tc.child("skipped").attribute("message").value();
            }
            out[std::string(suite.attribute("name").value()) + "." + tc.attribute("name").value()] =
                r;
        }
    }
    return out;
}

std::vector<std::string> SuiteRun::names(Outcome outcome) const {
    std::vector<std::string> out;
    for (const auto& [name, result] : cases) {
        if (result.outcome == outcome) {
            out.push_back(name);
        }
    }
    return out;
}

SuiteRun run_contract_tests(const std::vector<std::pair<std::string, std::string>>& env,
                            const std::vector<std::string>& extra_args) {
    static std::atomic<int> counter{0};
    const auto junit_path =
        std::filesystem::temp_directory_path() /
        ("contract_suite_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".xml");
    std::filesystem::remove(junit_path);
    SpawnOptions options;
    options.argv = {HARNESS_CONTRACT_TESTS_EXE, "--gtest_output=xml:" + junit_path.string()};
    options.argv.insert(options.argv.end(), extra_args.begin(), extra_args.end());
    options.set_env = env;
    options.unset_env_prefixes = {"CONTRACT_", "GTEST_"};
    options.merge_stderr = true;
    SuiteRun run;
    std::string error;
    auto child = ChildProcess::spawn(options, &error);
    if (!child) {
        run.output = "spawn failed: " + error;
        return run;
    }
    if (!child->read_to_end(run.output, std::chrono::seconds(120))) {
        run.output += "\n[contract_tests did not finish within 120 s; killed]";
        child->terminate(std::chrono::milliseconds(1000));
        return run;
    }
    run.exit_code = child->wait(std::chrono::seconds(30)).value_or(-1);
    if (std::FILE* f = std::fopen(junit_path.c_str(), "rb")) {
        char chunk[8192];
        std::size_t n;
        while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) {
            run.junit.append(chunk, n);
        }
        std::fclose(f);
    }
    run.cases = parse_junit(run.junit);
    if (std::getenv("HARNESS_SUITE_VERBOSE") != nullptr) {
        std::printf("---- contract_tests output ----\n%s---- end ----\n", run.output.c_str());
    }
    std::filesystem::remove(junit_path);
    return run;
}

} // namespace harness::contract_suite::testing
