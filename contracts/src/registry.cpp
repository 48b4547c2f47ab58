// registry.cpp: loads the JSON definitions (embedded or from a directory) into the compiled model,
// and answers lookups (messages, operations, roots, request-line matching).
#include "builtin_definitions.hpp"
#include "model.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace harness::contracts {

ContractError::ContractError(std::string json_pointer, const std::string& message)
    : std::runtime_error(json_pointer.empty() ? message : json_pointer + ": " + message),
      pointer_(std::move(json_pointer)) {}

struct Registry::Impl {
    std::vector<std::unique_ptr<MessageContract>> messages;
    std::vector<std::unique_ptr<OperationContract>> operations;
};

namespace detail {

const std::vector<std::unique_ptr<OperationContract>>&
RegistryAccess::operations(const Registry& r) {
    return r.impl_->operations;
}
const std::vector<std::unique_ptr<MessageContract>>& RegistryAccess::messages(const Registry& r) {
    return r.impl_->messages;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

} // namespace detail

namespace {

using detail::ElementNode;
using nlohmann::json;

// Reads definitions keeping the JSON pointer of every field, so errors name the bad field.
class Loader {
public:
    explicit Loader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
        throw ContractError(file_ + "#" + pointer, what);
    }

    const json& member(const json& obj, const std::string& ptr, const char* key) const {
        if (!obj.is_object() || !obj.contains(key)) {
            fail(ptr + "/" + key, "required field missing");
        }
        return obj.at(key);
    }

    std::string string_at(const json& obj, const std::string& ptr, const char* key,
                          bool required = true) const {
        if (!obj.contains(key)) {
            if (required) {
                fail(ptr + "/" + key, "required field missing");
            }
            return {};
        }
        const auto& v = obj.at(key);
        if (!v.is_string()) {
            fail(ptr + "/" + key, "expected a string");
        }
        return v.get<std::string>();
    }

    bool bool_at(const json& obj, const std::string& ptr, const char* key, bool fallback) const {
        if (!obj.contains(key)) {
            return fallback;
        }
        const auto& v = obj.at(key);
        if (!v.is_boolean()) {
            fail(ptr + "/" + key, "expected true or false");
        }
        return v.get<bool>();
    }

    std::size_t count_at(const json& obj, const std::string& ptr, const char* key,
                         std::size_t fallback) const {
        if (!obj.contains(key)) {
            return fallback;
        }
        const auto& v = obj.at(key);
        if (v.is_string() && v.get<std::string>() == "unbounded") {
            return detail::unbounded;
        }
        if (!v.is_number_unsigned()) {
            fail(ptr + "/" + key, "expected a non-negative integer or \"unbounded\"");
        }
        return v.get<std::size_t>();
    }

    std::vector<std::string> strings_at(const json& obj, const std::string& ptr,
                                        const char* key) const {
        std::vector<std::string> out;
        if (!obj.contains(key)) {
            return out;
        }
        const auto& v = obj.at(key);
        if (!v.is_array()) {
            fail(ptr + "/" + key, "expected an array of strings");
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string()) {
                fail(ptr + "/" + key + "/" + std::to_string(i), "expected a string");
            }
            out.push_back(v[i].get<std::string>());
        }
        return out;
    }

    void load_text_rule(const json& j, const std::string& ptr, detail::TextRule& rule) const {
        if (!j.is_object()) {
            fail(ptr, "expected an object");
        }
        const std::string type = string_at(j, ptr, "type");
        if (type == "string") {
            rule.type = detail::TextType::string;
        } else if (type == "telephone_number") {
            rule.type = detail::TextType::telephone_number;
        } else if (type == "enum") {
            rule.type = detail::TextType::enumeration;
        } else if (type == "date_time") {
            rule.type = detail::TextType::date_time;
        } else if (type == "integer") {
            rule.type = detail::TextType::integer;
        } else {
            fail(ptr + "/type", "unknown text type '" + type +
                                    "' (string, telephone_number, enum, date_time, integer)");
        }
        rule.values = strings_at(j, ptr, "values");
        if (rule.type == detail::TextType::enumeration && rule.values.empty()) {
            fail(ptr + "/values", "an enum needs at least one value");
        }
        rule.case_insensitive = bool_at(j, ptr, "case_insensitive", false);
        rule.max_length = count_at(j, ptr, "max_length", 0);
        const std::string charset = string_at(j, ptr, "charset", false);
        if (charset.empty() || charset == "any") {
            rule.charset = detail::Charset::any;
        } else if (charset == "alnum_space_dash") {
            rule.charset = detail::Charset::alnum_space_dash;
        } else {
            fail(ptr + "/charset", "unknown charset '" + charset + "' (any, alnum_space_dash)");
        }
        rule.allow_empty = bool_at(j, ptr, "allow_empty", false);
        rule.unique = bool_at(j, ptr, "unique", false);
        rule.order_limit = bool_at(j, ptr, "order_limit", false);
        for (const auto& [key, value] : j.items()) {
            static const char* known[] = {"type",       "values",     "case_insensitive",
                                          "max_length", "charset",    "allow_empty",
                                          "unique",     "order_limit"};
            if (std::none_of(std::begin(known), std::end(known),
                             [&](const char* k) { return key == k; })) {
                fail(ptr + "/" + key, "unknown field");
            }
            (void)value;
        }
    }

