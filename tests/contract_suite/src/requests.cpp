// requests.cpp: see requests.hpp. The layout mirrors the documented example exactly.
#include "harness/contract_suite/requests.hpp"

#include "harness/contracts/xml_text.hpp"

namespace harness::contract_suite {

using contracts::xml_escape;

namespace {

// <tag>\n<indent+4>value\n<indent></tag>\n, the documented example's padding.
void padded(std::string& out, const std::string& indent, const std::string& tag,
            const std::string& value) {
    out += indent + "<" + tag + ">\n" + indent + "    " + xml_escape(value) + "\n" + indent + "</" +
           tag + ">\n";
}

} // namespace

std::string build_create_request(const CreateSpec& spec) {
    std::string out = "<?xml version=\"1.0\"?>\n<DisconnectTelephoneNumberOrder>\n";
    if (spec.name) {
        padded(out, "    ", "name", *spec.name);
    }
    if (spec.customer_order_id) {
        padded(out, "    ", "CustomerOrderId", *spec.customer_order_id);
    }
    std::string list = "<TelephoneNumberList>\n";
    const std::string inner = spec.wrapper ? "            " : "        ";
    for (const auto& n : spec.numbers) {
        padded(list, inner, "TelephoneNumber", n);
    }
    list += (spec.wrapper ? "        " : "    ") + std::string("</TelephoneNumberList>\n");
    if (spec.wrapper) {
        out += "    <DisconnectTelephoneNumberOrderType>\n        " + list;
        if (spec.disconnect_mode) {
            padded(out, "        ", "DisconnectMode", *spec.disconnect_mode);
        }
        if (spec.protected_value) {
            padded(out, "        ", "Protected", *spec.protected_value);
        }
        out += "    </DisconnectTelephoneNumberOrderType>\n";
    } else {
        out += "    " + list;
    }
    out += "</DisconnectTelephoneNumberOrder>\n";
    return out;
}

std::string build_note_request(const std::string& user_id, const std::string& description) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Note>\n    <UserId>" +
           xml_escape(user_id) + "</UserId>\n    <Description>" + xml_escape(description) +
           "</Description>\n</Note>\n";
}

} // namespace harness::contract_suite
