// xml_validator.cpp: validates an XML body against a compiled message contract. One pugixml
// parse (minimal flags), then one walk guided by the contract; path strings are built only when
// a violation is reported.
#include "text_rules.hpp"
#include "xml_body.hpp"

#include <cstdint>
#include <cstring>
#include <forward_list>
#include <optional>
#include <vector>

namespace harness::contracts {
namespace detail {

namespace {

// DOCTYPE and PIs are parsed so they can be reported (never expanded; pugixml never fetches
// external entities); escapes and CDATA so values are read as the server reads them. Text is
// trimmed by the parser and stored in its element (no PCDATA node per value), which makes the
// parse cheaper than pugixml's defaults. No comments, declarations or whitespace-only nodes.
constexpr unsigned parse_flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_doctype |
                                 pugi::parse_pi | pugi::parse_embed_pcdata |
                                 pugi::parse_trim_pcdata;

bool is_ws_only(std::string_view text) {
    return trim(text).empty();
}

void add(Violations& out, const ValidationOptions& options, ViolationCode code, Severity severity,
         std::string path, std::string expected, std::string actual, std::string message,
         int bandwidth_code = 0) {
    if (out.size() >= options.max_violations) {
        return;
    }
    out.push_back(Violation{code, severity, std::move(path), std::move(expected), std::move(actual),
                            std::move(message), bandwidth_code});
}

std::string quote(std::string_view text) {
    return "\"" + excerpt(text) + "\"";
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The seen-set of a unique element: a linear scan for a few values, then an open-addressing
// table (no allocation per value; the views point into the parsed document). Each slot keeps
// 32 bits of the hash so a probe rarely has to compare the strings.
class SeenSet {
public:
    // The body size bounds how many values can come (each element takes at least
    // 2 * name + 6 bytes: <Name>x</Name>), so the table is sized once instead of being rehashed
    // while it fills.
    SeenSet(std::size_t body_size, std::size_t name_size)
        : expected_(body_size / (2 * name_size + 6)) {}

    // True when `value` (non-empty) was already seen; records it otherwise.
    bool seen(std::string_view value) {
        if (table_.empty()) {
            for (std::size_t i = 0; i < count_; ++i) {
                if (inline_[i] == value) {
                    return true;
                }
            }
            if (count_ < inline_.size()) {
                inline_[count_++] = value;
                return false;
            }
            grow();
        } else if ((used_ + 1) * 4 > table_.size() * 3) {
            grow();
        }
        return !insert(value, hash(value));
    }

private:
    struct Slot {
        const char* data; ///< nullptr: empty
        std::uint32_t size;
        std::uint32_t tag; ///< high half of the hash
    };

    static std::uint64_t hash(std::string_view v) {
        // Whole 8-byte loads only (the last one overlapping), so no byte-wise copy stalls.
        constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
        const char* p = v.data();
        const std::size_t n = v.size();
        std::uint64_t h = n * k;
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 < n; i += 8) {
                std::uint64_t w;
                std::memcpy(&w, p + i, 8);
                h = (h ^ w) * k;
                h ^= h >> 32;
            }
            std::uint64_t w;
            std::memcpy(&w, p + n - 8, 8);
            h = (h ^ w) * k;
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                h = (h ^ static_cast<unsigned char>(p[i])) * k;
            }
        }
        // murmur3's fmix64: every input bit reaches the low bits the table uses.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        return h ^ (h >> 33);
    }

    // False when the value was present already.
    bool insert(std::string_view value, std::uint64_t h) {
        const std::size_t mask = table_.size() - 1;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        const auto size = static_cast<std::uint32_t>(value.size());
        for (std::size_t at = h & mask;; at = (at + 1) & mask) {
            Slot& slot = table_[at];
            if (slot.data == nullptr) {
                slot = Slot{value.data(), size, tag};
                ++used_;
                return true;
            }
            if (slot.tag == tag && slot.size == size &&
                std::memcmp(slot.data, value.data(), size) == 0) {
                return false;
            }
        }
    }

