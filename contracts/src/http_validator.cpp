// http_validator.cpp: validates a raw HTTP message (request or response) against the operation
// contracts: start line, method, path, status, required headers, then the body.
#include "text_rules.hpp"
#include "xml_body.hpp"

#include <algorithm>

namespace harness::contracts {
namespace {

using detail::iequals;
using detail::trim;

struct HttpMessage {
    bool has_start_line = false;
    bool is_request = false;
    std::string_view method;
    std::string_view target;
    int status = 0;
    std::vector<std::pair<std::string_view, std::string_view>> headers;
    std::string_view body;

    std::optional<std::string_view> header(std::string_view name) const {
        for (const auto& [k, v] : headers) {
            if (iequals(k, name)) {
                return v;
            }
        }
        return std::nullopt;
    }
};

void add(Violations& out, ViolationCode code, Severity severity, std::string path,
         std::string expected, std::string actual, std::string message) {
    out.push_back(Violation{code, severity, std::move(path), std::move(expected), std::move(actual),
                            std::move(message), 0});
}

// Next line of `rest` without its LF or CRLF; false at the end.
bool next_line(std::string_view& rest, std::string_view& line) {
    if (rest.empty()) {
        return false;
    }
    const auto lf = rest.find('\n');
    line = rest.substr(0, lf);
    rest = lf == std::string_view::npos ? std::string_view{} : rest.substr(lf + 1);
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return true;
}

bool all_digits(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// Parses the start line and headers. Returns false (with http_malformed) when it cannot.
bool parse_http(std::string_view raw, HttpMessage& msg, Violations& out) {
    std::string_view rest = raw;
    // Leading blank lines are tolerated.
    std::string_view line;
    std::string_view before = rest;
    while (next_line(rest, line) && trim(line).empty()) {
        before = rest;
    }
    if (trim(line).empty()) {
        add(out, ViolationCode::http_malformed, Severity::error, "http:start-line",
            "a request line or a status line", "", "the HTTP message is empty");
        return false;
    }
    if (trim(line).front() == '<') {
        // No start line: a bare body saved as .http (one documented guide block is like this).
        msg.body = before;
        return true;
    }
    msg.has_start_line = true;
    if (line.substr(0, 5) == "HTTP/") {
        const auto sp = line.find(' ');
        std::string_view code = sp == std::string_view::npos ? "" : trim(line.substr(sp + 1));
        code = code.substr(0, code.find(' '));
        if (code.size() != 3 || !all_digits(code)) {
            add(out, ViolationCode::http_malformed, Severity::error, "http:start-line",
                "HTTP/1.1 <3-digit status> [reason]", std::string(line),
                "the status line has no valid status code");
            return false;
        }
        msg.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    } else {
        const auto sp1 = line.find(' ');
        if (sp1 == std::string_view::npos || sp1 == 0) {
            add(out, ViolationCode::http_malformed, Severity::error, "http:start-line",
                "METHOD target HTTP/1.1", detail::excerpt(line),
                "the request line has no method and target");
            return false;
        }
        msg.is_request = true;
        msg.method = line.substr(0, sp1);
        std::string_view target = trim(line.substr(sp1 + 1));
        const auto sp2 = target.find(' ');
        if (sp2 != std::string_view::npos) {
            const std::string_view version = trim(target.substr(sp2 + 1));
            target = target.substr(0, sp2);
            if (version.substr(0, 5) != "HTTP/") {
                add(out, ViolationCode::http_malformed, Severity::error, "http:start-line",
                    "METHOD target HTTP/1.1", detail::excerpt(line),
                    "the request line ends with something other than the HTTP version");
                return false;
            }
        }
        for (char c : msg.method) {
            if (!(c >= 'A' && c <= 'Z')) {
                add(out, ViolationCode::http_malformed, Severity::error, "http:start-line",
                    "an upper-case method", std::string(msg.method),
                    "the request line has no valid method");
                return false;
            }
        }
        msg.target = target;
    }
    while (true) {
        if (!next_line(rest, line) || line.empty()) {
            break;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            add(out, ViolationCode::http_malformed, Severity::error, "http:headers", "Name: value",
                detail::excerpt(line), "a header line has no name");
            return false;
        }
        msg.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }
    msg.body = rest;
    return true;
}

// Path part of a request target: scheme and authority, query and fragment removed.
std::string_view request_path(std::string_view target) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (target.size() > scheme.size() && iequals(target.substr(0, scheme.size()), scheme)) {
            target.remove_prefix(scheme.size());
            const auto slash = target.find('/');
            target = slash == std::string_view::npos ? "/" : target.substr(slash);
            break;
        }
    }
    return target.substr(0, target.find_first_of("?#"));
}

bool is_xml_content_type(std::string_view value) {
    const std::string_view type = trim(value.substr(0, value.find(';')));
    return iequals(type, "application/xml") || iequals(type, "text/xml") ||
           (type.size() > 4 && iequals(type.substr(type.size() - 4), "+xml"));
}

bool is_absolute_url(std::string_view v) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (v.size() > scheme.size() + 1 && iequals(v.substr(0, scheme.size()), scheme)) {
            return v[scheme.size()] != '/';
        }
    }
    return false;
}

