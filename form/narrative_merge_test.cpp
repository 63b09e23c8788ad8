// MergeNarrative: gaps filled, facts kept, quantities stated twice linked.
#include <gtest/gtest.h>

#include "form/narrative.h"
#include "form/narrative_test_util.h"

namespace jixiao {
namespace {

using testing::Paragraphs;

Value Money(double yuan, std::string raw) {
  Value v;
  v.number = yuan;
  v.unit = "元";
  v.raw = std::move(raw);
  return v;
}

const CrossRef* FindRef(const Report& r, const std::string& quantity) {
  for (const CrossRef& c : r.facts.cross_refs)
    if (c.quantity == quantity) return &c;
  return nullptr;
}

TEST(NarrativeMerge, TableValueFirstThenNarrativeMentions) {
  Paragraphs p({"2021年度光泽县特殊群体参保缴费资金自评分97分。",
                "2021年度光泽县特殊群体参保缴费资金预算数为2196万元，执行数为1973.55万元，执行率89%。",
                "（2）项目资金执行情况分析：全年实际支出壹仟玖佰柒拾叁万伍仟伍佰元整，支出程序规范。",
                "光泽县医疗保障局", "2022 年 6月 25 日"},
               2);
  Narrative n = ParseNarrative(p.pointers());
  Report r;
  r.project_name = "特殊群体参保缴费资金";
  r.budget.planned = Money(21960000, "2196");
  r.budget.executed = Money(19735500, "1973.55");
  r.fill_date = Value{};
  r.fill_date->date = "2022-06";
  r.pages = {3};
  MergeNarrative(n, r);
  EXPECT_EQ(r.project_name, "特殊群体参保缴费资金");  // the table's name stays
  EXPECT_EQ(r.budget.planned->raw, "2196");
  ASSERT_TRUE(r.budget.rate.has_value());  // the table left it empty
  EXPECT_DOUBLE_EQ(*r.budget.rate->number, 89);
  ASSERT_TRUE(r.total.self_score_text.declared.has_value());
  EXPECT_DOUBLE_EQ(*r.total.self_score_text.declared, 97);
  const CrossRef* executed = FindRef(r, "executed");
  ASSERT_NE(executed, nullptr);
  ASSERT_EQ(executed->mentions.size(), 3u);
  EXPECT_EQ(executed->mentions[0].raw, "1973.55");
  EXPECT_EQ(executed->mentions[2].raw, "壹仟玖佰柒拾叁万伍仟伍佰元整");
  const CrossRef* planned = FindRef(r, "planned");
  ASSERT_NE(planned, nullptr);
  EXPECT_EQ(planned->mentions.size(), 2u);
  EXPECT_EQ(FindRef(r, "self_score"), nullptr);  // stated once
  ASSERT_EQ(r.facts.rate_statements.size(), 1u);
  ASSERT_EQ(r.facts.dates.size(), 1u);  // the table is dated: the signature stays a fact
  EXPECT_EQ(r.facts.dates[0].role, "signature");
  EXPECT_EQ(r.pages, (std::vector<int>{2, 3}));
}

TEST(NarrativeMerge, NarrativeOnlyReportTakesEverything) {
  Paragraphs p({"遵义市湄潭县医疗保障局2023年度", "困难群众参保资助资金项目支出预算绩效自评报告",
                "根据自评材料，2023年度困难群众参保资助资金项目绩效评价得分为96分，评价结果为优。",
                "2023年困难群众参保资助资金预算资金2592万元，实际支出2412.93万元，执行率93.09%。",
                "1.一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分19分。",
                "（1）二级指标“项目立项”满分8分，评价得分为7分。",
                "根据自评材料，2023年度困难群众参保资助资金项目绩效评价得分为96分。",
                "2023年收入2592万元；本年支出2412.93万元；本年末收支结余为179.07万元。", "湄潭县医疗保障局",
                "2024 年 3 月 日"});
  Narrative n = ParseNarrative(p.pointers());
  Report r;
  MergeNarrative(n, r);
  EXPECT_EQ(r.project_name, "困难群众参保资助资金");
  EXPECT_EQ(r.implementing_unit, "湄潭县医疗保障局");
  EXPECT_EQ(r.fiscal_year, 2023);
  ASSERT_TRUE(r.fill_date.has_value());
  EXPECT_EQ(r.fill_date->date, "2024-03");
  EXPECT_TRUE(r.facts.dates.empty());  // the signature date became the fill date
  ASSERT_TRUE(r.budget.planned && r.budget.executed && r.budget.remaining && r.budget.rate);
  EXPECT_DOUBLE_EQ(*r.budget.remaining->number, 1790700);
  EXPECT_DOUBLE_EQ(*r.total.self_score_text.declared, 96);
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].children.size(), 1u);
  const CrossRef* score = FindRef(r, "self_score");
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(score->mentions.size(), 2u);
  const CrossRef* planned = FindRef(r, "planned");
  ASSERT_NE(planned, nullptr);
  EXPECT_EQ(planned->mentions.size(), 2u);  // 预算资金 and 收入
  EXPECT_EQ(FindRef(r, "rate"), nullptr);   // stated once
}