    void grow() {
        std::vector<Slot> old;
        old.swap(table_);
        std::size_t size = 64;
        if (old.empty()) {
            while (size * 3 < expected_ * 4 && size < (std::size_t{1} << 22)) {
                size *= 2;
            }
        } else {
            size = old.size() * 2;
        }
        table_.assign(size, Slot{nullptr, 0, 0});
        used_ = 0;
        for (const auto& slot : old) {
            if (slot.data != nullptr) {
                const std::string_view v(slot.data, slot.size);
                insert(v, hash(v));
            }
        }
        for (std::size_t i = 0; i < count_; ++i) {
            insert(inline_[i], hash(inline_[i]));
        }
        count_ = 0;
    }

    std::size_t expected_;
    std::array<std::string_view, 8> inline_;
    std::size_t count_ = 0;
    std::vector<Slot> table_;
    std::size_t used_ = 0;
};

class Walker {
public:
    Walker(const MessageContract& msg, const ValidationOptions& options, Violations& out,
           std::size_t body_size)
        : msg_(msg), options_(options), out_(out), body_size_(body_size) {}

    void run(pugi::xml_node root) { element(root, msg_.root, 1, 1); }

private:
    // Raw node pointers: a trivially constructible array, no pugixml call per frame.
    struct Frame {
        pugi::xml_node_struct* node;
        const ElementNode* contract;
        std::size_t index; ///< 1-based among the siblings matching the same contract element
    };

    // Unknown elements are ignored by the server: report the first ones only, so a document of
    // a million unknown elements stays cheap (their paths count siblings).
    static constexpr std::size_t max_unexpected_reports = 100;

    bool full() const { return out_.size() >= options_.max_violations; }

    void report(const ElementNode* contract, ViolationCode code, Severity severity,
                std::string path, std::string expected, std::string actual, std::string message) {
        const int bw = (contract && severity == Severity::error) ? contract->code_for(code) : 0;
        add(out_, options_, code, severity, std::move(path), std::move(expected), std::move(actual),
            std::move(message), bw);
    }

    // Indexed path of `node`: [n] when the contract marks the element repeatable or when the
    // element has same-name siblings (n is 1-based). Indexes of walked elements come from the
    // walk (no sibling scan, so huge lists stay cheap); `self`/`self_index` describe `node` when
    // it is not on the walk stack yet.
    std::string path_of(pugi::xml_node node, const ElementNode* self = nullptr,
                        std::size_t self_index = 0) const {
        std::vector<pugi::xml_node> chain;
        for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
            chain.push_back(n);
        }
        std::string path;
        for (std::size_t level = 0; level < chain.size(); ++level) {
            const pugi::xml_node n = chain[chain.size() - 1 - level];
            path += '/';
            path += n.name();
            bool indexed = false;
            std::size_t index = 0;
            if (level < depth_ && frames_[level].node == n.internal_object()) {
                indexed = frames_[level].contract->indexed;
                index = frames_[level].index;
            } else if (self != nullptr && n == node) {
                indexed = self->indexed;
                index = self_index;
            }
            if (index == 0) {
                index = 1;
                for (auto p = n.previous_sibling(n.name()); p; p = p.previous_sibling(n.name())) {
                    ++index;
                }
            }
            if (indexed || index > 1 || n.next_sibling(n.name())) {
                path += '[';
                path += std::to_string(index);
                path += ']';
            }
        }
        return path.empty() ? "/" : path;
    }

    // check_depth once per document: after the first xml_too_deep the rest adds nothing.
    void depth_check(pugi::xml_node node, std::size_t depth) {
        if (too_deep_) {
            return;
        }
        const std::size_t before = out_.size();
        check_depth(node, depth, options_, out_);
        too_deep_ = out_.size() != before;
    }

    void element(pugi::xml_node node, const ElementNode& c, std::size_t depth, std::size_t index) {
        if (depth > options_.max_depth) {
            add(out_, options_, ViolationCode::xml_too_deep, Severity::error,
                path_of(node, &c, index),
                "at most " + std::to_string(options_.max_depth) + " nested elements",
                std::to_string(depth), "element nesting is deeper than the limit");
            return;
        }
        frames_[depth_++] = Frame{node.internal_object(), &c, index};
        if (c.open) {
            depth_check(node, depth);
        } else if (c.text.type != TextType::none) {
            leaf(node, c, depth);
        } else {
            container(node, c, depth);
        }
        --depth_;
    }

