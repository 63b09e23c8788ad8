// Narrative facts: remainders, parts and totals, unit prices, cross references.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

Report Narrative() {
  Report r;
  r.template_name = "narrative-only";
  return r;
}

Report Scored(Report r) {
  ScoreReport(r, BuiltinProfile("narrative-only"));
  return r;
}

TEST(NarrativeRulesTest, Remainder) {
  Report r = Narrative();
  r.budget.planned = Money(60000, "6");
  r.budget.executed = Money(39800, "3.98");
  r.budget.remaining = Money(20200, "2.02");
  EXPECT_EQ(CountingFlags(Scored(r)), 0);
  r.budget.remaining = Money(31100, "3.11");
  Report bad = Scored(r);
  const Flag* f = FindFlag(bad, FlagCode::kRemainingMismatch, "/budget/remaining");
  ASSERT_NE(f, nullptr) << Describe(bad);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NE(f->message.find("2.02万元"), std::string::npos) << f->message;
}

TEST(NarrativeRulesTest, OverExecutionRemainderMayBeNegativeOrADifference) {
  Report r = Narrative();
  r.budget.planned = Money(1000000, "100");
  r.budget.executed = Money(1053700, "105.37");
  r.budget.remaining = Money(-53700, "-5.37");
  EXPECT_EQ(CountingFlags(Scored(r)), 0) << Describe(Scored(r));
  r.budget.remaining = Money(53700, "5.37");  // 相差 5.37 万元
  EXPECT_EQ(CountingFlags(Scored(r)), 0);
}

TEST(NarrativeRulesTest, InitialMinusReductionIsThePlannedAmount) {
  Report r = Narrative();
  r.budget.initial = Money(20312.86, "20312.86");
  r.budget.reduction = Money(5312.86, "5312.86");
  r.budget.planned = Money(15000, "15000");
  EXPECT_EQ(CountingFlags(Scored(r)), 0);
  r.budget.reduction = Money(4312.86, "4312.86");
  EXPECT_NE(FindFlag(Scored(r), FlagCode::kRemainingMismatch, "/budget/planned"), nullptr);
}

TEST(NarrativeRulesTest, ComponentsWithARoundedTotalAreConsistent) {
  Report r = Narrative();
  Component c;
  c.total = Money(2962000, "296.2万元");  // parts add up to 296.21 万元
  c.parts = {Money(2000000, "200万元"), Money(962100, "96.21万元")};
  r.facts.components.push_back(c);
  EXPECT_EQ(CountingFlags(Scored(r)), 0) << Describe(Scored(r));
}

TEST(NarrativeRulesTest, ChangedComponent) {
  Report r = Narrative();
  Component c;
  c.label = "追回资金";
  c.total = Money(1670000, "167.0万元");
  c.parts = {Money(134200, "13.42万元"), Money(533800, "53.38万元"), Money(526600, "52.66万元"),
             Money(394900, "39.49万元")};
  r.facts.components.push_back(c);
  Report bad = Scored(r);
  const Flag* f = FindFlag(bad, FlagCode::kComponentSumMismatch, "/facts/components/0");
  ASSERT_NE(f, nullptr) << Describe(bad);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->evidence.size(), 5u);
}

TEST(NarrativeRulesTest, UnitPriceRoundedAmountIsFine) {
  Report r = Narrative();
  UnitPrice u;
  u.count = Count(73731, "73731人", "人");
  u.unit_amount = Money(122, "122元");
  u.amount = Money(8995200, "899.52万元");  // 73731 x 122 = 899.5182 万元
  r.facts.unit_prices.push_back(u);
  EXPECT_EQ(CountingFlags(Scored(r)), 0) << Describe(Scored(r));
  r.facts.unit_prices[0].unit_amount = Money(46, "46元");
  Report bad = Scored(r);
  ASSERT_NE(FindFlag(bad, FlagCode::kUnitPriceMismatch, "/facts/unit_prices/0"), nullptr) << Describe(bad);
}

