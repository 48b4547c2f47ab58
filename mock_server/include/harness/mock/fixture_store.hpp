// fixture_store.hpp: the canned bodies the mock serves, read once at start and checked against
// their contracts; read-only afterwards (safe to share between Pistache worker threads).
//
// Files, relative to the fixtures directory:
//   disconnects/create_response_201.xml   create (201)        contract "create_response"
//   disconnects/get_response_200.xml      order status (200)  contract "order_status"
//   disconnects/list_response_200.xml     order list (200)    contract "order_list"
//   disconnects/notes_list_response_200.xml  notes (200)      contract "notes_list"
//   disconnects/v2/create_response_201.xml    create on /api/v2 (E.164 numbers)
//   disconnects/v2/get_response_200.xml       order status on /api/v2 (E.164 numbers)
// The unversioned bodies must carry 10-digit numbers, the v2 ones E.164, and every body the
// same order id.
#pragma once

#include "harness/contracts/contracts.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace harness::mock {

// A fixture that is missing, unreadable or fails its contract (a start-up error).
class FixtureError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FixtureStore {
public:
    // Loads and checks every canned body. Throws FixtureError with a message naming the file.
    static FixtureStore load(const std::filesystem::path& fixtures_dir,
                             const contracts::Registry& registry);

    // The bodies that carry telephone numbers come in the form of the route: 10-digit (nanp10)
    // everywhere but /api/v2 (e164).
    const std::string&
    create_response(contracts::NumberFormat numbers = contracts::NumberFormat::nanp10) const {
        return numbers == contracts::NumberFormat::e164 ? create_response_e164_ : create_response_;
    }
    const std::string&
    order_status(contracts::NumberFormat numbers = contracts::NumberFormat::nanp10) const {
        return numbers == contracts::NumberFormat::e164 ? order_status_e164_ : order_status_;
    }
    const std::string& order_list() const { return order_list_; }
    const std::string& notes_list() const { return notes_list_; }
    // The trimmed text of orderRequest/id in the create response (the id in Location).
    const std::string& order_id() const { return order_id_; }

private:
    FixtureStore() = default;

    std::string create_response_;
    std::string order_status_;
    std::string create_response_e164_;
    std::string order_status_e164_;
    std::string order_list_;
    std::string notes_list_;
    std::string order_id_;
};

} // namespace harness::mock