    void container(pugi::xml_node node, const ElementNode& c, std::size_t depth) {
        std::array<std::uint32_t, max_children> counts{};
        for (auto child = node.first_child(); child && !full(); child = child.next_sibling()) {
            const auto type = child.type();
            if (type == pugi::node_pi) {
                forbidden_pi(child);
                continue;
            }
            if (type != pugi::node_element) {
                continue;
            }
            const char* name = child.name();
            std::size_t index = 0;
            while (index < c.children.size() && !c.children[index].matches(name)) {
                ++index;
            }
            if (index == c.children.size()) {
                unexpected(child, c, depth + 1);
                continue;
            }
            const ElementNode& cc = c.children[index];
            const std::uint32_t seen = ++counts[index];
            if (seen == c.children[index].max + 1) {
                report(&cc, ViolationCode::element_count, Severity::error,
                       path_of(child, &cc, seen), "at most " + plural(cc.max, "time"),
                       std::to_string(seen),
                       cc.name + " occurs more often than the contract allows");
            }
            if (cc.text.order_limit) {
                ++numbers_;
                if (options_.max_telephone_numbers != 0 &&
                    numbers_ == options_.max_telephone_numbers + 1) {
                    report(&cc, ViolationCode::element_count, Severity::error,
                           path_of(child, &cc, seen),
                           "at most " + plural(options_.max_telephone_numbers, "telephone number"),
                           "more than " + std::to_string(options_.max_telephone_numbers),
                           "the order holds more telephone numbers than the maximum");
                }
            }
            element(child, cc, depth + 1, seen);
        }
        if (full()) {
            return;
        }
        for (std::size_t i = 0; i < c.children.size(); ++i) {
            const ElementNode& cc = c.children[i];
            if (counts[i] >= cc.min) {
                continue;
            }
            std::string path = path_of(node) + "/" + cc.name + (cc.indexed ? "[1]" : "");
            if (counts[i] == 0) {
                report(&cc, ViolationCode::element_missing, Severity::error, std::move(path),
                       cc.name, "", "required element " + cc.name + " is missing");
            } else {
                report(&cc, ViolationCode::element_count, Severity::error, std::move(path),
                       "at least " + plural(cc.min, "time"), std::to_string(counts[i]),
                       cc.name + " occurs less often than the contract requires");
            }
        }
    }

    void unexpected(pugi::xml_node child, const ElementNode& parent, std::size_t depth) {
        if (unexpected_reports_ < max_unexpected_reports) {
            ++unexpected_reports_;
            std::string known;
            for (const auto& k : parent.children) {
                known += known.empty() ? "" : ", ";
                known += k.name;
            }
            add(out_, options_, ViolationCode::element_unexpected, Severity::warning,
                path_of(child), "one of " + known, child.name(),
                std::string("element ") + child.name() + " is not part of the " + msg_.name +
                    " contract (ignored)");
        }
        depth_check(child, depth);
    }

    void forbidden_pi(pugi::xml_node pi) {
        add(out_, options_, ViolationCode::xml_forbidden, Severity::error, path_of(pi.parent()),
            "no processing instructions", std::string("<?") + pi.name() + "?>",
            "processing instructions are not accepted");
    }

    void leaf(pugi::xml_node node, const ElementNode& c, std::size_t depth) {
        // parse_embed_pcdata stores the first text piece as the element's own value, so the
        // common <TelephoneNumber>4158714245</TelephoneNumber> has no child node at all.
        std::string_view raw = node.value();
        auto child = node.first_child();
        if (!child) {
            value(node, c, trim(raw));
            return;
        }
        std::size_t pieces = raw.empty() ? 0 : 1;
        for (; child; child = child.next_sibling()) {
            const auto type = child.type();
            if (type == pugi::node_pcdata || type == pugi::node_cdata) {
                if (pieces == 0) {
                    raw = child.value();
                } else {
                    if (pieces == 1) {
                        scratch_.emplace_front(raw);
                    }
                    scratch_.front() += child.value();
                    raw = scratch_.front();
                }
                ++pieces;
            } else if (type == pugi::node_element) {
                if (unexpected_reports_ < max_unexpected_reports) {
                    ++unexpected_reports_;
                    add(out_, options_, ViolationCode::element_unexpected, Severity::warning,
                        path_of(child), "text only", child.name(),
                        std::string("element ") + child.name() + " inside text element " + c.name +
                            " (ignored)");
                }
                depth_check(child, depth + 1);
            } else if (type == pugi::node_pi) {
                forbidden_pi(child);
            }
        }
        value(node, c, trim(raw));
    }

