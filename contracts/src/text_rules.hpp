// text_rules.hpp: hand-written checks for the text classes of the contracts (no std::regex on
// the hot path). Inputs are already trimmed.
#pragma once

#include <cstddef>
#include <string_view>

namespace harness::contracts::detail {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Byte offset of the first invalid UTF-8 sequence, or npos when `text` is valid UTF-8.
std::size_t utf8_invalid_offset(std::string_view text);

// Number of code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

inline bool is_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}
// Exactly 10 digits: 4158714245.
inline bool is_nanp10(std::string_view text) {
    return text.size() == 10 && is_digits(text);
}
// + then 2..15 digits, the first 1-9: +14158714245.
inline bool is_e164(std::string_view text) {
    return text.size() >= 3 && text.size() <= 16 && text[0] == '+' && text[1] >= '1' &&
           text[1] <= '9' && is_digits(text.substr(1));
}
bool is_integer(std::string_view text); // optional '-' then 1+ digits
bool is_alnum_space_dash(std::string_view text);

enum class DateTimeForm {
    iso,    // 2014-07-03T14:12:57.840Z, 2014-07-03, 2014-07-03T14:12:57+01:00
    dashed, // 2014-07-03T14-12-57.840Z: the documentation's artefact, accepted as a warning
    invalid,
};
DateTimeForm classify_date_time(std::string_view text);

} // namespace harness::contracts::detail
