// builtin_definitions.hpp: the JSON definitions embedded at build time (generated .cpp).
#pragma once

#include <cstddef>

namespace harness::contracts::detail {

struct BuiltinDefinition {
    const char* file_name; ///< e.g. "create_request.json"
    const char* text;      ///< the file's bytes
};

extern const BuiltinDefinition builtin_definitions[];
extern const std::size_t builtin_definition_count;

} // namespace harness::contracts::detail