TEST(NarrativeMerge, CountsPairWithTheIndicatorOfTheSameName) {
  Paragraphs p({"2019年龙泉市实际参保人数51163人，按照市级配套资金标准122元/人/年，即拨付市级配套资金624.19万元。",
                "2019年龙泉市实际参保人数５１１６３人，按时完成拨付市级承担资金。"});
  Narrative n = ParseNarrative(p.pointers());
  Report r;
  Indicator count;
  count.name = "预计参保人数";
  count.target = Value{};
  count.target->number = 59000;
  count.target->raw = "不少于59000人";
  count.actual = Value{};
  count.actual->number = 51163;
  count.actual->raw = "51163人";
  r.indicators.push_back(count);
  MergeNarrative(n, r);
  const CrossRef* actual = FindRef(r, "N_act");
  ASSERT_NE(actual, nullptr);
  ASSERT_EQ(actual->mentions.size(), 3u);
  EXPECT_EQ(actual->mentions[0].raw, "51163人");
  EXPECT_EQ(actual->mentions[2].raw, "５１１６３人");
  EXPECT_EQ(FindRef(r, "N_exp"), nullptr);  // the narrative does not state it
}

Value Year(const std::string& year, double confidence) {
  Value v;
  v.raw = year + "年度";
  v.date = year;
  v.unit = "date";
  v.confidence = confidence;
  return v;
}

TEST(NarrativeMerge, FormYearTheNarrativeNeverNamesIsRecorded) {
  Paragraphs p({"2021年度绩效自评报告", "我单位对2021年度病历评审费用实施绩效评价，自评报告如下：",
                "2021年度病历评审费用自评分94分。"},
               3);
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.year_mentions.size(), 3u);
  EXPECT_EQ(n.year_mentions[0].where.page, 3);

  Report doubted;
  doubted.fiscal_year = 2024;
  MergeNarrative(n, doubted, Year("2024", 0.97));
  const CrossRef* year = FindRef(doubted, "fiscal_year");
  ASSERT_NE(year, nullptr);
  ASSERT_EQ(year->mentions.size(), 4u);
  EXPECT_EQ(year->mentions[0].raw, "2024年度");  // the form's reading first
  EXPECT_EQ(*year->mentions[1].date, "2021");
  EXPECT_EQ(doubted.fiscal_year, 2024);  // recorded, not overruled

  Report agreed;  // the narrative names the form's year: nothing to doubt
  agreed.fiscal_year = 2021;
  MergeNarrative(n, agreed, Year("2021", 0.97));
  EXPECT_EQ(FindRef(agreed, "fiscal_year"), nullptr);
}

TEST(NarrativeMerge, OneOtherYearNamedOnceIsNoWitness) {
  // A narrative naming the next budget once says nothing about the form's year.
  Paragraphs p({"项目绩效自评报告", "已纳入2023年度预算。"}, 1);
  Narrative n = ParseNarrative(p.pointers());
  Report r;
  r.fiscal_year = 2022;
  MergeNarrative(n, r, Year("2022", 1.0));
  EXPECT_EQ(FindRef(r, "fiscal_year"), nullptr);
}

}  // namespace
}  // namespace jixiao
