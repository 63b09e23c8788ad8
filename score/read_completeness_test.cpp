// Severities that rest on how completely and how surely a report was read.
#include "score/read_completeness.h"

#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

// A weight-column report: budget 10, two rows of 45 each, total 100.
Report ColumnReport(double total) {
  Report r;
  r.template_name = "weight-column";
  r.budget.planned = Money(100000, "10");
  r.budget.executed = Money(100000, "10");
  r.budget.rate = Percent(100, "100%");
  r.budget.weight = 10;
  r.budget.score = Declared(10);
  r.indicators = {WithWeight(Quantitative("专项检查次数", Count(4, "4"), Count(6, "6"), 45), 45),
                  WithWeight(Quantitative("宣传次数", Count(2, "2"), Count(2, "2"), 45), 45)};
  r.form_weight_total = 100;
  r.total.declared = Declared(total);
  return r;
}

TEST(ReadCompletenessTest, AWrongTotalOfACompleteReadingIsAnError) {
  Report r = ColumnReport(98);
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* f = FindFlag(r, FlagCode::kTotalMismatch);
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_TRUE(r.reading.complete());
}

// Printed weights that fall 45 short of the form total: a row was not
// read, so the items' sum cannot accuse the printed total.
TEST(ReadCompletenessTest, ASumOverRowsNotAllReadIsOnlyNoted) {
  Report r = ColumnReport(100);
  r.indicators.pop_back();
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_FALSE(r.reading.complete());
  ASSERT_EQ(r.reading.structure_problems.size(), 1u);
  const Flag* f = FindFlag(r, FlagCode::kTotalMismatch);
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

// A problem the reader reported makes structure sums notes as well, and
// scoring twice gives the same result (structure problems are not piled up).
TEST(ReadCompletenessTest, ReaderProblemsQuietStructureSumsAndRescoringIsStable) {
  Report r = ColumnReport(98);
  r.reading.problems.push_back("指标“宣传次数”的名称中夹有分值标签“(10分)”");
  ScoreReport(r, BuiltinProfile("weight-column"));
  ASSERT_NE(FindFlag(r, FlagCode::kTotalMismatch), nullptr);
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch)->severity, Severity::kInfo);
  EXPECT_NE(FindFlag(r, FlagCode::kTotalMismatch)->message.find("表格读取不完整"), std::string::npos);
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_TRUE(r.reading.structure_problems.empty());
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch)->severity, Severity::kInfo);
}

// An error resting on a figure OCR read with low confidence is a warning
// that says so; its evidence keeps the confidence.
TEST(ReadCompletenessTest, AnErrorOnADoubtfulFigureIsAWarning) {
  Report r = ColumnReport(100);
  r.budget.score = Declared(4);
  r.budget.score.raw = "4";
  r.budget.score.confidence = 0.62;
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* f = FindFlag(r, FlagCode::kBudgetScoreMismatch);
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kWarning);
  ASSERT_FALSE(f->evidence.empty());
  ASSERT_TRUE(f->evidence[0].confidence.has_value());
  EXPECT_DOUBLE_EQ(*f->evidence[0].confidence, 0.62);
  EXPECT_NE(f->message.find("识别置信度较低"), std::string::npos);
}

}  // namespace
// A printed rate ten times the recomputed one: on a text layer the document
// says so and is accused; read by OCR, a lost decimal point is the likelier
// cause, and the flag is a note that says so.
TEST(ReadCompletenessTest, AGapOfAnOrderOfMagnitudeOnOcrFiguresIsOnlyNoted) {
  for (bool ocr : {false, true}) {
    Report r = ColumnReport(100);
    r.budget.planned = Money(688272.8, "68.82728");
    r.budget.executed = Money(603000, "60.3");
    r.budget.rate = Percent(8.76, "8.76%");
    if (ocr) r.budget.planned->confidence = r.budget.executed->confidence = r.budget.rate->confidence = 0.93;
    ScoreReport(r, BuiltinProfile("weight-column"));
    const Flag* f = FindFlag(r, FlagCode::kRateMismatch);
    ASSERT_NE(f, nullptr) << Describe(r);
    EXPECT_EQ(f->severity, ocr ? Severity::kInfo : Severity::kError) << f->message;
  }
}

}  // namespace jixiao
