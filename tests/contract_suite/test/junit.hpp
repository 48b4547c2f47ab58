// junit.hpp: reads the JUnit XML that contract_tests writes (--gtest_output=xml:FILE) and runs
// contract_tests as a child process for the suite's own tests.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace harness::contract_suite::testing {

enum class Outcome { passed, failed, skipped };

struct CaseResult {
    Outcome outcome = Outcome::passed;
    std::string message; ///< failure messages (or the skip message), concatenated
};

// "Suite.Name" -> result. Empty map when the XML cannot be parsed.
std::map<std::string, CaseResult> parse_junit(const std::string& xml);

struct SuiteRun {
    int exit_code = -1;
    std::string output;                      ///< stdout + stderr of contract_tests
    std::string junit;                       ///< the JUnit XML text
    std::map<std::string, CaseResult> cases; ///< parsed JUnit
    std::vector<std::string> names(Outcome outcome) const;
};

// Runs contract_tests with only the given CONTRACT_* variables (inherited ones are removed).
SuiteRun run_contract_tests(const std::vector<std::pair<std::string, std::string>>& env,
                            const std::vector<std::string>& extra_args = {});

} // namespace harness::contract_suite::testing
