#include "form/read_quality.h"

#include <gtest/gtest.h>

namespace jixiao::form {
namespace {

Indicator Row(const std::string& name, std::optional<double> score) {
  Indicator ind;
  ind.name = name;
  ind.score.declared = score;
  return ind;
}

TEST(AssessReading, ACleanTableIsComplete) {
  Report r;
  r.indicators = {Row("参保率", 10), Row("知晓率", 8)};
  AssessReading(r);
  EXPECT_TRUE(r.reading.complete());
  EXPECT_EQ(r.reading.indicators_read, 2);
  EXPECT_EQ(r.reading.figures, 2);
}

// A goal's label interleaved into a row's name (converter text that lost
// the columns): "宣传医标2（10分）疗保障政策".
TEST(AssessReading, AWeightLabelInsideANameIsAProblem) {
  Report r;
  r.indicators = {Row("进一步为服务对象宣传医标2（10分）疗保障政策", 10), Row("知晓率", 8)};
  AssessReading(r);
  ASSERT_EQ(r.reading.problems.size(), 1u);
  EXPECT_NE(r.reading.problems[0].find("(10分)"), std::string::npos);
}

TEST(AssessReading, ARowWithoutAnyFigureIsAProblem) {
  Report r;
  r.indicators = {Row("参保率", 10), Row("知晓率", std::nullopt)};
  AssessReading(r);
  ASSERT_EQ(r.reading.problems.size(), 1u);
  EXPECT_NE(r.reading.problems[0].find("知晓率"), std::string::npos);
}

// Figures in a name: the row's cells ran together. Numbers that name or
// number things (指标1, 2023年, 12345服务热线) are no sign of it.
TEST(AssessReading, ATargetOrActualFigureInsideANameIsAProblem) {
  Report r;
  r.indicators = {Row("长效管理机制服务对象满意定点医药机构满意度大于等于85%59.9%", 10),
                  Row("受益建档立卡贫困人口数≧26641人", 8),
                  Row("指标1：2023年12345服务热线接通率（%）", 8)};
  AssessReading(r);
  ASSERT_EQ(r.reading.problems.size(), 2u);
  EXPECT_NE(r.reading.problems[0].find("85%"), std::string::npos);
  EXPECT_NE(r.reading.problems[1].find("26641"), std::string::npos);
}

// 年度绩效目标2 wrapped into a row's name leaves 标2 there; 指标2 is how
// names are numbered.
TEST(AssessReading, AGoalLabelPieceInsideANameIsAProblem) {
  Report r;
  r.indicators = {Row("进一步为服务对象宣传医标2疗保障政策", 10), Row("指标2：群众知晓率", 8)};
  AssessReading(r);
  ASSERT_EQ(r.reading.problems.size(), 1u);
  EXPECT_NE(r.reading.problems[0].find("医标2疗"), std::string::npos);
}

TEST(AssessReading, DoubtfulFiguresAreCounted) {
  Report r;
  r.indicators = {Row("参保率", 10)};
  r.indicators[0].score.confidence = 0.55;
  AssessReading(r);
  EXPECT_EQ(r.reading.doubtful_figures, 1);
  EXPECT_DOUBLE_EQ(r.reading.min_confidence, 0.55);
}

}  // namespace
}  // namespace jixiao::form
