// Totals, header totals, narrative self-scores and section sums.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

// A group-weights report with budget 20 and two met indicators of 40 each.
Report GroupReport(double total, std::optional<double> header, std::optional<double> self) {
  Report r;
  r.template_name = "group-weights";
  r.budget.planned = Money(270000, "27");
  r.budget.executed = Money(270000, "27");
  r.budget.rate = Percent(100, "100%");
  r.budget.score = Declared(20);
  r.indicators = {Quantitative("专项检查次数", Count(4, "4"), Count(6, "6"), 40),
                  Quantitative("宣传次数", Count(2, "2"), Count(2, "2"), 40)};
  Group out;
  out.label = "产出指标";
  out.weight = 40;
  out.indicators = {0};
  Group eff;
  eff.label = "效益指标";
  eff.weight = 40;
  eff.indicators = {1};
  r.groups = {out, eff};
  r.total.declared = Declared(total);
  if (header) r.total.declared_header = Declared(*header);
  if (self) r.total.self_score_text = Declared(*self);
  return r;
}

TEST(TotalRulesTest, ConsistentTotalsRaiseNothing) {
  Report r = GroupReport(100, 100, 100);
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.total.recomputed, 100);
}

TEST(TotalRulesTest, Seed002HeaderTotal94AgainstBottom92) {
  Report r = GroupReport(92, 94, std::nullopt);
  r.indicators[0].score = Declared(32);
  r.indicators[0].actual = Count(3.2, "3.2");
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kHeaderTotalMismatch, "/total/declared_header");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_DOUBLE_EQ(*f->declared, 94);
  EXPECT_DOUBLE_EQ(*f->expected, 92);
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch), nullptr) << Describe(r);  // 20 + 32 + 40 = 92
}

TEST(TotalRulesTest, BottomTotalAgainstItemSum) {
  Report r = GroupReport(94, std::nullopt, 94);
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kTotalMismatch, "/total/declared");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_DOUBLE_EQ(*f->expected, 100);
  EXPECT_NE(f->message.find("20 + 40 + 40"), std::string::npos) << f->message;
  EXPECT_EQ(FindFlag(r, FlagCode::kSelfScoreTextMismatch), nullptr);
}

TEST(TotalRulesTest, ASumShortOfUnreadRowsDoesNotContradictTheTotal) {
  Report r = GroupReport(100, std::nullopt, std::nullopt);
  r.indicators.pop_back();  // the 效益 row was not read: 20 + 40 of 100 points
  r.groups.pop_back();
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kTotalMismatch, "/total/declared");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_NE(f->message.find("不足满分 100"), std::string::npos) << f->message;
}

TEST(TotalRulesTest, RoundedTotalOfDecimalScoresIsConsistent) {
  Report r = GroupReport(94, std::nullopt, std::nullopt);
  r.indicators[0].score = Declared(33.7);
  r.indicators[0].actual = Count(3.37, "3.37");
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch), nullptr) << Describe(r);  // 93.7 printed as 94
}

TEST(TotalRulesTest, SelfScoreAgainstTheTable) {
  Report r = GroupReport(100, std::nullopt, 95);
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kSelfScoreTextMismatch, "/total/self_score_text");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
}

TEST(TotalRulesTest, BlankTotalComparesWithNothing) {
  Report r = GroupReport(0, 92, 98);
  r.total.declared = ScoredNumber{};
  r.total.declared.blank = true;
  r.budget.score = Declared(25);  // would make the item sum 105
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch), nullptr) << Describe(r);
  EXPECT_EQ(FindFlag(r, FlagCode::kHeaderTotalMismatch), nullptr) << Describe(r);
  // With the bottom total blank the narrative is read against the header.
  EXPECT_NE(FindFlag(r, FlagCode::kSelfScoreTextMismatch), nullptr) << Describe(r);
}

Section MakeSection(const std::string& name, double weight, double score, std::vector<Section> children = {}) {
  Section s;
  s.name = name;
  s.weight = weight;
  s.score = score;
  s.children = std::move(children);
  return s;
}

Report Seed003Sections(double self) {
  Report r;
  r.template_name = "narrative-only";
  r.sections = {MakeSection("项目决策", 20, 20, {MakeSection("项目立项", 8, 8), MakeSection("项目目标", 12, 12)}),
                MakeSection("项目管理", 20, 19,
                            {MakeSection("投入管理", 4, 3), MakeSection("财务管理", 6, 6), MakeSection("项目实施", 10, 10)}),
                MakeSection("项目绩效", 60, 60, {MakeSection("项目产出", 30, 30), MakeSection("项目效益", 30, 30)})};
  r.total.self_score_text = Declared(self);
  return r;
}

TEST(TotalRulesTest, Seed003SectionsAddUpTo99) {
  Report r = Seed003Sections(99);
  ScoreReport(r, BuiltinProfile("narrative-only"));
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.total.recomputed, 99);
}

TEST(TotalRulesTest, SelfScoreAgainstSectionScores) {
  Report r = Seed003Sections(97);
  ScoreReport(r, BuiltinProfile("narrative-only"));
  const Flag* f = FindFlag(r, FlagCode::kSelfScoreTextMismatch, "/total/self_score_text");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_DOUBLE_EQ(*f->expected, 99);
}

TEST(TotalRulesTest, SectionScoreNotItsChildrensSum) {
  Report r = Seed003Sections(99);
  r.sections[1].children[0].score = 1;  // 1 + 6 + 10 = 17, section says 19
  ScoreReport(r, BuiltinProfile("narrative-only"));
  EXPECT_NE(FindFlag(r, FlagCode::kTotalMismatch, "/sections/1/score"), nullptr) << Describe(r);
}

}  // namespace
}  // namespace jixiao
