// Self-score statements and scored sections.
#include <gtest/gtest.h>

#include "form/narrative.h"
#include "form/narrative_test_util.h"

namespace jixiao {
namespace {

using testing::Paragraphs;

TEST(NarrativeSelfScore, EveryPhrasingAndEveryMention) {
  Paragraphs p({"根据自评材料，2023年度困难群众参保资助资金项目绩效评价得分为96分，评价结果为优。",
                "“行政运行费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为 99.5 分。",
                "2021年度光泽县特殊群体参保缴费资金自评分97分。",
                "总体上达到既定目标，政策实施效果优秀，成效显著的要求，县医保局自评 95 分"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.self_score.declared.has_value());
  EXPECT_DOUBLE_EQ(*n.self_score.declared, 96);
  EXPECT_EQ(n.self_score.raw, "96分");
  ASSERT_EQ(n.self_score_mentions.size(), 4u);
  EXPECT_DOUBLE_EQ(*n.self_score_mentions[1].number, 99.5);
  EXPECT_DOUBLE_EQ(*n.self_score_mentions[2].number, 97);
  EXPECT_DOUBLE_EQ(*n.self_score_mentions[3].number, 95);
}

TEST(NarrativeSelfScore, ScoreLeftInAParagraphOfItsOwn) {
  Paragraphs p({"2020 年度曾都区打击欺诈骗保奖励及工作经费自评分", "100 分。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_TRUE(n.self_score.declared.has_value());
  EXPECT_DOUBLE_EQ(*n.self_score.declared, 100);
}

TEST(NarrativeSelfScore, SectionScoresAndOtherPointsAreNotTheSelfScore) {
  Paragraphs p({"（1）二级指标“项目产出”满分30分，自评得分为30分。", "定量指标按照得分=权重*B/A计算，满分100分。",
                "按市、区财政 5: 5 比例分担。", "该项目上年度自评得分为90分。"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_FALSE(n.self_score.declared.has_value());
  EXPECT_TRUE(n.self_score_mentions.empty());
}

TEST(NarrativeSections, LevelOneWithChildren) {
  Paragraphs p({
      "2023年项目支出绩效自评指标体系设置2个一级指标、5个二级指标。其中：",
      "1.一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分19分。",
      "（1）二级指标“项目立项”满分8分，评价得分为7分。项目档案资料不够完整。",
      "（2）二级指标“项目目标”满分12分，评价得分为12分。",
      // The scores in the sentence after the one naming the section.
      "2.一级指标项目管理包含投入管理、财务管理、项目实施3个二级指标，11个三级（含小四级指标）指标。"
      "项目管理满分20分，经评分本项得分19分。",
      "（1）二级指标“投入管理”满分4分，评价得分为3分。",
  });
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.sections.size(), 2u);
  EXPECT_EQ(n.sections[0].name, "项目决策");
  EXPECT_DOUBLE_EQ(*n.sections[0].weight, 20);
  EXPECT_DOUBLE_EQ(*n.sections[0].score, 19);
  ASSERT_EQ(n.sections[0].children.size(), 2u);
  EXPECT_EQ(n.sections[0].children[0].name, "项目立项");
  EXPECT_DOUBLE_EQ(*n.sections[0].children[0].weight, 8);
  EXPECT_DOUBLE_EQ(*n.sections[0].children[0].score, 7);
  EXPECT_EQ(n.sections[1].name, "项目管理");
  EXPECT_DOUBLE_EQ(*n.sections[1].score, 19);
  ASSERT_EQ(n.sections[1].children.size(), 1u);
  EXPECT_EQ(n.sections[1].where.page, 1);
  // Section scores are not self-score statements.
  EXPECT_TRUE(n.self_score_mentions.empty());
}

TEST(NarrativeSections, OcrQuotesAroundNames) {
  Paragraphs p({"1.一级指标决策包含项目立项、绩效目标2个二级指标，决策满分10分，经评分本项得分10分。",
                "（1）二级指标\"项目立项\"满分4分，评价得分为4分。", "（2）二级指标*绩效目标\"满分6分，评价得分为6分。"});
  Narrative n = ParseNarrative(p.pointers());
  ASSERT_EQ(n.sections.size(), 1u);
  ASSERT_EQ(n.sections[0].children.size(), 2u);
  EXPECT_EQ(n.sections[0].children[0].name, "项目立项");
  EXPECT_EQ(n.sections[0].children[1].name, "绩效目标");
}

TEST(NarrativeSections, ALostSectionLineDropsTheSections) {
  // The line of section 2 was not read: its children would land under 1.
  Paragraphs p({"1.一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分19分。",
                "（1）二级指标“项目立项”满分8分，评价得分为7分。", "（2）二级指标“项目目标”满分12分，评价得分为12分。",
                "2.一级指标项目管理包含投入管理3个二级指标，项目管理满分2O分，经评分本项得分20分。",
                "（1）二级指标“投入管理”满分4分，评价得分为4分。"});
  EXPECT_TRUE(ParseNarrative(p.pointers()).sections.empty());
  // Fewer sections than the text announces.
  Paragraphs q({"2023年项目支出绩效自评指标体系设置3个一级指标、7个二级指标。其中：",
                "1.一级指标项目决策包含项目立项、项目目标2个二级指标，项目决策满分20分，经评分本项得分19分。"});
  EXPECT_TRUE(ParseNarrative(q.pointers()).sections.empty());
}

TEST(NarrativeSections, ChildWithoutParentIsDropped) {
  Paragraphs p({"（1）二级指标“项目立项”满分8分，评价得分为7分。"});
  Narrative n = ParseNarrative(p.pointers());
  EXPECT_TRUE(n.sections.empty());
}

}  // namespace
}  // namespace jixiao
