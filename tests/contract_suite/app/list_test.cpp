// list_test.cpp: GET /accounts/{accountId}/disconnects. Read-only.
#include "harness/contract_suite/contract_checks.hpp"
#include "suite_state.hpp"

#include <gtest/gtest.h>

namespace harness::contract_suite::app {
namespace {

TEST(List, Returns200ListOr404Documented) {
    CONTRACT_REQUIRE_TARGET();
    auto& state = SuiteState::get();
    const Exchange l = state.exchange("list_orders", "GET", state.target()->orders_path(), {});
    CONTRACT_ASSERT_EXCHANGED(l);
    const auto format = state.target()->number_format();
    if (l.response.status == 200) {
        CONTRACT_REPORT(l, contract_findings("order_list", l.response.body, format));
    } else if (l.response.status == 404) {
        CONTRACT_REPORT(l, contract_findings("order_list_not_found", l.response.body, format));
    } else {
        const Findings wrong_status = {
            {"list.status_200_or_404", "http:status",
             "HTTP 200 (ResponseSelectWrapper) or HTTP 404 (<Links>, no orders)",
             "HTTP " + std::to_string(l.response.status) + " with body " +
                 quote(l.response.body, 200)}};
        CONTRACT_REPORT(l, wrong_status);
    }
}

} // namespace
} // namespace harness::contract_suite::app