void check_header(const HttpMessage& msg, const std::string& name, bool has_body, Violations& out) {
    const std::string path = "http:header:" + name;
    const auto value = msg.header(name);
    if (!value) {
        if (iequals(name, "Content-Type") && !has_body) {
            return; // required only with a body
        }
        add(out, ViolationCode::http_header_missing, Severity::error, path, name + " header", "",
            "the required " + name + " header is missing");
        return;
    }
    if (iequals(name, "Location") && !is_absolute_url(*value)) {
        add(out, ViolationCode::http_header_invalid, Severity::error, path,
            "an absolute URL (https://host/...)", std::string(*value),
            "Location is not an absolute URL");
    } else if (iequals(name, "X-RateLimit-Reset") && !all_digits(*value)) {
        add(out, ViolationCode::http_header_invalid, Severity::error, path, "epoch seconds",
            std::string(*value), "X-RateLimit-Reset is not a number of seconds");
    }
}

void check_content_type(const HttpMessage& msg, Violations& out) {
    if (const auto ct = msg.header("Content-Type"); ct && !is_xml_content_type(*ct)) {
        add(out, ViolationCode::http_header_invalid, Severity::error, "http:header:Content-Type",
            "application/xml (optionally ; charset=utf-8)", std::string(*ct),
            "the Content-Type of an XML body is not XML");
    }
}

void append(Violations& out, Violations&& more) {
    for (auto& v : more) {
        out.push_back(std::move(v));
    }
}

Violations validate_request(const Registry& registry, const HttpMessage& msg,
                            ValidationOptions options, std::string_view as_message,
                            std::string* chosen) {
    Violations out;
    const std::string_view path = request_path(msg.target);
    bool allowed = false;
    const auto matched = registry.match(msg.method, path, &allowed);
    const bool has_body = !trim(msg.body).empty();
    if (!matched) {
        add(out, ViolationCode::http_operation_unknown, Severity::error, "http:request-line",
            "an operation of the disconnect family (see --list)",
            std::string(msg.method) + " " + std::string(path),
            "no disconnect operation has this path");
    } else if (!allowed) {
        add(out, ViolationCode::http_method, Severity::error, "http:request-line",
            matched->operation->method, std::string(msg.method),
            "method not allowed for " + matched->operation->name);
    }
    if (matched && options.numbers == NumberFormat::any) {
        options.numbers = matched->prefix == "/api/v2" ? NumberFormat::e164 : NumberFormat::nanp10;
    }
    const MessageContract* contract = nullptr;
    if (!as_message.empty()) {
        contract = registry.message(as_message);
    } else if (matched && allowed && !matched->operation->request_message.empty()) {
        contract = registry.message(matched->operation->request_message);
    }
    if (chosen) {
        *chosen = matched ? matched->operation->name + " request" : "request";
        if (contract) {
            *chosen += " " + contract->name;
        }
    }
    if (matched && allowed) {
        for (const auto& h : matched->operation->request_headers) {
            check_header(msg, h, has_body, out);
        }
    }
    if (contract) {
        if (has_body) {
            check_content_type(msg, out);
        }
        append(out, validate_body(registry, *contract, msg.body, options));
    } else if (has_body && matched && allowed) {
        add(out, ViolationCode::http_body_unexpected, Severity::warning, "http:body", "no body",
            std::to_string(msg.body.size()) + " bytes",
            matched->operation->name + " takes no request body (ignored)");
    }
    return out;
}

