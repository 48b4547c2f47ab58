// main.cpp: contract_tests. Reads the target from CONTRACT_* variables (starting the sibling
// mock_server when CONTRACT_BASE_URL is unset), runs the GoogleTest cases, stops the mock.
#include "harness/contract_suite/config.hpp"
#include "harness/contract_suite/target.hpp"
#include "suite_state.hpp"

#include <gtest/gtest.h>
#include <iostream>
#include <string>

namespace {

constexpr const char* usage =
    "contract_tests: checks a disconnect-order endpoint against the documented contracts.\n"
    "Target (environment):\n"
    "  CONTRACT_BASE_URL          base URL before /accounts/... (unset: start ./mock_server)\n"
    "  CONTRACT_ACCOUNT_ID        account id (default 9900000)\n"
    "  CONTRACT_USERNAME, CONTRACT_PASSWORD   HTTP Basic credentials\n"
    "  CONTRACT_TOKEN             Bearer token (when no username)\n"
    "  CONTRACT_TNS               comma-separated numbers the create/error tests may use\n"
    "  CONTRACT_ORDER_ID          existing order for the read-only status/notes checks\n"
    "  CONTRACT_ALLOW_DISCONNECT  yes: allow disconnecting requests on a non-loopback target\n"
    "                             (needs CONTRACT_TNS too)\n"
    "  CONTRACT_CA_BUNDLE         PEM CA bundle instead of the system store\n"
    "  CONTRACT_CUSTOMER_ORDER_ID CustomerOrderId to send with the create and expect echoed\n"
    "  CONTRACT_TIMEOUT_MS        per-request timeout (default 30000)\n"
    "  CONTRACT_DRY_RUN           yes: send nothing, report what would be sent or skipped\n"
    "JUnit XML: --gtest_output=xml:FILE. Exit 0: no test failed; 1: a contract is broken.\n\n";

} // namespace

int main(int argc, char** argv) {
    bool help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        help = help || arg == "--help" || arg == "-h" || arg == "-?" || arg == "/?";
    }
    if (help) {
        std::cout << usage;
    }
    ::testing::InitGoogleTest(&argc, argv);
    if (help) {
        return 0; // GoogleTest printed its own flags
    }
    using harness::contract_suite::app::SuiteState;
    if (GTEST_FLAG_GET(list_tests)) {
        return RUN_ALL_TESTS();
    }
    std::string error;
    auto target =
        harness::contract_suite::Target::create(harness::contract_suite::config_from_env(), &error);
    if (target) {
        std::cout << target->summary() << std::endl;
    } else {
        std::cerr << "contract_tests: setup failed: " << error << std::endl;
    }
    SuiteState::get().init(std::move(target), error);
    const int rc = RUN_ALL_TESTS();
    SuiteState::get().shutdown();
    return rc;
}
