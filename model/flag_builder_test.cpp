#include "model/flag_builder.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

Location Page(int page) {
  Location where;
  where.page = page;
  where.bbox = BBox{1, 2, 3, 4};
  where.ref = "t0.r1.c2";
  return where;
}

TEST(FlagBuilderTest, BuildsEveryPart) {
  Value planned;
  planned.raw = "640";
  planned.number = 6400000;
  planned.where = Page(3);
  ScoredNumber score;
  score.raw = "18";
  score.declared = 18;
  score.where = Page(3);
  const Flag f = FlagBuilder(FlagCode::kBudgetScoreMismatch, Severity::kError, "/budget/score")
                     .Message("预算执行得分 18 与 19.95 不符")
                     .Declared(18)
                     .Expected(19.95)
                     .Evidence(score)
                     .Evidence(planned)
                     .flag();
  EXPECT_EQ(f.code, FlagCode::kBudgetScoreMismatch);
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.path, "/budget/score");
  EXPECT_EQ(f.message, "预算执行得分 18 与 19.95 不符");
  EXPECT_EQ(f.declared, 18);
  EXPECT_EQ(f.expected, 19.95);
  EXPECT_FALSE(f.declared_text.has_value());
  ASSERT_EQ(f.evidence.size(), 2u);  // in the order given
  EXPECT_EQ(f.evidence[0].text, "18");
  EXPECT_EQ(f.evidence[1].text, "640");
  EXPECT_EQ(f.evidence[1].page, 3);
  EXPECT_EQ(f.evidence[1].ref, "t0.r1.c2");
  ASSERT_TRUE(f.evidence[1].bbox.has_value());
  EXPECT_EQ(f.evidence[1].bbox->x1, 3);
}

TEST(FlagBuilderTest, TextFiguresForDates) {
  const Flag f = FlagBuilder(FlagCode::kDateInconsistent, Severity::kWarning, "/fill_date")
                     .DeclaredText("2022-06-21")
                     .ExpectedText("晚于 2022-12-31")
                     .flag();
  EXPECT_EQ(f.declared_text, "2022-06-21");
  EXPECT_EQ(f.expected_text, "晚于 2022-12-31");
  EXPECT_FALSE(f.declared.has_value());
}

TEST(FlagBuilderTest, EvidenceThatSaysNothingIsNotKept) {
  Location line;
  line.line = 57;
  line.column = 3;
  const Flag f = FlagBuilder(FlagCode::kUnreadable, Severity::kWarning, "")
                     .Evidence(Location{}, "")             // no text, no place
                     .Evidence(std::optional<Value>())     // no figure
                     .Evidence(Location{}, "总分")          // text without a place
                     .Evidence(Page(2), "")                 // a page without text
                     .Evidence(line, "")                    // a line of a text input
                     .flag();
  ASSERT_EQ(f.evidence.size(), 3u);
  EXPECT_EQ(f.evidence[0].text, "总分");
  EXPECT_EQ(f.evidence[1].page, 2);
  EXPECT_EQ(f.evidence[2].line, 57);
  EXPECT_EQ(f.evidence[2].column, 3);
}

TEST(FlagBuilderTest, OnlyADoubtfulReadingCarriesItsConfidence) {
  Value ocr;
  ocr.raw = "2O";
  ocr.where = Page(1);
  ocr.confidence = 0.42;
  Value text_layer = ocr;
  text_layer.confidence = 1.0;
  const Flag f = FlagBuilder(FlagCode::kUnreadable, Severity::kInfo, "/indicators/1/actual")
                     .Evidence(ocr)
                     .Evidence(text_layer)
                     .flag();
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.evidence[0].confidence, 0.42);
  EXPECT_FALSE(f.evidence[1].confidence.has_value());
}

}  // namespace
}  // namespace jixiao
