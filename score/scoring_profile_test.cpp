#include "score/scoring_profile.h"

#include <gtest/gtest.h>

#include "score/score_test_util.h"

namespace jixiao::score {
namespace {

Profile WithScoring(const std::string& json_text) {
  Profile p;
  p.name = "test";
  p.scoring = nlohmann::json::parse(json_text);
  return p;
}

TEST(ScoringProfileTest, EveryBuiltinProfileParses) {
  ASSERT_FALSE(BuiltinProfiles().empty());
  for (const Profile& p : BuiltinProfiles()) {
    Result<ScoringProfile> s = ParseScoringProfile(p);
    EXPECT_TRUE(s.ok()) << p.name << ": " << s.status().message();
  }
}

TEST(ScoringProfileTest, BuiltinProfilesCarryTheirTemplatesRules) {
  Result<ScoringProfile> goal = ParseScoringProfile(score_test::BuiltinProfile("goal-table"));
  ASSERT_TRUE(goal.ok());
  EXPECT_EQ(goal.value().budget_weight, 20);
  EXPECT_EQ(goal.value().weight_mode, WeightMode::kGoalInference);
  Result<ScoringProfile> column = ParseScoringProfile(score_test::BuiltinProfile("weight-column"));
  ASSERT_TRUE(column.ok());
  EXPECT_EQ(column.value().budget_weight, 10);
  EXPECT_EQ(column.value().weight_mode, WeightMode::kColumn);
  Result<ScoringProfile> group = ParseScoringProfile(score_test::BuiltinProfile("group-weights"));
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group.value().weight_mode, WeightMode::kGroupSplit);
  Result<ScoringProfile> narrative = ParseScoringProfile(score_test::BuiltinProfile("narrative-only"));
  ASSERT_TRUE(narrative.ok());
  EXPECT_FALSE(narrative.value().budget_weight.has_value());
}

TEST(ScoringProfileTest, EmptySectionTakesDefaults) {
  Result<ScoringProfile> s = ParseScoringProfile(WithScoring("{}"));
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s.value().budget_weight.has_value());
  EXPECT_EQ(s.value().form_total, 100);
  EXPECT_DOUBLE_EQ(s.value().score_tolerance.consistent, 1.0);
  EXPECT_DOUBLE_EQ(s.value().score_tolerance.discrepancy, 1.5);
  EXPECT_DOUBLE_EQ(s.value().total_tolerance.consistent, 0.05);
  EXPECT_FALSE(s.value().score_conventions.empty());
  ASSERT_EQ(s.value().qualitative_tiers.size(), 1u);
  EXPECT_DOUBLE_EQ(s.value().qualitative_tiers[0].tiers[0].low, 0.8);
}

TEST(ScoringProfileTest, ReadsEveryKey) {
  Result<ScoringProfile> s = ParseScoringProfile(WithScoring(R"({
    "budget_weight": 10, "form_total": 100, "weights": "group_split",
    "conventions": {"score": ["floor_0"], "rate": ["round_1"]},
    "qualitative_tiers": [[[90, 100], [50, 80], [0, 50]]],
    "tolerances": {"rate": {"consistent": 0.5, "discrepancy": 3}, "amount": {"factor": 5, "relative": 0.01, "minimum": 2}},
    "inferred_weight_severity": "error",
    "checks": {"dates": false}
  })"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  const ScoringProfile& p = s.value();
  EXPECT_EQ(p.budget_weight, 10);
  EXPECT_EQ(p.weight_mode, WeightMode::kGroupSplit);
  ASSERT_EQ(p.score_conventions.size(), 1u);
  EXPECT_EQ(p.score_conventions[0].mode, RoundMode::kFloor);
  EXPECT_DOUBLE_EQ(p.qualitative_tiers[0].tiers[0].low, 0.9);
  EXPECT_DOUBLE_EQ(p.rate_tolerance.discrepancy, 3);
  EXPECT_DOUBLE_EQ(p.amount_tolerance.factor, 5);
  EXPECT_EQ(p.inferred_weight_severity, Severity::kError);
  EXPECT_FALSE(p.checks.dates);
  EXPECT_TRUE(p.checks.budget);
}

TEST(ScoringProfileTest, RejectsWrongTypesAndUnknownKeys) {
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"budget_weight": "20"})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"weights": "guess"})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"conventions": {"score": ["nearest"]}})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"qualitative_tiers": [[[80, 120]]]})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"tolerances": {"score": {"consistent": 2, "discrepancy": 1}}})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"budget_wieght": 20})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"checks": {"spelling": true}})")).ok());
  EXPECT_FALSE(ParseScoringProfile(WithScoring(R"({"inferred_weight_severity": "fatal"})")).ok());
  Result<ScoringProfile> bad = ParseScoringProfile(WithScoring(R"({"form_total": []})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("form_total"), std::string::npos);
}

}  // namespace
}  // namespace jixiao::score
