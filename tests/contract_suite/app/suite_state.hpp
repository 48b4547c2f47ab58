// suite_state.hpp: what the contract_tests cases share: the Target, and the exchanges that are
// performed once and checked by several tests (one create order, one status read, one note).
// Performing the create once keeps a run against a real account to a single disconnect order.
#pragma once

#include "harness/client/http_client.hpp"
#include "harness/contract_suite/checks.hpp"
#include "harness/contract_suite/requests.hpp"
#include "harness/contract_suite/target.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <string>

namespace harness::contract_suite::app {

struct Exchange {
    bool dry_run = false; ///< CONTRACT_DRY_RUN: nothing was sent
    std::string
        operation; ///< label for messages: "create_order (POST /api/accounts/1/disconnects)"
    std::string request_body; ///< what was sent
    client::HttpResult response;
};

class SuiteState {
public:
    static SuiteState& get();

    void init(std::unique_ptr<Target> target, std::string setup_error);
    void shutdown() { target_.reset(); }

    Target* target() { return target_.get(); }
    const std::string& setup_error() const { return setup_error_; }

    // The create spec the suite sends (documented request with the configured numbers).
    CreateSpec create_spec() const;
    // Sends an exchange now (not cached).
    Exchange exchange(const std::string& operation, std::string_view method,
                      const std::string& path, std::string_view body, bool with_auth = true);

    const Exchange& create();                      ///< POST the order once
    std::optional<std::string> created_order_id(); ///< body id, else Location id; nullopt if none
    // The order the read checks use: CONTRACT_ORDER_ID, else the created one. `why_not` says
    // why there is none (for a skip or failure message).
    std::optional<std::string> order_id_for_reads(std::string* why_not, bool* is_failure);
    const Exchange& status(const std::string& order_id); ///< GET the order once
    const Exchange& note(const std::string& order_id);   ///< POST a note once

private:
    std::unique_ptr<Target> target_;
    std::string setup_error_;
    std::optional<Exchange> create_;
    std::optional<Exchange> status_;
    std::optional<Exchange> note_;
};

// Records findings as non-fatal failures at file:line, secrets scrubbed. Use CONTRACT_REPORT.
void report(const std::string& operation, const Findings& findings, const char* file, int line);

} // namespace harness::contract_suite::app

// Reports the findings of one rule check on an exchange (or an operation label).
#define CONTRACT_REPORT(exchange, findings)                                                        \
    ::harness::contract_suite::app::report((exchange).operation, (findings), __FILE__, __LINE__)

// Fails the test when contract_tests could not set up its target.
#define CONTRACT_REQUIRE_TARGET()                                                                  \
    do {                                                                                           \
        if (::harness::contract_suite::app::SuiteState::get().target() == nullptr) {               \
            GTEST_FAIL() << "contract_tests setup failed: "                                        \
                         << ::harness::contract_suite::app::SuiteState::get().setup_error();       \
        }                                                                                          \
    } while (0)

// Declares `id`, the order the read-only checks use (CONTRACT_ORDER_ID or the one the Create tests
// made); fails or skips the test, with the reason, when there is none.
#define CONTRACT_REQUIRE_ORDER_FOR_READS(id)                                                       \
    CONTRACT_REQUIRE_TARGET();                                                                     \
    std::string why_not_;                                                                          \
    bool failure_ = false;                                                                         \
    const auto id = ::harness::contract_suite::app::SuiteState::get().order_id_for_reads(          \
        &why_not_, &failure_);                                                                     \
    if (!id) {                                                                                     \
        if (failure_) {                                                                            \
            GTEST_FAIL() << why_not_;                                                              \
        }                                                                                          \
        GTEST_SKIP() << why_not_;                                                                  \
    }

// Skips a test that would disconnect numbers if accepted, unless the target allows it.
#define CONTRACT_SKIP_UNLESS_DISCONNECT_ALLOWED()                                                  \
    do {                                                                                           \
        CONTRACT_REQUIRE_TARGET();                                                                 \
        const auto& safety_ =                                                                      \
            ::harness::contract_suite::app::SuiteState::get().target()->safety();                  \
        if (!safety_.destructive_allowed) {                                                        \
            GTEST_SKIP() << safety_.skip_message;                                                  \
        }                                                                                          \
    } while (0)

// Fails the test when the exchange did not happen at all (refused, timeout, TLS...).
#define CONTRACT_ASSERT_EXCHANGED(exchange)                                                        \
    do {                                                                                           \
        if ((exchange).dry_run) {                                                                  \
            GTEST_SKIP() << "dry run (CONTRACT_DRY_RUN=yes): would send " << (exchange).operation; \
        }                                                                                          \
        if (!(exchange).response.ok()) {                                                           \
            GTEST_FAIL() << (exchange).operation << ": no HTTP response (transport error "         \
                         << ::harness::client::to_string((exchange).response.error)                \
                         << "): " << (exchange).response.error_text;                               \
        }                                                                                          \
    } while (0)
