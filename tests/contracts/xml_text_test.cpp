// xml_text_test.cpp: escaping of element text shared by the mock and the contract suite.
#include "harness/contracts/xml_text.hpp"

#include <gtest/gtest.h>

namespace harness::contracts {
namespace {

TEST(XmlText, EscapesMarkupCharacters) {
    EXPECT_EQ(xml_escape("a<b>&c"), "a&lt;b&gt;&amp;c");
}

TEST(XmlText, KeepsQuotesAndWhitespaceReadable) {
    EXPECT_EQ(xml_escape("'x' \"y\"\t\r\n"), "'x' \"y\"\t\r\n");
}

TEST(XmlText, ReplacesControlCharactersXmlForbids) {
    EXPECT_EQ(xml_escape(std::string_view("a\0b\x1f", 4)), "a?b?");
}

TEST(XmlText, PassesUtf8Through) {
    EXPECT_EQ(xml_escape("caf\xc3\xa9"), "caf\xc3\xa9");
}

} // namespace
} // namespace harness::contracts
