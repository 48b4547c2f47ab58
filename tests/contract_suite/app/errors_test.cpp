// errors_test.cpp: each documented bad create gets 400 + ErrorList with its Bandwidth code;
// missing credentials get 401. Requests built on real numbers would disconnect them if a server
// wrongly accepted them, so they follow the same safety rule as creates; the invalid-number and
// no-credentials cases carry no real number / are read-only and always run.
#include "harness/contract_suite/contract_checks.hpp"
#include "suite_state.hpp"

#include <gtest/gtest.h>

namespace harness::contract_suite::app {
namespace {

void expect_order_error(const std::string& what, const CreateSpec& spec, int code) {
    auto& state = SuiteState::get();
    const Exchange e = state.exchange("create_order [" + what + "]", "POST",
                                      state.target()->orders_path(), build_create_request(spec));
    CONTRACT_ASSERT_EXCHANGED(e);
    const auto findings = check_order_error(e.response.status, e.response.body, code);
    CONTRACT_REPORT(e, findings);
    if (findings.empty()) {
        CONTRACT_REPORT(
            e, contract_findings("order_error", e.response.body, state.target()->number_format()));
    }
}

const std::string& first_number() {
    return SuiteState::get().target()->numbers().front();
}

TEST(Errors, MissingWrapperIs5001) {
    CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {first_number()};
    spec.wrapper = false;
    spec.protected_value.reset();
    expect_order_error("TelephoneNumberList without the DisconnectTelephoneNumberOrderType wrapper",
                       spec, 5001);
}

TEST(Errors, InvalidNumberIs5070) {
    CONTRACT_REQUIRE_TARGET();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {"12345"};
    spec.customer_order_id.reset();
    expect_order_error("invalid TelephoneNumber '12345'", spec, 5070);
}

TEST(Errors, DuplicateNumberIs5093) {
    CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {first_number(), first_number()};
    spec.customer_order_id.reset();
    expect_order_error("duplicate TelephoneNumber '" + first_number() + "'", spec, 5093);
}

TEST(Errors, BadProtectedIs5108) {
    CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {first_number()};
    spec.customer_order_id.reset();
    spec.protected_value = "MAYBE";
    expect_order_error("Protected 'MAYBE'", spec, 5108);
}

TEST(Errors, BadDisconnectModeIs5084) {
    CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {first_number()};
    spec.customer_order_id.reset();
    spec.disconnect_mode = "sometimes";
    expect_order_error("DisconnectMode 'sometimes'", spec, 5084);
}

TEST(Errors, BadCustomerOrderIdIs5052) {
    CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED();
    CreateSpec spec = SuiteState::get().create_spec();
    spec.numbers = {first_number()};
    spec.customer_order_id = "bad_id!*";
    expect_order_error("CustomerOrderId 'bad_id!*'", spec, 5052);
}

TEST(Errors, MissingCredentialsIs401) {
    CONTRACT_REQUIRE_TARGET();
    auto& state = SuiteState::get();
    const Exchange e = state.exchange("list_orders [no Authorization header]", "GET",
                                      state.target()->orders_path(), {}, false);
    CONTRACT_ASSERT_EXCHANGED(e);
    CONTRACT_REPORT(e, check_status(e.response.status, 401, "auth.missing_credentials_401"));
}

} // namespace
} // namespace harness::contract_suite::app
