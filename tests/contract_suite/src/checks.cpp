// checks.cpp: see checks.hpp. Bodies are parsed with pugixml; malformed input yields findings,
// never exceptions.
#include "harness/contract_suite/checks.hpp"

#include "harness/client/url.hpp"

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <set>

namespace harness::contract_suite {

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto pos = text.find(sep, start);
        parts.emplace_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) {
            return parts;
        }
        start = pos + 1;
    }
}

bool name_matches(const char* name, const std::string& alternatives) {
    for (const auto& alt : split(alternatives, '|')) {
        if (alt == name) {
            return true;
        }
    }
    return false;
}

bool parse(pugi::xml_document& doc, std::string_view body) {
    if (body.empty()) {
        return false;
    }
    // parse_default does not expand DTDs or external entities.
    return static_cast<bool>(doc.load_buffer(body.data(), body.size(), pugi::parse_default));
}

std::string joined(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i ? ", " : "") + quote(values[i], 60);
    }
    return out + "]";
}

std::string describe_body(std::string_view body) {
    if (body.empty()) {
        return "an empty body";
    }
    pugi::xml_document doc;
    if (!parse(doc, body) || !doc.document_element()) {
        return "a body that is not well-formed XML: " + quote(body, 400);
    }
    std::string children;
    for (auto child : doc.document_element().children()) {
        if (child.type() == pugi::node_element) {
            children += (children.empty() ? "" : ", ") + std::string(child.name());
        }
    }
    return "a body with root <" + std::string(doc.document_element().name()) +
           "> (children: " + (children.empty() ? std::string("none") : children) +
           "): " + quote(body, 400);
}

} // namespace

