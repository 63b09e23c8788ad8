// Latin noise versus Chinese: counting letters and ideographs.
#include "extract/ocr_script_check.h"

#include "extract/text_chars.h"

namespace jixiao {
namespace {

int CountIdeographs(const std::vector<OcrWord>& words) {
  int n = 0;
  for (const OcrWord& w : words) {
    for (size_t pos = 0; pos < w.text.size();) n += text::IsCjk(text::NextChar(w.text, pos)) ? 1 : 0;
  }
  return n;
}

}  // namespace

int CountLatinLetters(std::string_view text) {
  int n = 0;
  for (char ch : text) n += (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ? 1 : 0;
  return n;
}

int CountLatinLetters(const std::vector<OcrWord>& words) {
  int n = 0;
  for (const OcrWord& w : words) n += CountLatinLetters(w.text);
  return n;
}

bool PreferChineseOnlyReading(const std::vector<OcrWord>& combined, const std::vector<OcrWord>& chinese_only) {
  return CountIdeographs(chinese_only) > CountIdeographs(combined) &&
         CountLatinLetters(chinese_only) < CountLatinLetters(combined);
}

}  // namespace jixiao
