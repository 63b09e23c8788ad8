// Dates against the fiscal year.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

Report WithFillDate(const std::string& iso) {
  Report r;
  r.template_name = "group-weights";
  r.fiscal_year = 2022;
  r.fill_date = Date(iso, iso);
  ScoreReport(r, BuiltinProfile("group-weights"));
  return r;
}

TEST(DateRulesTest, FillDateAfterTheYearIsFine) {
  EXPECT_EQ(CountingFlags(WithFillDate("2023-06-21")), 0);
  EXPECT_EQ(CountingFlags(WithFillDate("2023-01")), 0);
}

TEST(DateRulesTest, FillDateInsideOrBeforeTheYear) {
  for (const char* iso : {"2022-12-31", "2022-01-13", "2021-11"}) {
    Report r = WithFillDate(iso);
    const Flag* f = FindFlag(r, FlagCode::kDateInconsistent, "/fill_date");
    ASSERT_NE(f, nullptr) << iso;
    EXPECT_EQ(f->severity, Severity::kError);
    EXPECT_EQ(*f->declared_text, iso);
  }
}

TEST(DateRulesTest, FactDatesByRole) {
  Report r;
  r.template_name = "narrative-only";
  r.fiscal_year = 2024;
  r.facts.dates = {{"signature", Date("2025-02-13", "2025年2月13日"), ""},
                   {"cutoff", Date("2024-12-31", "2024年12月31日"), ""},
                   {"signature", Date("2024-06-01", "2024年6月1日"), ""},
                   {"cutoff", Date("2023-12-31", "2023年12月31日"), ""},
                   {"deadline", Date("2025-03-31", "2025年3月底前"), ""},
                   {"mentioned", Date("2021-09", "2021年9月"), ""}};
  ScoreReport(r, BuiltinProfile("narrative-only"));
  EXPECT_EQ(FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/0"), nullptr);
  EXPECT_EQ(FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/1"), nullptr);
  ASSERT_NE(FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/2"), nullptr) << Describe(r);
  ASSERT_NE(FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/3"), nullptr);
  const Flag* deadline = FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/4");
  ASSERT_NE(deadline, nullptr);
  EXPECT_EQ(deadline->severity, Severity::kWarning);
  EXPECT_EQ(FindFlag(r, FlagCode::kDateInconsistent, "/facts/dates/5"), nullptr);
}

TEST(DateRulesTest, NoFiscalYearNoCheck) {
  Report r;
  r.template_name = "group-weights";
  r.fill_date = Date("2020-01-01", "2020年1月1日");
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_EQ(CountingFlags(r), 0);
}

// The form's title read 2024 where its narrative names 2021 three times.
Report WithDoubtedYear(const std::string& fill_iso, double confidence, const std::string& narrative_year) {
  Report r;
  r.template_name = "group-weights";
  r.fiscal_year = 2024;
  r.fill_date = Date(fill_iso, fill_iso);
  CrossRef year{"fiscal_year", {Date("2024", "2024年度")}};
  for (int k = 0; k < 3; ++k) year.mentions.push_back(Date(narrative_year, narrative_year + "年度"));
  for (Value& v : year.mentions) v.confidence = confidence;
  r.facts.cross_refs.push_back(year);
  ScoreReport(r, BuiltinProfile("group-weights"));
  return r;
}

TEST(DateRulesTest, DoubtedYearOneOcrDigitApartIsANote) {
  Report r = WithDoubtedYear("2022-06", 0.97, "2021");
  const Flag* f = FindFlag(r, FlagCode::kDateInconsistent, "/fill_date");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kInfo);
  EXPECT_EQ(f->evidence.size(), 3u);  // the date, the form's year, the narrative's
  EXPECT_NE(f->message.find("疑为识读误差"), std::string::npos) << f->message;
}

TEST(DateRulesTest, DoubtedYearOnATextLayerIsAWarning) {
  // Printed, not recognized: one of the two years is the document's own slip.
  Report r = WithDoubtedYear("2022-06", 1.0, "2021");
  const Flag* f = FindFlag(r, FlagCode::kDateInconsistent, "/fill_date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarning);
}

TEST(DateRulesTest, DateWrongForEitherYearStaysAnError) {
  Report r = WithDoubtedYear("2020-03", 0.97, "2021");
  const Flag* f = FindFlag(r, FlagCode::kDateInconsistent, "/fill_date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
}

TEST(DateRulesTest, YearNamedOnceIsNoDoubt) {
  Report r;
  r.template_name = "group-weights";
  r.fiscal_year = 2024;
  r.fill_date = Date("2022-06", "2022年6月");
  r.facts.cross_refs.push_back({"fiscal_year", {Date("2024", "2024年度"), Date("2021", "2021年度")}});
  ScoreReport(r, BuiltinProfile("group-weights"));
  const Flag* f = FindFlag(r, FlagCode::kDateInconsistent, "/fill_date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(FindFlag(r, FlagCode::kCrossReferenceMismatch, "/facts/cross_refs/0"), nullptr);
}

}  // namespace
}  // namespace jixiao
