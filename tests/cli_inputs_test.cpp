// End-to-end: the command line loses nothing and hides nothing. Inputs that
// share a name keep separate outputs, a missing input does not stop the
// others, every input kind jixiao skips is named, and usage mistakes are
// caught before any work.

#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = JIXIAO_SOURCE_DIR "/samples";
const fs::path kTieshan = kSamples / "tieshan-2022-goal-table.txt";
const fs::path kZengdu = kSamples / "zengdu-2020-group-weights.txt";
const fs::path kMingguang = kSamples / "mingguang-2021-weight-column.txt";
const fs::path kDongchuan = kSamples / "dongchuan-2020-narrative.txt";

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::string SourcePath(const fs::path& document) {
  return nlohmann::json::parse(ReadFile(document))["source"]["path"].get<std::string>();
}

TEST(CliInputsTest, InputsSharingANameKeepSeparateOutputsAndIndexAndResumeAgree) {
  auto dir = ScratchDir("same-name");
  fs::create_directories(dir / "in/a");
  fs::create_directories(dir / "in/b");
  fs::copy_file(kTieshan, dir / "in/a/report.txt");
  fs::copy_file(kZengdu, dir / "in/b/report.txt");
  fs::copy_file(kMingguang, dir / "in/b/report.md");
  fs::copy_file(kDongchuan, dir / "in/narrative.txt");
  const fs::path out = dir / "out", index = dir / "index.jsonl";
  const std::string run = "run -q " + Quote((dir / "in").string()) + " -o " + Quote(out.string()) + " --index " +
                          Quote(index.string());
  CommandResult r = RunJixiao(run);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // The common case keeps the contract's DIR/<name>.json.
  EXPECT_EQ(SourcePath(out / "narrative.json"), (dir / "in/narrative.txt").string());
  // Same name in two folders: the folders are mirrored; same folder: the
  // extension stays in the name.
  EXPECT_EQ(SourcePath(out / "a/report.json"), (dir / "in/a/report.txt").string());
  EXPECT_EQ(SourcePath(out / "b/report.txt.json"), (dir / "in/b/report.txt").string());
  EXPECT_EQ(SourcePath(out / "b/report.md.json"), (dir / "in/b/report.md").string());

  std::set<std::string> outputs;
  for (const nlohmann::json& line : JsonLines(ReadFile(index))) {
    ASSERT_EQ(line["status"], "ok") << line.dump();
    EXPECT_EQ(SourcePath(line["output"].get<std::string>()), line["path"]) << line.dump();
    outputs.insert(line["output"].get<std::string>());
  }
  EXPECT_EQ(outputs.size(), 4u);

  // --resume finds every output under the same names.
  r = RunJixiao(run + " --resume");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int skipped = 0;
  for (const nlohmann::json& line : JsonLines(ReadFile(index))) skipped += line["status"] == "skipped";
  EXPECT_EQ(skipped, 4) << ReadFile(index);
  fs::remove_all(dir);
}

