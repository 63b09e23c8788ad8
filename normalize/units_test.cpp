#include "normalize/units.h"

#include <gtest/gtest.h>

namespace jixiao::norm {
namespace {

TEST(MatchUnit, LongestMatchWins) {
  auto unit = MatchUnit(U"人次", 0);
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->unit, U"人次");
  auto minutes = MatchUnit(U"分钟", 0);
  ASSERT_TRUE(minutes.has_value());
  EXPECT_EQ(minutes->unit, U"分钟");
  auto points = MatchUnit(U"分", 0);
  ASSERT_TRUE(points.has_value());
  EXPECT_EQ(points->kind, UnitKind::kPoints);
}

TEST(MatchUnit, PrintedVariantsMapToReportedUnit) {
  EXPECT_EQ(MatchUnit(U"元整", 0)->unit, U"元");
  EXPECT_EQ(MatchUnit(U"圆", 0)->unit, U"元");
  EXPECT_EQ(MatchUnit(U"个月", 0)->unit, U"月");          // 个 dropped before a time unit
  EXPECT_EQ(MatchUnit(U"个工作日", 0)->unit, U"工作日");
  EXPECT_EQ(MatchUnit(U"个医疗", 0)->unit, U"个");        // kept before a noun
  EXPECT_DOUBLE_EQ(MatchUnit(U"‰", 0)->scale, 0.1);
  EXPECT_DOUBLE_EQ(MatchUnit(U"成", 0)->scale, 10);
}

TEST(MatchUnit, LatinUnitsNeedAWordBoundary) {
  EXPECT_EQ(MatchUnit(U"kg", 0)->unit, U"kg");
  EXPECT_FALSE(MatchUnit(U"hospital", 0).has_value());
  EXPECT_FALSE(MatchUnit(U"参保", 0).has_value());
}

TEST(MatchMultiplier, SingleAndPairedMagnitudes) {
  EXPECT_EQ(MatchMultiplier(U"万元", 0)->factor, 1e4);
  EXPECT_EQ(MatchMultiplier(U"亿", 0)->factor, 1e8);
  EXPECT_EQ(MatchMultiplier(U"千万元", 0)->factor, 1e7);
  EXPECT_EQ(MatchMultiplier(U"千万元", 0)->end, 2u);
  EXPECT_EQ(MatchMultiplier(U"千元", 0)->factor, 1e3);
}

TEST(MatchMultiplier, UnitsAndRatiosAreNotMagnitudes) {
  EXPECT_FALSE(MatchMultiplier(U"千米", 0).has_value());
  EXPECT_FALSE(MatchMultiplier(U"千克", 0).has_value());
  EXPECT_FALSE(MatchMultiplier(U"百分点", 0).has_value());
  EXPECT_FALSE(MatchMultiplier(U"千分之五", 0).has_value());
  EXPECT_FALSE(MatchMultiplier(U"人", 0).has_value());
}

TEST(MatchPerSuffix, SlashAndDotSeparatedDenominators) {
  auto per = MatchPerSuffix(U"/人/年", 0);
  ASSERT_TRUE(per.has_value());
  ASSERT_EQ(per->per.size(), 2u);
  EXPECT_EQ(per->per[0], U"人");
  EXPECT_EQ(per->per[1], U"年");
  auto dotted = MatchPerSuffix(U"/人·年", 0);
  ASSERT_TRUE(dotted.has_value());
  EXPECT_EQ(dotted->per.size(), 2u);
  auto paren = MatchPerSuffix(U"/(人·年)", 0);
  ASSERT_TRUE(paren.has_value());
  EXPECT_EQ(paren->end, 6u);
  EXPECT_FALSE(MatchPerSuffix(U"/", 0).has_value());
  EXPECT_FALSE(MatchPerSuffix(U"人", 0).has_value());
}

TEST(PerPrefix, EachAndAverageWords) {
  const TextView text = U"每人每年320元";
  auto per = PerPrefix(text, 0, 4);
  ASSERT_EQ(per.size(), 2u);
  EXPECT_EQ(per[0], U"人");
  EXPECT_EQ(per[1], U"年");
  const TextView average = U"人均 7.8";
  auto avg = PerPrefix(average, 0, 3);
  ASSERT_EQ(avg.size(), 1u);
  EXPECT_EQ(avg[0], U"人");
  EXPECT_TRUE(PerPrefix(U"惠及每个参保人", 0, 7).empty());
}

}  // namespace
}  // namespace jixiao::norm