TEST(NarrativeRulesTest, CrossReferences) {
  Report r = Narrative();
  CrossRef executed;
  executed.quantity = "executed";
  executed.mentions = {Money(15000, "15000"), Money(15000, "15000"), Money(18146, "18146")};
  CrossRef planned;
  planned.quantity = "planned";
  // The same amount in 万元, in 元 and in Chinese numerals agrees.
  planned.mentions = {Money(16500000, "1650"), Money(16500000, "16500000"), Money(16500000, "壹仟陆佰伍拾万元整")};
  CrossRef rate;
  rate.quantity = "rate";
  rate.mentions = {Percent(93.09, "93.09%"), Percent(93.1, "93.1%")};
  r.facts.cross_refs = {planned, executed, rate};
  Report out = Scored(r);
  const Flag* f = FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/1");
  ASSERT_NE(f, nullptr) << Describe(out);
  EXPECT_DOUBLE_EQ(*f->declared, 18146);
  EXPECT_DOUBLE_EQ(*f->expected, 15000);
  EXPECT_EQ(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/0"), nullptr);
  EXPECT_EQ(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/2"), nullptr);
}

TEST(NarrativeRulesTest, CrossReferencesReadAtTwoScalesOrMisreadAreNotContradictions) {
  Report r = Narrative();
  CrossRef planned;
  planned.quantity = "planned";
  // "358" read without its 万元 column, "358万元" in prose.
  planned.mentions = {Money(358, "358"), Money(3580000, "358万元"), Money(3580000, "358万元")};
  CrossRef executed;
  executed.quantity = "executed";
  // A fragment of another cell, then two amounts that do disagree.
  executed.mentions = {Money(2, "标2（10"), Money(88520.47, "88,520.47元"), Money(114855.26, "114,855.26元")};
  CrossRef torn;
  torn.quantity = "executed";
  // "624.19万元" torn by the scan into "1 9万元"; counts keep their unit word.
  torn.mentions = {Money(6241900, "624.19"), Money(6241900, "624.19万元"), Money(90000, "1 9万元")};
  CrossRef count;
  count.quantity = "N_act";
  count.mentions = {Count(31053, "31053", "人"), Count(31053, "３１０５３人", "人"), Count(30153, "30153人", "人")};
  r.facts.cross_refs = {planned, executed, torn, count};
  Report out = Scored(r);
  EXPECT_EQ(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/0"), nullptr) << Describe(out);
  EXPECT_NE(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/1"), nullptr) << Describe(out);
  EXPECT_EQ(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/2"), nullptr) << Describe(out);
  EXPECT_NE(FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/3"), nullptr) << Describe(out);
}

TEST(NarrativeRulesTest, SelfScoreStatedTwice) {
  Report r = Narrative();
  CrossRef self;
  self.quantity = "self_score";
  self.mentions = {Count(100, "100", "分"), Count(96, "96", "分")};
  r.facts.cross_refs = {self};
  EXPECT_NE(FindFlag(Scored(r), FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/0"), nullptr);
}

TEST(NarrativeRulesTest, AnOcrFigureOneDigitOffIsNotedNotFlagged) {
  Report r = Narrative();
  CrossRef misread;
  misread.quantity = "executed";
  Value odd = Money(46309000, "4630.9万元");
  odd.confidence = 0.6;  // read by OCR
  misread.mentions = {Money(16309000, "1630.9"), Money(16309000, "1630.9万元"), odd};
  CrossRef typed;  // the same figures in a text layer are a contradiction
  typed.quantity = "planned";
  typed.mentions = {Money(16309000, "1630.9"), Money(16309000, "1630.9万元"), Money(46309000, "4630.9万元")};
  // Read by OCR: two digits swapped is no one-digit misread, but a figure
  // read at confidence 0.6 may be misread, so the contradiction is a warning.
  CrossRef swapped;
  swapped.quantity = "remaining";
  Value swap = Money(7458000, "745.8万元");
  swap.confidence = 0.6;
  swapped.mentions = {Money(4758000, "475.8"), Money(4758000, "475.8万元"), swap};
  r.facts.cross_refs = {misread, typed, swapped};
  Report out = Scored(r);
  const Flag* f = FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/0");
  ASSERT_NE(f, nullptr) << Describe(out);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_NE(f->message.find("疑为识读误差"), std::string::npos) << f->message;
  const Flag* t = FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/1");
  ASSERT_NE(t, nullptr) << Describe(out);
  EXPECT_EQ(t->severity, Severity::kError);
  const Flag* w = FindFlag(out, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/2");
  ASSERT_NE(w, nullptr) << Describe(out);
  EXPECT_EQ(w->severity, Severity::kWarning);
}

}  // namespace
}  // namespace jixiao
