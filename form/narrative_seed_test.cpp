// The narrative parser over the seed documents (skipped without ../shared).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "form/narrative.h"

namespace jixiao {
namespace {

// The seed whose file name starts with `prefix`, or empty.
std::string ReadSeed(const std::string& prefix) {
  std::filesystem::path dir = std::filesystem::path(JIXIAO_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return {};
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return {};
}

// One paragraph block per non-blank line that is not a tab-separated table
// row, from line `first` (0-based) up to, not including, line `last`.
std::vector<Block> LineParagraphs(const std::string& text, std::size_t first = 0,
                                  std::size_t last = static_cast<std::size_t>(-1)) {
  std::vector<Block> blocks;
  std::istringstream in(text);
  std::string line;
  for (std::size_t n = 0; std::getline(in, line); ++n) {
    if (n < first || n >= last) continue;
    if (line.find('\t') != std::string::npos) continue;
    if (line.find_first_not_of(" \r") == std::string::npos) continue;
    Block b;
    b.kind = Block::Kind::kParagraph;
    b.text = line;
    blocks.push_back(std::move(b));
  }
  return blocks;
}

std::vector<const Block*> Pointers(const std::vector<Block>& blocks) {
  std::vector<const Block*> out;
  for (const Block& b : blocks) out.push_back(&b);
  return out;
}

// The line number of the `nth` (0-based) line containing `needle`.
std::size_t LineOf(const std::string& text, const std::string& needle, int nth) {
  std::istringstream in(text);
  std::string line;
  for (std::size_t n = 0; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos && nth-- == 0) return n;
  return static_cast<std::size_t>(-1);
}

TEST(NarrativeSeeds, SectionScoredReport) {
  std::string text = ReadSeed("003_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << JIXIAO_SHARED_DIR;
  std::vector<Block> blocks = LineParagraphs(text);
  Narrative n = ParseNarrative(Pointers(blocks));
  ASSERT_TRUE(n.self_score.declared.has_value());
  EXPECT_DOUBLE_EQ(*n.self_score.declared, 99);
  EXPECT_EQ(n.self_score_mentions.size(), 2u);
  ASSERT_EQ(n.sections.size(), 3u);
  double weights = 0, scores = 0;
  for (const Section& s : n.sections) {
    weights += s.weight.value_or(0);
    scores += s.score.value_or(0);
  }
  EXPECT_DOUBLE_EQ(weights, 100);
  EXPECT_DOUBLE_EQ(scores, 99);
  EXPECT_EQ(n.sections[0].name, "项目决策");
  EXPECT_DOUBLE_EQ(*n.sections[1].score, 19);
  EXPECT_EQ(n.sections[0].children.size(), 2u);
  ASSERT_EQ(n.sections[1].children.size(), 3u);
  EXPECT_DOUBLE_EQ(*n.sections[1].children[0].score, 3);
  EXPECT_EQ(n.sections[2].children.size(), 2u);
  EXPECT_EQ(n.fiscal_year, 2020);
  EXPECT_EQ(n.implementing_unit, "东川区医疗保障局");
  ASSERT_TRUE(n.remaining.has_value());
  EXPECT_DOUBLE_EQ(*n.remaining->number, 0);
  ASSERT_TRUE(n.executed.has_value());
  EXPECT_DOUBLE_EQ(*n.executed->number, 3926500);
}

TEST(NarrativeSeeds, FinancialReportWithBreakdown) {
  std::string text = ReadSeed("001_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << JIXIAO_SHARED_DIR;
  std::vector<Block> blocks =
      LineParagraphs(text, LineOf(text, "财政支出项目绩效自评报告", 0), LineOf(text, "财政支出项目绩效自评报告", 1));
  Narrative n = ParseNarrative(Pointers(blocks));
  EXPECT_EQ(n.project_name, "医疗保障基金监管费用");
  EXPECT_EQ(n.implementing_unit, "新丰县医疗保障局");
  ASSERT_TRUE(n.self_score.declared.has_value());
  EXPECT_DOUBLE_EQ(*n.self_score.declared, 94);
  ASSERT_EQ(n.facts.rate_statements.size(), 2u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 32063.3);
  ASSERT_EQ(n.facts.components.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.components[0].total.number, 2962000);
  EXPECT_EQ(n.facts.components[0].parts.size(), 4u);
  EXPECT_TRUE(n.facts.unit_prices.empty());
}

TEST(NarrativeSeeds, SummariesOfSeveralProjects) {
  std::string text = ReadSeed("004_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << JIXIAO_SHARED_DIR;
  std::size_t line = LineOf(text, "“经常性业务经费项目”绩效自评综述", 0);
  std::vector<Block> blocks = LineParagraphs(text, line, line + 1);
  ASSERT_FALSE(blocks.empty());
  Narrative n = ParseNarrative(Pointers(blocks));
  EXPECT_EQ(n.project_name, "经常性业务经费项目");
  ASSERT_TRUE(n.self_score.declared.has_value());
  EXPECT_DOUBLE_EQ(*n.self_score.declared, 99.3);
  ASSERT_EQ(n.facts.rate_statements.size(), 1u);
  EXPECT_DOUBLE_EQ(*n.facts.rate_statements[0].planned->number, 800000);
}

}  // namespace
}  // namespace jixiao
