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

}  // namespace
}  // namespace jixiao
