// Folded text as code points, and the character classes the readers share.
//
// Every reader in normalize/ works on a std::u32string that fold.h produced:
// valid Unicode scalar values, NFKC-folded, with the few extra foldings the
// conventions need (≧ -> ≥, middle dots -> ·, dashes -> -). Positions are
// indices into that string; a reader never reads past size().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/utf8.h"

namespace jixiao::norm {

using Text = std::u32string;
using TextView = std::u32string_view;

inline bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsLatinLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
inline bool IsSpace(char32_t c) { return c == U' '; }

// CJK unified ideographs (the BMP blocks and extension A): the characters
// words are made of. Punctuation and symbols are not Han.
bool IsHan(char32_t c);

// True when `text` has `word` starting at `pos`.
bool MatchAt(TextView text, std::size_t pos, TextView word);

// True when `text` ends with `word` at `end` (the word occupies [end-|word|, end)).
bool MatchBefore(TextView text, std::size_t end, TextView word);

// First position at or after `pos` that is not a space.
std::size_t SkipSpaces(TextView text, std::size_t pos);

// Position after skipping spaces backwards from `end` (exclusive end).
std::size_t SkipSpacesBack(TextView text, std::size_t end);

}  // namespace jixiao::norm
