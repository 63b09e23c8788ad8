#include "form/profile_detect.h"

#include <gtest/gtest.h>

#include "form/form_text.h"

namespace jixiao::form {
namespace {

Profile Make(const std::string& name, const std::string& detect_json) {
  Profile p;
  p.name = name;
  p.detect = nlohmann::json::parse(detect_json);
  return p;
}

DetectInput Table(std::vector<std::string> texts) {
  DetectInput in;
  in.has_table = true;
  for (const std::string& t : texts) in.folded_texts.push_back(Fold(t));
  return in;
}

TEST(DetectProfile, FirstMatchingProfileInOrder) {
  std::vector<Profile> profiles = {
      Make("weights", R"js({"source": "table", "all_of": ["三级指标", "分值"]})js"),
      Make("groups", R"js({"all_of": ["三级指标"], "any_of": ["产出指标(#分)"], "none_of": ["分值"]})js"),
      Make("prose", R"js({"source": "narrative"})js"),
      Make("any-table", R"js({"source": "table"})js"),
  };
  EXPECT_EQ(DetectProfile(profiles, Table({"三级指标", "分值", "产出指标（50分）"}))->name, "weights");
  EXPECT_EQ(DetectProfile(profiles, Table({"三级指标", "产出指标（40 分）"}))->name, "groups");
  EXPECT_EQ(DetectProfile(profiles, Table({"三级指标", "产出指标"}))->name, "any-table");
  // OCR's 《 for a bracket, as the vocabulary's confusion table corrects it.
  EXPECT_EQ(DetectProfile(profiles, Table({"三级指标", "产出指标《40分)"}))->name, "groups");
  DetectInput prose;
  EXPECT_EQ(DetectProfile(profiles, prose)->name, "prose");
}

TEST(DetectProfile, MalformedSectionNeverMatches) {
  std::vector<Profile> profiles = {Make("broken", R"js({"all_of": "三级指标"})js"), Make("bad-source", R"js({"source": 3})js")};
  profiles.push_back(Profile{"not-object", "", nlohmann::json::array(), nlohmann::json::object()});
  EXPECT_EQ(DetectProfile(profiles, Table({"三级指标"})), nullptr);
}

}  // namespace
}  // namespace jixiao::form
