// The five seed documents (../shared/seeds): one Report per project, and
// the contradictions they are known for.
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

// Whether the report whose project name contains `name` has a flag `code`
// of severity error.
bool HasError(const nlohmann::json& doc, const std::string& name, const std::string& code) {
  for (const auto& report : doc["reports"]) {
    if (!report["project_name"].is_string() || report["project_name"].get<std::string>().find(name) == std::string::npos)
      continue;
    for (const auto& f : report["flags"])
      if (f["code"] == code && f["severity"] == "error") return true;
  }
  return false;
}

TEST(SeedsTest, KnownContradictionsAreFlaggedAndAConsistentReportIsNot) {
  if (!SharedPresent()) GTEST_SKIP() << "../shared/seeds not present";
  auto out = ScratchDir("seed-flags");
  CommandResult r = RunJixiao("run -q " + Quote(JIXIAO_SHARED_DIR "/seeds") + " -o " + Quote(out.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto load = [&](const std::string& name) {
    return nlohmann::json::parse(ReadFile(out / (name + ".json")), nullptr, false);
  };
  // 拆迁户: budget score 18 against 20 x min(1, 638.43/640) = 19.95.
  EXPECT_TRUE(HasError(load("000_66a8595c7102542c"), "拆迁户", "BUDGET_SCORE_MISMATCH"));
  // 医疗县级配套资金: 95.71% against 24451.35 / 50000.
  EXPECT_TRUE(HasError(load("001_ea86012e3acba259"), "医疗县级配套资金", "RATE_MISMATCH"));
  // The department form: header total 94, bottom total 92.
  EXPECT_TRUE(HasError(load("002_5659ae91f8d9821f"), "区级预算工作经费", "HEADER_TOTAL_MISMATCH"));
  // Section scores 20 + 19 + 60 = 99 as stated: no error at all.
  nlohmann::json seed003 = load("003_db0b8584d0df2dea");
  ASSERT_EQ(seed003["reports"].size(), 1u);
  for (const auto& f : seed003["reports"][0]["flags"]) EXPECT_NE(f["severity"], "error") << f.dump();
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace jixiao::testing