    void load_element(const json& j, const std::string& ptr, ElementNode& node,
                      MessageContract& msg, std::size_t depth) const {
        if (!j.is_object()) {
            fail(ptr, "expected an element object");
        }
        if (depth > detail::max_contract_depth) {
            fail(ptr, "contract nesting deeper than " + std::to_string(detail::max_contract_depth));
        }
        node.name = string_at(j, ptr, "name");
        if (node.name.empty()) {
            fail(ptr + "/name", "empty element name");
        }
        node.aliases = strings_at(j, ptr, "aliases");
        node.min = count_at(j, ptr, "min", 1);
        node.max = count_at(j, ptr, "max", 1);
        if (node.max == 0 || node.min > node.max) {
            fail(ptr + "/max", "max must be at least 1 and at least min");
        }
        node.indexed = bool_at(j, ptr, "indexed", node.max > 1);
        node.open = bool_at(j, ptr, "open", false);
        node.description = string_at(j, ptr, "description", false);
        if (j.contains("text")) {
            load_text_rule(j.at("text"), ptr + "/text", node.text);
            if (node.text.unique) {
                if (msg.unique_slots >= detail::max_unique_slots) {
                    fail(ptr + "/text/unique", "too many unique elements in one message");
                }
                node.unique_slot = static_cast<int>(msg.unique_slots++);
            }
        }
        if (j.contains("bandwidth_codes")) {
            const auto& codes = j.at("bandwidth_codes");
            if (!codes.is_object()) {
                fail(ptr + "/bandwidth_codes", "expected an object {violation_code: number}");
            }
            for (const auto& [key, value] : codes.items()) {
                const std::string p = ptr + "/bandwidth_codes/" + key;
                std::size_t index = detail::violation_code_count;
                for (std::size_t c = 0; c < detail::violation_code_count; ++c) {
                    if (to_string(static_cast<ViolationCode>(c)) == key) {
                        index = c;
                    }
                }
                if (index == detail::violation_code_count) {
                    fail(p, "unknown violation code");
                }
                if (!value.is_number_integer()) {
                    fail(p, "expected an integer Bandwidth error code");
                }
                node.bandwidth_codes[index] = value.get<int>();
            }
        }
        if (j.contains("children")) {
            const auto& children = j.at("children");
            if (!children.is_array() || children.empty()) {
                fail(ptr + "/children", "expected a non-empty array");
            }
            if (children.size() > detail::max_children) {
                fail(ptr + "/children",
                     "more than " + std::to_string(detail::max_children) + " children");
            }
            node.children.resize(children.size());
            for (std::size_t i = 0; i < children.size(); ++i) {
                load_element(children[i], ptr + "/children/" + std::to_string(i), node.children[i],
                             msg, depth + 1);
            }
        }
        const bool has_text = node.text.type != detail::TextType::none;
        if (has_text && !node.children.empty()) {
            fail(ptr, "an element has either text or children, not both");
        }
        if (!has_text && node.children.empty() && !node.open) {
            fail(ptr, "an element needs text, children or \"open\": true");
        }
    }

    std::unique_ptr<MessageContract> load_message(const json& j) const {
        auto msg = std::make_unique<MessageContract>();
        msg->name = string_at(j, "", "message");
        msg->description = string_at(j, "", "description", false);
        if (j.contains("select")) {
            const auto& s = j.at("select");
            if (!s.is_object()) {
                fail("/select", "expected an object");
            }
            if (s.contains("priority")) {
                if (!s.at("priority").is_number_integer()) {
                    fail("/select/priority", "expected an integer");
                }
                msg->select.priority = s.at("priority").get<int>();
            }
            msg->select.has_any = strings_at(s, "/select", "has_any");
            msg->select.lacks = strings_at(s, "/select", "lacks");
        }
        load_element(member(j, "", "root"), "/root", msg->root, *msg, 0);
        return msg;
    }

