// Relations a narrative states: unit prices, components, counts.
#include <gtest/gtest.h>

#include "form/narrative.h"
#include "form/narrative_test_util.h"

namespace jixiao {
namespace {

using testing::Paragraphs;

TEST(NarrativeUnitPrice, CountPerPersonPerYearAndTotal) {
  Paragraphs p({"聘用临时工作人员 7 名，每人每年 7.2 万元，计 50.4 万元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.unit_prices.size(), 1u);
  const UnitPrice& u = n.facts.unit_prices[0];
  EXPECT_DOUBLE_EQ(*u.count.number, 7);
  EXPECT_DOUBLE_EQ(*u.unit_amount.number, 72000);
  EXPECT_EQ(u.unit_amount.per, (std::vector<std::string>{"人", "年"}));
  EXPECT_DOUBLE_EQ(*u.amount.number, 504000);
  EXPECT_EQ(u.raw, "聘用临时工作人员 7 名，每人每年 7.2 万元，计 50.4 万元。");
}

TEST(NarrativeUnitPrice, AnAverageNamesItsMeasure) {
  Paragraphs p({"资助门诊救助 2576 人，人均 370 元，支出资金 77.28 万元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.unit_prices.size(), 1u);
  const UnitPrice& u = n.facts.unit_prices[0];
  EXPECT_DOUBLE_EQ(*u.count.number, 2576);
  EXPECT_DOUBLE_EQ(*u.unit_amount.number, 370);
  EXPECT_EQ(u.unit_amount.per, (std::vector<std::string>{"人"}));
  EXPECT_DOUBLE_EQ(*u.amount.number, 772800);
  // An average over households is no price per person.
  Paragraphs households({"资助门诊救助 2576 人，户均 370 元，支出资金 77.28 万元。"});
  EXPECT_TRUE(ParseNarrative(households.pointers()).facts.unit_prices.empty());
}

TEST(NarrativeUnitPrice, SessionsTimesFee) {
  Paragraphs p({"全年组织业务培训12期，每期培训经费4500元，培训经费共计54000元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.unit_prices.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[0].count.number, 12);
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[0].unit_amount.number, 4500);
  EXPECT_EQ(n.facts.unit_prices[0].unit_amount.per, (std::vector<std::string>{"期"}));
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[0].amount.number, 54000);
  // The fee and its total are not a breakdown.
  EXPECT_TRUE(n.facts.components.empty());
}

TEST(NarrativeUnitPrice, CountAndPriceInDifferentClauses) {
  Paragraphs p({"2022年预计中江县参保人数为３８１００人，按照配套补助标准46元/人/年，预算县级配套资金为"
                "2,324,100.00元。",
                "2022年中江县实际参保人数31053人，按照县级配套资金标准46元/人/年，即拨付县级配套资金"
                "1,894,233.00元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.unit_prices.size(), 2u);
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[0].count.number, 38100);
  EXPECT_EQ(n.facts.unit_prices[0].count.raw, "３８１００人");
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[0].amount.number, 2324100);
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[1].count.number, 31053);
  EXPECT_DOUBLE_EQ(*n.facts.unit_prices[1].unit_amount.number, 46);
  // The amounts are also statements of the budget and of the spending.
  EXPECT_EQ(n.planned_mentions.size(), 1u);
  EXPECT_EQ(n.executed_mentions.size(), 1u);
  // And the counts are statements of the expected and actual count.
  ASSERT_EQ(n.count_mentions.size(), 2u);
  EXPECT_EQ(n.count_mentions[0].noun, "参保人数");
  EXPECT_TRUE(n.count_mentions[0].expected);
  EXPECT_FALSE(n.count_mentions[1].expected);
}

TEST(NarrativeUnitPrice, NoRelationWhenTheOrderOrTheMeasureDoesNotFit) {
  Paragraphs p({
      // Two standards between the count and the amount.
      "2022 年预计参保人数为 1.6 万人，按照普通居民补助标准 61 元/人/年，困难群体资助标准 140 元/人/年，"
      "预算区级配套资金为 110 万元。",
      // The price comes before the count; the amount is at another price.
      "2022年个人缴费标准调整为每人每年320元，开发区承担160元，2022年预计拆迁户4.38万人，"
      "医疗保险代缴个人部分资金预算为700万元。",
      // The count is of sessions, the price per person.
      "全年组织业务培训12期，每人培训经费450元，共计54000元。",
      // An approximate count.
      "聘用临时工作人员约 7 名，每人每年 7.2 万元，计 50.4 万元。",
  });
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.facts.unit_prices.empty());
}

TEST(NarrativeComponents, TotalThenItsParts) {
  Paragraphs p({"共筹集各项财政补助资金11097万元，其中：中央财政补助资金6491万元，省级财政补助资金2143万元，"
                "地方财政补助资金2463万元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.components.size(), 1u);
  const Component& c = n.facts.components[0];
  EXPECT_DOUBLE_EQ(*c.total.number, 110970000);
  ASSERT_EQ(c.parts.size(), 3u);
  EXPECT_DOUBLE_EQ(*c.parts[0].number, 64910000);
  EXPECT_DOUBLE_EQ(*c.parts[2].number, 24630000);
}

TEST(NarrativeComponents, APartWhoseUnitWasMisreadLeavesTheBreakdownUnread) {
  // OCR read the last part's 元。 as TUo: the parts read add up short of the
  // total, which the document does not.
  Paragraphs p({"共筹集各项财政补助资金14973.33万元，其中:中央财政补助资金9459.93万元，省级财政补助资金3589.93万元，"
                "地方财政补助资金1923.47万TUo"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.facts.components.empty());
}

TEST(NarrativeComponents, RoundedTotalIsStillRecordedAsPrinted) {
  // Parts add up to 296.21; the total printed rounded is for score/ to judge.
  Paragraphs p({"2023 年，全县共检查定点医药机构 142 家次，约谈定点医药机构 12 家次，发出限期整改通知书 42 份、"
                "责令改正通知书 4 份，行政处罚决定书 1 份，追回或不予支付医保基金共计 296.2 万元，其中，"
                "自查自纠退款 7.5 万元，智能审核违规费用退款或不予支付 116.84 万元，督促、责令整改追回或不予支付 "
                "123.35 万元，行政处罚 48.52 万元；"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.components.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].total.number, 2962000);
  EXPECT_EQ(n.facts.components[0].parts.size(), 4u);
}

TEST(NarrativeComponents, BreakdownOfTheBudgetJustStated) {
  Paragraphs p({"该项目资金年初预算 15 万元。本级财政预算拨款 9.73 万元，执行率达 65%。其中：上级补助资金 3.44 万元，"
                "本级财政安排 11.56 万元。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.components.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].total.number, 150000);
  ASSERT_EQ(n.facts.components[0].parts.size(), 2u);
  EXPECT_EQ(n.facts.components[0].label, "planned");
}

TEST(NarrativeComponents, PartsThenTheirTotal) {
  Paragraphs p({"2024年保康县城乡居民参加基本医疗保险403930人，城镇职工参保32449人，共参加医疗保险436379人。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.components.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].total.number, 436379);
  ASSERT_EQ(n.facts.components[0].parts.size(), 2u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].parts[1].number, 32449);
}

TEST(NarrativeComponents, NoBreakdownWithoutAnExplicitTotal) {
  Paragraphs p({
      // Several figures that are not parts of anything.
      "2023 年县医保局共召开县级医保会议 2 次，基金监管培训会 2 次，对县域内 74 家定点医药机构实行全覆盖检查。",
      // One part only.
      "1.2020年收入392.65万元，其中，财政拨款收入392.65万元，无上级补助收入。",
      // Approximate figures.
      "城乡居民医保参保人数为185313人，职工医保参保人数约为25947人，合计参保人数约21.13万人。",
      // A per-unit standard among the figures.
      "市级承担90元/人，县级承担10元/人，共计100元/人。",
  });
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.facts.components.empty());
}

}  // namespace
}  // namespace jixiao
