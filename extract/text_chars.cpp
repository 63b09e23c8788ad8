#include "extract/text_chars.h"

#include <unicode/uchar.h>

namespace jixiao::text {

char32_t NextChar(std::string_view s, size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int extra = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    c = b0 & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + extra >= s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are malformed.
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (c < kMin[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += extra + 1;
  return c;
}

char32_t FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return NextChar(s, pos);
}

char32_t LastChar(std::string_view s) {
  if (s.empty()) return 0;
  // Step back over at most three continuation bytes to the lead byte.
  size_t start = s.size() - 1;
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++i)
    --start;
  size_t pos = start;
  const char32_t c = NextChar(s, pos);
  return pos == s.size() ? c : 0xFFFD;
}


bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool IsWide(char32_t c) {
  return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x2E80 && c <= 0x2FDF) ||
         (c >= 0x3040 && c <= 0x33FF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xFE30 && c <= 0xFE4F);
}

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

bool IsSpace(char32_t c) {
  return c == ' ' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F;
}

int PrintWidth(std::string_view s) {
  int width = 0;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = NextChar(s, pos);
    width += IsWide(c) ? 2 : (c == ' ' ? 0 : 1);
  }
  return width;
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) NextChar(s, pos);
  return n;
}

bool HasLetterOrDigit(std::string_view s) {
  for (size_t pos = 0; pos < s.size();)
    if (IsLetterOrDigit(NextChar(s, pos))) return true;
  return false;
}

std::string_view TrimSpaces(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (!IsSpace(NextChar(s, next))) break;
    begin = next;
  }
  s.remove_prefix(begin);
  while (!s.empty()) {
    const char32_t last = LastChar(s);
    if (!IsSpace(last)) break;
    size_t len = 1;
    while (len < s.size() && (static_cast<unsigned char>(s[s.size() - len]) & 0xC0) == 0x80) ++len;
    s.remove_suffix(len);
  }
  return s;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && !out.empty() && out.back() == ' ') continue;
    out += s[i];
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace jixiao::text
