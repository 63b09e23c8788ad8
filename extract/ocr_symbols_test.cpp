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
  // "100%" read "1009%4" with the sign's box narrowed between the two.
  std::vector<OcrWord> narrow = {Word({{"1", {67, 16}}, {"0", {76, 19}}, {"0", {97, 19}}, {"9", {117, 10}},
                                       {"%", {126, 7}}, {"4", {119, 34}}})};
  CleanSymbols(&narrow);
  EXPECT_EQ(narrow[0].text, "100%");
  // "92%" read "929%0": the 9 0.78 as wide as the 2, boxed over the upper
  // circle only.
  OcrWord upper = Word({{"9", {66, 16}}, {"2", {78, 18}}, {"9", {99, 14}}, {"%", {109, 7}}, {"0", {107, 27}}});
  upper.symbols[2].y1 = 17;
  std::vector<OcrWord> upper_words = {upper};
  CleanSymbols(&upper_words);
  EXPECT_EQ(upper_words[0].text, "92%");
  // Digits printed before the sign stay, though page-level boxes may put
  // them partly or wholly inside it (boxes from "50%", "83%" and "100%").
  std::vector<OcrWord> beside = {Word({{"5", {1899, 31}}, {"0", {1919, 27}}, {"%", {1932, 38}}}),
                                 Word({{"8", {1797, 24}}, {"3", {1816, 20}}, {"%", {1821, 48}}}),
                                 Word({{"1", {1955, 46}}, {"0", {1978, 24}}, {"0", {2001, 24}}, {"%", {2001, 48}}})};
  CleanSymbols(&beside);
  EXPECT_EQ(beside[0].text, "50%");
  EXPECT_EQ(beside[1].text, "83%");
  EXPECT_EQ(beside[2].text, "100%");
  // A 9 printed before the sign is a whole digit wide.
  std::vector<OcrWord> nines = {Word({{"9", {60, 19}}, {"9", {80, 19}}, {"%", {100, 34}}}),
                                Word({{"1", {60, 11}}, {"9", {74, 19}}, {"%", {94, 34}}})};
  CleanSymbols(&nines);
  EXPECT_EQ(nines[0].text, "99%");
  EXPECT_EQ(nines[1].text, "19%");
}

TEST(IsOnlyShapesOfOne, LatinShapesOfOneOnly) {
  EXPECT_TRUE(IsOnlyShapesOfOne({Word({{"l", {0, 6}}, {"l", {10, 6}}})}));
  EXPECT_TRUE(IsOnlyShapesOfOne({Word({{"I", {0, 6}}}), Word({{"]", {20, 6}}})}));
  EXPECT_FALSE(IsOnlyShapesOfOne({Word({{"l", {0, 6}}, {"1", {10, 6}}})}));
  EXPECT_FALSE(IsOnlyShapesOfOne({Word({{"I", {0, 6}}, {"T", {10, 6}}})}));
  EXPECT_FALSE(IsOnlyShapesOfOne({}));
  EXPECT_FALSE(IsOnlyShapesOfOne({Word({{"l", {0, 6}}, {"l", {10, 6}}, {"l", {20, 6}}, {"l", {30, 6}}, {"l", {40, 6}}})}));
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
