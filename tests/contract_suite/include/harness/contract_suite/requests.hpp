// requests.hpp: the request bodies the suite sends. With the default spec the create body is
// byte-for-byte the documented example (fixtures/disconnects/create_request.xml): lower-case
// <name> padded with newlines, three numbers, Protected UNCHANGED.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace harness::contract_suite {

struct CreateSpec {
    std::optional<std::string> name = std::string("training run"); ///< sent as lower-case <name>
    std::optional<std::string> customer_order_id;                  ///< <CustomerOrderId>
    std::vector<std::string> numbers;                              ///< <TelephoneNumber>s
    std::optional<std::string> disconnect_mode;                    ///< <DisconnectMode>
    std::optional<std::string> protected_value = std::string("UNCHANGED"); ///< <Protected>
    bool wrapper = true; ///< false: TelephoneNumberList directly under the root (error 5001)
};

std::string build_create_request(const CreateSpec& spec);

// <Note><UserId>..</UserId><Description>..</Description></Note>
std::string build_note_request(const std::string& user_id, const std::string& description);

} // namespace harness::contract_suite
