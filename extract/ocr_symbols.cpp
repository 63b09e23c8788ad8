// CleanSymbols: ruling-line pieces, full-width parentheses, signs read twice.
#include "extract/ocr_symbols.h"

#include <algorithm>
#include <string>

namespace jixiao {
namespace {

// One sign read twice: the same symbol again over at least half of the
// narrower box ("100%%" with both % on the one sign). Only signs: the
// boxes of neighbouring digits overlap too ("100" is no "10").
bool IsSameGlyphTwice(const OcrSymbol& a, const OcrSymbol& b) {
  if (a.text != b.text || (a.text != "%" && a.text != "％" && a.text != "‰")) return false;
  const int overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const int narrower = std::min(a.x1 - a.x0, b.x1 - b.x0);
  return narrower > 0 && overlap * 2 >= narrower;
}

bool IsPercentSign(const std::string& text) { return text == "%" || text == "％"; }

bool IsAsciiDigit(const std::string& text) { return text.size() == 1 && text[0] >= '0' && text[0] <= '9'; }

// Whether at least three quarters of `digit`'s box lie within `sign`'s.
bool MostlyInside(const OcrSymbol& digit, const OcrSymbol& sign) {
  const int overlap = std::min(digit.x1, sign.x1) - std::max(digit.x0, sign.x0);
  const int width = digit.x1 - digit.x0;
  return width > 0 && overlap * 4 >= width * 3;
}

// The model now and then reads a % sign as "9%" plus a digit ("95%" as
// "959%0", "65%" as "659%0"): a narrow 9 over the sign's left circle and a
// digit over its right, both boxed inside the sign. A digit printed before
// the sign is a whole digit wide, although page-level boxes may put it
// inside a widened sign box ("100%": the last 0's box within the %'s); and
// no digit is printed right after a % sign.
bool IsPhantomBeforePercent(const OcrSymbol& digit, const OcrSymbol& sign) {
  return digit.text == "9" && IsPercentSign(sign.text) && MostlyInside(digit, sign) &&
         (digit.x1 - digit.x0) * 2 <= sign.x1 - sign.x0;
}

bool IsPhantomAfterPercent(const OcrSymbol& digit, const OcrSymbol& sign) {
  return IsAsciiDigit(digit.text) && IsPercentSign(sign.text) && MostlyInside(digit, sign);
}

// `symbols` without the digits read inside a neighbouring % sign.
std::vector<OcrSymbol> WithoutDigitsInsidePercent(const std::vector<OcrSymbol>& symbols) {
  std::vector<OcrSymbol> kept;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    const bool phantom = (i + 1 < symbols.size() && IsPhantomBeforePercent(symbols[i], symbols[i + 1])) ||
                         (i > 0 && IsPhantomAfterPercent(symbols[i], symbols[i - 1]));
    if (!phantom) kept.push_back(symbols[i]);
  }
  return kept;
}

}  // namespace

void CleanSymbols(std::vector<OcrWord>* words) {
  std::vector<OcrWord> kept;
  for (OcrWord& w : *words) {
    std::vector<OcrSymbol> symbols;
    for (OcrSymbol& s : w.symbols) {
      if (s.text == "|" || s.text == "丨") continue;
      if (s.text == "〈") s.text = "（";
      if (s.text == "〉") s.text = "）";
      if (!symbols.empty() && ((symbols.back().text == "（" && s.text == "(") ||
                               (symbols.back().text == "）" && s.text == ")"))) {
        symbols.back().x1 = std::max(symbols.back().x1, s.x1);
        continue;
      }
      if (!symbols.empty() && IsSameGlyphTwice(symbols.back(), s)) {
        symbols.back().x1 = std::max(symbols.back().x1, s.x1);
        continue;
      }
      symbols.push_back(std::move(s));
    }
    symbols = WithoutDigitsInsidePercent(symbols);
    if (symbols.empty()) continue;
    const bool dropped = symbols.size() != w.symbols.size();
    w.symbols = std::move(symbols);
    if (dropped) {
      FitToSymbols(&w);
    } else {
      // Only texts changed: the box Tesseract gave the word stays.
      w.text.clear();
      for (const OcrSymbol& s : w.symbols) w.text += s.text;
    }
    kept.push_back(std::move(w));
  }
  *words = std::move(kept);
}

bool IsOnlyShapesOfOne(const std::vector<OcrWord>& words) {
  std::size_t count = 0;
  for (const OcrWord& w : words) {
    for (const OcrSymbol& s : w.symbols) {
      if (s.text != "l" && s.text != "I" && s.text != "|" && s.text != "!" && s.text != "]" && s.text != "[")
        return false;
      ++count;
    }
  }
  return count >= 1 && count <= 4;
}

}  // namespace jixiao
