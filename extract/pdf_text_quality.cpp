#include "extract/pdf_text_quality.h"

#include <unicode/ucnv.h>

#include <memory>

#include "extract/pdf_utf8.h"

namespace jixiao {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// GB2312 level of a Han character: 1 (the 3755 common ones), 2 (the 3008
// less common ones), 0 (outside GB2312), -1 when the converter is missing.
class Gb2312 {
 public:
  Gb2312() {
    UErrorCode status = U_ZERO_ERROR;
    conv_.reset(ucnv_open("GB2312", &status));
    if (U_FAILURE(status)) conv_.reset();
    if (conv_) {
      status = U_ZERO_ERROR;
      ucnv_setFromUCallBack(conv_.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
  }
  int Level(char32_t c) {
    if (!conv_ || c > 0xFFFF) return conv_ ? 0 : -1;
    const UChar in[1] = {static_cast<UChar>(c)};
    char out[8];
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(conv_.get());
    const int32_t n = ucnv_fromUChars(conv_.get(), out, sizeof out, in, 1, &status);
    if (U_FAILURE(status) || n != 2) return 0;
    const unsigned char lead = static_cast<unsigned char>(out[0]);
    if (lead >= 0xB0 && lead <= 0xD7) return 1;
    if (lead >= 0xD8 && lead <= 0xF7) return 2;
    return 0;
  }

 private:
  std::unique_ptr<UConverter, ConverterCloser> conv_;
};

bool IsAsciiText(char32_t c) { return c >= 0x21 && c <= 0x7E; }

// Common typography outside the Han and ASCII ranges.
bool IsCommonSymbol(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) || c == 0x2014 ||
         c == 0x2026 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x00B7 ||
         c == 0x2264 || c == 0x2265 || c == 0x2266 || c == 0x2267 || c == 0x00D7 || c == 0x00F7 ||
         c == 0x2103 || c == 0x00B1 || c == 0x2030 || c == 0x25A1 || c == 0x2610 || c == 0x2611 ||
         c == 0x221A || c == 0x2013 || c == 0x2212 || (c >= 0x2460 && c <= 0x2473) ||
         (c >= 0x2160 && c <= 0x216B);
}

}  // namespace

TextLayerVerdict JudgeTextLayer(const std::vector<Word>& words) {
  TextLayerVerdict v;
  Gb2312 gb;
  long total = 0, han = 0, common_han = 0, bad = 0;
  long word_count = 0, junk_fragments = 0;
  for (const Word& w : words) {
    std::size_t pos = 0;
    long chars = 0, word_good = 0;
    while (pos < w.text.size()) {
      const char32_t c = pdf_utf8::Next(w.text, &pos);
      if (c == ' ' || c == 0x3000 || c == '\t') continue;
      ++chars;
      if (pdf_utf8::IsHan(c)) {
        ++han;
        const int level = gb.Level(c);
        if (level == 1 || level < 0) {
          ++common_han;
          ++word_good;
        } else if (level == 2) {
          ++word_good;
        } else {
          ++bad;
        }
      } else if (IsAsciiText(c) || IsCommonSymbol(c)) {
        ++word_good;
      } else if (c == 0xFFFD || pdf_utf8::IsPrivateUse(c) || c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        bad += 2;  // certainly not text
      } else {
        ++bad;
      }
    }
    if (chars == 0) continue;
    total += chars;
    ++word_count;
    // One-character fragments that are not a Chinese character or a digit:
    // the debris of a poor OCR layer ( | ' ~ _ ).
    if (chars == 1 && word_good == 1) {
      std::size_t p = 0;
      const char32_t c = pdf_utf8::Next(w.text, &p);
      if (!pdf_utf8::IsHan(c) && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') &&
          !(c >= 'a' && c <= 'z'))
        ++junk_fragments;
    }
  }
  if (total == 0) {
    v.reason = "no text layer";
    return v;
  }
  v.quality = std::max(0.0, 1.0 - static_cast<double>(bad) / static_cast<double>(total));
  if (han == 0 && total < 40) {
    v.reason = "no Chinese text and little text of any kind";
    return v;
  }
  if (v.quality < 0.75) {
    v.reason = "text layer is mostly unreadable characters";
    return v;
  }
  if (han >= 20 && common_han < 0.7 * han) {
    v.reason = "text layer reads like a poor OCR layer (many rare characters)";
    return v;
  }
  if (word_count >= 20 && junk_fragments * 4 > word_count) {
    v.reason = "text layer reads like a poor OCR layer (many stray symbols)";
    return v;
  }
  v.usable = true;
  return v;
}

}  // namespace jixiao
