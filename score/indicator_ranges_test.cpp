// Range and change targets (model/document.h Range, Change) through
// ScoreReport: an actual inside a range meets it, a decrease target is met
// by a decrease, and neither a range nor a change gives a false
// TARGET_NOT_MET_FULL_SCORE or INDICATOR_RATE_MISMATCH. The Values are the
// ones normalize/ reads from the printed text in each comment.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

Report Scored(std::vector<Indicator> indicators) {
  Report r;
  r.template_name = "weight-column";
  r.indicators = std::move(indicators);
  ScoreReport(r, BuiltinProfile("weight-column"));
  return r;
}

// A range target as normalize/ reads it: the lower bound, ">=", the range.
Value Band(double lower, double upper, const std::string& raw, const std::string& unit = "%") {
  Value v = Count(lower, raw, unit, ">=");
  v.range = Range{{lower, true}, {upper, true}};
  return v;
}

// A change as normalize/ reads it: its size, the direction and baseline.
Value Changed(double size, const std::string& raw, const std::string& direction, const std::string& unit = "%") {
  Value v = Count(size, raw, unit);
  v.change = Change{direction, std::nullopt};
  return v;
}

// The form sets "positive" for a range (its comparator is >=).
Indicator Ranged(Value target, Value actual, double score, double weight) {
  return WithWeight(Quantitative("满意度", std::move(target), std::move(actual), score, "positive"), weight);
}

