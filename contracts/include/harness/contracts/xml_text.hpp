// xml_text.hpp: writing XML text content, shared by everything that builds XML bodies (the mock's
// error bodies, the contract suite's requests).
#pragma once

#include <string>
#include <string_view>

namespace harness::contracts {

// Escapes &, < and > for element text (quotes stay readable); control characters that XML 1.0
// does not allow in text become '?'.
std::string xml_escape(std::string_view text);

} // namespace harness::contracts
