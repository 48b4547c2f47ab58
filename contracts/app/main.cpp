// contract_validate: validates XML bodies and raw HTTP messages against the disconnect-family
// contracts. Thin: flags, file reading and exit codes; the logic is in harness::contracts.
#include "harness/contracts/contracts.hpp"
#include "harness/contracts/report.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

namespace hc = harness::contracts;

namespace {

bool read_input(const std::string& name, std::string& content) {
    std::ostringstream buffer;
    if (name == "-") {
        buffer << std::cin.rdbuf();
    } else {
        std::ifstream in(name, std::ios::binary);
        if (!in) {
            return false;
        }
        if (in.peek() != std::ifstream::traits_type::eof()) {
            buffer << in.rdbuf();
        }
        if (in.bad()) {
            return false;
        }
    }
    content = std::move(buffer).str();
    return true;
}

void print_list(const hc::Registry& reg) {
    std::cout << "messages (--as NAME):\n";
    for (const auto& name : reg.message_names()) {
        std::cout << "  " << name << "  <" << reg.root_element(*reg.message(name)) << ">\n";
    }
    std::cout << "operations:\n";
    for (const auto& name : reg.operation_names()) {
        const auto info = reg.info(*reg.operation(name));
        std::cout << "  " << info.name << "  " << info.method << " " << info.path_template
                  << "  request: " << (info.request_message.empty() ? "-" : info.request_message)
                  << "\n";
        for (const auto& r : info.responses) {
            std::cout << "    " << r.status << " " << (r.message.empty() ? "-" : r.message);
            for (std::size_t i = 0; i < r.required_headers.size(); ++i) {
                std::cout << (i ? ", " : "  headers: ") << r.required_headers[i];
            }
            std::cout << "\n";
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Validates Bandwidth disconnect-order XML bodies and raw HTTP messages (.http) "
                 "against the contracts.\nExit: 0 valid, 1 violations, 2 usage or I/O error."};
    app.set_version_flag("--version", std::string("contract_validate ") + HARNESS_VERSION);
    std::string as_message;
    bool strict = false;
    bool json = false;
    bool list = false;
    std::string numbers = "any";
    std::size_t max_numbers = 0;
    std::vector<std::string> files;
    app.add_option("--as", as_message, "Validate every body as this message (see --list)");
    app.add_flag("--strict", strict, "Warnings count as violations too");
    app.add_flag("--json", json, "Print the violations as one JSON array");
    app.add_flag("--list", list, "List the messages and operations, then exit");
    app.add_option("--numbers", numbers,
                   "Telephone-number form: v1 (10 digits), v2 (E.164), any (default: from the "
                   "request path, else either)")
        ->check(CLI::IsMember({"v1", "v2", "any"}));
    app.add_option("--max-numbers", max_numbers,
                   "Maximum telephone numbers per order (0: unlimited; over it: 5095)");
    app.add_option("files", files, "XML or .http files ('-' reads stdin)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    const hc::Registry& reg = hc::Registry::builtin();
    if (list) {
        print_list(reg);
        return 0;
    }
    if (files.empty()) {
        std::cerr << "contract_validate: no FILE given (see --help)\n";
        return 2;
    }
    if (!as_message.empty() && !reg.message(as_message)) {
        std::cerr << "contract_validate: unknown message '" << as_message << "' (see --list)\n";
        return 2;
    }
    hc::ValidationOptions options;
    options.numbers = numbers == "v1"   ? hc::NumberFormat::nanp10
                      : numbers == "v2" ? hc::NumberFormat::e164
                                        : hc::NumberFormat::any;
    options.max_telephone_numbers = max_numbers;

    int exit_code = 0;
    std::vector<hc::FileReport> reports;
    for (const auto& file : files) {
        std::string content;
        if (!read_input(file, content)) {
            std::cerr << "contract_validate: cannot read " << file << "\n";
            exit_code = 2;
            continue;
        }
        hc::FileReport report;
        report.file = file;
        if (hc::is_http_message(file, content)) {
            report.violations =
                hc::validate_http(reg, content, options, as_message, &report.contract);
        } else if (!as_message.empty()) {
            report.contract = as_message;
            report.violations = hc::validate_body(reg, *reg.message(as_message), content, options);
        } else {
            report.violations = hc::validate_body_auto(reg, content, options, &report.contract);
        }
        const bool valid = hc::is_valid(report.violations, strict);
        if (!valid && exit_code == 0) {
            exit_code = 1;
        }
        if (!json) {
            std::cout << hc::to_text(report.violations, file);
            const std::string what = report.contract.empty() ? "" : " (" + report.contract + ")";
            std::cout << file << ": " << (valid ? "valid" : "invalid") << what << "\n";
        }
        reports.push_back(std::move(report));
    }
    if (json) {
        std::cout << hc::to_json(reports) << "\n";
    }
    return exit_code;
}
