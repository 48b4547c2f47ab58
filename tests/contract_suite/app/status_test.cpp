// status_test.cpp: GET /accounts/{accountId}/disconnects/{orderId} for CONTRACT_ORDER_ID or the
// order the Create tests made. Read-only.
#include "harness/contract_suite/contract_checks.hpp"
#include "suite_state.hpp"

#include <gtest/gtest.h>

namespace harness::contract_suite::app {
namespace {

#define CONTRACT_STATUS_EXCHANGE(var, id)                                                          \
    CONTRACT_REQUIRE_ORDER_FOR_READS(id);                                                          \
    const Exchange& var = SuiteState::get().status(*id);                                           \
    CONTRACT_ASSERT_EXCHANGED(var)

TEST(Status, Returns200) {
    CONTRACT_STATUS_EXCHANGE(s, id);
    CONTRACT_REPORT(s, check_status(s.response.status, 200, "status.status_200"));
}

TEST(Status, BodyPassesOrderStatusContract) {
    CONTRACT_STATUS_EXCHANGE(s, id);
    std::vector<std::string> warnings;
    CONTRACT_REPORT(s, contract_findings("order_status", s.response.body,
                                         SuiteState::get().target()->number_format(), &warnings));
    for (const auto& w : warnings) {
        std::cout << "  note (warning, not a failure): " << w << "\n";
    }
}

TEST(Status, SameOrderId) {
    CONTRACT_STATUS_EXCHANGE(s, id);
    CONTRACT_REPORT(
        s, check_value_echo("status.same_order_id", body_id_path, *id, s.response.body, false));
}

TEST(Status, DocumentedOrderStatus) {
    CONTRACT_STATUS_EXCHANGE(s, id);
    CONTRACT_REPORT(s, check_documented_order_status(s.response.body));
}

} // namespace
} // namespace harness::contract_suite::app
