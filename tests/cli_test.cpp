// End-to-end behaviour of the command line: outputs, exit codes, bad input.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = JIXIAO_SOURCE_DIR "/samples";

std::vector<fs::path> SampleFiles() {
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(kSamples))
    if (e.path().extension() == ".txt" || e.path().extension() == ".md" || e.path().extension() == ".pdf")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CliTest, RunWritesOneDocumentPerSampleWithReports) {
  auto out = ScratchDir("samples");
  CommandResult r = RunJixiao("run " + Quote(kSamples) + " -o " + Quote(out.string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const fs::path& input : SampleFiles()) {
    fs::path doc_path = out / (input.stem().string() + ".json");
    ASSERT_TRUE(fs::exists(doc_path)) << doc_path;
    nlohmann::json doc = nlohmann::json::parse(ReadFile(doc_path));
    EXPECT_EQ(doc["schema_version"], "2");
    EXPECT_EQ(doc["source"]["sha256"].get<std::string>().size(), 64u);
    ASSERT_GE(doc["reports"].size(), 1u) << input;
    for (const auto& report : doc["reports"]) EXPECT_TRUE(report["project_name"].is_string()) << input;
  }
  for (auto& e : fs::directory_iterator(out))
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << "temporary left: " << e.path();
  fs::remove_all(out);
}

TEST(CliTest, WithoutOutputDirPrintsJsonLinesInInputOrder) {
  std::vector<fs::path> files = SampleFiles();
  ASSERT_GE(files.size(), 2u);
  std::string args = "run -q -j 2";
  for (const fs::path& f : files) args += " " + Quote(f.string());
  CommandResult r = RunJixiao(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  size_t i = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(i, files.size());
    nlohmann::json doc = nlohmann::json::parse(line);
    EXPECT_EQ(doc["source"]["path"], files[i].string());
    ++i;
  }
  EXPECT_EQ(i, files.size());
}

TEST(CliTest, OutputIsTheSameForAnyNumberOfJobs) {
  auto one = ScratchDir("jobs1"), two = ScratchDir("jobs2");
  ASSERT_EQ(RunJixiao("run -q -j 1 " + Quote(kSamples) + " -o " + Quote(one.string())).exit_code, 0);
  ASSERT_EQ(RunJixiao("run -q -j 2 " + Quote(kSamples) + " -o " + Quote(two.string())).exit_code, 0);
  for (auto& e : fs::directory_iterator(one))
    EXPECT_EQ(ReadFile(e.path()), ReadFile(two / e.path().filename())) << e.path().filename();
  fs::remove_all(one);
  fs::remove_all(two);
}

TEST(CliTest, BadInputsFailWithOneLineEachAndTheOthersAreStillWritten) {
  auto dir = ScratchDir("bad");
  auto out = dir / "out";
  std::ofstream(dir / "empty.txt").close();
  std::ofstream(dir / "binary.txt", std::ios::binary) << std::string("\x7f" "ELF\0\0\1\2\3\4", 10);
  std::ofstream(dir / "gbk.txt", std::ios::binary) << "\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6";  // 项目名称 in GBK
  std::ofstream(dir / "noreport.txt") << "今天天气很好，我们去公园散步。\n";
  std::ofstream(dir / "fake.pdf") << "this is not a pdf\n";
  fs::path good = SampleFiles().front();
  std::string args = "run -q -o " + Quote(out.string());
  for (const char* name : {"empty.txt", "binary.txt", "gbk.txt", "noreport.txt", "fake.pdf"})
    args += " " + Quote((dir / name).string());
  args += " " + Quote(good.string());
  CommandResult r = RunJixiao(args);
  EXPECT_EQ(r.exit_code, 3);
  for (const char* name : {"empty.txt", "binary.txt", "gbk.txt", "noreport.txt", "fake.pdf"}) {
    EXPECT_NE(r.err.find((dir / name).string()), std::string::npos) << name << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out / (fs::path(name).stem().string() + ".json"))) << name;
  }
  EXPECT_TRUE(fs::exists(out / (good.stem().string() + ".json")));
  fs::remove_all(dir);
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunJixiao("").exit_code, 2);
  EXPECT_EQ(RunJixiao("frobnicate").exit_code, 2);
  EXPECT_EQ(RunJixiao("run").exit_code, 2);
  EXPECT_EQ(RunJixiao("run --ocr sometimes x.pdf").exit_code, 2);
  EXPECT_EQ(RunJixiao("run --jobs 0 x.pdf").exit_code, 2);
}

TEST(CliTest, MissingInputExitsWithThree) {
  CommandResult r = RunJixiao("run /nonexistent/report.pdf");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/report.pdf"), std::string::npos);
}

TEST(CliTest, LayoutPrintsWhatWasReadAndNamesAFileItCannotRead) {
  const std::string sample = kSamples + "/tieshan-2022-goal-table.txt";
  CommandResult r = RunJixiao("layout " + Quote(sample) + " /nonexistent/scan.pdf");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("== " + sample + "\npage 1 plain confidence 1.00\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" table "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  r0 c0 "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("/nonexistent/scan.pdf"), std::string::npos) << r.err;
}

TEST(CliTest, NormalizeWritesOneValuePerLine) {
  CommandResult r = RunJixiao("normalize", "≥95%\n110 万元\n稳步提升\n\n2023.6.21\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> values;
  std::string line;
  while (std::getline(lines, line)) values.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(values.size(), 5u);
  EXPECT_EQ(values[0]["value"], 95);
  EXPECT_EQ(values[0]["comparator"], ">=");
  EXPECT_EQ(values[1]["value"], 1100000);
  EXPECT_EQ(values[1]["unit"], "元");
  EXPECT_TRUE(values[2]["value"].is_null());
  EXPECT_TRUE(values[3]["value"].is_null());
  EXPECT_EQ(values[4]["value"], "2023-06-21");
}

TEST(CliTest, ScoreRechecksAHandCorrectedDocument) {
  auto out = ScratchDir("rescore");
  fs::path input = kSamples + "/tieshan-2022-goal-table.txt";
  ASSERT_EQ(RunJixiao("run -q " + Quote(input.string()) + " -o " + Quote(out.string())).exit_code, 0);
  fs::path doc_path = out / (input.stem().string() + ".json");
  nlohmann::json doc = nlohmann::json::parse(ReadFile(doc_path));
  ASSERT_FALSE(doc["reports"].empty());
  ASSERT_TRUE(doc["reports"][0]["total"]["declared"].is_number());
  // A person "corrects" the bottom total to a plausible figure that the
  // item scores do not add up to.
  doc["reports"][0]["total"]["declared"] = doc["reports"][0]["total"]["declared"].get<double>() - 12;
  std::ofstream(doc_path) << doc.dump(2);
  CommandResult r = RunJixiao("score " + Quote(doc_path.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json rescored = nlohmann::json::parse(ReadFile(doc_path));
  bool total_flag = false;
  for (const auto& f : rescored["reports"][0]["flags"])
    total_flag |= f["code"] == "TOTAL_MISMATCH" && f["path"] == "/total/declared";
  EXPECT_TRUE(total_flag) << rescored["reports"][0]["flags"].dump(2);
  EXPECT_EQ(RunJixiao("score /nonexistent.json").exit_code, 3);
  fs::remove_all(out);
}

}  // namespace
}  // namespace jixiao::testing
