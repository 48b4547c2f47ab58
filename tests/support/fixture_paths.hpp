// fixture_paths.hpp: absolute paths to test data, baked in by CMake. Fails loudly when a file is
// missing instead of letting a test pass on an empty string.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace harness::testing {

inline std::filesystem::path fixtures_dir() {
    return HARNESS_FIXTURES_DIR;
}
inline std::filesystem::path payloads_dir() {
    return std::filesystem::path(HARNESS_SHARED_DIR) / "api" / "payloads";
}
inline std::filesystem::path bin_dir() {
    return HARNESS_BIN_DIR;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("test data missing: " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string fixture(const std::string& relative) {
    return read_file(fixtures_dir() / relative);
}
inline std::string payload(const std::string& name) {
    return read_file(payloads_dir() / name);
}

} // namespace harness::testing