Violations validate_response(const Registry& registry, const HttpMessage& msg,
                             const ValidationOptions& options, std::string_view as_message,
                             std::string* chosen) {
    Violations out;
    const bool has_body = !trim(msg.body).empty();
    // Root element of the body, for choosing the operation.
    pugi::xml_document doc;
    pugi::xml_node root;
    Violations body_problems;
    if (has_body) {
        root = detail::parse_body(msg.body, options, doc, body_problems);
    }
    const std::string_view root_name = root ? root.name() : "";

    const OperationContract* op = nullptr;
    const detail::HttpResponseRule* rule = nullptr;
    bool status_known = false;
    for (const auto& candidate : detail::RegistryAccess::operations(registry)) {
        for (const auto& r : candidate->responses) {
            if (r.status != msg.status) {
                continue;
            }
            status_known = true;
            const MessageContract* m = r.message.empty() ? nullptr : registry.message(r.message);
            const bool fits = m ? (root && m->root.matches(root_name)) : !has_body;
            if (fits && !rule) {
                op = candidate.get();
                rule = &r;
            }
        }
    }
    if (!rule && has_body) {
        // A body where the status documents none (429, 204): that rule, with the body flagged.
        for (const auto& candidate : detail::RegistryAccess::operations(registry)) {
            for (const auto& r : candidate->responses) {
                if (!rule && r.status == msg.status && r.message.empty()) {
                    op = candidate.get();
                    rule = &r;
                }
            }
        }
    }
    if (!status_known) {
        add(out, ViolationCode::http_status, Severity::error, "http:status",
            "a status documented for the disconnect family", std::to_string(msg.status),
            "no disconnect operation documents this status");
    } else if (!rule && root) {
        add(out, ViolationCode::http_operation_unknown, Severity::error, "http:status",
            "a documented status + body pair",
            std::to_string(msg.status) + " with <" + std::string(root_name) + ">",
            "no disconnect operation answers this status with this body");
    } else if (!rule && has_body) {
        // The body itself is broken; its violations below say why.
    } else if (!rule) {
        add(out, ViolationCode::body_empty, Severity::error, "/", "a body", "",
            "a " + std::to_string(msg.status) + " response of this family has a body");
    }
    if (rule) {
        for (const auto& h : rule->headers) {
            check_header(msg, h, has_body, out);
        }
        if (rule->message.empty() && has_body) {
            add(out, ViolationCode::http_body_unexpected, Severity::error, "http:body", "no body",
                std::to_string(msg.body.size()) + " bytes",
                "a " + std::to_string(msg.status) + " response of " + op->name + " has no body");
        }
    }
    if (has_body) {
        check_content_type(msg, out);
        const bool listed = rule && std::find(rule->headers.begin(), rule->headers.end(),
                                              "Content-Type") != rule->headers.end();
        if (!msg.header("Content-Type") && !listed && !(rule && rule->message.empty())) {
            add(out, ViolationCode::http_header_missing, Severity::error,
                "http:header:Content-Type", "Content-Type header", "",
                "the required Content-Type header is missing");
        }
    }
    // The body: the named message, the rule's message, or by root.
    const MessageContract* contract = nullptr;
    if (!as_message.empty()) {
        contract = registry.message(as_message);
    } else if (rule && !rule->message.empty()) {
        contract = registry.message(rule->message);
    } else if (root) {
        contract = detail::select_message(registry, root);
    }
    if (chosen) {
        *chosen = op ? op->name + " " + std::to_string(msg.status)
                     : "response " + std::to_string(msg.status);
        if (contract) {
            *chosen += " " + contract->name;
        }
    }
    append(out, std::move(body_problems));
    if (root && contract) {
        ValidationOptions o = options;
        if (o.numbers == NumberFormat::any) {
            if (const auto location = msg.header("Location");
                location && location->find("/api/v2/") != std::string_view::npos) {
                o.numbers = NumberFormat::e164;
            }
        }
        detail::validate_tree(*contract, root, o, out, msg.body.size());
    } else if (root && !(rule && rule->message.empty())) {
        add(out, ViolationCode::root_unknown, Severity::error, std::string("/") + root.name(),
            "a root element of the disconnect family", root.name(),
            "no contract knows this root element");
    }
    return out;
}

} // namespace

Violations validate_http(const Registry& registry, std::string_view raw,
                         const ValidationOptions& options, std::string_view as_message,
                         std::string* chosen) {
    Violations out;
    if (chosen) {
        chosen->clear();
    }
    if (!as_message.empty() && !registry.message(as_message)) {
        add(out, ViolationCode::root_unknown, Severity::error, "/", "a message name (see --list)",
            std::string(as_message), "no contract has this name");
        return out;
    }
    if (raw.size() > options.max_body_bytes + 64 * 1024) {
        add(out, ViolationCode::body_too_large, Severity::error, "/",
            "at most " + std::to_string(options.max_body_bytes) + " bytes",
            std::to_string(raw.size()) + " bytes", "the message is larger than the limit");
        return out;
    }
    try {
        HttpMessage msg;
        if (!parse_http(raw, msg, out)) {
            return out;
        }
        if (!msg.has_start_line) {
            add(out, ViolationCode::http_malformed, Severity::warning, "http:start-line",
                "a request line or a status line", "",
                "no start line: only the body was validated");
            if (!as_message.empty()) {
                append(out,
                       validate_body(registry, *registry.message(as_message), msg.body, options));
                if (chosen) {
                    *chosen = std::string(as_message);
                }
            } else {
                append(out, validate_body_auto(registry, msg.body, options, chosen));
            }
            return out;
        }
        append(out, msg.is_request ? validate_request(registry, msg, options, as_message, chosen)
                                   : validate_response(registry, msg, options, as_message, chosen));
    } catch (const std::bad_alloc&) {
        add(out, ViolationCode::body_too_large, Severity::error, "/",
            "a message that fits in memory", std::to_string(raw.size()) + " bytes",
            "out of memory while validating the message");
    }
    return out;
}

bool is_http_message(std::string_view file_name, std::string_view content) {
    auto ends_with = [&](std::string_view ext) {
        return file_name.size() >= ext.size() &&
               iequals(file_name.substr(file_name.size() - ext.size()), ext);
    };
    if (ends_with(".http")) {
        return true;
    }
    if (ends_with(".xml")) {
        return false;
    }
    const std::string_view body = trim(content);
    if (body.size() >= 3 && static_cast<unsigned char>(body[0]) == 0xEF) {
        return false; // UTF-8 BOM: an XML body
    }
    return !body.empty() && body.front() != '<';
}

} // namespace harness::contracts
