// Choosing between the chi_sim+eng and the chi_sim reading of a region.
#include "extract/ocr_script_check.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

std::vector<OcrWord> Reading(std::initializer_list<const char*> texts) {
  std::vector<OcrWord> words;
  for (const char* t : texts) {
    OcrWord w;
    w.text = t;
    words.push_back(w);
  }
  return words;
}

TEST(OcrScriptCheck, CountsAsciiLettersAndNeverPrintedSymbols) {
  EXPECT_EQ(CountLatinNoise("TA ARK"), 5);
  EXPECT_EQ(CountLatinNoise("(404})"), 1);
  EXPECT_EQ(CountLatinNoise("≥95%（20分）1,234.5"), 0);
  EXPECT_EQ(CountLatinNoise("执行率(B/A)"), 2);
  EXPECT_EQ(CountLatinNoise("１２３％ ＡＢ"), 0);  // full-width forms are not Latin noise
  EXPECT_EQ(CountLatinNoise(Reading({"DIP", "支付", "(At)"})), 5);
}

TEST(OcrScriptCheck, KeepsTheChineseReadingOfLatinNoise) {
  EXPECT_TRUE(PreferChineseOnlyReading(Reading({"TA", "ARK"}), Reading({"项目名称"})));
  EXPECT_TRUE(PreferChineseOnlyReading(Reading({"DIP支付方式改革工作经费(At)"}),
                                       Reading({"DIP支付方式改革工作经费(石桥)"})));
}

TEST(OcrScriptCheck, KeepsTheCombinedReadingOfRealLatin) {
  // The same letters both ways: the combined reading (better at "/" and %) stays.
  EXPECT_FALSE(PreferChineseOnlyReading(Reading({"执行率", "(B/A)"}), Reading({"执行率", "(BA)"})));
  // More Chinese but as much Latin: not noise that chi_sim fixed.
  EXPECT_FALSE(PreferChineseOnlyReading(Reading({"DRG", "付费"}), Reading({"DRG", "付费改"})));
  // Fewer letters but no more Chinese (a number read as letters either way).
  EXPECT_FALSE(PreferChineseOnlyReading(Reading({"l00%"}), Reading({"100%0"})));
  EXPECT_FALSE(PreferChineseOnlyReading(Reading({"TA"}), Reading({})));
}

// A word of one symbol per code point, `step` px apart from x0, rows 0..30.
OcrWord Placed(const std::vector<std::string>& chars, int x0, double confidence, int step = 20) {
  OcrWord w;
  int x = x0;
  for (const std::string& c : chars) {
    w.symbols.push_back(OcrSymbol{c, x, 0, x + step - 2, 30, confidence});
    w.text += c;
    x += step;
  }
  w.x0 = x0, w.x1 = x, w.y1 = 30;
  w.confidence = confidence;
  return w;
}

TEST(OcrScriptCheck, MergedReadingTakesTheFigureFromTheCombinedReading) {
  // chi_sim: 大于等于959%4 ; chi_sim+eng: noise over the words, then 95%
  // on the same 100 px (chi_sim cut the three glyphs into five symbols).
  OcrWord chinese_word = Placed({"大", "于", "等", "于"}, 0, 0.3);
  OcrWord figure = Placed({"9", "5", "9", "%", "4"}, 80, 0.3);
  chinese_word.symbols.insert(chinese_word.symbols.end(), figure.symbols.begin(), figure.symbols.end());
  chinese_word.text += figure.text;
  const std::vector<OcrWord> chinese = {chinese_word};
  const std::vector<OcrWord> combined = {Placed({"K", "t"}, 0, 0.4), Placed({"9", "5", "%"}, 80, 0.95, 33)};
  std::vector<OcrWord> merged = MergeReadings(combined, chinese);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].text, "大于等于95%");
  EXPECT_NEAR(merged[0].confidence, 0.3, 1e-9);  // its Chinese symbols are as doubtful as before
  // Letters where the figure is: the chi_sim symbols stay.
  const std::vector<OcrWord> lettered = {Placed({"K", "t", "T", "a", "l", "l"}, 0, 0.4)};
  EXPECT_EQ(MergeReadings(lettered, chinese)[0].text, "大于等于959%4");
  // A figure covering only part of the run ("6" of "96") replaces nothing.
  const std::vector<OcrWord> score = {Placed({"评", "分", "9", "6", "分"}, 0, 0.6)};
  const std::vector<OcrWord> part = {Placed({"x", "y", "z"}, 0, 0.4), Placed({"6"}, 60, 0.9)};
  EXPECT_EQ(MergeReadings(part, score)[0].text, "评分96分");
}

}  // namespace
}  // namespace jixiao
