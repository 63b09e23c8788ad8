// Symbol fixes after recognition.
#include "extract/ocr_symbols.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

// Symbols with explicit left edges and widths, rows 0..30.
OcrWord Word(const std::vector<std::pair<std::string, std::pair<int, int>>>& symbols) {
  OcrWord w;
  for (const auto& [text, box] : symbols) {
    w.symbols.push_back(OcrSymbol{text, box.first, 0, box.first + box.second, 30, 0.9});
    w.text += text;
  }
  w.x0 = symbols.front().second.first;
  w.x1 = symbols.back().second.first + symbols.back().second.second;
  w.y1 = 30;
  return w;
}

TEST(CleanSymbols, APercentSignReadTwiceCountsOnceButDigitsStay) {
  // Neighbouring digit boxes overlap as much as the doubled sign's.
  std::vector<OcrWord> words = {Word({{"1", {0, 14}}, {"0", {10, 16}}, {"0", {20, 16}}, {"%", {36, 20}}, {"%", {40, 20}}})};
  CleanSymbols(&words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "100%");
  EXPECT_EQ(words[0].x1, 60);
}

TEST(CleanSymbols, DigitsReadInsideAPercentSignArePartsOfTheSign) {
  // "95%" read "959%0": a 9 over the sign's left circle, a 0 over its right.
  std::vector<OcrWord> words = {Word({{"9", {57, 20}}, {"5", {80, 19}}, {"9", {101, 10}}, {"%", {101, 34}},
                                      {"0", {120, 15}}})};
  CleanSymbols(&words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "95%");
  // A digit that only touches the sign's edge is printed beside it.
  std::vector<OcrWord> beside = {Word({{"9", {21, 19}}, {"0", {43, 20}}, {"%", {60, 34}}})};
  CleanSymbols(&beside);
  EXPECT_EQ(beside[0].text, "90%");
}

TEST(CleanSymbols, DropsRulePiecesAndRestoresFullWidthParentheses) {
  std::vector<OcrWord> words = {Word({{"|", {0, 4}}}), Word({{"〈", {10, 10}}, {"(", {12, 8}}, {"万", {22, 20}},
                                                           {"元", {44, 20}}, {"〉", {66, 10}}})};
  CleanSymbols(&words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "（万元）");
}

}  // namespace
}  // namespace jixiao
