# All dependencies come from Debian 12 packages (scripts/deps.sh installs them); nothing is
# downloaded at build time.
find_package(Threads REQUIRED)
find_package(pugixml REQUIRED)          # libpugixml-dev      -> pugixml::pugixml
find_package(nlohmann_json 3.11 REQUIRED) # nlohmann-json3-dev -> nlohmann_json::nlohmann_json
find_package(CURL REQUIRED)             # libcurl4-openssl-dev -> CURL::libcurl
find_package(CLI11 REQUIRED)            # libcli11-dev        -> CLI11::CLI11
find_package(GTest REQUIRED)            # libgtest-dev, libgmock-dev -> GTest::gtest, GTest::gmock
find_package(PkgConfig REQUIRED)
pkg_check_modules(PISTACHE REQUIRED IMPORTED_TARGET libpistache) # libpistache-dev -> PkgConfig::PISTACHE
