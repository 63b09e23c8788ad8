#include "extract/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace jixiao {
namespace {

// Enough text for the detector to be sure; more only costs time.
constexpr size_t kDetectBytes = 256 * 1024;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// `bytes` in `encoding` -> UTF-8, failing on any sequence the encoding does
// not define.
Result<std::string> Convert(std::string_view bytes, const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) return Result<std::string>::Error("unknown text encoding " + encoding);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 1, u'\0');
  const int32_t capacity = static_cast<int32_t>(std::min<size_t>(utf16.size(), INT32_MAX));
  const int32_t length = ucnv_toUChars(conv.get(), utf16.data(), capacity, bytes.data(),
                                       static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return Result<std::string>::Error("text is not valid " + encoding);
  utf16.resize(static_cast<size_t>(length));
  for (char16_t c : utf16)
    if (c == 0) return Result<std::string>::Error("text is not valid " + encoding + " (NUL characters)");
  if (!utf16.empty() && utf16.front() == 0xFEFF) utf16.erase(0, 1);
  int32_t out_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &out_length, reinterpret_cast<const UChar*>(utf16.data()),
              static_cast<int32_t>(utf16.size()), &status);
  std::string out(static_cast<size_t>(out_length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), out_length, &out_length, reinterpret_cast<const UChar*>(utf16.data()),
              static_cast<int32_t>(utf16.size()), &status);
  if (U_FAILURE(status)) return Result<std::string>::Error("text is not valid " + encoding);
  return out;
}

bool IsValidUtf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status);
}

// Whether a code point is one Chinese report text is made of: ASCII text,
// line breaks, CJK ideographs and punctuation, full-width forms, and the
// symbols forms use (≥, ≤, □, ☑, ①, ×, —).
bool IsReportChar(uint32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || (c >= 0x20 && c < 0x7F) ||
         (c >= 0xA0 && c < 0x250) || (c >= 0x2000 && c < 0x2800) || (c >= 0x2E80 && c < 0xA000) ||
         (c >= 0xF900 && c < 0xFB00) || (c >= 0xFE30 && c < 0xFFF0) || (c >= 0x10000 && c < 0x110000);
}

// The share of report characters in `bytes` read as UTF-16 in one byte
// order (`little_endian`), or 0 when that reading is not well-formed.
double Utf16ReportShare(std::string_view bytes, bool little_endian) {
  const size_t n = std::min(bytes.size(), kDetectBytes) & ~size_t{1};
  size_t good = 0, total = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    const unsigned char a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    uint32_t unit = little_endian ? (a | (b << 8)) : ((a << 8) | b);
    if (unit >= 0xD800 && unit < 0xDC00) {  // a pair, unless the sample ends inside it
      if (i + 3 >= n) break;
      const unsigned char c = static_cast<unsigned char>(bytes[i + 2]), d = static_cast<unsigned char>(bytes[i + 3]);
      const uint32_t low = little_endian ? (c | (d << 8)) : ((c << 8) | d);
      if (low < 0xDC00 || low >= 0xE000) return 0;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (unit >= 0xDC00 && unit < 0xE000) {
      return 0;
    }
    ++total;
    if (IsReportChar(unit)) ++good;
  }
  return total == 0 ? 0 : static_cast<double>(good) / static_cast<double>(total);
}

// The UTF-16 byte order of text without a byte-order mark, or "" when the
// bytes do not read as report text (at least 95 % report characters) in
// either order. Binary data fails this: its NULs and high bytes fall
// anywhere, so one order or the other gives control characters, unpaired
// surrogates or rare scripts.
std::string Utf16Order(std::string_view bytes) {
  const double le = Utf16ReportShare(bytes, true), be = Utf16ReportShare(bytes, false);
  if (std::max(le, be) < 0.95) return "";
  return le >= be ? "UTF-16LE" : "UTF-16BE";
}

// Decoded text that is text: no control characters but tab, line breaks
// and form feed.
bool IsPlainText(std::string_view utf8) {
  for (unsigned char c : utf8)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

// ICU's guesses, best first, as canonical converter names.
std::vector<std::string> DetectorGuesses(std::string_view bytes) {
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return names;
  const size_t n = std::min(bytes.size(), kDetectBytes);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(n), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return names;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    names.push_back(name);
  }
  return names;
}

// The encodings Chinese reports are published in, besides UTF-8.
bool IsAcceptedGuess(const std::string& name) {
  return name == "GB18030" || name == "Big5" || name == "UTF-16LE" || name == "UTF-16BE";
}

}  // namespace

bool LooksLikeUtf16(std::string_view head) {
  if (StartsWith(head, "\xff\xfe") || StartsWith(head, "\xfe\xff")) return true;
  // Without NULs it is read as 8-bit text (UTF-8, GB18030, Big5).
  return head.find('\0') != std::string_view::npos && !Utf16Order(head).empty();
}

Result<DecodedText> DecodeText(std::string_view bytes, const std::string& forced) {
  using R = Result<DecodedText>;
  if (!forced.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    const char* canonical = ucnv_getCanonicalName(forced.c_str(), "", &status);
    std::string name = (U_SUCCESS(status) && canonical != nullptr) ? canonical : forced;
    Result<std::string> text = Convert(bytes, forced);
    if (!text.ok()) return R(text.status());
    return DecodedText{std::move(text).value(), name.empty() ? forced : name};
  }
  if (StartsWith(bytes, "\xef\xbb\xbf")) {
    if (!IsValidUtf8(bytes.substr(3))) return R::Error("text starts as UTF-8 but is not valid UTF-8");
    return DecodedText{std::string(bytes.substr(3)), "UTF-8"};
  }
  for (const char* order : {"UTF-16LE", "UTF-16BE"}) {
    const bool le = std::string_view(order) == "UTF-16LE";
    if (!StartsWith(bytes, le ? "\xff\xfe" : "\xfe\xff")) continue;
    Result<std::string> text = Convert(bytes.substr(2), order);
    if (!text.ok()) return R(text.status());
    return DecodedText{std::move(text).value(), order};
  }
  const bool has_nul = bytes.find('\0') != std::string_view::npos;
  if (!has_nul && IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  if (has_nul) {
    const std::string order = Utf16Order(bytes);
    if (order.empty()) return R::Error("not a PDF, image or text file (binary data)");
    Result<std::string> text = Convert(bytes, order);
    if (!text.ok() || !IsPlainText(text.value())) return R::Error("not a PDF, image or text file (binary data)");
    return DecodedText{std::move(text).value(), order};
  }
  const std::vector<std::string> guesses = DetectorGuesses(bytes);
  for (const std::string& guess : guesses) {
    if (!IsAcceptedGuess(guess)) continue;
    Result<std::string> text = Convert(bytes, guess);
    if (text.ok()) return DecodedText{std::move(text).value(), guess};
  }
  return R::Error("not valid UTF-8, nor GB18030, Big5 or UTF-16 text (binary data?" +
                  (guesses.empty() ? std::string() : " ICU guesses " + guesses.front()) +
                  "); if it is text, name its encoding with --encoding NAME");
}

}  // namespace jixiao
