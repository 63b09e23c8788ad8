// Character-level helpers for the plain-text reader (text_input.cpp).
//
// All functions take UTF-8 and tolerate malformed bytes: an invalid byte is
// read as one code point U+FFFD of width 1, so nothing here can loop forever
// or read past the end. PrintWidth approximates how wide a line is on paper
// in half-em units: CJK ideographs, CJK punctuation and full-width forms 2,
// spaces 0 (pdftotext puts them into the gap around a number, not into the
// line), everything else 1; the reader uses it to tell a hard-wrapped line
// (as wide as the column) from a short one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/utf8.h"

namespace jixiao::text {

// Decodes the code point at `pos` and advances `pos` past it (at least one
// byte). Returns U+FFFD for malformed input. `pos` must be < s.size().
char32_t NextChar(std::string_view s, size_t& pos);

// The first / last code point, or 0 for an empty string.
char32_t FirstChar(std::string_view s);
char32_t LastChar(std::string_view s);

bool IsCjk(char32_t c);          // ideographs (the scripts that wrap without spaces)
bool IsWide(char32_t c);         // occupies two display columns
bool IsLetterOrDigit(char32_t c);
bool IsAsciiAlnum(char32_t c);
bool IsDigit(char32_t c);        // ASCII or full-width digit
// Spaces of any width (ASCII space, NBSP, ideographic space, ...), not tabs.
bool IsSpace(char32_t c);

int PrintWidth(std::string_view s);
size_t CharCount(std::string_view s);
bool HasLetterOrDigit(std::string_view s);

// Strips leading and trailing spaces of any width (not tabs).
std::string_view TrimSpaces(std::string_view s);

// Collapses each run of ASCII spaces to one space; other spaces (ideographic
// space separating printed fields) are kept as printed.
std::string CollapseSpaces(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

}  // namespace jixiao::text
