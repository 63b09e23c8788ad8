// End-to-end tests of `jixiao review` and `jixiao run --review` (the pages
// themselves are checked in a browser by review_browser_test.py).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const std::string kTextSample = JIXIAO_SOURCE_DIR "/samples/zengdu-2020-group-weights.txt";

TEST(ReviewCliTest, RunWritesAReviewPageBesideEachDocument) {
  auto out = ScratchDir("review-run");
  CommandResult r = RunJixiao("run -q --review -o " + Quote(out.string()) + " " + Quote(kTextSample));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(out / "zengdu-2020-group-weights.html");
  EXPECT_NE(page.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(page.find("<mark class=\"box fig"), std::string::npos);
  EXPECT_NE(page.find("data-code=\"TOTAL_MISMATCH\""), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos) << "the page needs no network";
  EXPECT_EQ(page.find("https://"), std::string::npos) << "the page needs no network";
  fs::remove_all(out);
}

TEST(ReviewCliTest, ReviewNeedsAnOutputFolderAndRunReviewNeedsDashO) {
  EXPECT_EQ(RunJixiao("review " + Quote(kTextSample)).exit_code, 2);
  EXPECT_EQ(RunJixiao("run -q --review " + Quote(kTextSample)).exit_code, 2);
}

TEST(ReviewCliTest, ABadDocumentIsNamedAndTheOthersAreStillWritten) {
  auto out = ScratchDir("review-bad");
  ASSERT_EQ(RunJixiao("run -q -o " + Quote((out / "docs").string()) + " " + Quote(kTextSample)).exit_code, 0);
  const fs::path good = out / "docs" / "zengdu-2020-group-weights.json";
  const fs::path missing = out / "docs" / "missing.json";
  CommandResult r = RunJixiao("review -o " + Quote((out / "pages").string()) + " " + Quote(missing.string()) + " " +
                              Quote(good.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "pages" / "zengdu-2020-group-weights.html"));
  EXPECT_FALSE(fs::exists(out / "pages" / "missing.html"));
  fs::remove_all(out);
}

}  // namespace
}  // namespace jixiao::testing
