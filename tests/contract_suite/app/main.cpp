// main.cpp: contract_tests. Reads the target from CONTRACT_* variables (starting the sibling
// mock_server when CONTRACT_BASE_URL is unset), runs the GoogleTest cases, stops the mock.
#include "harness/contract_suite/config.hpp"
#include "harness/contract_suite/target.hpp"
#include "suite_state.hpp"

#include <gtest/gtest.h>
#include <iostream>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
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
