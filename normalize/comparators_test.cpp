#include "normalize/comparators.h"

#include <gtest/gtest.h>

#include <string>

namespace jixiao::norm {
namespace {

std::string Before(TextView prefix) {
  auto c = ComparatorBefore(prefix, 0, prefix.size());
  return c ? std::string(c->op) : "none";
}

std::string After(TextView suffix) {
  auto c = ComparatorAfter(suffix, 0);
  return c ? std::string(c->op) : "none";
}

TEST(ComparatorBefore, SymbolsAndWords) {
  EXPECT_EQ(Before(U"≥"), ">=");
  EXPECT_EQ(Before(U">="), ">=");
  EXPECT_EQ(Before(U"不低于"), ">=");
  EXPECT_EQ(Before(U"不少于"), ">=");
  EXPECT_EQ(Before(U"大于等于"), ">=");
  EXPECT_EQ(Before(U"至少"), ">=");
  EXPECT_EQ(Before(U"达到"), ">=");  // 达到100%: reach at least
  EXPECT_EQ(Before(U">"), ">");
  EXPECT_EQ(Before(U"高于"), ">");
  EXPECT_EQ(Before(U"超过"), ">");
  EXPECT_EQ(Before(U"≤"), "<=");
  EXPECT_EQ(Before(U"不超过"), "<=");
  EXPECT_EQ(Before(U"不得超过"), "<=");
  EXPECT_EQ(Before(U"小于等于"), "<=");
  EXPECT_EQ(Before(U"<"), "<");
  EXPECT_EQ(Before(U"低于"), "<");
  EXPECT_EQ(Before(U"等于"), "=");
  EXPECT_EQ(Before(U"="), "=");
}

TEST(ComparatorBefore, LongestWordWinsAndLabelsAreSkipped) {
  EXPECT_EQ(Before(U"不低于 "), ">=");      // not 低于
  EXPECT_EQ(Before(U"指标值：≥ "), ">=");
  EXPECT_EQ(Before(U"达"), "none");          // 达/为 are not comparators
  EXPECT_EQ(Before(U"总分："), "none");
}

TEST(ComparatorBefore, RespectsTheFloor) {
  const TextView text = U"≥95";
  EXPECT_FALSE(ComparatorBefore(text, 1, 1).has_value());
}

TEST(ComparatorAfter, BoundWords) {
  EXPECT_EQ(After(U"以上"), ">=");
  EXPECT_EQ(After(U"及以上"), ">=");
  EXPECT_EQ(After(U"以下"), "<=");
  EXPECT_EQ(After(U"以内"), "<=");
  EXPECT_EQ(After(U"内"), "<=");
  EXPECT_EQ(After(U" 以内的"), "<=");
  EXPECT_EQ(After(U"左右"), "none");
}

TEST(DateComparators, DeadlineWords) {
  const TextView before = U"不晚于";
  EXPECT_EQ(DateComparatorBefore(before, 0, before.size())->op, "<=");
  const TextView cutoff = U"截至";
  EXPECT_EQ(DateComparatorBefore(cutoff, 0, cutoff.size())->op, "<=");
  EXPECT_EQ(DateComparatorAfter(U"之前", 0)->op, "<=");
  EXPECT_EQ(DateComparatorAfter(U"前", 0)->op, "<=");
  EXPECT_EQ(DateComparatorAfter(U"之后", 0)->op, ">=");
  EXPECT_FALSE(DateComparatorAfter(U"完成", 0).has_value());
}

TEST(SkipApproximation, AboutWordsAreConsumed) {
  EXPECT_EQ(SkipApproximation(U"左右", 0), 2u);
  EXPECT_EQ(SkipApproximation(U" 上下", 0), 3u);
  EXPECT_EQ(SkipApproximation(U"以上", 0), 0u);
}

}  // namespace
}  // namespace jixiao::norm