    std::unique_ptr<OperationContract> load_operation(const json& j, const std::string& ptr) const {
        auto op = std::make_unique<OperationContract>();
        op->source = file_ + "#" + ptr;
        op->name = string_at(j, ptr, "name");
        op->method = string_at(j, ptr, "method");
        op->path_template = string_at(j, ptr, "path");
        if (op->path_template.empty() || op->path_template.front() != '/') {
            fail(ptr + "/path", "a path template starts with '/'");
        }
        std::string_view rest(op->path_template);
        rest.remove_prefix(1);
        while (!rest.empty()) {
            auto slash = rest.find('/');
            op->segments.emplace_back(rest.substr(0, slash));
            if (op->segments.back().empty()) {
                fail(ptr + "/path", "empty path segment");
            }
            rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        }
        op->request_message = string_at(j, ptr, "request", false);
        op->request_headers = strings_at(j, ptr, "request_headers");
        const auto& status = member(j, ptr, "success_status");
        if (!status.is_number_integer()) {
            fail(ptr + "/success_status", "expected an HTTP status");
        }
        op->success_status = status.get<int>();
        const auto& responses = member(j, ptr, "responses");
        if (!responses.is_array()) {
            fail(ptr + "/responses", "expected an array");
        }
        for (std::size_t i = 0; i < responses.size(); ++i) {
            const std::string p = ptr + "/responses/" + std::to_string(i);
            detail::HttpResponseRule rule;
            const auto& st = member(responses[i], p, "status");
            if (!st.is_number_integer() || st.get<int>() < 100 || st.get<int>() > 599) {
                fail(p + "/status", "expected an HTTP status");
            }
            rule.status = st.get<int>();
            rule.message = string_at(responses[i], p, "message", false);
            rule.headers = strings_at(responses[i], p, "headers");
            op->responses.push_back(std::move(rule));
        }
        return op;
    }

private:
    std::string file_;
};

struct Tables {
    std::vector<std::unique_ptr<MessageContract>>& messages;
    std::vector<std::unique_ptr<OperationContract>>& operations;
};

void load_document(Tables impl, const std::string& file, std::string_view text) {
    Loader loader(file);
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        loader.fail("", "not a JSON object");
    }
    if (j.contains("message")) {
        auto msg = loader.load_message(j);
        for (const auto& existing : impl.messages) {
            if (existing->name == msg->name) {
                loader.fail("/message", "duplicate message name '" + msg->name + "'");
            }
        }
        impl.messages.push_back(std::move(msg));
    }
    if (j.contains("operations")) {
        const auto& ops = j.at("operations");
        if (!ops.is_array()) {
            loader.fail("/operations", "expected an array");
        }
        for (std::size_t i = 0; i < ops.size(); ++i) {
            impl.operations.push_back(
                loader.load_operation(ops[i], "/operations/" + std::to_string(i)));
        }
    }
    if (!j.contains("message") && !j.contains("operations")) {
        loader.fail("", "expected \"message\" or \"operations\"");
    }
}

// Cross-file checks once everything is loaded: operations name existing messages.
void check_references(Tables impl) {
    auto known = [&](const std::string& name) {
        return name.empty() || std::any_of(impl.messages.begin(), impl.messages.end(),
                                           [&](const auto& m) { return m->name == name; });
    };
    for (std::size_t i = 0; i < impl.operations.size(); ++i) {
        const auto& op = *impl.operations[i];
        const std::string& ptr = op.source;
        if (!known(op.request_message)) {
            throw ContractError(ptr + "/request", "unknown message '" + op.request_message + "'");
        }
        for (std::size_t r = 0; r < op.responses.size(); ++r) {
            if (!known(op.responses[r].message)) {
                throw ContractError(ptr + "/responses/" + std::to_string(r) + "/message",
                                    "unknown message '" + op.responses[r].message + "'");
            }
        }
    }
}

// Base prefixes in real use, longest first.
constexpr std::string_view base_prefixes[] = {"/api/v1.0", "/api/v1", "/api/v2",
                                              "/api",      "/v1.0",   ""};

