// ScoreReport / ScoreDocument as a whole: which flags are kept, profiles,
// bad input.
#include "score/score.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

TEST(ScoreTest, KeepsParserFlagsAndReplacesItsOwn) {
  Report r;
  r.template_name = "group-weights";
  Flag missing;
  missing.code = FlagCode::kMissingField;
  missing.severity = Severity::kError;
  missing.path = "/total/declared";
  Flag unreadable;
  unreadable.code = FlagCode::kUnreadable;
  unreadable.severity = Severity::kWarning;
  unreadable.path = "/indicators/0/actual";
  Flag stale;
  stale.code = FlagCode::kTotalMismatch;
  stale.severity = Severity::kError;
  stale.path = "/total/declared";
  r.flags = {missing, unreadable, stale};
  r.missing_fields = {"/total/declared"};
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_NE(FindFlag(r, FlagCode::kMissingField, "/total/declared"), nullptr);
  EXPECT_NE(FindFlag(r, FlagCode::kUnreadable), nullptr);
  EXPECT_EQ(FindFlag(r, FlagCode::kTotalMismatch), nullptr) << Describe(r);
  int missing_count = 0;
  for (const Flag& f : r.flags) missing_count += f.code == FlagCode::kMissingField;
  EXPECT_EQ(missing_count, 1);
}

TEST(ScoreTest, ListedBlankFieldGetsMissingFieldOnce) {
  Report r;
  r.template_name = "group-weights";
  r.missing_fields = {"/total/declared"};
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kMissingField, "/total/declared");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  ScoreReport(r, BuiltinProfile("group-weights"));
  int n = 0;
  for (const Flag& g : r.flags) n += g.code == FlagCode::kMissingField;
  EXPECT_EQ(n, 1);
}

TEST(ScoreTest, UnknownTemplateUsesTheGenericProfile) {
  Document d;
  Report r;
  r.template_name = "no-such-template";
  r.budget.planned = Money(4007700, "400.77");
  r.budget.executed = Money(3251900, "325.19");
  r.budget.rate = Percent(71.14, "71.14%");
  d.reports.push_back(r);
  ScoreDocument(d, BuiltinProfiles());
  EXPECT_NE(FindFlag(d.reports[0], FlagCode::kRateMismatch, "/budget/rate"), nullptr) << Describe(d.reports[0]);
  ScoreDocument(d, {});  // no profiles at all: built-in defaults
  EXPECT_NE(FindFlag(d.reports[0], FlagCode::kRateMismatch, "/budget/rate"), nullptr);
}

TEST(ScoreTest, InvalidProfileFallsBackToDefaultsWithANote) {
  Profile p;
  p.name = "broken";
  p.scoring = nlohmann::json::parse(R"({"budget_weight": "twenty"})");
  Report r;
  r.budget.planned = Money(100, "100");
  r.budget.executed = Money(50, "50");
  r.budget.rate = Percent(80, "80%");
  ScoreReport(r, p);
  const Flag* note = FindFlag(r, FlagCode::kProfileInvalid);
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->severity, Severity::kInfo);
  EXPECT_NE(FindFlag(r, FlagCode::kRateMismatch), nullptr);
}

TEST(ScoreTest, NonFiniteAndOutOfRangeInputDoNotCrash) {
  Report r;
  r.template_name = "goal-table";
  r.budget.planned = Money(std::numeric_limits<double>::infinity(), "∞");
  r.budget.executed = Money(std::nan(""), "nan");
  r.budget.rate = Percent(std::nan(""), "nan%");
  r.budget.score = Declared(std::numeric_limits<double>::infinity());
  r.indicators = {Quantitative("x", Count(std::nan(""), "?"), Count(1e308, "1e308"), 1e308)};
  r.indicators[0].group = 7;  // no such group
  Group g;
  g.weight = 70;
  g.indicators = {0, -3, 99};
  r.groups = {g};
  r.total.declared = Declared(std::nan(""));
  Component c;
  c.total = Money(1e308, "1e308");
  c.parts = {Money(1e308, "1e308"), Money(1e308, "1e308")};
  r.facts.components = {c};
  CrossRef x;
  x.quantity = "executed";
  x.mentions = {Money(1, ""), Value{}};
  r.facts.cross_refs = {x};
  r.fiscal_year = 2022;
  r.fill_date = Date("20", "20");
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_FALSE(r.budget.rate_recomputed.has_value());
  // An infinite score cannot be a score: noted, not compared.
  EXPECT_EQ(FindFlag(r, FlagCode::kScoreExceedsWeight, "/budget/score"), nullptr) << Describe(r);
  const Flag* note = FindFlag(r, FlagCode::kImplausibleFigure, "/budget/score");
  ASSERT_NE(note, nullptr) << Describe(r);
  EXPECT_EQ(note->severity, Severity::kInfo);
}

TEST(ScoreTest, FiguresReadFromTheWrongCellAreNotCompared) {
  Report r;
  r.template_name = "goal-table";
  r.budget.planned = Money(10000, "标1（70");  // text cut from the goal row
  r.budget.executed = Money(20000, "标2（10");
  r.budget.rate = Percent(87, "87%");
  r.budget.score = Declared(719.8);  // the executed amount, read as the score
  r.total.declared = Declared(99);
  ScoreReport(r, BuiltinProfile("goal-table"));
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/budget/planned"), nullptr);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/budget/score"), nullptr);
}

TEST(ScoreTest, ImplausiblePrintedBudgetWeightFallsBackToTheProfile) {
  Report r;
  r.template_name = "weight-column";
  r.budget.weight = 44800000;  // an amount read as the weight
  r.budget.planned = Money(4007700, "400.77");
  r.budget.executed = Money(3251900, "325.19");
  r.budget.score = Declared(8.1);
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_NEAR(*r.budget.score.recomputed, 8.114, 1e-3);  // 10 x 81.14%
}

}  // namespace
}  // namespace jixiao