    void value(pugi::xml_node node, const ElementNode& c, std::string_view v) {
        const TextRule& rule = c.text;
        if (v.empty()) {
            if (!rule.allow_empty) {
                report(&c, ViolationCode::value_empty, Severity::error, path_of(node),
                       "non-empty text", "", c.name + " is empty");
            }
            return;
        }
        if (rule.max_length != 0 && v.size() > rule.max_length &&
            utf8_length(v) > rule.max_length) {
            report(&c, ViolationCode::value_too_long, Severity::error, path_of(node),
                   "at most " + plural(rule.max_length, "character"),
                   std::to_string(utf8_length(v)) + " characters",
                   c.name + " is longer than " + std::to_string(rule.max_length) + " characters");
        }
        switch (rule.type) {
        case TextType::none:
            break;
        case TextType::string:
            if (rule.charset == Charset::alnum_space_dash && !is_alnum_space_dash(v)) {
                report(&c, ViolationCode::value_pattern, Severity::error, path_of(node),
                       "letters, digits, spaces and dashes only", excerpt(v),
                       c.name + " holds characters outside [A-Za-z0-9 -]");
            }
            break;
        case TextType::telephone_number:
            telephone_number(node, c, v);
            break;
        case TextType::enumeration:
            enumeration(node, c, v);
            break;
        case TextType::date_time: {
            const auto form = classify_date_time(v);
            if (form == DateTimeForm::dashed) {
                report(&c, ViolationCode::value_format_lenient, Severity::warning, path_of(node),
                       "ISO-8601 date-time with colons (YYYY-MM-DDTHH:MM:SS.mmmZ)", excerpt(v),
                       c.name + " uses dashes in the time part (documentation artefact)");
            } else if (form == DateTimeForm::invalid) {
                report(&c, ViolationCode::value_pattern, Severity::error, path_of(node),
                       "ISO-8601 date-time (YYYY-MM-DDTHH:MM:SS.mmmZ)", excerpt(v),
                       c.name + " is not a date-time");
            }
            break;
        }
        case TextType::integer:
            if (!is_integer(v)) {
                report(&c, ViolationCode::value_pattern, Severity::error, path_of(node),
                       "an integer", excerpt(v), c.name + " is not an integer");
            }
            break;
        }
        if (c.unique_slot >= 0 && seen(c.unique_slot, c).seen(v)) {
            report(&c, ViolationCode::value_duplicate, Severity::error, path_of(node),
                   "unique values", excerpt(v), c.name + " " + quote(v) + " is repeated");
        }
    }

    void telephone_number(pugi::xml_node node, const ElementNode& c, std::string_view v) {
        bool ok = false;
        const char* expected = "";
        switch (options_.numbers) {
        case NumberFormat::nanp10:
            ok = is_nanp10(v);
            expected = "10-digit NANP number (v1), e.g. 4158714245";
            break;
        case NumberFormat::e164:
            ok = is_e164(v);
            expected = "E.164 number (v2), e.g. +14158714245";
            break;
        case NumberFormat::any:
            ok = is_nanp10(v) || is_e164(v);
            expected = "10-digit NANP or E.164 number, e.g. 4158714245 or +14158714245";
            break;
        }
        if (!ok) {
            report(&c, ViolationCode::value_pattern, Severity::error, path_of(node), expected,
                   excerpt(v), c.name + " " + quote(v) + " is not a valid telephone number");
        }
    }

    void enumeration(pugi::xml_node node, const ElementNode& c, std::string_view v) {
        for (const auto& allowed : c.text.values) {
            if (c.text.case_insensitive ? iequals(v, allowed) : v == allowed) {
                return;
            }
        }
        std::string expected = "one of ";
        for (std::size_t i = 0; i < c.text.values.size(); ++i) {
            expected += (i ? ", " : "") + c.text.values[i];
        }
        if (c.text.case_insensitive) {
            expected += " (any case)";
        }
        report(&c, ViolationCode::value_enum, Severity::error, path_of(node), expected, excerpt(v),
               c.name + " " + quote(v) + " is not an allowed value");
    }