bool match_segments(const OperationContract& op, std::string_view path,
                    std::vector<std::pair<std::string, std::string>>* params) {
    if (path.empty() || path.front() != '/') {
        return false;
    }
    path.remove_prefix(1);
    if (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    std::size_t index = 0;
    while (true) {
        if (index == op.segments.size()) {
            return path.empty();
        }
        if (path.empty()) {
            return false;
        }
        auto slash = path.find('/');
        std::string_view segment = path.substr(0, slash);
        const std::string& expected = op.segments[index];
        if (segment.empty()) {
            return false;
        }
        if (expected.front() == '{') {
            if (params) {
                params->emplace_back(expected.substr(1, expected.size() - 2), segment);
            }
        } else if (segment != expected) {
            return false;
        }
        ++index;
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    }
}

} // namespace

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;
Registry::~Registry() = default;

const Registry& Registry::builtin() {
    static const Registry registry = [] {
        Registry r;
        for (std::size_t i = 0; i < detail::builtin_definition_count; ++i) {
            load_document(Tables{r.impl_->messages, r.impl_->operations},
                          detail::builtin_definitions[i].file_name,
                          detail::builtin_definitions[i].text);
        }
        check_references(Tables{r.impl_->messages, r.impl_->operations});
        return r;
    }();
    return registry;
}

Registry Registry::load_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        throw ContractError("",
                            "cannot read contract directory " + dir.string() + ": " + ec.message());
    }
    std::sort(files.begin(), files.end());
    Registry r;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            throw ContractError(file.filename().string(), "cannot read file");
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const std::string text = std::move(buffer).str();
        load_document(Tables{r.impl_->messages, r.impl_->operations}, file.filename().string(),
                      text);
    }
    check_references(Tables{r.impl_->messages, r.impl_->operations});
    return r;
}

const MessageContract* Registry::message(std::string_view name) const {
    for (const auto& m : impl_->messages) {
        if (m->name == name) {
            return m.get();
        }
    }
    return nullptr;
}

const OperationContract* Registry::operation(std::string_view name) const {
    for (const auto& o : impl_->operations) {
        if (o->name == name) {
            return o.get();
        }
    }
    return nullptr;
}

std::vector<std::string> Registry::message_names() const {
    std::vector<std::string> out;
    for (const auto& m : impl_->messages) {
        out.push_back(m->name);
    }
    return out;
}

std::vector<std::string> Registry::operation_names() const {
    std::vector<std::string> out;
    for (const auto& o : impl_->operations) {
        out.push_back(o->name);
    }
    return out;
}

OperationInfo Registry::info(const OperationContract& op) const {
    OperationInfo out;
    out.name = op.name;
    out.method = op.method;
    out.path_template = op.path_template;
    out.request_message = op.request_message;
    out.success_status = op.success_status;
    for (const auto& r : op.responses) {
        out.responses.push_back(ResponseRule{r.status, r.message, r.headers});
    }
    return out;
}

std::string_view Registry::message_name(const MessageContract& msg) const {
    return msg.name;
}

std::string_view Registry::root_element(const MessageContract& msg) const {
    return msg.root.name;
}

std::vector<const MessageContract*> Registry::messages_with_root(std::string_view root) const {
    std::vector<const MessageContract*> out;
    for (const auto& m : impl_->messages) {
        if (m->root.matches(root)) {
            out.push_back(m.get());
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->select.priority < b->select.priority;
    });
    return out;
}

std::optional<MatchedOperation> Registry::match(std::string_view method, std::string_view path,
                                                bool* method_allowed) const {
    if (method_allowed) {
        *method_allowed = false;
    }
    path = path.substr(0, path.find_first_of("?#"));
    std::optional<MatchedOperation> wrong_method;
    for (std::string_view prefix : base_prefixes) {
        if (path.substr(0, prefix.size()) != prefix) {
            continue;
        }
        std::string_view rest = path.substr(prefix.size());
        for (const auto& op : impl_->operations) {
            MatchedOperation m;
            if (!match_segments(*op, rest, &m.params)) {
                continue;
            }
            m.operation = op.get();
            m.prefix = std::string(prefix);
            if (op->method == method) {
                if (method_allowed) {
                    *method_allowed = true;
                }
                return m;
            }
            if (!wrong_method) {
                wrong_method = std::move(m);
            }
        }
        if (wrong_method) {
            return wrong_method;
        }
    }
    return std::nullopt;
}

} // namespace harness::contracts
