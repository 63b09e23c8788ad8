#include "normalize/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace jixiao::norm {
namespace {

// Folding NFKC does not do, applied one code point at a time.
char32_t FoldOne(char32_t c) {
  switch (c) {
    case U'\t': case U'\n': case U'\r': case U'\f': case U'\v':
    case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009:
    case 0x200B: case 0x202F: case 0xFEFF:
      return U' ';
    case 0x2267: case 0x2A7E: return U'≥';   // ≧ ⩾
    case 0x2266: case 0x2A7D: return U'≤';   // ≦ ⩽
    case 0x30FB: case 0x2022: case 0x2027: case 0x2219: case 0x22C5:
    case 0xFF65: case 0x00B7:
      return U'·';
    case 0x2212: case 0x2010: case 0x2011: case 0x2013: case 0xFE63:
      return U'-';
    case 0x2215: case 0x2044: return U'/';
    case 0x5169: return U'两';   // 兩
    default: return c;
  }
}

}  // namespace

std::optional<Text> DecodeUtf8(std::string_view bytes) {
  Text out;
  out.reserve(bytes.size());
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return std::nullopt;
    if ((c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\f' && c != U'\v') ||
        c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      return std::nullopt;
    }
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length > 0 && i + length <= bytes.size()) {
      const std::string_view one = bytes.substr(i, length);
      if (auto decoded = DecodeUtf8(one); decoded && decoded->size() == 1) {
        out.append(one);
        i += length;
        continue;
      }
    }
    out += "\xEF\xBF\xBD";
    ++i;
  }
  return out;
}

Text Fold(TextView text) {
  Text normalized(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status) && nfkc != nullptr && !text.empty()) {
    icu::UnicodeString in = icu::UnicodeString::fromUTF32(
        reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
    icu::UnicodeString out = nfkc->normalize(in, status);
    if (U_SUCCESS(status)) {
      normalized.assign(static_cast<std::size_t>(out.countChar32()), U'\0');
      UErrorCode convert = U_ZERO_ERROR;
      int32_t written = out.toUTF32(reinterpret_cast<UChar32*>(normalized.data()),
                                    static_cast<int32_t>(normalized.size()), convert);
      if (U_FAILURE(convert) || written < 0) {
        normalized.assign(text);
      } else {
        normalized.resize(static_cast<std::size_t>(written));
      }
    }
  }
  for (char32_t& c : normalized) c = FoldOne(c);
  return normalized;
}

bool IsBlank(char32_t c) { return FoldOne(c) == U' '; }

TextView Trim(TextView text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && IsBlank(text[begin])) ++begin;
  while (end > begin && IsBlank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

Text JoinSpacedHan(TextView text) {
  Text out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsSpace(text[i]) && !out.empty() && IsHan(out.back())) {
      std::size_t next = i;
      while (next < text.size() && IsSpace(text[next])) ++next;
      if (next < text.size() && IsHan(text[next])) {
        i = next - 1;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace jixiao::norm
