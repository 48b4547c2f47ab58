// curl_global.hpp: process-wide libcurl initialisation, done once before the first handle.
#pragma once

namespace harness::client::detail {

// Calls curl_global_init exactly once (thread-safe); returns false when it failed.
bool ensure_curl_global();

} // namespace harness::client::detail
