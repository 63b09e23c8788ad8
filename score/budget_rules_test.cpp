// Budget rules, through ScoreReport with the built-in profiles.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using score_test::BuiltinProfile;
using score_test::Declared;
using score_test::Describe;
using score_test::FindFlag;
using score_test::Money;
using score_test::Percent;

Report GoalTableBudget(double planned, const std::string& planned_raw, double executed,
                       const std::string& executed_raw, std::optional<Value> rate, std::optional<double> score) {
  Report r;
  r.template_name = "goal-table";
  r.budget.planned = Money(planned, planned_raw);
  r.budget.executed = Money(executed, executed_raw);
  r.budget.rate = std::move(rate);
  if (score) r.budget.score = Declared(*score);
  return r;
}

TEST(BudgetRulesTest, Seed000RelocationBudgetScore18IsAnError) {
  // 拆迁户: 20 x min(1, 638.43/640) = 19.95, the form gives 18.
  Report r = GoalTableBudget(6400000, "640", 6384300, "638.43", Percent(99.75, "99.75%"), 18);
  r.budget.score.raw = "18";
  ScoreReport(r, BuiltinProfile("goal-table"));
  const Flag* f = FindFlag(r, FlagCode::kBudgetScoreMismatch, "/budget/score");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_DOUBLE_EQ(*f->declared, 18);
  EXPECT_NEAR(*f->expected, 19.95, 0.005);
  EXPECT_NE(f->message.find("20×min(1, 638.43/640)=19.95"), std::string::npos) << f->message;
  EXPECT_NEAR(*r.budget.score.recomputed, 20 * 638.43 / 640, 1e-9);
  EXPECT_NEAR(*r.budget.rate_recomputed, 638.43 / 640 * 100, 1e-9);
  EXPECT_EQ(FindFlag(r, FlagCode::kRateMismatch), nullptr);
  ASSERT_FALSE(f->evidence.empty());
  EXPECT_EQ(f->evidence[0].text, "18");
}

TEST(BudgetRulesTest, FloorRoundAndOneDecimalScoresAreConsistent) {
  for (double score : {19.0, 20.0, 19.9, 19.95}) {
    Report r = GoalTableBudget(6400000, "640", 6384300, "638.43", Percent(99.75, "99.75%"), score);
    ScoreReport(r, BuiltinProfile("goal-table"));
    EXPECT_EQ(FindFlag(r, FlagCode::kBudgetScoreMismatch), nullptr) << score << "\n" << Describe(r);
  }
}

TEST(BudgetRulesTest, ScoreOnlyAnUnusualConventionExplainsIsAWarning) {
  // 20 x 95.25% = 19.05: 19 (floor, round) and 19.1 (one decimal) are usual,
  // 20 only comes from rounding up.
  Report r = GoalTableBudget(1000000, "100", 952500, "95.25", Percent(95.25, "95.25%"), 20);
  ScoreReport(r, BuiltinProfile("goal-table"));
  const Flag* f = FindFlag(r, FlagCode::kBudgetScoreMismatch, "/budget/score");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_NE(f->message.find("少见的取整方式"), std::string::npos) << f->message;
}

TEST(BudgetRulesTest, ScoreAtExactlyTheWeightIsNotAboveIt) {
  Report r = GoalTableBudget(1100000, "110", 1100000, "110", Percent(100, "100%"), 20);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(FindFlag(r, FlagCode::kScoreExceedsWeight), nullptr) << Describe(r);
  EXPECT_EQ(FindFlag(r, FlagCode::kBudgetScoreMismatch), nullptr);
}

TEST(BudgetRulesTest, ScoreAboveWeightRaisesBothFlags) {
  Report r = GoalTableBudget(2324100, "2,324,100.00", 1894233, "1,894,233.00", Percent(82, "82%"), 22);
  ScoreReport(r, BuiltinProfile("goal-table"));
  const Flag* over = FindFlag(r, FlagCode::kScoreExceedsWeight, "/budget/score");
  ASSERT_NE(over, nullptr) << Describe(r);
  EXPECT_EQ(over->severity, Severity::kError);
  ASSERT_NE(FindFlag(r, FlagCode::kBudgetScoreMismatch, "/budget/score"), nullptr);
}

TEST(BudgetRulesTest, PlannedZeroIsNotApplicable) {
  Report r;
  r.template_name = "goal-table";
  r.budget.planned = Money(0, "0");
  r.budget.executed = Money(0, "0");
  Value slash;
  slash.raw = "/";
  r.budget.rate = slash;
  r.budget.score = Declared(0);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(score_test::CountingFlags(r), 0) << Describe(r);
  EXPECT_FALSE(r.budget.rate_recomputed.has_value());
  ASSERT_TRUE(r.budget.score.recomputed.has_value());
  EXPECT_DOUBLE_EQ(*r.budget.score.recomputed, 0);
}

TEST(BudgetRulesTest, PlannedZeroWithAScoreIsOnlyNoted) {
  Report r = GoalTableBudget(0, "0", 0, "0", std::nullopt, 20);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(score_test::CountingFlags(r), 0) << Describe(r);
  const Flag* f = FindFlag(r, FlagCode::kBudgetScoreMismatch);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kInfo);
}

