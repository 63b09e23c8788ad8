#include "form/form_text.h"

#include <gtest/gtest.h>

#include "form/labels.h"

namespace jixiao::form {
namespace {

TEST(FormText, FoldMakesLabelsComparable) {
  EXPECT_EQ(Fold("预算数 (A)"), Fold("预算数（A）"));
  EXPECT_EQ(Fold("总分：　97"), "总分:97");
  EXPECT_EQ(JoinLines("大于等于\n85%"), "大于等于85%");
  EXPECT_EQ(JoinLines("DIP\n2"), "DIP 2");
}

TEST(FormText, CuesWithNumbersAndWildcards) {
  EXPECT_TRUE(MatchCue(Fold("产出指标（40 分）"), "产出指标(#分)"));
  EXPECT_TRUE(MatchCue(Fold("年度绩效目标 1 (70分)"), "年度绩效目标#"));
  EXPECT_FALSE(MatchCue(Fold("年度绩效目标"), "年度绩效目标#"));
  EXPECT_TRUE(MatchCue("abc12.5xyz", "c#x"));
  EXPECT_TRUE(MatchCue("预算执行情况(万元)(20分)", "预算*(#分)"));
  EXPECT_TRUE(MatchCueWhole("2022年度", "#年度"));
  EXPECT_FALSE(MatchCueWhole("(2022年度)", "#年度"));
}

TEST(FormText, PrintedWeights) {
  auto w = FindPrintedWeight("产出指标（40分）");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->value, 40);
  EXPECT_EQ(w->raw, "（40分）");
  EXPECT_EQ(StripPrintedWeight("效益指标 (30 分)："), "效益指标");
  EXPECT_FALSE(FindPrintedWeight("得分（20分*执行率）").has_value());
  EXPECT_TRUE(IsBareWeight("(20分)"));
  EXPECT_FALSE(IsBareWeight("产出指标(40分)"));
  EXPECT_EQ(StripBracketedLabels("(20分*执行率) 13"), "13");
  // A weight whose bracket OCR read as 《 is a weight; its raw text is as printed.
  ASSERT_TRUE(FindPrintedWeight("年度绩效目标1《70分)").has_value());
  EXPECT_EQ(FindPrintedWeight("年度绩效目标1《70分)")->value, 70);
  EXPECT_EQ(FindPrintedWeight("年度绩效目标1《70分)")->raw, "《70分)");
  EXPECT_EQ(StripPrintedWeight("年度绩效目标1《70分)"), "年度绩效目标1");
  // OCR read the opening bracket as 《: still a bracketed label.
  EXPECT_EQ(StripBracketedLabels("《20分*执行率) 22"), "22");
  // A book title in text without figures is left as printed.
  EXPECT_EQ(StripBracketedLabels("《条例》落实"), "《条例》落实");
  EXPECT_EQ(StripBracketedLabels("≥90%"), "≥90%");
}

TEST(FormText, ProjectNamesMatchAcrossPrintings) {
  EXPECT_DOUBLE_EQ(NameSimilarity("城乡居民基本医疗保险区级配套资金 (铁)", "城乡居民基本医疗保险区级配套资金（铁）"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("“行政运行费”项目", "行政运行费"), 1.0);
  EXPECT_GE(NameSimilarity("曾都区打击欺诈骗保奖励及工作经费", "打击欺诈骗保奖励及工作经费"), 0.9);
  EXPECT_LT(NameSimilarity("医保信息化建设", "病历评审费用"), 0.3);
  EXPECT_EQ(NameSimilarity("", "病历评审费用"), 0.0);
}

TEST(Labels, HeadersAndRowLabels) {
  EXPECT_EQ(ClassifyBudgetHeader(Fold("得分（20分*执行率）")), BudgetColumn::kScore);
  EXPECT_EQ(ClassifyBudgetHeader(Fold("执行率（B/A）")), BudgetColumn::kRate);
  EXPECT_EQ(ClassifyBudgetHeader(Fold("年初预算数")), BudgetColumn::kInitial);
  EXPECT_EQ(ClassifyBudgetHeader(Fold("全年预算数（A）")), BudgetColumn::kPlanned);
  EXPECT_EQ(ClassifyIndicatorHeader(Fold("年初目标值（A）")), IndicatorColumn::kTarget);
  EXPECT_EQ(ClassifyIndicatorHeader(Fold("全年实际值(B)")), IndicatorColumn::kActual);
  EXPECT_EQ(ClassifyIndicatorHeader(Fold("偏差原因分析及改进措施")), IndicatorColumn::kDeviation);
  EXPECT_EQ(ClassifyIndicatorHeader(Fold("得分计算方法")), IndicatorColumn::kMethod);
  std::string inline_value;
  EXPECT_TRUE(IsTotalLabel(Fold("单位自评总分"), &inline_value));
  EXPECT_TRUE(IsTotalLabel(Fold("总分：97"), &inline_value));
  EXPECT_EQ(inline_value, "97");
  EXPECT_FALSE(IsTotalLabel(Fold("总分值说明")));
  KeyLabel key = ClassifyKeyLabel("实施单位 安远县社会保险基金管理中心");
  EXPECT_EQ(key.field, KeyField::kImplementingUnit);
  EXPECT_EQ(key.inline_value, "安远县社会保险基金管理中心");
  EXPECT_EQ(ClassifyKeyLabel("项目名称：医保中心开办经费").inline_value, "医保中心开办经费");
  EXPECT_EQ(ClassifyKeyLabel("项目名称及说明").field, KeyField::kNone);
  EXPECT_TRUE(IsGoalLabel(Fold("年度绩效目标 1 (70分)")));
  EXPECT_FALSE(IsGoalLabel(Fold("年度绩效指标完成情况")));
  EXPECT_EQ(MoneyUnitOf(Fold("项目资金（万元）")), "万元");
  EXPECT_EQ(MoneyUnitOf(Fold("项目资金（元）")), "元");
}

}  // namespace
}  // namespace jixiao::form
