#include "text_rules.hpp"

#include <cstdint>
#include <cstring>

namespace harness::contracts::detail {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) {
        return false;
    }
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i])) {
            return false;
        }
    }
    return true;
}

} // namespace

std::size_t utf8_invalid_offset(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, 32 then 8 bytes at a time.
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        while (i + 32 <= n) {
            std::uint64_t b[4];
            std::memcpy(b, s + i, 32);
            if (((b[0] | b[1] | b[2] | b[3]) & high) != 0) {
                break;
            }
            i += 32;
        }
        if (i + 8 <= n) {
            std::uint64_t block;
            std::memcpy(&block, s + i, 8);
            if ((block & high) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += len;
    }
    return npos;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

bool is_integer(std::string_view text) {
    if (!text.empty() && text.front() == '-') {
        text.remove_prefix(1);
    }
    return !text.empty() && digits(text, 0, text.size());
}

bool is_alnum_space_dash(std::string_view text) {
    for (char c : text) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == ' ' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

DateTimeForm classify_date_time(std::string_view t) {
    // YYYY-MM-DD
    if (!(digits(t, 0, 4) && t.size() >= 10 && t[4] == '-' && digits(t, 5, 2) && t[7] == '-' &&
          digits(t, 8, 2))) {
        return DateTimeForm::invalid;
    }
    if (t.size() == 10) {
        return DateTimeForm::iso;
    }
    if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') {
        return DateTimeForm::invalid;
    }
    // HH?MM[?SS[.fff]] where ? is ':' (ISO) or '-' (the documentation's artefact).
    std::size_t p = 11;
    if (!digits(t, p, 2) || p + 2 >= t.size()) {
        return DateTimeForm::invalid;
    }
    const char sep = t[p + 2];
    if (sep != ':' && sep != '-') {
        return DateTimeForm::invalid;
    }
    p += 3;
    if (!digits(t, p, 2)) {
        return DateTimeForm::invalid;
    }
    p += 2;
    if (p < t.size() && t[p] == sep) {
        if (!digits(t, p + 1, 2)) {
            return DateTimeForm::invalid;
        }
        p += 3;
        if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
            ++p;
            const std::size_t start = p;
            while (p < t.size() && is_digit(t[p])) {
                ++p;
            }
            if (p == start) {
                return DateTimeForm::invalid;
            }
        }
    }
    // Zone: Z, +HH, +HHMM, +HH:MM, or none.
    if (p < t.size()) {
        if (t[p] == 'Z' || t[p] == 'z') {
            ++p;
        } else if (t[p] == '+' || t[p] == '-') {
            if (!digits(t, p + 1, 2)) {
                return DateTimeForm::invalid;
            }
            p += 3;
            if (p < t.size() && t[p] == ':') {
                ++p;
            }
            if (p < t.size()) {
                if (!digits(t, p, 2)) {
                    return DateTimeForm::invalid;
                }
                p += 2;
            }
        }
    }
    if (p != t.size()) {
        return DateTimeForm::invalid;
    }
    return sep == ':' ? DateTimeForm::iso : DateTimeForm::dashed;
}

} // namespace harness::contracts::detail
