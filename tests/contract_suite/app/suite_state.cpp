// suite_state.cpp: see suite_state.hpp.
#include "suite_state.hpp"

#include "harness/client/url.hpp"

namespace harness::contract_suite::app {

SuiteState& SuiteState::get() {
    static SuiteState state;
    return state;
}

void SuiteState::init(std::unique_ptr<Target> target, std::string setup_error) {
    target_ = std::move(target);
    setup_error_ = std::move(setup_error);
}

CreateSpec SuiteState::create_spec() const {
    CreateSpec spec;
    spec.numbers = target_->numbers();
    if (!target_->config().customer_order_id.empty()) {
        spec.customer_order_id = target_->config().customer_order_id;
    }
    return spec;
}

Exchange SuiteState::exchange(const std::string& operation, std::string_view method,
                              const std::string& path, std::string_view body, bool with_auth) {
    const auto parsed = client::parse_url(target_->base_url());
    const std::string base_path = parsed ? parsed->path : std::string();
    Exchange e;
    e.operation = operation + " (" + std::string(method) + " " + base_path + path + ")";
    e.request_body = std::string(body);
    e.dry_run = target_->config().dry_run;
    e.response = target_->send(method, path, body, with_auth);
    return e;
}

const Exchange& SuiteState::create() {
    if (!create_) {
        create_ = exchange("create_order", "POST", target_->orders_path(),
                           build_create_request(create_spec()));
    }
    return *create_;
}

std::optional<std::string> SuiteState::created_order_id() {
    const auto& c = create();
    if (!c.response.ok()) {
        return std::nullopt;
    }
    if (auto id = xml_text(c.response.body, body_id_path); id && !id->empty()) {
        return id;
    }
    return check_order_location(c.response.headers.get("Location"), target_->config().account_id)
        .id;
}

std::optional<std::string> SuiteState::order_id_for_reads(std::string* why_not, bool* is_failure) {
    *is_failure = false;
    if (!target_->config().order_id.empty()) {
        return target_->config().order_id;
    }
    if (!target_->safety().destructive_allowed) {
        *why_not = "no order to read: set CONTRACT_ORDER_ID=<existing order id> to check an "
                   "existing order read-only (creating one is " +
                   target_->safety().skip_message + ")";
        return std::nullopt;
    }
    if (target_->config().dry_run) {
        return std::string("{id-of-the-created-order}");
    }
    auto id = created_order_id();
    if (!id) {
        *is_failure = true;
        *why_not = create().operation + ": the create gave no order id (no " +
                   std::string(body_id_path) +
                   " in the body and no usable Location), so the order cannot be read back; "
                   "see the Create tests";
    }
    return id;
}

const Exchange& SuiteState::status(const std::string& order_id) {
    if (!status_) {
        status_ = exchange("get_order", "GET", target_->orders_path("/" + order_id), {});
    }
    return *status_;
}

const Exchange& SuiteState::note(const std::string& order_id) {
    if (!note_) {
        const auto& auth = target_->config().auth;
        const std::string user =
            auth.kind == client::Auth::Kind::basic ? auth.username : std::string("contract-tests");
        note_ =
            exchange("create_note", "POST", target_->orders_path("/" + order_id + "/notes"),
                     build_note_request(user, "contract_tests: note added by the contract suite"));
    }
    return *note_;
}

void report(const std::string& operation, const Findings& findings, const char* file, int line) {
    auto* target = SuiteState::get().target();
    for (const auto& f : findings) {
        std::string text = format_finding(operation, f);
        if (target != nullptr) {
            text = target->scrub(text);
        }
        ADD_FAILURE_AT(file, line) << text;
    }
}

} // namespace harness::contract_suite::app
