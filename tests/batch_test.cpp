// Batch runs at scale: a run killed midway leaves only complete JSON files,
// and --resume finishes the rest with results identical to a clean run.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

int CountJson(const fs::path& dir) {
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".json";
  return n;
}

// Starts `jixiao run` on `inputs` in the background; returns its pid.
pid_t StartRun(const fs::path& inputs, const fs::path& out) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(JIXIAO_BINARY, JIXIAO_BINARY, "run", "-q", "-j", "1", inputs.c_str(), "-o", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

TEST(BatchTest, KilledRunLeavesOnlyCompleteFilesAndResumeFinishesIdentically) {
  auto dir = ScratchDir("kill");
  auto inputs = dir / "in", killed = dir / "killed", clean = dir / "clean";
  fs::create_directories(inputs);
  const fs::path sample = JIXIAO_SOURCE_DIR "/samples/tieshan-2022-goal-table.txt";
  const int kInputs = 160;  // enough to kill midway, few enough for sanitizer builds
  for (int i = 0; i < kInputs; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "report-%03d.txt", i);
    fs::copy_file(sample, inputs / name);
  }
  fs::create_directories(killed);
  pid_t pid = StartRun(inputs, killed);
  ASSERT_GT(pid, 0);
  // Kill as soon as some, but not all, documents are written.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (CountJson(killed) < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  const int written_before_kill = CountJson(killed);
  ASSERT_GE(written_before_kill, 3);
  ASSERT_LT(written_before_kill, kInputs) << "the run finished before it could be killed";
  for (auto& e : fs::directory_iterator(killed))
    if (e.path().extension() == ".json") {
      nlohmann::json doc = nlohmann::json::parse(ReadFile(e.path()), nullptr, false);
      EXPECT_FALSE(doc.is_discarded()) << "partial JSON: " << e.path();
    }

  CommandResult resumed = RunJixiao("run -q -j 2 --resume " + Quote(inputs.string()) + " -o " +
                                    Quote(killed.string()) + " --index " + Quote((dir / "index.jsonl").string()));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  int skipped = 0;
  std::istringstream index(ReadFile(dir / "index.jsonl"));
  for (std::string line; std::getline(index, line);)
    skipped += nlohmann::json::parse(line)["status"] == "skipped";
  EXPECT_GE(skipped, written_before_kill - 1);  // the one being written at the kill may be redone

  ASSERT_EQ(RunJixiao("run -q " + Quote(inputs.string()) + " -o " + Quote(clean.string())).exit_code, 0);
  ASSERT_EQ(CountJson(killed), kInputs);
  for (auto& e : fs::directory_iterator(clean))
    EXPECT_EQ(ReadFile(e.path()), ReadFile(killed / e.path().filename())) << e.path().filename();
  for (auto& e : fs::directory_iterator(killed))
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << "stale temporary: " << e.path();
  fs::remove_all(dir);
}

TEST(BatchTest, ParallelRunsDeliverTheSameDocumentsInInputOrder) {
  // Workers take the largest inputs first; what comes out must not show it.
  auto dir = ScratchDir("order");
  auto inputs = dir / "in";
  fs::create_directories(inputs);
  const std::vector<std::string> samples = {"tieshan-2022-goal-table.txt", "zengdu-2020-group-weights.txt",
                                            "mingguang-2021-weight-column.txt", "dongchuan-2020-narrative.txt"};
  for (int i = 0; i < 12; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "report-%02d.txt", i);
    fs::copy_file(fs::path(JIXIAO_SOURCE_DIR "/samples") / samples[i % samples.size()], inputs / name);
  }
  CommandResult one = RunJixiao("run -q -j 1 " + Quote(inputs.string()));
  CommandResult three = RunJixiao("run -q -j 3 " + Quote(inputs.string()));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(one.out, three.out);
  // One line per input, in input order.
  std::istringstream lines(three.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    char name[32];
    std::snprintf(name, sizeof name, "report-%02d.txt", n++);
    EXPECT_NE(doc["source"]["path"].get<std::string>().find(name), std::string::npos) << n;
  }
  EXPECT_EQ(n, 12);
  fs::remove_all(dir);
}

// The pages of one PDF read on several threads (OCR'd, and from the text
// layer with a table running across pages) give the document read page by page.
TEST(BatchTest, PagesReadInParallelGiveTheSameDocument) {
  const std::string pdf = Quote(JIXIAO_SOURCE_DIR "/tests/data/pdf/longtable.pdf");
  for (const std::string mode : {"--ocr never", "--ocr always --dpi 150"}) {
    SCOPED_TRACE(mode);
    CommandResult one = RunJixiao("run -q -j 1 " + mode + " " + pdf);
    CommandResult three = RunJixiao("run -q -j 3 " + mode + " " + pdf);
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(three.exit_code, 0) << three.err;
    EXPECT_EQ(one.out, three.out);
    nlohmann::json doc = nlohmann::json::parse(three.out);
    EXPECT_EQ(doc["source"]["pages"], 3);
  }
}

}  // namespace
}  // namespace jixiao::testing