    const MessageContract& msg_;
    const ValidationOptions& options_;
    Violations& out_;
    std::size_t body_size_;
    std::array<Frame, max_contract_depth + 2> frames_; ///< [0, depth_) are set
    std::size_t depth_ = 0;
    SeenSet& seen(int slot, const ElementNode& c) {
        auto& set = seen_[static_cast<std::size_t>(slot)];
        if (!set) {
            set.emplace(body_size_, c.name.size());
        }
        return *set;
    }

    std::array<std::optional<SeenSet>, max_unique_slots> seen_;
    std::size_t numbers_ = 0;
    std::size_t unexpected_reports_ = 0;
    bool too_deep_ = false;
    std::forward_list<std::string> scratch_; ///< text split by comments/CDATA (stable for views)
};

// Path without contract knowledge (index only when same-name siblings exist).
std::string plain_path(pugi::xml_node node) {
    std::vector<pugi::xml_node> chain;
    for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        chain.push_back(n);
    }
    std::string path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        path += '/';
        path += it->name();
        std::size_t index = 1;
        for (auto s = it->previous_sibling(it->name()); s; s = s.previous_sibling(it->name())) {
            ++index;
        }
        if (index > 1 || it->next_sibling(it->name())) {
            path += "[" + std::to_string(index) + "]";
        }
    }
    return path.empty() ? "/" : path;
}

} // namespace

std::string excerpt(std::string_view text) {
    constexpr std::size_t limit = 80;
    if (text.size() <= limit) {
        return std::string(text);
    }
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return std::string(text.substr(0, cut)) + "...";
}

void check_depth(pugi::xml_node node, std::size_t depth, const ValidationOptions& options,
                 Violations& out) {
    auto first_element = [](pugi::xml_node n) {
        auto c = n.first_child();
        while (c && c.type() != pugi::node_element) {
            c = c.next_sibling();
        }
        return c;
    };
    auto next_element = [](pugi::xml_node n) {
        auto s = n.next_sibling();
        while (s && s.type() != pugi::node_element) {
            s = s.next_sibling();
        }
        return s;
    };
    pugi::xml_node current = node;
    std::size_t d = depth;
    while (true) {
        if (d > options.max_depth) {
            add(out, options, ViolationCode::xml_too_deep, Severity::error, plain_path(current),
                "at most " + std::to_string(options.max_depth) + " nested elements",
                "more than " + std::to_string(options.max_depth),
                "element nesting is deeper than the limit");
            return;
        }
        if (auto child = first_element(current)) {
            current = child;
            ++d;
            continue;
        }
        while (current != node) {
            if (auto sibling = next_element(current)) {
                current = sibling;
                break;
            }
            current = current.parent();
            --d;
        }
        if (current == node) {
            return;
        }
    }
}

pugi::xml_node parse_body(std::string_view body, const ValidationOptions& options,
                          pugi::xml_document& doc, Violations& out) {
    if (body.size() > options.max_body_bytes) {
        add(out, options, ViolationCode::body_too_large, Severity::error, "/",
            "at most " + std::to_string(options.max_body_bytes) + " bytes",
            std::to_string(body.size()) + " bytes", "the body is larger than the limit");
        return {};
    }
    if (is_ws_only(body)) {
        add(out, options, ViolationCode::body_empty, Severity::error, "/", "an XML document",
            body.empty() ? "" : "only whitespace", "the body is empty");
        return {};
    }
    if (const auto bad = utf8_invalid_offset(body); bad != npos) {
        add(out, options, ViolationCode::encoding_invalid, Severity::error, "/", "UTF-8 text",
            "invalid byte sequence at offset " + std::to_string(bad),
            "the body is not valid UTF-8");
        return {};
    }
    const auto result = doc.load_buffer(body.data(), body.size(), parse_flags, pugi::encoding_utf8);
    if (!result) {
        add(out, options, ViolationCode::xml_malformed, Severity::error, "/", "well-formed XML",
            "offset " + std::to_string(result.offset),
            std::string("the body is not well-formed XML: ") + result.description());
        return {};
    }
    pugi::xml_node root;
    bool forbidden = false;
    for (auto n = doc.first_child(); n; n = n.next_sibling()) {
        switch (n.type()) {
        case pugi::node_doctype:
            add(out, options, ViolationCode::xml_forbidden, Severity::error, "/",
                "no DOCTYPE or entity declarations", "<!DOCTYPE " + excerpt(n.value()) + ">",
                "DOCTYPE declarations are not accepted (never expanded)");
            forbidden = true;
            break;
        case pugi::node_pi:
            add(out, options, ViolationCode::xml_forbidden, Severity::error, "/",
                "no processing instructions", std::string("<?") + n.name() + "?>",
                "processing instructions are not accepted");
            forbidden = true;
            break;
        case pugi::node_element:
            if (!root) {
                root = n;
            }
            break;
        default:
            break;
        }
    }
    if (!root && !forbidden) {
        add(out, options, ViolationCode::xml_malformed, Severity::error, "/", "a root element", "",
            "the body has no root element");
    }
    return forbidden ? pugi::xml_node{} : root;
}