TEST(BudgetRulesTest, OverExecutionScoresTheFullWeight) {
  Report r = GoalTableBudget(1000000, "100", 1053700, "105.37", Percent(105.37, "105.37%"), 20);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(score_test::CountingFlags(r), 0) << Describe(r);
  EXPECT_NEAR(*r.budget.rate_recomputed, 105.37, 1e-9);
  EXPECT_DOUBLE_EQ(*r.budget.score.recomputed, 20);
}

TEST(BudgetRulesTest, OverExecutionPrintedCappedAt100IsAConvention) {
  Report r = GoalTableBudget(1000000, "100", 1053700, "105.37", Percent(100, "100%"), 20);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(FindFlag(r, FlagCode::kRateMismatch), nullptr) << Describe(r);
}

TEST(BudgetRulesTest, MissingCellsRaiseNothing) {
  Report r;
  r.template_name = "goal-table";
  r.budget.planned = Money(1100000, "110");
  r.budget.rate = Percent(56, "56%");
  r.budget.score = Declared(11);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(score_test::CountingFlags(r), 0) << Describe(r);
  EXPECT_FALSE(r.budget.rate_recomputed.has_value());
  EXPECT_FALSE(r.budget.score.recomputed.has_value());
}

TEST(BudgetRulesTest, NegativeExecutedIsNotComputed) {
  Report r = GoalTableBudget(1000000, "100", -5000, "-0.5", Percent(50, "50%"), 10);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_FALSE(r.budget.rate_recomputed.has_value());
  EXPECT_EQ(FindFlag(r, FlagCode::kRateMismatch), nullptr);
}

TEST(BudgetRulesTest, RateConventionsAndMismatch) {
  // 71.14% printed where 325.19/400.77 = 81.14%.
  Report r;
  r.template_name = "weight-column";
  r.budget.planned = Money(4007700, "400.77");
  r.budget.executed = Money(3251900, "325.19");
  r.budget.rate = Percent(71.14, "71.14%");
  r.budget.score = Declared(8.1);
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* f = FindFlag(r, FlagCode::kRateMismatch, "/budget/rate");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NEAR(*f->expected, 81.14, 0.01);
  EXPECT_EQ(FindFlag(r, FlagCode::kBudgetScoreMismatch), nullptr) << Describe(r);

  for (auto [declared, raw] : {std::pair{81.0, "81%"}, {81.1, "81.1%"}, {81.14, "81.14%"}, {81.141, "81.141%"}}) {
    Report ok = r;
    ok.budget.rate = Percent(declared, raw);
    ScoreReport(ok, BuiltinProfile("weight-column"));
    EXPECT_EQ(FindFlag(ok, FlagCode::kRateMismatch), nullptr) << raw << "\n" << Describe(ok);
  }
}

TEST(BudgetRulesTest, Seed001CountyMedicalRateStatement) {
  // "预算 5 万元，实际支出 24451.35 元 … 预算执行率为 95.71%": 24451.35/50000 = 48.90%.
  Report r;
  r.template_name = "narrative-only";
  RateStatement s;
  s.planned = Money(50000, "5");
  s.executed = Money(24451.35, "24451.35");
  s.rate = Percent(95.71, "95.71%");
  r.facts.rate_statements.push_back(s);
  ScoreReport(r, BuiltinProfile("narrative-only"));
  const Flag* f = FindFlag(r, FlagCode::kRateMismatch, "/facts/rate_statements/0");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NEAR(*f->expected, 48.9027, 1e-3);
}

TEST(BudgetRulesTest, RateStatementWithOnlyARateUsesTheTable) {
  Report r = GoalTableBudget(1100000, "110", 937600, "93.76", Percent(85, "85%"), 17);
  RateStatement s;
  s.rate = Percent(95, "95%");
  r.facts.rate_statements.push_back(s);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_NE(FindFlag(r, FlagCode::kRateMismatch, "/facts/rate_statements/0"), nullptr) << Describe(r);
  EXPECT_EQ(FindFlag(r, FlagCode::kRateMismatch, "/budget/rate"), nullptr);
}

TEST(BudgetRulesTest, ScoreFromThePrintedRateIsAccepted) {
  // 20 x 64.867% = 12.97 (floor 12, round 13); the printed 65% gives 13.
  Report r = GoalTableBudget(150000, "15", 97300, "9.73", Percent(65, "65%"), 13);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(FindFlag(r, FlagCode::kBudgetScoreMismatch), nullptr) << Describe(r);
}

TEST(BudgetRulesTest, OcrRateStatementOneDigitFromTheTablesIsAMisread) {
  // The table's 73% is right (102.23/140); the narrative, read by OCR, says 739%.
  Report r = GoalTableBudget(1400000, "140", 1022300, "102.23", Percent(73, "73%"), 15);
  RateStatement s;
  s.rate = Percent(739, "739%");
  s.rate->confidence = 0.7;
  r.facts.rate_statements.push_back(s);
  ScoreReport(r, BuiltinProfile("goal-table"));
  const Flag* f = FindFlag(r, FlagCode::kRateMismatch, "/facts/rate_statements/0");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kInfo);
  // Typed text is taken at its word.
  r.facts.rate_statements[0].rate->confidence = 1.0;
  ScoreReport(r, BuiltinProfile("goal-table"));
  f = FindFlag(r, FlagCode::kRateMismatch, "/facts/rate_statements/0");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
}

}  // namespace
}  // namespace jixiao