TEST(CliInputsTest, AMissingInputIsNamedAndTheOthersAreStillWritten) {
  auto dir = ScratchDir("missing");
  const fs::path missing = dir / "no-such-report.pdf", out = dir / "out";
  CommandResult r = RunJixiao("run -q " + Quote(missing.string()) + " " + Quote(kTieshan.string()) + " -o " +
                              Quote(out.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(missing.string() + ": cannot open file: No such file or directory"), std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::exists(out / "tieshan-2022-goal-table.json"));
  fs::remove_all(dir);
}

TEST(CliInputsTest, AnUnreadableInputIsNamedAndTheOthersAreStillWritten) {
  auto dir = ScratchDir("unreadable");
  const fs::path out = dir / "out";
  // A file without read permission stops only a user other than root; the
  // memory of a process, read from its start, stops everyone (EIO).
  fs::path unreadable = "/proc/self/mem";
  if (::geteuid() != 0) {
    unreadable = dir / "locked.txt";
    fs::copy_file(kZengdu, unreadable);
    fs::permissions(unreadable, fs::perms::none);
  }
  CommandResult r = RunJixiao("run -q " + Quote(unreadable.string()) + " " + Quote(kTieshan.string()) + " -o " +
                              Quote(out.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("error: " + unreadable.string() + ": "), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out / "tieshan-2022-goal-table.json"));
  fs::remove_all(dir);
}

TEST(CliInputsTest, ScoreCreatesItsOutputFolder) {
  auto dir = ScratchDir("score-dir");
  ASSERT_EQ(RunJixiao("run -q " + Quote(kTieshan.string()) + " -o " + Quote(dir.string())).exit_code, 0);
  const fs::path out = dir / "rescored/deeper";
  CommandResult r = RunJixiao("score " + Quote((dir / "tieshan-2022-goal-table.json").string()) + " -o " +
                              Quote(out.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(SourcePath(out / "tieshan-2022-goal-table.json"), kTieshan.string());
  fs::remove_all(dir);
}

TEST(CliInputsTest, AHandEditedValueOfTheWrongTypeIsAnErrorNamingItsPath) {
  auto dir = ScratchDir("wrong-type");
  ASSERT_EQ(RunJixiao("run -q " + Quote(kTieshan.string()) + " -o " + Quote(dir.string())).exit_code, 0);
  const fs::path doc_path = dir / "tieshan-2022-goal-table.json";
  nlohmann::json doc = nlohmann::json::parse(ReadFile(doc_path));
  ASSERT_TRUE(doc["reports"][1]["total"]["declared"].is_number());
  doc["reports"][1]["total"]["declared"] = "82";
  std::ofstream(doc_path) << doc.dump(2);
  const std::string before = ReadFile(doc_path);
  CommandResult r = RunJixiao("score " + Quote(doc_path.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(doc_path.string() + ": /reports/1/total/declared: expected a number, found string \"82\""),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFile(doc_path), before) << "a refused document must be left as it was";

  // A figure inside a Value, quoted by hand, is refused the same way.
  doc["reports"][1]["total"]["declared"] = 93;
  ASSERT_TRUE(doc["reports"][0]["budget"]["planned"].is_object());
  doc["reports"][0]["budget"]["planned"]["value"] = "6384300";
  std::ofstream(doc_path) << doc.dump(2);
  r = RunJixiao("score " + Quote(doc_path.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/reports/0/budget/planned/value: expected a number"), std::string::npos) << r.err;

  // A flag code the contract does not know is refused the same way.
  doc["reports"][0]["budget"]["planned"]["value"] = 6384300;
  ASSERT_FALSE(doc["reports"][0]["flags"].empty());
  doc["reports"][0]["flags"][0]["code"] = "BUDGET_MISMATCH";
  std::ofstream(doc_path) << doc.dump(2);
  const std::string with_unknown_code = ReadFile(doc_path);
  r = RunJixiao("score " + Quote(doc_path.string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(doc_path.string() + ": /reports/0/flags/0/code: expected a flag code"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("found string \"BUDGET_MISMATCH\""), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(doc_path), with_unknown_code) << "a refused document must be left as it was";
  fs::remove_all(dir);
}

TEST(CliInputsTest, AnIndexThatCannotBeWrittenFailsBeforeAnyWork) {
  auto dir = ScratchDir("bad-index");
  const fs::path out = dir / "out";
  CommandResult r = RunJixiao("run -q " + Quote(kTieshan.string()) + " -o " + Quote(out.string()) +
                              " --index " + Quote((dir / "no/such/folder/index.jsonl").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no/such/folder/index.jsonl"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "work was done before the index was found unwritable";
  fs::remove_all(dir);
}

TEST(CliInputsTest, VersionIsPrinted) {
  CommandResult r = RunJixiao("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("jixiao ", 0), 0u) << r.out;
}

TEST(CliInputsTest, AnUnknownCommandIsNamed) {
  CommandResult r = RunJixiao("frobnicate x.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run"), std::string::npos) << r.err;
}

TEST(CliInputsTest, DashReadsStandardInput) {
  CommandResult r = RunJixiao("run -q -", ReadFile(kTieshan));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["source"]["path"], "-");
  EXPECT_EQ(docs[0]["reports"].size(), 2u);

  auto dir = ScratchDir("stdin-dir");
  r = RunJixiao("run -q - -o " + Quote(dir.string()), ReadFile(kZengdu));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(SourcePath(dir / "stdin.json"), "-");
  fs::remove_all(dir);
}

TEST(CliInputsTest, AFolderWalkSkipsHiddenEntriesAndNamesFilesOfOtherKinds) {
  auto dir = ScratchDir("walk");
  fs::create_directories(dir / "in/.cache");
  fs::copy_file(kTieshan, dir / "in/report.txt");
  fs::copy_file(kZengdu, dir / "in/.cache/report-copy.txt");
  fs::copy_file(kZengdu, dir / "in/.draft.txt");
  std::ofstream(dir / "in/minutes.odt", std::ios::binary) << "PK\x03\x04";
  CommandResult r = RunJixiao("run " + Quote((dir / "in").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> docs = JsonLines(r.out);
  ASSERT_EQ(docs.size(), 1u) << r.out.substr(0, 300);
  EXPECT_EQ(docs[0]["source"]["path"], (dir / "in/report.txt").string());
  EXPECT_NE(r.err.find((dir / "in/minutes.odt").string()), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".cache"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".draft"), std::string::npos) << r.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::testing
