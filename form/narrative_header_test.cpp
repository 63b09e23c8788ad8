// Title, names, units, year and dates of a narrative.
#include <gtest/gtest.h>

#include "form/narrative.h"
#include "form/narrative_test_util.h"

namespace jixiao {
namespace {

using testing::Paragraphs;

TEST(NarrativeHeader, LabelLinesOfAFinancialReport) {
  Paragraphs p({"附件 2", "财政支出项目绩效自评报告", "（2019 年度）", "项目名称：医疗救助工作经费",
                "项目单位：（公章）秭归县医疗保障局", "（一级预算单位）", "填报人姓名：高海燕", "联系电话：2430975",
                "填报日期：2020 年 3 月 日", "一、基本情况"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.title, "财政支出项目绩效自评报告");
  EXPECT_EQ(n.project_name, "医疗救助工作经费");
  EXPECT_EQ(n.implementing_unit, "秭归县医疗保障局");
  ASSERT_TRUE(n.fiscal_year.has_value());
  EXPECT_EQ(*n.fiscal_year, 2019);
  ASSERT_TRUE(n.fill_date.has_value());
  EXPECT_EQ(n.fill_date->date, "2020-03");
  EXPECT_FALSE(n.fill_date_is_signature);
}

TEST(NarrativeHeader, SealReadAsLettersIsNoName) {
  Paragraphs p({"项目名称:医疗救助工作经费", "项目单位: (公章) BIRRRI"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.project_name, "医疗救助工作经费");
  EXPECT_EQ(n.implementing_unit, "");
}

TEST(NarrativeHeader, WrappedNameAndLostParenthesis) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.text = "项目名称：韶财社[2021]74号2021年城乡医疗救助市级财政补\n助资金\n项目单位：公章)新丰县医疗保障局";
  Narrative n = ParseNarrative({&b});
  EXPECT_EQ(n.project_name, "韶财社[2021]74号2021年城乡医疗救助市级财政补助资金");
  EXPECT_EQ(n.implementing_unit, "新丰县医疗保障局");
}

TEST(NarrativeHeader, TitleUnderTheIssuingUnitAndSignature) {
  Paragraphs p({"遵义市湄潭县医疗保障局2023年度", "困难群众参保资助资金项目支出预算绩效自评报告摘要", "一、项目概况",
                "为考核项目资金的产出与绩效，对2023年困难群众参保资助资金项目实施情况进行绩效评价。",
                "持续提高广大人民群众医疗保障政策知晓率。", "湄潭县医疗保障局", "2024 年 3 月 日"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.title, "困难群众参保资助资金项目支出预算绩效自评报告");
  EXPECT_EQ(n.project_name, "困难群众参保资助资金");
  EXPECT_EQ(n.implementing_unit, "湄潭县医疗保障局");
  ASSERT_TRUE(n.fiscal_year.has_value());
  EXPECT_EQ(*n.fiscal_year, 2023);
  ASSERT_TRUE(n.fill_date.has_value());
  EXPECT_EQ(n.fill_date->date, "2024-03");
  EXPECT_TRUE(n.fill_date_is_signature);
  ASSERT_EQ(n.facts.dates.size(), 1u);
  EXPECT_EQ(n.facts.dates[0].role, "signature");
}

TEST(NarrativeHeader, IssuingUnitWithoutSignatureDropsTheCity) {
  Paragraphs p({"昆明市东川区医疗保障局2020年度", "资助城乡居民参加基本医疗保险财政", "配套项目支出预算绩效自评报告"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.title, "资助城乡居民参加基本医疗保险财政配套项目支出预算绩效自评报告");
  EXPECT_EQ(n.implementing_unit, "东川区医疗保障局");
  EXPECT_EQ(n.fiscal_year, 2020);
}

TEST(NarrativeHeader, UnitAndDateOnOneLine) {
  // A PDF's right-aligned signature block read as one line.
  Paragraphs p({"加强医保基金监管，切实保障医保基金安全。", "保康县医疗保障局2024年1月13日"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.implementing_unit, "保康县医疗保障局");
  ASSERT_EQ(n.facts.dates.size(), 1u);
  EXPECT_EQ(n.facts.dates[0].role, "signature");
  EXPECT_EQ(n.facts.dates[0].date.date, "2024-01-13");
  EXPECT_EQ(n.facts.dates[0].raw, "2024年1月13日");
  // A labelled date is not a signature.
  Paragraphs q({"填报日期2024年1月13日", "截止2023年12月31日"});
  EXPECT_TRUE(ParseNarrative(q.pointers()).facts.dates.size() <= 1u);
  for (const DateFact& d : ParseNarrative(q.pointers()).facts.dates) EXPECT_NE(d.role, "signature");
}

TEST(NarrativeHeader, QuotedNameOfASummary) {
  Paragraphs p({"“三员建设费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为 100 分。全年预算数为 24 万元，"
                "执行数为 24 万元，完成预算的 100%。"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.project_name, "三员建设费");
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].rate->number, 100);
}

TEST(NarrativeDates, SignatureCutoffAndDeadline) {
  Paragraphs p({"2019 年度医疗救助工作经费财政二下审核额度为 283204.8 元，截止至 2019 年 12 月 31 日，此项资金已使用 "
                "283204.8 元。",
                "各项资金已于2020年10月底前全部拨付到位，支付完成时间为2020年12月31日之前。", "光泽县医疗保障局",
                "2021年3月5日"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.dates.size(), 4u);
  EXPECT_EQ(n.facts.dates[0].role, "signature");
  EXPECT_EQ(n.facts.dates[0].date.date, "2021-03-05");
  EXPECT_EQ(n.facts.dates[0].date.where.page, 1);
  EXPECT_EQ(n.facts.dates[1].role, "cutoff");
  EXPECT_EQ(n.facts.dates[1].date.date, "2019-12-31");
  EXPECT_EQ(n.facts.dates[2].role, "deadline");
  EXPECT_EQ(n.facts.dates[2].date.date, "2020-10-31");  // 月底 is the month's last day
  EXPECT_EQ(n.facts.dates[2].raw, "2020年10月底前");
  EXPECT_EQ(n.facts.dates[3].role, "deadline");
  EXPECT_EQ(n.facts.dates[3].date.date, "2020-12-31");
}

TEST(NarrativeDates, DatesInsideExplanationsHaveNoRole) {
  Paragraphs p({"参保缴费时间段为2021年9月至2022年2月底，2019 年 4 月 22 日及 6 月 10 日在神农公园举办宣传活动。",
                "填报日期：2022 年 6 月　　　　　　总分：97"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.facts.dates.empty());
  ASSERT_TRUE(n.fill_date.has_value());
  EXPECT_EQ(n.fill_date->date, "2022-06");
}

TEST(NarrativeDates, PlansForLaterYearsAreNotDeadlines) {
  Paragraphs p({"四、存在的问题及改进措施", "1.加强医保基金监管，各项整改工作于2024年6月30日前全部完成。",
                "二、自评情况", "下一步将于2024年3月底前完成系统升级。", "截至2024年5月底，相关工作正在推进。",
                "各项资金已于2023年10月底前全部拨付到位。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.dates.size(), 1u);
  EXPECT_EQ(n.facts.dates[0].role, "deadline");
  EXPECT_EQ(n.facts.dates[0].date.date, "2023-10-31");
}

TEST(NarrativeDates, ADateBrokenOverTwoParagraphsCountsOnce) {
  Paragraphs p({"后按本级财政要求缩减 95900 元指标，剩余指标 84100 元，截止至 2023 年 12 月",
                "31日，此项资金已使用60707.4元。",
                "截止至 2023 年 12 月 31 日，此项资金已使用 60707.4 元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.dates.size(), 1u);
  EXPECT_EQ(n.facts.dates[0].date.date, "2023-12-31");
}

}  // namespace
}  // namespace jixiao
