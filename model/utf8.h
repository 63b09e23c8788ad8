// UTF-8 <-> UTF-32 for every stage: the one codec of the project.
//
// Text in the model is UTF-8 (std::string); the readers that walk text by
// character work on UTF-32. Decoding never fails: a byte that does not start
// a well-formed sequence becomes U+FFFD (replacement character) and reading
// goes on. Encoding writes U+FFFD for a surrogate or a value beyond U+10FFFF,
// so the output is always well-formed UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// `text` as code points; ill-formed bytes become U+FFFD.
std::u32string DecodeUtf8Lossy(std::string_view text);

// Appends code point `c` to `out` as UTF-8.
void AppendUtf8(std::string& out, char32_t c);

// `text` as UTF-8.
std::string EncodeUtf8(std::u32string_view text);

}  // namespace jixiao
