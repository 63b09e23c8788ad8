// Weight sums of weight-column forms and narrative sections.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

// Budget 10, 产出 (two of 25), 效益 (one of 30), 满意度 (one of 10), all met.
Report ColumnForm(double output_group_weight) {
  Report r;
  r.template_name = "weight-column";
  r.budget.planned = Money(320000, "32");
  r.budget.executed = Money(320000, "32");
  r.budget.rate = Percent(100, "100%");
  r.budget.score = Declared(10);
  r.indicators = {WithWeight(Quantitative("培训次数", Count(20, "≥20次", "次", ">="), Count(20, "20次", "次"), 25), 25),
                  WithWeight(Quantitative("宣传覆盖率", Percent(60, "≥60%", ">="), Percent(60, "60%"), 25), 25),
                  WithWeight(Qualitative("社会效益", "明显提高", "明显提高", 30), 30),
                  WithWeight(Quantitative("满意度", Percent(90, "≥90%", ">="), Percent(92, "92%"), 10), 10)};
  auto group = [](const std::string& label, double weight, std::vector<int> members) {
    Group g;
    g.label = label;
    g.weight = weight;
    g.weight_raw = std::to_string(static_cast<int>(weight));
    g.indicators = std::move(members);
    return g;
  };
  r.groups = {group("产出指标", output_group_weight, {0, 1}), group("效益指标", 30, {2}), group("满意度指标", 10, {3})};
  r.form_weight_total = 100;
  r.total.declared = Declared(100);
  return r;
}

TEST(WeightSumRulesTest, ConsistentColumnFormRaisesNothing) {
  Report r = ColumnForm(50);
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

TEST(WeightSumRulesTest, ChangedGroupWeightFailsBothSums) {
  Report r = ColumnForm(60);
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* group = FindFlag(r, FlagCode::kWeightSumMismatch, "/groups/0/weight");
  ASSERT_NE(group, nullptr) << Describe(r);
  EXPECT_DOUBLE_EQ(*group->declared, 60);
  EXPECT_DOUBLE_EQ(*group->expected, 50);
  const Flag* form = FindFlag(r, FlagCode::kWeightSumMismatch, "/groups");
  ASSERT_NE(form, nullptr);
  EXPECT_DOUBLE_EQ(*form->declared, 110);
}

TEST(WeightSumRulesTest, MembersCountedUnderTheirNeighbourAreNotAWeightError) {
  Report r = ColumnForm(50);
  // The parser put 宣传覆盖率 (25) under 效益指标: 产出 25 vs 50, 效益 55 vs 30,
  // but 25 + 55 = 50 + 30.
  r.groups[0].indicators = {0};
  r.groups[1].indicators = {1, 2};
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_EQ(FindFlag(r, FlagCode::kWeightSumMismatch, "/groups/0/weight")->severity, Severity::kInfo) << Describe(r);
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

TEST(WeightSumRulesTest, AGroupThatTookAllRowsIsNotAWeightErrorWhenTheFormAddsUp) {
  Report r = ColumnForm(50);
  // Every row counted under 产出指标 (the other labels were not read with
  // their rows): 产出 50 vs 90, the others empty, but 50+30+10 = 25+25+30+10.
  r.groups[0].indicators = {0, 1, 2, 3};
  r.groups[1].indicators = {};
  r.groups[2].indicators = {};
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* group = FindFlag(r, FlagCode::kWeightSumMismatch, "/groups/0/weight");
  ASSERT_NE(group, nullptr) << Describe(r);
  EXPECT_EQ(group->severity, Severity::kInfo);
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

TEST(WeightSumRulesTest, MembersOfAGroupWhoseLabelWasNotReadAreNoted) {
  Report r = ColumnForm(50);
  // 满意度指标 was not read: its row went under 效益指标 (30 vs 40), and the
  // groups read (10 + 50 + 30) fall short of 100.
  r.groups[1].indicators = {2, 3};
  r.groups.pop_back();
  ScoreReport(r, BuiltinProfile("weight-column"));
  const Flag* group = FindFlag(r, FlagCode::kWeightSumMismatch, "/groups/1/weight");
  ASSERT_NE(group, nullptr) << Describe(r);
  EXPECT_EQ(group->severity, Severity::kInfo);
  // The items score 100 against parts of 90: the form total is not contradicted either.
  const Flag* form = FindFlag(r, FlagCode::kWeightSumMismatch, "/groups");
  ASSERT_NE(form, nullptr) << Describe(r);
  EXPECT_EQ(form->severity, Severity::kInfo);
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

TEST(WeightSumRulesTest, MembersOfAnotherLevel1MakeTheGroupDoubtful) {
  Report r = ColumnForm(50);
  r.groups[0].level1 = "产出指标";
  r.indicators[0].level1 = "产出指标";
  r.indicators[1].level1 = "满意度指标";  // a row of another 一级指标
  r.groups[0].weight = 60;
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_EQ(FindFlag(r, FlagCode::kWeightSumMismatch, "/groups/0/weight"), nullptr) << Describe(r);
  EXPECT_EQ(FindFlag(r, FlagCode::kWeightSumMismatch, "/groups"), nullptr) << Describe(r);
}

TEST(WeightSumRulesTest, GroupWeightsFormsAddUpWithTheBudget) {
  Report r;
  r.template_name = "group-weights";
  r.budget.score = Declared(20);
  Group a;
  a.label = "产出指标";
  a.weight = 40;
  Group b;
  b.label = "效益指标";
  b.weight = 50;
  r.groups = {a, b};
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_NE(FindFlag(r, FlagCode::kWeightSumMismatch, "/groups"), nullptr) << Describe(r);
}

Section MakeSection(const std::string& name, double weight, double score, std::vector<Section> children = {}) {
  Section s;
  s.name = name;
  s.weight = weight;
  s.score = score;
  s.children = std::move(children);
  return s;
}

TEST(WeightSumRulesTest, ChangedSectionWeight) {
  Report r;
  r.template_name = "narrative-only";
  r.sections = {MakeSection("决策", 15, 10, {MakeSection("项目立项", 4, 4), MakeSection("绩效目标", 6, 6)}),
                MakeSection("过程", 30, 30), MakeSection("产出", 30, 30), MakeSection("效益", 30, 30)};
  r.total.self_score_text = Declared(100);
  ScoreReport(r, BuiltinProfile("narrative-only"));
  EXPECT_NE(FindFlag(r, FlagCode::kWeightSumMismatch, "/sections/0/weight"), nullptr) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kWeightSumMismatch, "/sections"), nullptr);
  EXPECT_EQ(FindFlag(r, FlagCode::kSelfScoreTextMismatch), nullptr) << Describe(r);
}

TEST(WeightSumRulesTest, SectionScoredAboveItsWeight) {
  Report r;
  r.template_name = "narrative-only";
  r.sections = {MakeSection("决策", 10, 12), MakeSection("过程", 30, 30), MakeSection("产出", 30, 30),
                MakeSection("效益", 30, 30)};
  ScoreReport(r, BuiltinProfile("narrative-only"));
  EXPECT_NE(FindFlag(r, FlagCode::kScoreExceedsWeight, "/sections/0/score"), nullptr) << Describe(r);
}

}  // namespace
}  // namespace jixiao