std::string quote(std::string_view value, std::size_t max) {
    std::string out = "\"";
    std::size_t count = 0;
    for (char c : value) {
        if (count++ >= max) {
            out += "...(" + std::to_string(value.size()) + " bytes)";
            break;
        }
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '"':
            out += "\\\"";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "?";
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string format_finding(std::string_view operation, const Finding& f) {
    return std::string(operation) + ": rule " + f.rule + " at " + f.path + ": expected " +
           f.expected + "; actual " + f.actual;
}

std::string format_findings(std::string_view operation, const Findings& findings) {
    std::string out;
    for (const auto& f : findings) {
        out += format_finding(operation, f) + "\n";
    }
    return out;
}

std::vector<std::string> xml_texts(std::string_view body, std::string_view path) {
    std::vector<std::string> out;
    pugi::xml_document doc;
    if (!parse(doc, body)) {
        return out;
    }
    auto steps = split(path, '/');
    if (!steps.empty() && steps.front().empty()) {
        steps.erase(steps.begin());
    }
    if (steps.empty()) {
        return out;
    }
    std::vector<pugi::xml_node> level;
    auto root = doc.document_element();
    if (!root || !name_matches(root.name(), steps.front())) {
        return out;
    }
    level.push_back(root);
    for (std::size_t i = 1; i < steps.size(); ++i) {
        std::vector<pugi::xml_node> next;
        for (auto node : level) {
            for (auto child : node.children()) {
                if (child.type() == pugi::node_element && name_matches(child.name(), steps[i])) {
                    next.push_back(child);
                }
            }
        }
        level.swap(next);
    }
    for (auto node : level) {
        out.push_back(trim(node.text().get()));
    }
    return out;
}

std::optional<std::string> xml_text(std::string_view body, std::string_view path) {
    auto all = xml_texts(body, path);
    if (all.empty()) {
        return std::nullopt;
    }
    return all.front();
}

std::optional<std::string> xml_root(std::string_view body) {
    pugi::xml_document doc;
    if (!parse(doc, body) || !doc.document_element()) {
        return std::nullopt;
    }
    return std::string(doc.document_element().name());
}

Findings check_status(int actual, int expected, std::string_view rule) {
    if (actual == expected) {
        return {};
    }
    std::string got = "HTTP " + std::to_string(actual);
    if (actual == 401 || actual == 403) {
        got += " (credentials rejected: check CONTRACT_USERNAME/CONTRACT_PASSWORD or "
               "CONTRACT_TOKEN, and CONTRACT_ACCOUNT_ID)";
    }
    return {{std::string(rule), "http:status", "HTTP " + std::to_string(expected), got}};
}

bool is_xml_content_type(std::string_view content_type) {
    std::string media = trim(content_type.substr(0, content_type.find(';')));
    std::transform(media.begin(), media.end(), media.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return media == "application/xml" || media == "text/xml" ||
           (media.size() > 4 && media.compare(media.size() - 4, 4, "+xml") == 0 &&
            media.find('/') != std::string::npos);
}

Findings check_xml_content_type(const std::optional<std::string>& content_type) {
    if (!content_type) {
        return {{"response.content_type_xml", "http:header:Content-Type",
                 "an XML media type (application/xml; charset=utf-8)", "no Content-Type header"}};
    }
    if (!is_xml_content_type(*content_type)) {
        return {{"response.content_type_xml", "http:header:Content-Type",
                 "an XML media type (application/xml; charset=utf-8)", quote(*content_type)}};
    }
    return {};
}

namespace {

// Shared shape test: absolute URL (or, when allowed, a path) ending in `tail_steps`, the last
// being the id. Returns the id.
LocationResult check_location_tail(const std::optional<std::string>& location,
                                   const std::vector<std::string>& expected_steps,
                                   bool require_absolute, const std::string& rule_prefix,
                                   const std::string& shape) {
    LocationResult r;
    if (!location || trim(*location).empty()) {
        r.findings.push_back({rule_prefix + ".present", "http:header:Location",
                              "a Location header " + shape, "no Location header"});
        return r;
    }
    const std::string value = trim(*location);
    std::string path;
    if (auto parsed = client::parse_url(value)) {
        path = parsed->path;
    } else if (!require_absolute && !value.empty() && value.front() == '/') {
        path = value.substr(0, value.find_first_of("?#"));
    } else {
        r.findings.push_back({rule_prefix + ".absolute", "http:header:Location",
                              "an absolute http(s) URL " + shape,
                              quote(client::redact_url(value))});
        return r;
    }
    auto segments = split(path, '/');
    segments.erase(std::remove(segments.begin(), segments.end(), std::string()), segments.end());
    bool ok = segments.size() >= expected_steps.size() + 1;
    if (ok) {
        const std::size_t offset = segments.size() - expected_steps.size() - 1;
        for (std::size_t i = 0; i < expected_steps.size(); ++i) {
            ok = ok && segments[offset + i] == expected_steps[i];
        }
        ok = ok && !segments.back().empty();
    }
    if (!ok) {
        r.findings.push_back({rule_prefix + ".path", "http:header:Location", "a URL " + shape,
                              quote(client::redact_url(value))});
        return r;
    }
    r.id = segments.back();
    return r;
}

} // namespace

LocationResult check_order_location(const std::optional<std::string>& location,
                                    std::string_view account_id) {
    const std::string acct(account_id);
    return check_location_tail(location, {"accounts", acct, "disconnects"}, true, "create.location",
                               "ending in /accounts/" + acct + "/disconnects/{orderId}");
}

LocationResult check_note_location(const std::optional<std::string>& location,
                                   std::string_view account_id, std::string_view order_id) {
    const std::string acct(account_id);
    const std::string order(order_id);
    return check_location_tail(
        location, {"accounts", acct, "disconnects", order, "notes"}, false, "note.location",
        "ending in /accounts/" + acct + "/disconnects/" + order + "/notes/{noteId}");
}

Findings check_location_matches_body(const std::optional<std::string>& location_id,
                                     std::string_view body) {
    const auto body_id = xml_text(body, body_id_path);
    if (!body_id || body_id->empty()) {
        return {{"create.location.id_matches_body", body_id_path,
                 "an order id in the body to compare with the Location id" +
                     (location_id ? " " + quote(*location_id) : std::string()),
                 body_id ? "an empty <id>" : "no such element in " + describe_body(body)}};
    }
    if (!location_id) {
        return {{"create.location.id_matches_body", "http:header:Location",
                 "a Location ending in /disconnects/" + *body_id + " (the body id)",
                 "no usable Location header"}};
    }
    if (*location_id != *body_id) {
        return {{"create.location.id_matches_body", "http:header:Location",
                 "the Location id to equal " + std::string(body_id_path) + " " + quote(*body_id),
                 "Location id " + quote(*location_id)}};
    }
    return {};
}

Findings check_numbers_echo(const std::vector<std::string>& sent, std::string_view body) {
    const auto echoed = xml_texts(body, echoed_numbers_path);
    if (echoed.empty()) {
        return {{"create.echo.telephone_numbers", echoed_numbers_path,
                 "the sent numbers " + joined(sent),
                 "no echoed numbers in " + describe_body(body)}};
    }
    const std::set<std::string> want(sent.begin(), sent.end());
    const std::set<std::string> got(echoed.begin(), echoed.end());
    std::vector<std::string> missing;
    std::vector<std::string> extra;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    if (missing.empty() && extra.empty()) {
        return {};
    }
    std::string actual = "echoed " + joined(echoed);
    if (!missing.empty()) {
        actual += "; missing " + joined(missing);
    }
    if (!extra.empty()) {
        actual += "; not sent " + joined(extra);
    }
    return {{"create.echo.telephone_numbers", echoed_numbers_path,
             "the sent numbers as a set " + joined(sent), actual}};
}

Findings check_value_echo(std::string_view rule, std::string_view path, std::string_view sent,
                          std::string_view body, bool ignore_case) {
    const auto echoed = xml_text(body, path);
    const std::string want = trim(sent);
    if (!echoed) {
        return {{std::string(rule), std::string(path), "the sent value " + quote(want),
                 "no such element in " + describe_body(body)}};
    }
    const bool same = ignore_case ? upper(*echoed) == upper(want) : *echoed == want;
    if (!same) {
        return {{std::string(rule), std::string(path), "the sent value " + quote(want),
                 quote(*echoed)}};
    }
    return {};
}

Findings check_documented_order_status(std::string_view body) {
    static const std::set<std::string> documented = {"RECEIVED", "PROCESSING", "COMPLETE",
                                                     "PARTIAL", "FAILED"};
    const auto status = xml_text(body, order_status_path);
    const std::string expected = "one of RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED";
    if (!status) {
        return {{"status.order_status_documented", order_status_path, expected,
                 "no such element in " + describe_body(body)}};
    }
    if (documented.count(*status) == 0) {
        return {{"status.order_status_documented", order_status_path, expected, quote(*status)}};
    }
    return {};
}

Findings check_order_error(int status, std::string_view body, int expected_code) {
    Findings out = check_status(status, 400, "error.status_400");
    const std::string code = std::to_string(expected_code);
    const auto root = xml_root(body);
    if (!root || *root != "DisconnectTelephoneNumberOrderResponse") {
        out.push_back(
            {"error.error_list", error_list_path,
             "a <DisconnectTelephoneNumberOrderResponse> with ErrorList/Error/Code " + code,
             describe_body(body)});
        return out;
    }
    const auto errors = xml_texts(body, std::string(error_list_path) + "/Error");
    if (errors.empty()) {
        out.push_back({"error.error_list", std::string(error_list_path) + "/Error",
                       "an ErrorList with Error/Code " + code,
                       "no ErrorList/Error element in " + describe_body(body)});
        return out;
    }
    const auto codes = xml_texts(body, std::string(error_list_path) + "/Error/Code");
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
        out.push_back({"error.code", std::string(error_list_path) + "/Error/Code",
                       "Bandwidth error code " + code,
                       codes.empty() ? std::string("no Code element") : "codes " + joined(codes)});
    }
    return out;
}

} // namespace harness::contract_suite
