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

// The model now and then reads a % sign as "9%" plus a digit ("95%" as
// "959%0", "100%" as "1009%4"): the 9 over the sign's upper circle, the
// digit over its lower one. That 9 reaches the sign's box and is narrower
// than three quarters of the digit before it (measured 7-14 px against
// 18-20), or narrower than 0.85 of it and boxed over the upper circle
// alone (less than 0.7 of its height); a 9 printed there is a whole digit.
// Page-level boxes are loose ("100%" had its last 0 boxed within the %), so
// size, not position inside the sign, tells them apart.
bool IsPhantomBeforePercent(const OcrSymbol& before, const OcrSymbol& nine, const OcrSymbol& sign) {
  if (nine.text != "9" || !IsAsciiDigit(before.text) || !IsPercentSign(sign.text)) return false;
  if (nine.x1 < sign.x0 - 2) return false;
  const int width = nine.x1 - nine.x0, digit_width = before.x1 - before.x0;
  const bool short_box = (nine.y1 - nine.y0) * 10 < (before.y1 - before.y0) * 7;
  return width * 4 < digit_width * 3 || (short_box && width * 20 < digit_width * 17);
}

// No digit is printed right after a % sign: one whose box starts within
// the sign's is a part of it.
bool IsPhantomAfterPercent(const OcrSymbol& sign, const OcrSymbol& digit) {
  return IsPercentSign(sign.text) && IsAsciiDigit(digit.text) && digit.x0 < sign.x1;
}

// `symbols` without the digits read over a neighbouring % sign.
std::vector<OcrSymbol> WithoutDigitsInsidePercent(const std::vector<OcrSymbol>& symbols) {
  std::vector<OcrSymbol> kept;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    const bool phantom =
        (i > 0 && i + 1 < symbols.size() && IsPhantomBeforePercent(symbols[i - 1], symbols[i], symbols[i + 1])) ||
        (i > 0 && IsPhantomAfterPercent(symbols[i - 1], symbols[i]));
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
