// fixture_store_test.cpp: the canned bodies are loaded once and checked against their contracts;
// every broken fixture directory is a start-up error naming the file.
#include "harness/contracts/contracts.hpp"
#include "harness/mock/fixture_store.hpp"
#include "mock_server_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace harness::testing {
namespace {

namespace fs = std::filesystem;
using mock::FixtureError;
using mock::FixtureStore;

class MockFixtureStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("mock-store-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy(fixtures_dir() / "disconnects", dir_ / "disconnects", fs::copy_options::recursive);
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / "disconnects" / name, std::ios::binary | std::ios::trunc) << bytes;
    }
    std::string load_error() {
        try {
            FixtureStore::load(dir_, contracts::Registry::builtin());
        } catch (const FixtureError& e) {
            return e.what();
        }
        return "";
    }

    fs::path dir_;
};

TEST_F(MockFixtureStoreTest, ProjectFixturesLoadWithTheirBytes) {
    const auto store = FixtureStore::load(fixtures_dir(), contracts::Registry::builtin());
    EXPECT_EQ(store.create_response(), fixture("disconnects/create_response_201.xml"));
    EXPECT_EQ(store.order_status(), fixture("disconnects/get_response_200.xml"));
    EXPECT_EQ(store.order_list(), fixture("disconnects/list_response_200.xml"));
    EXPECT_EQ(store.notes_list(), fixture("disconnects/notes_list_response_200.xml"));
    EXPECT_EQ(store.order_id(), canned_order_id); // trimmed from the padded <id>
    EXPECT_EQ(store.create_response(contracts::NumberFormat::e164),
              fixture("disconnects/v2/create_response_201.xml"));
    EXPECT_EQ(store.order_status(contracts::NumberFormat::e164),
              fixture("disconnects/v2/get_response_200.xml"));
}

TEST_F(MockFixtureStoreTest, V2BodiesMustCarryE164Numbers) {
    write("v2/get_response_200.xml", fixture("disconnects/get_response_200.xml"));
    const auto error = load_error();
    EXPECT_NE(error.find("v2/get_response_200.xml"), std::string::npos) << error;
    EXPECT_NE(error.find("value_pattern"), std::string::npos) << error;
    EXPECT_NE(error.find("/DisconnectTelephoneNumberOrderResponse/DisconnectedTelephoneNumberList/"
                         "TelephoneNumber[1]"),
              std::string::npos)
        << error;
}

TEST_F(MockFixtureStoreTest, UnversionedBodiesMustCarryTenDigitNumbers) {
    write("create_response_201.xml", fixture("disconnects/v2/create_response_201.xml"));
    const auto error = load_error();
    EXPECT_NE(error.find("create_response_201.xml"), std::string::npos) << error;
    EXPECT_NE(error.find("value_pattern"), std::string::npos) << error;
}

TEST_F(MockFixtureStoreTest, V2OrderIdMustMatchCreate) {
    auto body = fixture("disconnects/v2/create_response_201.xml");
    body.replace(body.find(canned_order_id), std::string(canned_order_id).size(), "v2-other-id");
    write("v2/create_response_201.xml", body);
    EXPECT_NE(load_error().find("v2-other-id"), std::string::npos);
}

TEST_F(MockFixtureStoreTest, MissingDirectoryIsAnError) {
    EXPECT_THROW(FixtureStore::load(dir_ / "nope", contracts::Registry::builtin()), FixtureError);
}

TEST_F(MockFixtureStoreTest, MissingFileNamesTheFile) {
    fs::remove(dir_ / "disconnects" / "notes_list_response_200.xml");
    EXPECT_NE(load_error().find("notes_list_response_200.xml"), std::string::npos);
}

TEST_F(MockFixtureStoreTest, ContractViolationNamesContractAndPath) {
    write("list_response_200.xml", "<ResponseSelectWrapper><Nope/></ResponseSelectWrapper>");
    const auto error = load_error();
    EXPECT_NE(error.find("order_list"), std::string::npos) << error;
    EXPECT_NE(error.find("/ResponseSelectWrapper"), std::string::npos) << error;
}

TEST_F(MockFixtureStoreTest, MalformedFixtureIsAnError) {
    write("notes_list_response_200.xml", "<Notes><Note>");
    EXPECT_NE(load_error().find("notes_list"), std::string::npos);
}

TEST_F(MockFixtureStoreTest, StatusOrderIdMustMatchCreate) {
    auto status = fixture("disconnects/get_response_200.xml");
    const auto at = status.find(canned_order_id);
    ASSERT_NE(at, std::string::npos);
    status.replace(at, std::string(canned_order_id).size(), "another-id");
    write("get_response_200.xml", status);
    EXPECT_NE(load_error().find("another-id"), std::string::npos);
}

} // namespace
} // namespace harness::testing
