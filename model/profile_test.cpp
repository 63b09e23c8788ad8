#include "model/profile.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TEST(ProfileTest, BuiltinProfilesAreAllValidAndNamedUniquely) {
  const std::vector<Profile>& profiles = BuiltinProfiles();
  ASSERT_GE(profiles.size(), 4u);
  for (size_t i = 0; i < profiles.size(); ++i)
    for (size_t j = i + 1; j < profiles.size(); ++j) EXPECT_NE(profiles[i].name, profiles[j].name);
  EXPECT_NE(FindProfile(profiles, "goal-table"), nullptr);
  EXPECT_NE(FindProfile(profiles, "generic"), nullptr);
}

TEST(ProfileTest, BuiltinTextsMatchTheProfilesDirectory) {
  Result<std::vector<Profile>> from_dir = LoadProfiles(JIXIAO_SOURCE_DIR "/profiles");
  ASSERT_TRUE(from_dir.ok()) << from_dir.status().message();
  EXPECT_EQ(from_dir.value().size(), BuiltinProfiles().size());
}

TEST(ProfileTest, RejectsTextThatIsNotAProfile) {
  EXPECT_FALSE(ParseProfile("not json", "x").ok());
  EXPECT_FALSE(ParseProfile("[1,2]", "x").ok());
  EXPECT_FALSE(ParseProfile("{\"detect\":{}}", "x").ok());
  Result<Profile> ok = ParseProfile(R"({"name":"t","scoring":{"budget_weight":20}})", "x");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().scoring["budget_weight"], 20);
  EXPECT_TRUE(ok.value().detect.is_object());
}

TEST(ProfileTest, MissingDirectoryIsAnError) {
  EXPECT_FALSE(LoadProfiles("/nonexistent/profiles").ok());
}


// A parent and a child that adds a unit, overrides the level-1 names and
// leaves the rest to the parent.
std::vector<std::pair<std::string, std::string>> ParentAndChild() {
  return {
      {R"({"name":"base","priority":1,"scoring":{"budget_weight":20,"form_total":100},
           "vocabulary":{"units":["元","人"],"level1":["产出指标","效益指标"],
                         "key_fields":{"project_name":["项目名称"]}}})", "base.json"},
      {R"({"name":"child","extends":"base","priority":5,"scoring":{"budget_weight":10},
           "vocabulary":{"units+":["公里"],"level1":["产出指标"]}})", "child.json"},
  };
}

TEST(ProfileExtendsTest, ChildAddsAWordOverridesOneAndInheritsTheRest) {
  Result<std::vector<Profile>> set = ParseProfiles(ParentAndChild());
  ASSERT_TRUE(set.ok()) << set.status().message();
  const Profile* child = FindProfile(set.value(), "child");
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->extends, "base");
  const Vocabulary& words = *child->vocabulary;
  EXPECT_EQ(words.Words("units"), (std::vector<std::string_view>{"元", "人", "公里"}));
  EXPECT_EQ(words.Words("level1"), (std::vector<std::string_view>{"产出指标"}));
  EXPECT_EQ(words.Words("key_fields.project_name"), (std::vector<std::string_view>{"项目名称"}));
  EXPECT_EQ(child->scoring["budget_weight"], 10);   // overridden
  EXPECT_EQ(child->scoring["form_total"], 100);     // inherited
  const Profile* base = FindProfile(set.value(), "base");
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->vocabulary->Words("units").size(), 2u);  // the parent is untouched
  EXPECT_EQ(set.value().front().name, "child");             // its own priority
}

TEST(ProfileExtendsTest, NullRemovesAnInheritedKey) {
  Result<std::vector<Profile>> set = ParseProfiles({
      {R"({"name":"base","vocabulary":{"units":["元"],"level1":["产出指标"]}})", "base.json"},
      {R"({"name":"child","extends":"base","vocabulary":{"units":null}})", "child.json"},
  });
  ASSERT_TRUE(set.ok()) << set.status().message();
  const Profile* child = FindProfile(set.value(), "child");
  EXPECT_TRUE(child->vocabulary->Words("units").empty());
  EXPECT_EQ(child->vocabulary->Words("level1").size(), 1u);
}

TEST(ProfileExtendsTest, AMissingParentIsAnErrorNamingTheFile) {
  Result<std::vector<Profile>> set = ParseProfiles({{R"({"name":"child","extends":"nowhere"})", "child.json"}});
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("child.json"), std::string::npos);
  EXPECT_NE(set.status().message().find("nowhere"), std::string::npos);
}

TEST(ProfileExtendsTest, ACycleIsAnErrorNotARecursion) {
  Result<std::vector<Profile>> set = ParseProfiles({
      {R"({"name":"a","extends":"b"})", "a.json"},
      {R"({"name":"b","extends":"c"})", "b.json"},
      {R"({"name":"c","extends":"a"})", "c.json"},
  });
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("cycle"), std::string::npos);
  Result<std::vector<Profile>> self = ParseProfiles({{R"({"name":"a","extends":"a"})", "a.json"}});
  EXPECT_FALSE(self.ok());
}

TEST(ProfileExtendsTest, AppendingToAScalarIsAnError) {
  Result<std::vector<Profile>> set = ParseProfiles({
      {R"({"name":"base","scoring":{"form_total":100}})", "base.json"},
      {R"({"name":"child","extends":"base","scoring":{"form_total+":[1]}})", "child.json"},
  });
  EXPECT_FALSE(set.ok());
}

TEST(ProfileExtendsTest, BuiltinTemplatesShareTheGenericVocabulary) {
  const Profile* generic = FindProfile(BuiltinProfiles(), "generic");
  ASSERT_NE(generic, nullptr);
  EXPECT_FALSE(generic->vocabulary->Words("level1").empty());
  EXPECT_FALSE(generic->vocabulary->Confusions().empty());
  for (const Profile& p : BuiltinProfiles()) {
    if (p.name == "generic") continue;
    EXPECT_EQ(p.extends, "generic") << p.name;
    EXPECT_EQ(p.vocabulary.get(), generic->vocabulary.get()) << p.name;
  }
}

}  // namespace
}  // namespace jixiao
