// The five seed documents (../shared/seeds) read by the form parser: one
// Report per project. Skipped when ../shared is not beside the clone.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/text_input.h"
#include "form/form.h"
#include "model/profile.h"

namespace jixiao {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SeedDocuments, OneReportPerProject) {
  const std::filesystem::path seeds = std::filesystem::path(JIXIAO_SHARED_DIR) / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "../shared/seeds not present";
  const std::map<std::string, std::size_t> expected = {
      {"000_66a8595c7102542c", 8}, {"001_ea86012e3acba259", 12}, {"002_5659ae91f8d9821f", 6},
      {"003_db0b8584d0df2dea", 1}, {"004_858009592e04ec6e", 8}};
  for (const auto& [name, count] : expected) {
    std::filesystem::path path = seeds / (name + ".txt");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
    Result<LayoutDocument> layout = ExtractText(ReadAll(path));
    ASSERT_TRUE(layout.ok()) << name << ": " << layout.status().message();
    FormParseResult parsed = ParseReports(layout.value(), BuiltinProfiles());
    EXPECT_EQ(parsed.reports.size(), count) << name;
    for (const Report& r : parsed.reports) {
      EXPECT_FALSE(r.template_name.empty()) << name << " #" << r.index;
      EXPECT_FALSE(r.project_name.empty()) << name << " #" << r.index;
    }
  }
}

// Seed 000 prints eight goal-table forms, four with their narrative.
TEST(SeedDocuments, GoalTableFieldsOfTheFirstSeed) {
  const std::filesystem::path path = std::filesystem::path(JIXIAO_SHARED_DIR) / "seeds" / "000_66a8595c7102542c.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  Result<LayoutDocument> layout = ExtractText(ReadAll(path));
  ASSERT_TRUE(layout.ok());
  FormParseResult parsed = ParseReports(layout.value(), BuiltinProfiles());
  ASSERT_GE(parsed.reports.size(), 2u);
  const Report& r = parsed.reports[1];
  EXPECT_EQ(r.template_name, "goal-table");
  EXPECT_EQ(r.fiscal_year, 2022);
  ASSERT_TRUE(r.budget.planned && r.budget.planned->number);
  EXPECT_DOUBLE_EQ(*r.budget.planned->number, 1000000);
  ASSERT_TRUE(r.budget.executed && r.budget.executed->number);
  EXPECT_DOUBLE_EQ(*r.budget.executed->number, 675100);
  EXPECT_EQ(r.budget.score.declared, 13);
  EXPECT_EQ(r.total.declared.declared, 88);
  EXPECT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.indicators.size(), 7u);
}

}  // namespace
}  // namespace jixiao
