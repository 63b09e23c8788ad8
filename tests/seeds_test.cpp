// The five seed documents (../shared/seeds): one Report per project.
// Skipped when ../shared is not beside the clone.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

TEST(SeedsTest, OneReportPerProject) {
  if (!SharedPresent()) GTEST_SKIP() << "../shared/seeds not present";
  const std::map<std::string, size_t> expected = {
      {"000_66a8595c7102542c", 8}, {"001_ea86012e3acba259", 12}, {"002_5659ae91f8d9821f", 6},
      {"003_db0b8584d0df2dea", 1}, {"004_858009592e04ec6e", 8}};
  auto out = ScratchDir("seeds");
  CommandResult r = RunJixiao("run -q " + Quote(JIXIAO_SHARED_DIR "/seeds") + " -o " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& [name, count] : expected) {
    nlohmann::json doc = nlohmann::json::parse(ReadFile(out / (name + ".json")), nullptr, false);
    ASSERT_FALSE(doc.is_discarded()) << name;
    EXPECT_EQ(doc["reports"].size(), count) << name;
    for (const auto& report : doc["reports"]) EXPECT_TRUE(report["project_name"].is_string()) << name;
  }
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace jixiao::testing
