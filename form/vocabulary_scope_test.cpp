#include "form/vocabulary_scope.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "form/form.h"
#include "form/labels.h"
#include "form/test_layout.h"

namespace jixiao {
namespace {

using form::testing::Grid;
using form::testing::Paragraph;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The built-in generic profile and a template extending it that heads its
// weight column 标准分, a word the generic vocabulary does not know.
std::vector<Profile> GenericAndStandardPoints() {
  Result<std::vector<Profile>> set = ParseProfiles({
      {ReadFile(JIXIAO_SOURCE_DIR "/profiles/generic.json"), "generic.json"},
      {R"({"name":"standard-points","extends":"generic","priority":50,
           "detect":{"source":"table","all_of":["三级指标","标准分"]},
           "vocabulary":{"indicator_columns":{"weight":{"starts_with+":["标准分"]}}}})",
       "standard-points.json"},
  });
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? std::move(set).value() : std::vector<Profile>();
}

TEST(VocabularyScopeTest, AScopeChangesTheWordsAndRestoresThem) {
  std::vector<Profile> profiles = GenericAndStandardPoints();
  const Profile* custom = FindProfile(profiles, "standard-points");
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(form::ClassifyIndicatorHeader("标准分"), form::IndicatorColumn::kNone);
  {
    form::VocabularyScope words(*custom->vocabulary);
    EXPECT_EQ(form::ClassifyIndicatorHeader("标准分"), form::IndicatorColumn::kWeight);
    EXPECT_EQ(form::ClassifyIndicatorHeader("分值"), form::IndicatorColumn::kWeight);  // inherited
  }
  EXPECT_EQ(form::ClassifyIndicatorHeader("标准分"), form::IndicatorColumn::kNone);
}

TEST(VocabularyScopeTest, TheConfusionTableIsTheProfilesOne) {
  EXPECT_EQ(form::CorrectConfusions("〈2021年度〉"), "(2021年度)");
  Result<std::vector<Profile>> none = ParseProfiles({{R"({"name":"bare"})", "bare.json"}});
  ASSERT_TRUE(none.ok());
  form::VocabularyScope words(*none.value().front().vocabulary);
  EXPECT_EQ(form::CorrectConfusions("〈2021年度〉"), "〈2021年度〉");
}

std::vector<Block> StandardPointsForm() {
  return {
      Paragraph("2022 年度示范项目绩效自评表"),
      Grid({
          {"项目名称", "示范项目", "<", "<", "<", "<"},
          {"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "标准分", "得分"},
          {"产出指标", "数量指标", "培训人数", "100", "100", "60", "60"},
          {"效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", "40", "40"},
          {"总分", "100", "<", "<", "<", "<", "<"},
      }),
  };
}

TEST(VocabularyScopeTest, ATemplatesOwnWordsReadItsTable) {
  LayoutDocument doc;
  doc.blocks = StandardPointsForm();
  FormParseResult generic_only = ParseReports(doc, BuiltinProfiles());
  ASSERT_EQ(generic_only.reports.size(), 1u);
  ASSERT_EQ(generic_only.reports[0].indicators.size(), 2u);
  EXPECT_FALSE(generic_only.reports[0].indicators[0].weight.value.has_value());

  FormParseResult with_template = ParseReports(doc, GenericAndStandardPoints());
  ASSERT_EQ(with_template.reports.size(), 1u);
  const Report& r = with_template.reports[0];
  EXPECT_EQ(r.template_name, "standard-points");
  ASSERT_EQ(r.indicators.size(), 2u);
  ASSERT_TRUE(r.indicators[0].weight.value.has_value());
  EXPECT_EQ(*r.indicators[0].weight.value, 60);
  EXPECT_EQ(r.indicators[1].score.declared, 40);
}

}  // namespace
}  // namespace jixiao
