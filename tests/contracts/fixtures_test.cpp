// fixtures_test.cpp: the documented fixtures are the seed page's examples byte for byte, and both
// pass their contracts as the documentation artefacts they are.
#include "fixture_paths.hpp"
#include "harness/contracts/contracts.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace harness::testing {
namespace {

// The ```xml code blocks of the documentation page this project starts from, in page order.
std::vector<std::string> seed_xml_blocks() {
    const auto page = read_file(std::filesystem::path(HARNESS_SHARED_DIR) / "api" / "seed" /
                                "000_6f6d060adf0797ad.txt");
    std::vector<std::string> blocks;
    const std::string open = "```xml\n";
    for (auto at = page.find(open); at != std::string::npos; at = page.find(open, at)) {
        const auto begin = at + open.size();
        const auto end = page.find("```", begin);
        if (end == std::string::npos) {
            break;
        }
        blocks.push_back(page.substr(begin, end - begin));
        at = end + 3;
    }
    return blocks;
}

TEST(DocumentedFixtures, AreTheSeedPageExamplesByteForByte) {
    const auto blocks = seed_xml_blocks();
    ASSERT_EQ(blocks.size(), 2u);
    EXPECT_EQ(fixture("disconnects/create_request.xml"), blocks[0]);
    EXPECT_EQ(fixture("disconnects/create_response_201.xml"), blocks[1]);
}

TEST(DocumentedFixtures, KeepThePagePaddingAndDashTime) {
    const auto response = fixture("disconnects/create_response_201.xml");
    EXPECT_NE(response.find("<id>\n            ba05e04b-192a-47cb-b182-b1bf6cfef0d7\n"),
              std::string::npos);
    EXPECT_NE(response.find("2014-07-03T14-12-57.840Z"), std::string::npos);
}

TEST(DocumentedFixtures, V2BodiesDifferOnlyInTheNumberForm) {
    auto v2 = fixture("disconnects/v2/create_response_201.xml");
    for (auto at = v2.find("+1"); at != std::string::npos; at = v2.find("+1", at)) {
        v2.erase(at, 2);
    }
    EXPECT_EQ(v2, fixture("disconnects/create_response_201.xml"));
}

} // namespace
} // namespace harness::testing
