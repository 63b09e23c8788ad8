// The budget a narrative states: figures, roles and rate statements.
#include <gtest/gtest.h>

#include "form/narrative.h"
#include "form/narrative_test_util.h"

namespace jixiao {
namespace {

using testing::Paragraphs;

TEST(NarrativeBudget, RateStatementInOneSentence) {
  Paragraphs p({"2021年度光泽县特殊群体参保缴费资金预算数为2196万元，执行数为1973.55万元，执行率89%。"}, 3);
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned && n.executed && n.rate);
  EXPECT_DOUBLE_EQ(*n.planned->number, 21960000);
  EXPECT_DOUBLE_EQ(*n.executed->number, 19735500);
  EXPECT_DOUBLE_EQ(*n.rate->number, 89);
  EXPECT_EQ(n.planned->raw, "2196万元");
  EXPECT_EQ(n.planned->where.page, 3);
  ASSERT_TRUE(n.planned->where.bbox.has_value());
  EXPECT_DOUBLE_EQ(n.planned->where.bbox->y0, p[0].bbox->y0);
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  const RateStatement& s = n.facts.rate_statements[0];
  EXPECT_DOUBLE_EQ(*s.planned->number, 21960000);
  EXPECT_DOUBLE_EQ(*s.executed->number, 19735500);
  EXPECT_DOUBLE_EQ(*s.rate->number, 89);
  EXPECT_EQ(s.raw, "2021年度光泽县特殊群体参保缴费资金预算数为2196万元，执行数为1973.55万元，执行率89%。");
  EXPECT_EQ(s.where.page, 3);
}

TEST(NarrativeBudget, RateStatementOverTwoSentencesWithAppropriationAsSpending) {
  // 本级财政预算拨款 is money paid out: 拨款 is nearer the figure than 预算.
  Paragraphs p({"该项目资金年初预算2,324,100.00元。本级财政预算拨款1,894,233.00元，执行率达82%。"
                "全年实际拨付壹佰捌拾玖万肆仟贰佰叁拾叁元整。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 2324100);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].executed->number, 1894233);
  EXPECT_EQ(n.facts.rate_statements[0].raw,
            "该项目资金年初预算2,324,100.00元。本级财政预算拨款1,894,233.00元，执行率达82%。");
  ASSERT_EQ(n.executed_mentions.size(), 2u);
  EXPECT_DOUBLE_EQ(*n.executed_mentions[1].number, 1894233);  // the financial numerals
  EXPECT_EQ(n.executed_mentions[1].raw, "壹佰捌拾玖万肆仟贰佰叁拾叁元整");
  ASSERT_EQ(n.planned_mentions.size(), 1u);
}

TEST(NarrativeBudget, AuditedQuotaReductionAndRemainder) {
  Paragraphs p({"2024年度，保康县医疗保障局医疗保障基金监管费用财政二下审核额度为20312.86元，后按本级财政要求"
                "缩减5312.86元指标，剩余指标15000元，截止至2024年12月31日，此项资金已使用15000元，"
                "剩1476元未使用已被县财政收回，资金使用率100.0%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.initial && n.reduction && n.planned && n.executed && n.remaining && n.rate);
  EXPECT_DOUBLE_EQ(*n.initial->number, 20312.86);
  EXPECT_DOUBLE_EQ(*n.reduction->number, 5312.86);
  EXPECT_DOUBLE_EQ(*n.planned->number, 15000);
  EXPECT_DOUBLE_EQ(*n.executed->number, 15000);
  EXPECT_DOUBLE_EQ(*n.remaining->number, 1476);
  EXPECT_DOUBLE_EQ(*n.rate->number, 100);
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 15000);
}

TEST(NarrativeBudget, QuotaLeftBeforeSpendingIsTheBudgetWhateverTheCutIsCalled) {
  // The word for the cut misread (缩碱 for 缩减): the quota left before any
  // spending is still the budget, the audited amount what it was cut from.
  Paragraphs p({"2020年度，某县医疗保障局城乡医疗救助资金财政二下审核额度为1639221.21元，后按本级财政要求"
                "缩碱813959.61元指标，剩余指标825261.6元，截止至2020年12月31日，此项资金已使用825261.6元，"
                "资金使用率100%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned && n.initial && n.executed);
  EXPECT_DOUBLE_EQ(*n.planned->number, 825261.6);
  EXPECT_DOUBLE_EQ(*n.initial->number, 1639221.21);
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 825261.6);
}

TEST(NarrativeBudget, QuotaLeftAfterSpendingIsTheRemainder) {
  Paragraphs p({"2020年度某项目财政二下审核额度为20000元，已使用15000元，剩余指标5000元已收回。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned && n.remaining);
  EXPECT_DOUBLE_EQ(*n.planned->number, 20000);
  EXPECT_DOUBLE_EQ(*n.remaining->number, 5000);
}

TEST(NarrativeBudget, WhatIsLeftAfterAReductionIsTheBudget) {
  Paragraphs p({"2023 年度，某县医疗保障局信息化建设提升经费财政二下审核额度为 15000 元，后按本级财政缩减要求"
                "冻结指标 11073.01 元，剩余 3926.99 元。截止至 2023 年 12 月 31 日，此项资金共使用 3926.99 元，"
                "资金使用率达 100.00%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned && n.initial && n.reduction);
  EXPECT_DOUBLE_EQ(*n.planned->number, 3926.99);
  EXPECT_DOUBLE_EQ(*n.initial->number, 15000);
  EXPECT_FALSE(n.remaining.has_value());
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
}

TEST(NarrativeBudget, AuditedQuotaAloneIsTheBudget) {
  Paragraphs p({"2019 年度医疗救助工作经费财政二下审核额度为 283204.8 元，截止至 2019 年 12 月 31 日，"
                "此项资金已使用 283204.8 元，资金使用率 100.00%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned);
  EXPECT_DOUBLE_EQ(*n.planned->number, 283204.8);
  EXPECT_FALSE(n.initial.has_value());
}

TEST(NarrativeBudget, AdjustedBudgetMakesTheFirstOneInitial) {
  Paragraphs p({"2022年预计拆迁户4.38万人，医疗保险代缴个人部分资金预算为700万元。",
                "该项目资金年初预算700万元，压减后预算调整数640万元。本级财政预算拨款638.432万元，已全部拨款到位，"
                "执行率达99%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.planned && n.initial);
  EXPECT_DOUBLE_EQ(*n.planned->number, 6400000);
  EXPECT_DOUBLE_EQ(*n.initial->number, 7000000);
  // The other statement of 700万 is the initial budget, not a second budget.
  ASSERT_EQ(n.planned_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.planned_mentions[0].number, 6400000);
}

TEST(NarrativeBudget, DifferenceAndBalanceAreTheRemainder) {
  Paragraphs p({"2023年安化县医保信息系统运维经费预算数为6万元，实际执行数为3.98万元，相差3.11万元，主要是实际支出"
                "与年初预测存在差异。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.remaining);
  EXPECT_DOUBLE_EQ(*n.remaining->number, 31100);
  EXPECT_TRUE(n.facts.rate_statements.empty());  // no rate: no rate statement
  EXPECT_EQ(n.planned_mentions.size(), 1u);
  EXPECT_EQ(n.executed_mentions.size(), 1u);

  Paragraphs q({"2023年收入2592万元；本年支出2412.93万元；本年末收支结余为-179.07万元。"});
  Narrative m = ParseNarrative(q.pointers());
  ASSERT_TRUE(m.remaining && m.planned && m.executed);
  EXPECT_DOUBLE_EQ(*m.remaining->number, -1790700);
  EXPECT_DOUBLE_EQ(*m.planned->number, 25920000);
  EXPECT_DOUBLE_EQ(*m.executed->number, 24129300);
}

TEST(NarrativeBudget, MoneyOfOtherKindsIsNotTheBudget) {
  Paragraphs p({"全年医疗救助资金收入1042万元，其中中央财政救助资金886万元，地方财政救助资金156万元。",
                "住院 110389 人次，城乡居民基本医疗保险待遇支出 43604 万元，各级财政补助资金 3914 万元。",
                "追回或不予支付医保基金共计 296.2 万元。",
                "按照城镇普通居民医保补助标准 61 元/人/年，每人每年 320 元。",
                "2020 年曾都区打击欺诈骗保奖励专项治理工作预算 4 次，实际完成 6 次。",
                "该项目本级财政预算拨款 960 万。", "执行数较年初预算减少 20 万元，比上年预算增加 5 万元。"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.planned_mentions.empty());
  EXPECT_TRUE(n.executed_mentions.empty());
  EXPECT_FALSE(n.remaining.has_value());
  EXPECT_TRUE(n.facts.rate_statements.empty());
}

TEST(NarrativeBudget, StandaloneIncomeIsABudgetMention) {
  Paragraphs p({"（1）资金到位情况分析：全年特殊群体参保缴费资金收入2196万元。资金及时到位，保障项目按期执行。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.planned_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.planned_mentions[0].number, 21960000);
}

TEST(NarrativeBudget, RateNeedsARateWord) {
  Paragraphs p({"参保率达 95%以上，群众满意度为 100%，资金使用率达到 100%。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.rate_mentions.size(), 1u);
  EXPECT_EQ(n.rate_mentions[0].raw, "100%");
}

TEST(NarrativeBudget, WrappedLinesJoinIntoOneSentence) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.page = 2;
  b.text = "2020 年度曾都区打击欺诈骗保奖励及工作经费预算\n数为 27 万元，执行数为 27 万元，执行率 100%。";
  Narrative n = ParseNarrative({&b});
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 270000);
}

TEST(NarrativeBudget, OcrSpacedDigitsAreOneNumber) {
  Paragraphs p({"严格落实内部管理制度。2019年共支付3 5 5 6 4 1 .8元用于夯实医疗救助托底保障。"});
  Block ocr = p[0];
  ocr.confidence = 0.6;
  Narrative n = ParseNarrative({&ocr});
  ASSERT_EQ(n.executed_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.executed_mentions[0].number, 355641.8);
  EXPECT_DOUBLE_EQ(n.executed_mentions[0].confidence, 0.6);
  // A text layer never spaces out one number: no figure is made up there.
  Narrative text = ParseNarrative(p.pointers());
  for (const Value& v : text.executed_mentions) EXPECT_NE(*v.number, 355641.8);
}

// The narrative of a 工作经费 project that explains another fund's budget:
// that fund's figures are not the project's. Generic subjects (项目资金)
// and the project's own name are the project's.
TEST(NarrativeBudget, TheBudgetOfAnotherNamedFundIsNotTheProjects) {
  Paragraphs p({"项目名称：医疗保障能力服务建设工作经费",
                "2020年曾都区医疗保障能力服务建设工作经费预算数为100万元，执行数为100万元。",
                "2020年曾都区城乡居民地方配套资金预算数为4292万元，实际执行数为3914万元，相差378万元。",
                "全年项目资金实际支出100万元。"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_EQ(n.project_name, "医疗保障能力服务建设工作经费");
  ASSERT_EQ(n.planned_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.planned_mentions[0].number, 1000000);
  ASSERT_EQ(n.executed_mentions.size(), 2u);
  for (const Value& v : n.executed_mentions) EXPECT_DOUBLE_EQ(*v.number, 1000000);
  EXPECT_FALSE(n.remaining.has_value());
}

TEST(NarrativeBudget, OcrSpaceAfterADecimalPointIsOneNumber) {
  Paragraphs p({"该项目全年实际拨付269. 82万元。"});
  Block ocr = p[0];
  ocr.confidence = 0.9;
  Narrative n = ParseNarrative({&ocr});
  ASSERT_EQ(n.executed_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.executed_mentions[0].number, 2698200);
}

TEST(NarrativeBudget, OcrLinesOfOneParagraphAreJoined) {
  auto line = [](std::string text, double x0, double y0, double x1, double y1) {
    Block b;
    b.kind = Block::Kind::kParagraph;
    b.page = 1;
    b.confidence = 0.5;
    b.bbox = BBox{x0, y0, x1, y1};
    b.text = std::move(text);
    return b;
  };
  std::vector<Block> blocks = {
      line("参保居民在按时缴费的同时及时享受待遇。全年医疗救助资金收入1042", 69, 300, 546, 316),
      line("万元，其中中央财政救助资金886万元，地方财政救助资金156万元，全部用于", 48, 318, 546, 334),
      line("医疗救助对象看病就医补助。", 48, 336, 200, 352),
      line("（三）存在的问题和原因", 54, 360, 167, 376),
  };
  std::vector<const Block*> pointers;
  for (const Block& b : blocks) pointers.push_back(&b);
  Narrative n = ParseNarrative(pointers);
  ASSERT_EQ(n.facts.components.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].total.number, 10420000);
  ASSERT_TRUE(n.facts.components[0].where.bbox.has_value());
  EXPECT_DOUBLE_EQ(n.facts.components[0].where.bbox->y1, 352);  // the joined lines' box
  // The same lines from a text layer are separate paragraphs.
  for (Block& b : blocks) b.confidence = 1.0;
  EXPECT_TRUE(ParseNarrative(pointers).facts.components.empty());
}

TEST(NarrativeBudget, GarbledFinancialNumeralIsNoFigure) {
  Paragraphs p({"即拨付县级配套资金421.39万元。全年实际拨付肆佰融拾喜万参什玖佰元整。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.executed_mentions.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.executed_mentions[0].number, 4213900);
}

TEST(NarrativeBudget, SurvivesOddInput) {
  Block empty;
  Block table;
  table.kind = Block::Kind::kTable;
  Block junk;
  junk.text = std::string("\xff\xfe 预算数为 \xe4\xb8", 17) + "万元，执行率%，,,,1,2,3元" + std::string(3, '\0');
  std::vector<const Block*> blocks = {nullptr, &empty, &table, &junk};
  Narrative n = ParseNarrative(blocks);
  EXPECT_TRUE(n.facts.rate_statements.empty());
}

}  // namespace
}  // namespace jixiao
