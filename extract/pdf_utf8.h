// Small UTF-8 helpers for the layout code: decoding code points and telling
// Chinese characters from Latin letters and digits.
//
// Used where words are joined (CJK runs join without spaces, Latin words and
// numbers with one) and where a text layer is judged usable. Malformed bytes
// decode as U+FFFD one byte at a time, so every loop advances.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao::pdf_utf8 {

// Decodes the code point at `*pos` and advances `*pos` (at least by one).
inline char32_t Next(std::string_view s, std::size_t* pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const std::size_t i = *pos;
  const unsigned char b0 = byte(i);
  int len = 0;
  char32_t cp = 0;
  if (b0 < 0x80) { *pos = i + 1; return b0; }
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; }
  else { *pos = i + 1; return 0xFFFD; }
  if (i + len > s.size()) { *pos = i + 1; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) { *pos = i + 1; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  *pos = i + len;
  return cp;
}

inline void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Han ideographs (the unified blocks and compatibility ideographs).
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

// Characters set full-width in Chinese text: Han, CJK punctuation, full-width
// forms. Between two of these (or one and a Latin word) no space is written.
inline bool IsWide(char32_t c) {
  return IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2200 && c <= 0x22FF) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x26FF);
}

inline bool IsPrivateUse(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFF);
}

inline char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t pos = 0;
  return Next(s, &pos);
}

inline char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t start = s.size() - 1;
  // Step back over continuation bytes (at most three).
  for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++k)
    --start;
  std::size_t pos = start;
  return Next(s, &pos);
}

// The separator to put between two pieces of text on one line that are
// `gap_em` character heights apart: none between full-width characters
// (Chinese is written without spaces) unless the gap is wide, one space
// between Latin words and numbers.
inline const char* JoinSeparator(std::string_view left, std::string_view right, double gap_em) {
  if (left.empty() || right.empty()) return "";
  if (gap_em > 1.0) return " ";
  const bool wide = IsWide(LastCodePoint(left)) || IsWide(FirstCodePoint(right));
  if (wide) return "";
  return gap_em > 0.2 ? " " : "";
}

}  // namespace jixiao::pdf_utf8
