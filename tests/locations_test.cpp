// End-to-end: figures and flags read from a text input say which line and
// column of the file they came from, survive `score`, and `summary` shows
// them, reading JSON Lines from standard input.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kTieshan = JIXIAO_SOURCE_DIR "/samples/tieshan-2022-goal-table.txt";

// Line 131 of the sample is the 拆迁户 project's budget row,
// "\t\t预算执行情况（万元）\t640\t638.43\t99%\t18\t"; line 141 its "总分\t93".
TEST(LocationsTest, TextInputsCarryLineAndColumnThroughRunAndScore) {
  auto dir = ScratchDir("locations");
  ASSERT_EQ(RunJixiao("run -q " + Quote(kTieshan.string()) + " -o " + Quote(dir.string())).exit_code, 0);
  const fs::path doc_path = dir / "tieshan-2022-goal-table.json";
  for (int pass = 0; pass < 2; ++pass) {
    nlohmann::json doc = nlohmann::json::parse(ReadFile(doc_path));
    const nlohmann::json& report = doc["reports"][1];
    EXPECT_EQ(report["budget"]["planned"]["line"], 131) << pass;
    EXPECT_EQ(report["budget"]["planned"]["column"], 12) << pass;
    EXPECT_EQ(report["budget"]["executed"]["column"], 16) << pass;
    EXPECT_EQ(report["total"]["sources"]["declared"]["line"], 141) << pass;
    EXPECT_EQ(report["total"]["sources"]["declared"]["column"], 4) << pass;
    EXPECT_GT(report["indicators"][0]["provenance"]["line"].get<int>(), 131) << pass;
    bool budget_flag = false;
    for (const nlohmann::json& f : report["flags"]) {
      if (f["code"] != "BUDGET_SCORE_MISMATCH") continue;
      budget_flag = true;
      ASSERT_FALSE(f["evidence"].empty());
      EXPECT_EQ(f["evidence"][0]["line"], 131) << f.dump();
      EXPECT_EQ(f["evidence"][0]["column"], 27) << f.dump();  // the printed 18
    }
    EXPECT_TRUE(budget_flag) << pass;
    // Re-scoring reads the locations back and writes them again.
    if (pass == 0) {
      ASSERT_EQ(RunJixiao("score " + Quote(doc_path.string())).exit_code, 0);
    }
  }
  fs::remove_all(dir);
}

TEST(LocationsTest, SummaryReadsJsonLinesAndSaysWhereEachFigureIs) {
  CommandResult run = RunJixiao("run -q " + Quote(kTieshan.string()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  CommandResult summary = RunJixiao("summary -", run.out + run.out);
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_NE(summary.out.find("-:1  (" + kTieshan.string()), std::string::npos) << summary.out;
  EXPECT_NE(summary.out.find("-:2  (" + kTieshan.string()), std::string::npos) << summary.out;
  EXPECT_NE(summary.out.find("93 line 141"), std::string::npos) << summary.out;
  EXPECT_NE(summary.out.find("BUDGET_SCORE_MISMATCH      line 131"), std::string::npos) << summary.out;
}

}  // namespace
}  // namespace jixiao::testing
