// fixture_store.cpp: loads the canned bodies and checks each against its contract.
#include "harness/mock/fixture_store.hpp"

#include "harness/contracts/contracts.hpp"

#include <fstream>
#include <pugixml.hpp>
#include <sstream>

namespace harness::mock {
namespace {

std::string read_fixture(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw FixtureError("fixture missing: " + path.string());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw FixtureError("fixture unreadable: " + path.string());
    }
    const auto size = std::filesystem::file_size(path, ec);
    std::string bytes(ec ? 0 : size, '\0');
    if (ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        throw FixtureError("fixture unreadable: " + path.string());
    }
    return bytes;
}

void check_contract(const contracts::Registry& registry, std::string_view message,
                    contracts::NumberFormat numbers, const std::filesystem::path& path,
                    const std::string& body) {
    const auto* contract = registry.message(message);
    if (contract == nullptr) {
        throw FixtureError("no contract named '" + std::string(message) + "' for " + path.string());
    }
    contracts::ValidationOptions options;
    options.numbers = numbers;
    const auto violations = contracts::validate_body(registry, *contract, body, options);
    if (contracts::is_valid(violations)) {
        return;
    }
    std::ostringstream out;
    out << "fixture " << path.string() << " does not satisfy contract '" << message << "':";
    for (const auto& v : violations) {
        if (v.severity == contracts::Severity::error) {
            out << "\n  " << contracts::to_string(v.code) << " at " << v.path << ": " << v.message;
        }
    }
    throw FixtureError(out.str());
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// orderRequest/id of a DisconnectTelephoneNumberOrderResponse, trimmed; "" when absent.
std::string order_id_of(const std::string& body) {
    pugi::xml_document doc;
    if (!doc.load_buffer(body.data(), body.size())) {
        return {};
    }
    const auto id = doc.document_element().child("orderRequest").child("id");
    return trim(id.text().get());
}

} // namespace

FixtureStore FixtureStore::load(const std::filesystem::path& fixtures_dir,
                                const contracts::Registry& registry) {
    std::error_code ec;
    if (!std::filesystem::is_directory(fixtures_dir, ec)) {
        throw FixtureError("fixtures directory not found: " + fixtures_dir.string());
    }
    const auto dir = fixtures_dir / "disconnects";
    FixtureStore store;
    using contracts::NumberFormat;
    const auto load_one = [&](const char* file, std::string_view contract, NumberFormat numbers,
                              std::string& target) {
        const auto path = dir / file;
        target = read_fixture(path);
        check_contract(registry, contract, numbers, path, target);
    };
    load_one("create_response_201.xml", "create_response", NumberFormat::nanp10,
             store.create_response_);
    load_one("get_response_200.xml", "order_status", NumberFormat::nanp10, store.order_status_);
    load_one("list_response_200.xml", "order_list", NumberFormat::nanp10, store.order_list_);
    load_one("notes_list_response_200.xml", "notes_list", NumberFormat::nanp10, store.notes_list_);
    load_one("v2/create_response_201.xml", "create_response", NumberFormat::e164,
             store.create_response_e164_);
    load_one("v2/get_response_200.xml", "order_status", NumberFormat::e164,
             store.order_status_e164_);

    store.order_id_ = order_id_of(store.create_response_);
    if (store.order_id_.empty()) {
        throw FixtureError("fixture " + (dir / "create_response_201.xml").string() +
                           " has no orderRequest/id (the order id of the Location header)");
    }
    if (store.order_id_.find_first_of("/?# \t\r\n") != std::string::npos) {
        throw FixtureError("fixture " + (dir / "create_response_201.xml").string() +
                           ": orderRequest/id '" + store.order_id_ + "' cannot be a path segment");
    }
    const std::pair<const char*, const std::string*> same_order[] = {
        {"get_response_200.xml", &store.order_status_},
        {"v2/create_response_201.xml", &store.create_response_e164_},
        {"v2/get_response_200.xml", &store.order_status_e164_}};
    for (const auto& [file, body] : same_order) {
        const auto id = order_id_of(*body);
        if (id != store.order_id_) {
            throw FixtureError("fixture " + (dir / file).string() + ": orderRequest/id '" + id +
                               "' differs from the create response's '" + store.order_id_ + "'");
        }
    }
    return store;
}

} // namespace harness::mock
