// registry_test.cpp: the built-in definitions, loading from a directory (errors carry the JSON
// pointer), lookups and request-line matching.
#include "violation_matchers.hpp"

#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hc = harness::contracts;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(Registry, BuiltinHoldsEveryMessageAndOperation) {
    const auto& reg = hc::Registry::builtin();
    EXPECT_THAT(reg.message_names(),
                UnorderedElementsAre("create_request", "create_response", "order_status",
                                     "order_error", "order_list", "order_list_not_found",
                                     "notes_list", "note_request", "note_error"));
    EXPECT_THAT(reg.operation_names(), ElementsAre("create_order", "list_orders", "get_order",
                                                   "list_notes", "create_note", "update_note"));
    EXPECT_EQ(&hc::Registry::builtin(), &reg);
    EXPECT_EQ(reg.message("nope"), nullptr);
    EXPECT_EQ(reg.root_element(*reg.message("create_request")), "DisconnectTelephoneNumberOrder");
}

TEST(Registry, OperationInfoCarriesTheHttpRules) {
    const auto& reg = hc::Registry::builtin();
    const auto info = reg.info(*reg.operation("create_order"));
    EXPECT_EQ(info.method, "POST");
    EXPECT_EQ(info.path_template, "/accounts/{accountId}/disconnects");
    EXPECT_EQ(info.request_message, "create_request");
    EXPECT_EQ(info.success_status, 201);
    ASSERT_EQ(info.responses.size(), 3u);
    EXPECT_EQ(info.responses[0].status, 201);
    EXPECT_EQ(info.responses[0].message, "create_response");
    EXPECT_THAT(info.responses[0].required_headers, Contains("Location"));
    EXPECT_EQ(info.responses[2].status, 429);
    EXPECT_THAT(info.responses[2].required_headers, ElementsAre("X-RateLimit-Reset"));
    const auto note = reg.info(*reg.operation("create_note"));
    EXPECT_EQ(note.success_status, 201);
    EXPECT_THAT(note.responses[0].required_headers, ElementsAre("Location"));
    EXPECT_EQ(note.responses[0].message, "");
    const auto notes = reg.info(*reg.operation("list_notes"));
    EXPECT_EQ(notes.responses[1].status, 204);
}

TEST(Registry, MessagesSharingARoot) {
    const auto& reg = hc::Registry::builtin();
    std::vector<std::string_view> names;
    for (const auto* m : reg.messages_with_root("DisconnectTelephoneNumberOrderResponse")) {
        names.push_back(reg.message_name(*m));
    }
    // In dispatch order: the most specific first.
    EXPECT_THAT(names, ElementsAre("order_error", "order_status", "create_response"));
    EXPECT_TRUE(reg.messages_with_root("Nothing").empty());
}

TEST(Registry, MatchesEveryPrefixAndExtractsParameters) {
    const auto& reg = hc::Registry::builtin();
    for (const char* prefix : {"", "/api", "/api/v1", "/api/v2", "/v1.0", "/api/v1.0"}) {
        bool allowed = false;
        const auto m =
            reg.match("GET", std::string(prefix) + "/accounts/99/disconnects/abc/notes", &allowed);
        ASSERT_TRUE(m) << prefix;
        EXPECT_TRUE(allowed);
        EXPECT_EQ(m->operation, reg.operation("list_notes"));
        EXPECT_EQ(m->prefix, prefix);
        EXPECT_THAT(m->params,
                    ElementsAre(std::pair<std::string, std::string>{"accountId", "99"},
                                std::pair<std::string, std::string>{"disconnectId", "abc"}));
    }
}

TEST(Registry, MatchDistinguishesMethodFromPath) {
    const auto& reg = hc::Registry::builtin();
    bool allowed = true;
    const auto m = reg.match("PUT", "/api/accounts/1/disconnects", &allowed);
    ASSERT_TRUE(m);
    EXPECT_FALSE(allowed);
    EXPECT_TRUE(reg.match("POST", "/api/accounts/1/disconnects", &allowed));
    EXPECT_TRUE(allowed);
    EXPECT_EQ(reg.match("POST", "/api/accounts/1/disconnects", nullptr)->operation,
              reg.operation("create_order"));
    EXPECT_EQ(reg.match("GET", "/api/accounts/1/disconnects/2?tndetail=true", nullptr)->operation,
              reg.operation("get_order"));
    EXPECT_FALSE(reg.match("GET", "/api/accounts/1/disconnects/2/history"));
    EXPECT_FALSE(reg.match("GET", "/api/v3/accounts/1/disconnects"));
    EXPECT_FALSE(reg.match("GET", "/accounts//disconnects"));
    EXPECT_FALSE(reg.match("GET", ""));
}

TEST(Registry, LoadsTheSourceDefinitionsDirectory) {
    const auto reg = hc::Registry::load_directory(HARNESS_CONTRACT_DEFINITIONS_DIR);
    EXPECT_EQ(reg.message_names().size(), hc::Registry::builtin().message_names().size());
    EXPECT_EQ(reg.operation_names(), hc::Registry::builtin().operation_names());
}

namespace {

std::filesystem::path write_definition(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("contracts_registry_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / (name + ".json")) << text;
    return dir;
}

std::string load_error(const std::string& name, const std::string& text) {
    const auto dir = write_definition(name, text);
    try {
        hc::Registry::load_directory(dir);
    } catch (const hc::ContractError& e) {
        std::filesystem::remove_all(dir);
        return e.json_pointer();
    }
    std::filesystem::remove_all(dir);
    return "no error";
}

} // namespace

TEST(Registry, BadDefinitionsNameTheField) {
    EXPECT_EQ(load_error("bad_min", R"({"message": "m", "root": {"name": "R", "min": "x",
                                        "text": {"type": "string"}}})"),
              "bad_min.json#/root/min");
    EXPECT_EQ(load_error("bad_type", R"({"message": "m", "root": {"name": "R", "children": [
                                         {"name": "C", "text": {"type": "regex"}}]}})"),
              "bad_type.json#/root/children/0/text/type");
    EXPECT_EQ(load_error("bad_code", R"({"message": "m", "root": {"name": "R",
                                         "text": {"type": "string"},
                                         "bandwidth_codes": {"value_wrong": 1}}})"),
              "bad_code.json#/root/bandwidth_codes/value_wrong");
    EXPECT_EQ(load_error("no_root", R"({"message": "m"})"), "no_root.json#/root");
    EXPECT_EQ(load_error("not_json", "{"), "not_json.json#");
    EXPECT_EQ(load_error("bad_ref", R"({"operations": [{"name": "o", "method": "GET",
                                        "path": "/x", "request": "missing",
                                        "success_status": 200, "responses": []}]})"),
              "bad_ref.json#/operations/0/request");
    EXPECT_THROW(hc::Registry::load_directory("/nonexistent/definitions"), hc::ContractError);
}
