// Latin noise versus Chinese: counting letters and ideographs.
#include "extract/ocr_script_check.h"

#include <algorithm>

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

bool HasIdeograph(const std::string& t) {
  for (size_t pos = 0; pos < t.size();)
    if (text::IsCjk(text::NextChar(t, pos))) return true;
  return false;
}

bool IsFigureText(const std::string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '%' || c == '.' || c == ',' || c == '-' || c == '+';
  });
}

bool HoldsFigure(const std::string& t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == '%'; });
}

// The combined reading's symbols centred within [x0, x1) on the rows y0..y1.
std::vector<OcrSymbol> SymbolsWithin(const std::vector<OcrWord>& words, int x0, int x1, int y0, int y1) {
  std::vector<OcrSymbol> out;
  for (const OcrWord& w : words)
    for (const OcrSymbol& s : w.symbols) {
      const int cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2;
      if (cx >= x0 && cx < x1 && cy >= y0 && cy < y1) out.push_back(s);
    }
  std::sort(out.begin(), out.end(), [](const OcrSymbol& a, const OcrSymbol& b) { return a.x0 < b.x0; });
  return out;
}

}  // namespace

int CountLatinNoise(std::string_view text) {
  int n = 0;
  static constexpr std::string_view kNeverPrinted = "{}[]\\~^_`@#$&";
  for (char ch : text)
    n += (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || kNeverPrinted.find(ch) != std::string_view::npos ? 1 : 0;
  return n;
}

int CountLatinNoise(const std::vector<OcrWord>& words) {
  int n = 0;
  for (const OcrWord& w : words) n += CountLatinNoise(w.text);
  return n;
}

bool PreferChineseOnlyReading(const std::vector<OcrWord>& combined, const std::vector<OcrWord>& chinese_only) {
  return CountIdeographs(chinese_only) > CountIdeographs(combined) &&
         CountLatinNoise(chinese_only) < CountLatinNoise(combined);
}

std::vector<OcrWord> MergeReadings(const std::vector<OcrWord>& combined, const std::vector<OcrWord>& chinese_only) {
  std::vector<OcrWord> out;
  for (const OcrWord& word : chinese_only) {
    OcrWord merged = word;
    merged.symbols.clear();
    merged.text.clear();
    size_t k = 0;
    while (k < word.symbols.size()) {
      if (HasIdeograph(word.symbols[k].text)) {
        merged.symbols.push_back(word.symbols[k++]);
        continue;
      }
      // A run of non-Chinese symbols, and what the combined reading saw there.
      size_t end = k;
      int x0 = word.symbols[k].x0, x1 = word.symbols[k].x1, y0 = word.symbols[k].y0, y1 = word.symbols[k].y1;
      std::string run;
      for (; end < word.symbols.size() && !HasIdeograph(word.symbols[end].text); ++end) {
        const OcrSymbol& s = word.symbols[end];
        x0 = std::min(x0, s.x0), x1 = std::max(x1, s.x1), y0 = std::min(y0, s.y0), y1 = std::max(y1, s.y1);
        run += s.text;
      }
      std::vector<OcrSymbol> other = HoldsFigure(run) ? SymbolsWithin(combined, x0, x1, y0, y1) : std::vector<OcrSymbol>{};
      std::string other_text;
      int other_x0 = x1, other_x1 = x0;
      for (const OcrSymbol& s : other) {
        other_text += s.text;
        other_x0 = std::min(other_x0, s.x0), other_x1 = std::max(other_x1, s.x1);
      }
      // The combined reading must cover the run (at least 3/4 of its
      // width), not read a part of it: "96" is not replaced by its "6".
      const bool covers = (other_x1 - other_x0) * 4 >= (x1 - x0) * 3;
      if (IsFigureText(other_text) && covers) {
        merged.symbols.insert(merged.symbols.end(), other.begin(), other.end());
      } else {
        merged.symbols.insert(merged.symbols.end(), word.symbols.begin() + static_cast<long>(k),
                              word.symbols.begin() + static_cast<long>(end));
      }
      k = end;
    }
    for (const OcrSymbol& s : merged.symbols) merged.text += s.text;
    HoldConfidenceToSymbols(&merged);
    out.push_back(std::move(merged));
  }
  return out;
}

}  // namespace jixiao