TEST(IndicatorRangesTest, AnActualInsideTheRangeMeetsIt) {
  // 90%-95% with 92%: met, full marks; read as ≥90% alone it would be too.
  Report r = Scored({Ranged(Band(90, 95, "90%-95%"), Percent(92, "92%"), 10, 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.indicators[0].score.recomputed, 10);
  // 100-80%(含80%) with 85%: the first number alone (100) would accuse it.
  Report tier = Scored({Ranged(Band(80, 100, "100-80%（含80%）"), Percent(85, "85%"), 20, 20)});
  EXPECT_EQ(FindFlag(tier, FlagCode::kTargetNotMetFullScore), nullptr) << Describe(tier);
  EXPECT_EQ(CountingFlags(tier), 0) << Describe(tier);
}

TEST(IndicatorRangesTest, ARatioColumnMayTakeEitherBoundOrSay100) {
  // 3-5个工作日 with 4: 100%, 4/3 = 133% and 4/5 = 80% are all readings.
  for (double printed : {100.0, 133.0, 80.0}) {
    Indicator ind = Ranged(Band(3, 5, "3-5个工作日", "工作日"), Count(4, "4个工作日", "工作日"), 10, 10);
    ind.ratio = Percent(printed, std::to_string(printed) + "%");
    Report r = Scored({ind});
    EXPECT_EQ(FindFlag(r, FlagCode::kIndicatorRateMismatch), nullptr) << printed << "\n" << Describe(r);
  }
  Indicator wrong = Ranged(Band(3, 5, "3-5个工作日", "工作日"), Count(4, "4个工作日", "工作日"), 10, 10);
  wrong.ratio = Percent(50, "50%");
  Report r = Scored({wrong});
  EXPECT_NE(FindFlag(r, FlagCode::kIndicatorRateMismatch, "/indicators/0/ratio"), nullptr) << Describe(r);
}

TEST(IndicatorRangesTest, BelowARateBandTheLowerBoundDecides) {
  // ≥95%且≤100% with 76%, weight 40: 40 x 76/95 = 32, the form gives 40.
  Report r = Scored({Ranged(Band(95, 100, "≥95%且≤100%"), Percent(76, "76%"), 40, 40)});
  const Flag* f = FindFlag(r, FlagCode::kTargetNotMetFullScore, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_DOUBLE_EQ(*f->expected, 32);
}

TEST(IndicatorRangesTest, OutsideABandWithoutACeilingNothingIsClaimed) {
  // 3-5个工作日: 7 days may miss it, 2 days may beat it; which side binds
  // the band does not say.
  for (double days : {7.0, 2.0}) {
    Report r = Scored({Ranged(Band(3, 5, "3-5个工作日", "工作日"), Count(days, "天", "工作日"), 10, 10)});
    EXPECT_EQ(CountingFlags(r), 0) << days << "\n" << Describe(r);
  }
  // 90%-95% with 98%: over the band, not judged.
  Report over = Scored({Ranged(Band(90, 95, "90%-95%"), Percent(98, "98%"), 30, 30)});
  EXPECT_EQ(CountingFlags(over), 0) << Describe(over);
}

TEST(IndicatorRangesTest, ABandReportedInsideTheTargetBandMeetsIt) {
  Report r = Scored({Ranged(Band(90, 95, "90%-95%"), Band(91, 94, "91%-94%"), 10, 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.indicators[0].score.recomputed, 10);
}

TEST(IndicatorRangesTest, ADecreaseTargetIsMetByADecrease) {
  // 下降3% with 下降5%: met.
  Report met = Scored({WithWeight(Quantitative("次均费用", Changed(3, "下降3%", "decrease"),
                                               Changed(5, "下降5%", "decrease"), 10, "positive"), 10)});
  EXPECT_EQ(CountingFlags(met), 0) << Describe(met);
  EXPECT_DOUBLE_EQ(*met.indicators[0].score.recomputed, 10);
  // 下降1%: a third of the way, yet full marks.
  Report short_of = Scored({WithWeight(Quantitative("次均费用", Changed(3, "下降3%", "decrease"),
                                                    Changed(1, "下降1%", "decrease"), 10, "positive"), 10)});
  EXPECT_NE(FindFlag(short_of, FlagCode::kTargetNotMetFullScore, "/indicators/0/score"), nullptr) << Describe(short_of);
  // 提高2%: the other way.
  Report wrong_way = Scored({WithWeight(Quantitative("次均费用", Changed(3, "下降3%", "decrease"),
                                                     Changed(2, "提高2%", "increase"), 10, "positive"), 10)});
  const Flag* f = FindFlag(wrong_way, FlagCode::kTargetNotMetFullScore, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(wrong_way);
  EXPECT_DOUBLE_EQ(*f->expected, 0);
}

TEST(IndicatorRangesTest, ALevelIsNotComparedWithAChange) {
  // 下降3% against 2.5% (a level): read as numbers, 2.5 < 3 would accuse it.
  Report r = Scored({WithWeight(Quantitative("次均费用", Changed(3, "下降3%", "decrease"), Percent(2.5, "2.5%"),
                                             10, "positive"), 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_FALSE(r.indicators[0].score.recomputed.has_value());
  // 较上年提高2个百分点 against 提高2.5%: a point is not a percent.
  Report units = Scored({WithWeight(Quantitative("参保率", Changed(2, "较上年提高2个百分点", "increase", "百分点"),
                                                 Changed(2.5, "提高2.5%", "increase"), 10, "positive"), 10)});
  EXPECT_EQ(CountingFlags(units), 0) << Describe(units);
}

TEST(IndicatorRangesTest, AnAtMostChangeIsMetBelowItOrTheOtherWay) {
  Value at_most = Changed(5, "增长不超过5%", "increase");
  at_most.comparator = "<=";
  for (const Value& actual : {Changed(4, "增长4%", "increase"), Changed(1, "下降1%", "decrease")}) {
    Report r = Scored({WithWeight(Quantitative("费用增长", at_most, actual, 10, "reverse"), 10)});
    EXPECT_EQ(CountingFlags(r), 0) << actual.raw << "\n" << Describe(r);
  }
  Report over = Scored({WithWeight(Quantitative("费用增长", at_most, Changed(10, "增长10%", "increase"), 10,
                                                "reverse"), 10)});
  EXPECT_NE(FindFlag(over, FlagCode::kTargetNotMetFullScore), nullptr) << Describe(over);
}

TEST(IndicatorRangesTest, AChangeRatioColumnIsTheShareOfTheTargetChange) {
  // 下降3% with 下降6%: 200%.
  Indicator ind = WithWeight(Quantitative("次均费用", Changed(3, "下降3%", "decrease"),
                                          Changed(6, "下降6%", "decrease"), 10, "positive"), 10);
  ind.ratio = Percent(200, "200%");
  Report r = Scored({ind});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.indicators[0].ratio_recomputed, 200);
}

}  // namespace
}  // namespace jixiao
