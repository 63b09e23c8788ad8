#include "model/vocabulary.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

std::shared_ptr<const Vocabulary> Build(const char* json) {
  Result<std::shared_ptr<const Vocabulary>> v = Vocabulary::FromJson(nlohmann::json::parse(json), "test");
  EXPECT_TRUE(v.ok()) << v.status().message();
  return v.ok() ? v.value() : nullptr;
}

TEST(VocabularyTest, ListsAreFoundByTheirDottedPath) {
  auto v = Build(R"({"units":["元","人"],"indicator_columns":{"weight":{"starts_with":["分值","权重"]}}})");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->Words("units"), (std::vector<std::string_view>{"元", "人"}));
  EXPECT_EQ(v->Words("indicator_columns.weight.starts_with"), (std::vector<std::string_view>{"分值", "权重"}));
  EXPECT_TRUE(v->Words("indicator_columns.weight").empty());
  EXPECT_TRUE(v->Words("nothing").empty());
}

TEST(VocabularyTest, AnObjectOfStringsIsAMap) {
  auto v = Build(R"({"level2":{"数量指标":"产出指标","社会效益指标":"效益指标"}})");
  ASSERT_NE(v, nullptr);
  const auto& map = v->Map("level2");
  ASSERT_EQ(map.size(), 2u);
  bool found = false;
  for (const auto& [word, level1] : map)
    if (word == "数量指标") found = level1 == "产出指标";
  EXPECT_TRUE(found);
}

TEST(VocabularyTest, TheConfusionTableCorrectsEveryOccurrenceInOrder) {
  auto v = Build(
      R"json({"confusions":[{"read":"〈","as":"("},{"read":"》","as":")"},{"read":"填报?期","as":"填报日期"}]})json");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->Correct(std::string_view("〈2023年度》")), "(2023年度)");
  EXPECT_EQ(v->Correct(std::string_view("填报髓期：2021年 填报日期")), "填报日期：2021年 填报日期");
  EXPECT_EQ(v->Correct(std::string_view("填报期")), "填报期");  // '?' is exactly one character
  EXPECT_EQ(v->Correct(std::u32string(U"〈A〈")), U"(A(");
  EXPECT_EQ(v->Correct(std::string_view("no confusion")), "no confusion");
}

TEST(VocabularyTest, MalformedSectionsAreErrorsNamingTheProfile) {
  for (const char* bad : {R"([1])", R"({"units":[1]})", R"({"units":"元"})", R"({"confusions":{"a":"b"}})",
                          R"({"confusions":[{"read":"","as":"x"}]})", R"({"confusions":[{"read":"a"}]})"}) {
    Result<std::shared_ptr<const Vocabulary>> v = Vocabulary::FromJson(nlohmann::json::parse(bad), "p.json");
    ASSERT_FALSE(v.ok()) << bad;
    EXPECT_NE(v.status().message().find("p.json"), std::string::npos) << bad;
  }
  EXPECT_TRUE(Vocabulary::FromJson(nlohmann::json(), "p.json").ok());  // no section: no words
}

}  // namespace
}  // namespace jixiao
