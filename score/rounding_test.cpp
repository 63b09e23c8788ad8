#include "score/rounding.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace jixiao::score {
namespace {

Convention C(const std::string& name) {
  Result<Convention> c = ParseConvention(name);
  EXPECT_TRUE(c.ok()) << name;
  return c.ok() ? c.value() : Convention{};
}

TEST(ParseConventionTest, ReadsModeDecimalsAndCap) {
  Convention c = C("capped_floor_2");
  EXPECT_EQ(c.mode, RoundMode::kFloor);
  EXPECT_EQ(c.decimals, 2);
  EXPECT_TRUE(c.capped);
  EXPECT_EQ(C("ceil_0").mode, RoundMode::kCeil);
}

TEST(ParseConventionTest, RejectsMalformedNames) {
  EXPECT_FALSE(ParseConvention("round").ok());
  EXPECT_FALSE(ParseConvention("round_9").ok());
  EXPECT_FALSE(ParseConvention("bankers_0").ok());
  EXPECT_FALSE(ParseConvention("round_12").ok());
  EXPECT_FALSE(ParseConvention("").ok());
}

TEST(ProducesTest, FloorRoundAndOneDecimal) {
  EXPECT_TRUE(Produces(C("floor_0"), 19.95, 19));
  EXPECT_FALSE(Produces(C("floor_0"), 19.95, 20));
  EXPECT_TRUE(Produces(C("round_0"), 19.95, 20));
  EXPECT_TRUE(Produces(C("round_1"), 19.95, 20.0));  // 19.95 -> 20.0 (either tie)
  EXPECT_TRUE(Produces(C("round_1"), 19.95, 19.9));  // half to even on the binary value
  EXPECT_TRUE(Produces(C("floor_1"), 8.1, 8.1));     // 8.1 * 10 is 80.999... in binary
  EXPECT_FALSE(Produces(C("floor_1"), 8.1, 8.0));
}

TEST(ProducesTest, RoundingAtExactlyHalfAcceptsEitherTie) {
  EXPECT_TRUE(Produces(C("round_0"), 12.5, 13));
  EXPECT_TRUE(Produces(C("round_0"), 12.5, 12));
  EXPECT_FALSE(Produces(C("round_0"), 12.5, 11));
  EXPECT_TRUE(Produces(C("round_1"), 0.25, 0.3));
  EXPECT_TRUE(Produces(C("round_1"), 0.25, 0.2));
  EXPECT_FALSE(Produces(C("round_0"), 12.51, 12));
}

TEST(ProducesTest, DeclaredNeedsTheConventionsPrecision) {
  // 8.5 cannot be printed by an integer convention.
  EXPECT_FALSE(Produces(C("round_0"), 8.476, 8.5));
  EXPECT_TRUE(Produces(C("round_1"), 8.476, 8.5));
}

TEST(ProducesTest, CappedConventionPrintsAtMostTheCap) {
  EXPECT_TRUE(Produces(C("capped_round_0"), 105.37, 100));
  EXPECT_FALSE(Produces(C("round_0"), 105.37, 100));
  EXPECT_TRUE(Produces(C("capped_round_0"), 99.6, 100));
}

TEST(ProducesTest, NegativeFiguresFloorDownward) {
  EXPECT_TRUE(Produces(C("floor_0"), -2.5, -3));
  EXPECT_TRUE(Produces(C("round_0"), -2.4, -2));
}

TEST(JudgeTest, Verdicts) {
  ConventionSet usual = {C("floor_0"), C("round_0"), C("round_1")};
  ConventionSet unusual = {C("ceil_0")};
  Tolerance t{1.0, 1.5};
  EXPECT_EQ(Judge(19, {19.95}, usual, unusual, t), Agreement::kConsistent);
  EXPECT_EQ(Judge(9, {8.1}, usual, unusual, t), Agreement::kUnusual);        // only ceil gives 9
  EXPECT_EQ(Judge(8.6, {8.1}, usual, unusual, t), Agreement::kTolerated);    // no convention, within 1.0
  EXPECT_EQ(Judge(9.3, {8.1}, usual, unusual, t), Agreement::kSuspicious);   // 1.2: between
  EXPECT_EQ(Judge(18, {19.95}, usual, unusual, t), Agreement::kContradiction);
  EXPECT_EQ(Judge(18, {}, usual, unusual, t), Agreement::kConsistent);
}

TEST(JudgeTest, AnyBasisMayExplainTheFigure) {
  ConventionSet usual = {C("round_0")};
  Tolerance t{1.0, 1.5};
  // 20 x 64.867% = 12.97 rounds to 13; 20 x the printed 65% = 13 as well.
  EXPECT_EQ(Judge(13, {12.97, 13.0}, usual, {}, t), Agreement::kConsistent);
  // Distances count from the first basis.
  EXPECT_EQ(Judge(14.7, {12.97, 14.7}, {}, {}, t), Agreement::kConsistent);
}

TEST(JudgeTest, BoundariesOfTheToleranceTable) {
  Tolerance t{1.0, 1.5};
  EXPECT_EQ(Judge(20, {18.5}, {}, {}, t), Agreement::kContradiction);  // exactly 1.5
  EXPECT_EQ(Judge(20, {19.0}, {}, {}, t), Agreement::kSuspicious);     // exactly 1.0
  EXPECT_EQ(Judge(20, {19.01}, {}, {}, t), Agreement::kTolerated);
}

TEST(SeverityTest, MapsAndCompares) {
  EXPECT_EQ(SeverityOf(Agreement::kContradiction), Severity::kError);
  EXPECT_EQ(SeverityOf(Agreement::kUnusual), Severity::kWarning);
  EXPECT_EQ(SeverityOf(Agreement::kTolerated), Severity::kInfo);
  EXPECT_EQ(SeverityOf(Agreement::kConsistent), std::nullopt);
  // The milder of two severities is the lesser.
  EXPECT_EQ(std::min(Severity::kError, Severity::kWarning), Severity::kWarning);
  EXPECT_EQ(std::min(Severity::kInfo, Severity::kWarning), Severity::kInfo);
}

}  // namespace
}  // namespace jixiao::score
