// Indicator rules (assessment, scores, ratios, qualitative tiers), through
// ScoreReport with the built-in weight-column and group-weights profiles.
#include <gtest/gtest.h>

#include "score/score.h"
#include "score/score_test_util.h"

namespace jixiao {
namespace {

using namespace score_test;

Report ColumnReport(std::vector<Indicator> indicators) {
  Report r;
  r.template_name = "weight-column";
  r.indicators = std::move(indicators);
  return r;
}

Report Scored(std::vector<Indicator> indicators) {
  Report r = ColumnReport(std::move(indicators));
  ScoreReport(r, BuiltinProfile("weight-column"));
  return r;
}

TEST(IndicatorRulesTest, PositiveTargetScoresWeightTimesBOverA) {
  // 10 x 53310/65700 = 8.114: 8, 8.1 are consistent; 6 is not.
  for (double score : {8.0, 8.1}) {
    Report r = Scored({WithWeight(Quantitative("预计参保人数", Count(65700, "65700人", "人"),
                                               Count(53310, "53310人", "人"), score), 10)});
    EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
    EXPECT_NEAR(*r.indicators[0].score.recomputed, 8.114, 1e-3);
    EXPECT_NEAR(*r.indicators[0].ratio_recomputed, 81.14, 1e-2);
  }
  Report r = Scored({WithWeight(Quantitative("预计参保人数", Count(65700, "65700人", "人"),
                                             Count(53310, "53310人", "人"), 6), 10)});
  const Flag* f = FindFlag(r, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NE(f->message.find("10×min(1, 53310/65700)=8.11"), std::string::npos) << f->message;
}

TEST(IndicatorRulesTest, OverAchievementIsCappedAtTheWeight) {
  Report r = Scored({WithWeight(Quantitative("宣传资料", Count(3100, "3100份", "份"), Count(3395, "3395份", "份"), 10), 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.indicators[0].score.recomputed, 10);
}

TEST(IndicatorRulesTest, ReverseTargetScoresWeightTimesAOverB) {
  // ≤2% with 2.6%: 15 x 2/2.6 = 11.54 -> 11.5 printed.
  Report ok = Scored({WithWeight(Quantitative("投诉率", Percent(2, "小于等于2%", "<="), Percent(2.6, "2.6%"), 11.5), 15)});
  EXPECT_EQ(CountingFlags(ok), 0) << Describe(ok);
  EXPECT_NEAR(*ok.indicators[0].score.recomputed, 11.538, 1e-3);
  Report met = Scored({WithWeight(Quantitative("投诉率", Percent(2, "≤2%", "<="), Percent(0.4, "0.4%"), 10), 10)});
  EXPECT_EQ(CountingFlags(met), 0) << Describe(met);
  // 5 x min(1, 2/0.8) = 5, printed 2.
  Report bad = Scored({WithWeight(Quantitative("投诉率", Percent(2, "≤2%", "<="), Percent(0.8, "0.8%"), 2), 5)});
  ASSERT_NE(FindFlag(bad, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score"), nullptr) << Describe(bad);
}

TEST(IndicatorRulesTest, DirectionFollowsTheComparatorWhenUnset) {
  Indicator ind = WithWeight(Quantitative("办理时限", Count(60, "60分钟以内", "分钟", "<="), Count(58, "58分钟", "分钟"), 40), 40);
  ASSERT_TRUE(ind.direction.empty());
  Report r = Scored({ind});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
}

TEST(IndicatorRulesTest, TargetZero) {
  // A positive target of 0 is met by anything; a reverse one met only by 0.
  Report pos = Scored({WithWeight(Quantitative("事故", Count(0, "0"), Count(3, "3"), 10, "positive"), 10)});
  EXPECT_EQ(CountingFlags(pos), 0) << Describe(pos);
  Report rev_met = Scored({WithWeight(Quantitative("事故", Count(0, "≤0", "", "<="), Count(0, "0"), 10), 10)});
  EXPECT_EQ(CountingFlags(rev_met), 0) << Describe(rev_met);
  Report rev_missed = Scored({WithWeight(Quantitative("事故", Count(0, "≤0", "", "<="), Count(2, "2"), 10), 10)});
  EXPECT_NE(FindFlag(rev_missed, FlagCode::kIndicatorScoreMismatch), nullptr) << Describe(rev_missed);
}

TEST(IndicatorRulesTest, PercentTargetAbove100IsAMisreading) {
  // "≧90%" read as "290%": no target can be set above 100%.
  Report r = Scored({WithWeight(Quantitative("满意度", Percent(290, "290%"), Percent(90, "90%"), 10, "positive"), 10),
                     WithWeight(Quantitative("比例", Count(298, "298"), Percent(86, "86%"), 10, "positive"), 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/indicators/0/target"), nullptr);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/indicators/1/target"), nullptr);
  // Counts above 100 are ordinary targets.
  Report counts = Scored({WithWeight(Quantitative("参保人数", Count(290, "290人", "人"), Count(90, "90人", "人"), 10), 10)});
  EXPECT_NE(FindFlag(counts, FlagCode::kTargetNotMetFullScore), nullptr) << Describe(counts);
}

// A miss by a factor of 8 or more is two figures of different scales (万
// read as 77, 元 as 7, a lost decimal point), not a shortfall: noted, and no
// score is computed from it. Far below an upper bound is simply met.
TEST(IndicatorRulesTest, AMissByAnOrderOfMagnitudeIsAMisreadScale) {
  Report r = Scored({WithWeight(Quantitative("项目经费", Count(250000, "25万", "元"), Count(2577, "2577", "元"), 5), 5),
                     WithWeight(Quantitative("补助标准", Count(1407, "1407"), Count(140, "140元", "元"), 5), 5)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/indicators/0/actual"), nullptr) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/indicators/1/actual"), nullptr) << Describe(r);
  EXPECT_FALSE(r.indicators[0].score.recomputed.has_value());
  Report reverse = Scored({WithWeight(Quantitative("差错率", Percent(5, "≤5%", "<="), Percent(0.5, "0.5%"), 10), 10)});
  EXPECT_EQ(CountingFlags(reverse), 0) << Describe(reverse);
  EXPECT_EQ(FindFlag(reverse, FlagCode::kImplausibleFigure), nullptr) << Describe(reverse);
  EXPECT_DOUBLE_EQ(*reverse.indicators[0].score.recomputed, 10);
}

TEST(IndicatorRulesTest, ACharacterReadWhereTheComparatorStandsLeavesTheDirectionUnknown) {
  // "≤2%" read by OCR as "委2%": 0.4% against 2% is met or missed depending
  // on the lost sign, so nothing is compared.
  Value misread = Percent(2, "委2%");
  misread.confidence = 0.78;
  Report r = Scored({WithWeight(Quantitative("群众投诉率", misread, Percent(0.4, "0.4%"), 10), 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  const Flag* f = FindFlag(r, FlagCode::kUnreadable, "/indicators/0/target");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kInfo);
  // The same text from a text layer is the document's own: it is compared.
  Report typed = Scored({WithWeight(Quantitative("群众投诉率", Percent(2, "委2%"), Percent(0.4, "0.4%"), 10), 10)});
  EXPECT_NE(FindFlag(typed, FlagCode::kIndicatorScoreMismatch), nullptr) << Describe(typed);
}

TEST(IndicatorRulesTest, NegativeFiguresAreNotCompared) {
  Report r = Scored({WithWeight(Quantitative("增长", Percent(-5, "-5%"), Percent(3, "3%"), 2), 10)});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_FALSE(r.indicators[0].score.recomputed.has_value());
}

TEST(IndicatorRulesTest, EqualTargetsAreMetOrNot) {
  Report met = Scored({WithWeight(Quantitative("拨付率", Percent(100, "100%"), Percent(100, "100%"), 15, "equal"), 15),
                       WithWeight(Quantitative("标准", Count(61, "61元/人/年", "元"), Count(61, "61元/人/年", "元"), 10, "equal"), 10),
                       WithWeight(Quantitative("人员", Count(1, "1人", "人"), Count(1, "1人", "人"), 15, "equal"), 15)});
  EXPECT_EQ(CountingFlags(met), 0) << Describe(met);
  Report low = Scored({WithWeight(Quantitative("拨付率", Percent(100, "100%"), Percent(100, "100%"), 12, "equal"), 15)});
  EXPECT_NE(FindFlag(low, FlagCode::kIndicatorScoreMismatch), nullptr) << Describe(low);
}

TEST(IndicatorRulesTest, DateTargetsAreDeadlines) {
  Report met = Scored({WithWeight(Quantitative("完成时间", Date("2020-10-31", "2020年10月底前", "<="),
                                               Date("2020-10-20", "2020年10月20日"), 20, "reverse"), 20)});
  EXPECT_EQ(CountingFlags(met), 0) << Describe(met);
  Report late = Scored({WithWeight(Quantitative("完成时间", Date("2020-10-31", "2020年10月底前", "<="),
                                                Date("2020-12", "2020年12月"), 20, "reverse"), 20)});
  const Flag* f = FindFlag(late, FlagCode::kTargetNotMetFullScore, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(late);
}

TEST(IndicatorRulesTest, MissedTargetWithFullWeight) {
  // 不低于95% with 76%, weight 40: the rule gives 32, the form 40.
  Report r = Scored({WithWeight(Quantitative("参保率", Percent(95, "不低于95%", ">="), Percent(76, "76%"), 40), 40)});
  const Flag* notmet = FindFlag(r, FlagCode::kTargetNotMetFullScore, "/indicators/0/score");
  ASSERT_NE(notmet, nullptr) << Describe(r);
  EXPECT_EQ(notmet->severity, Severity::kError);
  EXPECT_NE(FindFlag(r, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score"), nullptr);
  EXPECT_EQ(FindFlag(r, FlagCode::kScoreExceedsWeight), nullptr);
}

TEST(IndicatorRulesTest, ScoreAboveItsWeight) {
  Report r = Scored({WithWeight(Quantitative("参保率", Percent(95, "≥95%", ">="), Percent(96, "96%"), 13), 10)});
  const Flag* f = FindFlag(r, FlagCode::kScoreExceedsWeight, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_NE(FindFlag(r, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score"), nullptr);
}

TEST(IndicatorRulesTest, RoundingAtHalfIsConsistentEitherWay) {
  // 10 x 85/100 = 8.5 exactly: 8 or 9 depending on the tie rule, or 8.5.
  for (double score : {8.0, 9.0, 8.5}) {
    Report r = Scored({WithWeight(Quantitative("覆盖率", Percent(100, "≥100%", ">="), Percent(85, "85%"), score), 10)});
    EXPECT_EQ(CountingFlags(r), 0) << score << "\n" << Describe(r);
  }
}

TEST(IndicatorRulesTest, CompletionRatioColumn) {
  Indicator ind = WithWeight(Quantitative("参保人数", Count(150000, "150000人", "人"), Count(150000, "150000"), 30), 30);
  ind.ratio = Percent(90, "90%");
  Report r = Scored({ind});
  const Flag* f = FindFlag(r, FlagCode::kIndicatorRateMismatch, "/indicators/0/ratio");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_DOUBLE_EQ(*f->expected, 100);
  // 172.5/89 = 193.8%, printed 193 (floor, uncapped) is fine.
  Indicator over = WithWeight(Quantitative("收入", Count(890000, "89万元以上", "元", ">="), Count(1725000, "172.5万元", "元"), 40), 40);
  over.ratio = Percent(193, "193%");
  Report ok = Scored({over});
  EXPECT_EQ(CountingFlags(ok), 0) << Describe(ok);
}

TEST(IndicatorRulesTest, QualitativeTiers) {
  Report achieved = Scored({WithWeight(Qualitative("长效机制", "逐步完善", "已完善", 10), 10),
                            WithWeight(Qualitative("社会效益", "一定的积极作用", "一定的积极作用", 9), 10)});
  EXPECT_EQ(CountingFlags(achieved), 0) << Describe(achieved);
  // Achieved, yet scored in the 50-80% tier.
  Report low = Scored({WithWeight(Qualitative("长效机制", "逐步完善", "已完善", 6), 10)});
  const Flag* f = FindFlag(low, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score");
  ASSERT_NE(f, nullptr) << Describe(low);
  EXPECT_EQ(f->severity, Severity::kWarning);
  // "基本完成" points to the middle tier: 6 of 10 is in it.
  Report partial = Scored({WithWeight(Qualitative("长效机制", "全面完成", "基本完成", 6), 10)});
  EXPECT_EQ(CountingFlags(partial), 0) << Describe(partial);
  // Text that tells nothing allows every tier.
  Report unknown = Scored({WithWeight(Qualitative("长效机制", "逐步完善", "见附件", 3), 10)});
  EXPECT_EQ(CountingFlags(unknown), 0) << Describe(unknown);
  Report over = Scored({WithWeight(Qualitative("长效机制", "逐步完善", "已完善", 12), 10)});
  EXPECT_NE(FindFlag(over, FlagCode::kScoreExceedsWeight, "/indicators/0/score"), nullptr) << Describe(over);
}

TEST(IndicatorRulesTest, MissingCellsRaiseNothing) {
  Indicator no_actual = WithWeight(Quantitative("参保率", Percent(95, "≥95%", ">="), Percent(90, "90%"), 5), 10);
  no_actual.actual.reset();
  Indicator no_score = WithWeight(Quantitative("参保率", Percent(95, "≥95%", ">="), Percent(50, "50%"), 0), 10);
  no_score.score = ScoredNumber{};
  no_score.score.blank = true;
  Indicator no_weight = Quantitative("参保率", Percent(95, "≥95%", ">="), Percent(50, "50%"), 10);
  Report r = Scored({no_actual, no_score, no_weight});
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  EXPECT_DOUBLE_EQ(*r.indicators[1].score.recomputed, 10 * 50.0 / 95.0);
}

TEST(IndicatorRulesTest, GroupWeightIsSplitEqually) {
  Report r;
  r.template_name = "group-weights";
  r.indicators = {Quantitative("参保率", Percent(90, "大于等于90%", ">="), Percent(96, "≥96%", ">="), 15),
                  Qualitative("信息化水平", "持续提升", "持续提升", 15)};
  Group g;
  g.label = "效益指标";
  g.weight = 30;
  g.indicators = {0, 1};
  Group output;  // the other groups, so that the weights add up to 100
  output.label = "产出指标";
  output.weight = 30;
  Group satisfaction;
  satisfaction.label = "满意度指标";
  satisfaction.weight = 20;
  r.groups = {output, g, satisfaction};
  ScoreReport(r, BuiltinProfile("group-weights"));
  ASSERT_TRUE(r.indicators[0].weight.value.has_value());
  EXPECT_DOUBLE_EQ(*r.indicators[0].weight.value, 15);
  EXPECT_EQ(r.indicators[0].weight.source, "group");
  EXPECT_EQ(CountingFlags(r), 0) << Describe(r);
  // A reverse indicator alone in its group of 30: 26 where the rule gives 30.
  Report bad;
  bad.template_name = "group-weights";
  bad.indicators = {Quantitative("项目经费", Money(3830000, "≤383万元"), Money(3580000, "358万元"), 26, "reverse")};
  bad.indicators[0].target->comparator = "<=";
  Group g2;
  g2.label = "产出指标";
  g2.weight = 30;
  g2.indicators = {0};
  bad.groups = {g2};
  ScoreReport(bad, BuiltinProfile("group-weights"));
  ASSERT_NE(FindFlag(bad, FlagCode::kIndicatorScoreMismatch, "/indicators/0/score"), nullptr) << Describe(bad);
}

TEST(IndicatorRulesTest, GroupShareThatSeveralScoresContradictIsNotUsed) {
  // 产出指标 (40分) read with three members where the form has four: each met
  // member scores 10, not 13.33.
  Report r;
  r.template_name = "group-weights";
  r.indicators = {Quantitative("培训", Count(10, "10"), Count(10, "10"), 10),
                  Quantitative("准确率", Percent(98, "≧98%", ">="), Percent(98, "98%"), 10),
                  Quantitative("拨付率", Percent(100, "100%"), Percent(100, "100%"), 10, "equal")};
  Group g;
  g.label = "产出指标";
  g.weight = 40;
  g.indicators = {0, 1, 2};
  r.groups = {g};
  ScoreReport(r, BuiltinProfile("group-weights"));
  EXPECT_FALSE(r.indicators[0].weight.value.has_value());
  EXPECT_EQ(FindFlag(r, FlagCode::kIndicatorScoreMismatch), nullptr) << Describe(r);
  EXPECT_NE(FindFlag(r, FlagCode::kImplausibleFigure, "/groups/0/weight"), nullptr);
}

TEST(IndicatorRulesTest, MergedGroupScoreIsTheSumOfItsMembers) {
  Report r;
  r.template_name = "weight-column";
  r.indicators = {WithWeight(Quantitative("检查次数", Count(4, "≥4次", "次", ">="), Count(2, "2次", "次"), 0), 10),
                  WithWeight(Quantitative("宣传次数", Count(2, "≥2次", "次", ">="), Count(2, "2次", "次"), 0), 10)};
  for (Indicator& ind : r.indicators) ind.score = ScoredNumber{};
  Group g;
  g.label = "产出指标";
  g.weight = 20;
  g.indicators = {0, 1};
  g.score = Declared(15);  // 5 + 10
  r.groups = {g};
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_EQ(FindFlag(r, FlagCode::kIndicatorScoreMismatch), nullptr) << Describe(r);
  r.groups[0].score = Declared(19);
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_NE(FindFlag(r, FlagCode::kIndicatorScoreMismatch, "/groups/0/score"), nullptr) << Describe(r);
  r.groups[0].score = Declared(22);
  ScoreReport(r, BuiltinProfile("weight-column"));
  EXPECT_NE(FindFlag(r, FlagCode::kScoreExceedsWeight, "/groups/0/score"), nullptr) << Describe(r);
}

}  // namespace
}  // namespace jixiao