const MessageContract* select_message(const Registry& registry, pugi::xml_node root) {
    const std::string_view root_name = root.name();
    const MessageContract* best = nullptr;
    for (const auto& m : RegistryAccess::messages(registry)) {
        if (!m->root.matches(root_name)) {
            continue;
        }
        const auto& s = m->select;
        bool fits = s.has_any.empty();
        for (const auto& name : s.has_any) {
            fits = fits || root.child(name.c_str());
        }
        for (const auto& name : s.lacks) {
            fits = fits && !root.child(name.c_str());
        }
        if (fits && (!best || s.priority < best->select.priority)) {
            best = m.get();
        }
    }
    return best;
}

void validate_tree(const MessageContract& contract, pugi::xml_node root,
                   const ValidationOptions& options, Violations& out, std::size_t body_size) {
    if (!contract.root.matches(root.name())) {
        add(out, options, ViolationCode::root_mismatch, Severity::error,
            std::string("/") + root.name(), contract.root.name, root.name(),
            "the root element is not the one of " + contract.name);
        check_depth(root, 1, options, out);
        return;
    }
    Walker(contract, options, out, body_size).run(root);
}

} // namespace detail

Violations validate_body(const Registry& /*registry*/, const MessageContract& contract,
                         std::string_view body, const ValidationOptions& options) {
    Violations out;
    try {
        pugi::xml_document doc;
        if (auto root = detail::parse_body(body, options, doc, out)) {
            detail::validate_tree(contract, root, options, out, body.size());
        }
    } catch (const std::bad_alloc&) {
        out.push_back(Violation{ViolationCode::body_too_large, Severity::error, "/",
                                "a body that fits in memory", std::to_string(body.size()),
                                "out of memory while validating the body", 0});
    }
    return out;
}

Violations validate_body_auto(const Registry& registry, std::string_view body,
                              const ValidationOptions& options, std::string* chosen) {
    Violations out;
    if (chosen) {
        chosen->clear();
    }
    try {
        pugi::xml_document doc;
        auto root = detail::parse_body(body, options, doc, out);
        if (!root) {
            return out;
        }
        const MessageContract* msg = detail::select_message(registry, root);
        if (!msg) {
            std::string known;
            for (const auto& m : detail::RegistryAccess::messages(registry)) {
                if (known.find(m->root.name) == std::string::npos) {
                    known += known.empty() ? "" : ", ";
                    known += m->root.name;
                }
            }
            out.push_back(Violation{ViolationCode::root_unknown, Severity::error,
                                    std::string("/") + root.name(), "one of " + known, root.name(),
                                    "no contract knows this root element", 0});
            detail::check_depth(root, 1, options, out);
            return out;
        }
        if (chosen) {
            *chosen = msg->name;
        }
        detail::validate_tree(*msg, root, options, out, body.size());
    } catch (const std::bad_alloc&) {
        out.push_back(Violation{ViolationCode::body_too_large, Severity::error, "/",
                                "a body that fits in memory", std::to_string(body.size()),
                                "out of memory while validating the body", 0});
    }
    return out;
}

} // namespace harness::contracts
