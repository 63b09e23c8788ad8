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

TEST(OcrScriptCheck, CountsAsciiLettersOnly) {
  EXPECT_EQ(CountLatinLetters("TA ARK"), 5);
  EXPECT_EQ(CountLatinLetters("执行率(B/A)"), 2);
  EXPECT_EQ(CountLatinLetters("１２３％ ＡＢ"), 0);  // full-width forms are not Latin noise
  EXPECT_EQ(CountLatinLetters(Reading({"DIP", "支付", "(At)"})), 5);
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

}  // namespace
}  // namespace jixiao
