// Date-like OCR runs: which are read again, and how a reading replaces them.
#include "extract/ocr_dates.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

// One word of single-code-point symbols, `step` px apart, on the line y 0..40.
OcrWord Word(const std::vector<std::string>& chars, int x0, int step) {
  OcrWord w;
  int x = x0;
  for (const std::string& c : chars) {
    w.symbols.push_back(OcrSymbol{c, x, 0, x + step - 2, 40, 0.9});
    w.text += c;
    x += step;
  }
  w.x0 = x0, w.y0 = 0, w.x1 = x - 2, w.y1 = 40;
  w.confidence = 0.9;
  return w;
}

TEST(OcrDates, WellFormedDates) {
  EXPECT_TRUE(IsWellFormedDate("2023年5月"));
  EXPECT_TRUE(IsWellFormedDate("2025年2月13日"));
  EXPECT_TRUE(IsWellFormedDate("2023.6.21"));
  EXPECT_TRUE(IsWellFormedDate("2023-06"));
  EXPECT_FALSE(IsWellFormedDate("2023 45月"));
  EXPECT_FALSE(IsWellFormedDate("2023年13月"));
  EXPECT_FALSE(IsWellFormedDate("2023年5月32日"));
  EXPECT_FALSE(IsWellFormedDate("2023年"));
  EXPECT_FALSE(IsWellFormedDate("2023.6-21"));
  EXPECT_FALSE(IsWellFormedDate("20312.86"));
  EXPECT_FALSE(IsWellFormedDate(""));
}

TEST(OcrDates, FindsGarbledDatesOnly) {
  // 填报日期: 2023 45月 总分  (年 read as 4): one run across the two words.
  std::vector<OcrWord> words = {Word({"填", "报", "日", "期", ":"}, 0, 44), Word({"2", "0", "2", "3"}, 240, 22),
                                Word({"4", "5", "月"}, 340, 30), Word({"总", "分"}, 600, 44)};
  std::vector<DateRun> runs = FindDateRuns(words, 300);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "202345月");
  EXPECT_EQ(runs[0].x0, 240);
  EXPECT_EQ(runs[0].symbols.size(), 7u);
  // A 1 read as "]" and 日 read as 捍 under a seal: the whole date.
  std::vector<DateRun> sealed = FindDateRuns({Word({"2", "0", "2", "4", "年", "]", "月", "1", "3", "捍"}, 0, 30)}, 300);
  ASSERT_EQ(sealed.size(), 1u);
  EXPECT_EQ(sealed[0].text, "2024年]月13捍");
  EXPECT_EQ(sealed[0].x1, 298);
  // Well-formed dates, a year alone, an amount and a long number are left alone.
  EXPECT_TRUE(FindDateRuns({Word({"2", "0", "2", "3", "年", "5", "月"}, 0, 30)}, 300).empty());
  EXPECT_TRUE(FindDateRuns({Word({"2", "0", "2", "4", "年", "度"}, 0, 30)}, 300).empty());
  EXPECT_TRUE(FindDateRuns({Word({"2", "0", "3", "1", "2", ".", "8", "6"}, 0, 22)}, 300).empty());
  EXPECT_TRUE(FindDateRuns({Word({"2", "0", "0", "0", "0", "0", "0", "0"}, 0, 22)}, 300).empty());
  // A run on another line, or far to the right, is another run.
  OcrWord lower = Word({"5", "月"}, 100, 30);
  for (OcrSymbol& s : lower.symbols) s.y0 += 60, s.y1 += 60;
  EXPECT_TRUE(FindDateRuns({Word({"2", "0", "2", "3", " "}, 0, 22), lower}, 300).empty());
}

TEST(OcrDates, AWellFormedReadingReplacesTheRunAndKeepsTheRest) {
  std::vector<OcrWord> words = {Word({"期", ":", "2", "0", "2", "3"}, 0, 30), Word({"4", "5", "月"}, 200, 30),
                                Word({"总", "分"}, 400, 44)};
  std::vector<DateRun> runs = FindDateRuns(words, 300);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_FALSE(ReplaceDateRun(runs[0], {Word({"2", "0", "2", "3", "4", "5", "月"}, 60, 20)}, &words));
  EXPECT_EQ(words.size(), 3u);
  ASSERT_TRUE(ReplaceDateRun(runs[0], {Word({".", "2", "0", "2", "3", "年", "5", "月"}, 30, 30)}, &words));
  std::vector<std::string> texts;
  for (const OcrWord& w : words) texts.push_back(w.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"期:", "2023年5月", "总分"}));  // in reading order
  EXPECT_EQ(words[0].x1, 58);  // the label keeps its own box
  EXPECT_EQ(words[1].x0, runs[0].x0);  // the date the run's
  EXPECT_EQ(words[1].x1, runs[0].x1);
  for (const OcrSymbol& s : words[1].symbols) EXPECT_TRUE(s.x0 >= runs[0].x0 && s.x1 <= runs[0].x1);
}

}  // namespace
}  // namespace jixiao
