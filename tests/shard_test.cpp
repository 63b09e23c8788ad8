// Sharded batches: the union of the N shards of a manifest writes exactly
// the outputs of one unsharded run over it, and the merged shard indexes
// equal its index (but for the seconds each input took).

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

// A batch of text reports, text-layer PDFs of several pages and two inputs
// that fail, in two folders.
fs::path MakeBatch(const fs::path& root) {
  const fs::path src = JIXIAO_SOURCE_DIR;
  fs::create_directories(root / "a");
  fs::create_directories(root / "b");
  int n = 0;
  for (const auto& e : fs::directory_iterator(src / "samples"))
    for (int copy = 0; copy < 3; ++copy)
      fs::copy_file(e.path(), root / (copy % 2 ? "a" : "b") / (std::to_string(n++) + "-" + e.path().filename().string()));
  for (const char* pdf : {"longtable.pdf", "landscape.pdf", "merged.pdf", "borderless.pdf", "empty.pdf",
                          "not_a_pdf.pdf"})
    fs::copy_file(src / "tests/data/pdf" / pdf, root / "a" / pdf);
  return root;
}

// Index lines by item, without the seconds.
std::map<long long, std::string> IndexWithoutSeconds(const std::string& text) {
  std::map<long long, std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line);
    j.erase("seconds");
    lines[j.at("item").get<long long>()] = j.dump();
  }
  return lines;
}

std::map<std::string, std::string> JsonFiles(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files[e.path().filename().string()] = ReadFile(e.path());
  return files;
}

TEST(ShardTest, UnionOfShardsEqualsTheUnshardedRun) {
  const fs::path dir = ScratchDir("shard");
  const fs::path batch = MakeBatch(dir / "in");
  const std::string manifest = (dir / "manifest.tsv").string();
  CommandResult listed = RunJixiao("manifest " + Quote(batch.string()) + " -o " + Quote(manifest));
  EXPECT_EQ(listed.exit_code, 3) << "the two broken PDFs are named";
  EXPECT_NE(listed.err.find("not_a_pdf.pdf"), std::string::npos) << listed.err;
  const std::string manifest_text = ReadFile(manifest);
  ASSERT_NE(manifest_text.find("longtable.pdf\t"), std::string::npos) << manifest_text;

  const fs::path whole = dir / "whole";
  CommandResult reference = RunJixiao("run -q -j 2 --manifest " + Quote(manifest) + " -o " + Quote(whole.string()) +
                                      " --index " + Quote((dir / "whole.jsonl").string()));
  ASSERT_EQ(reference.exit_code, 3) << reference.err;
  const auto want_files = JsonFiles(whole);
  const auto want_index = IndexWithoutSeconds(ReadFile(dir / "whole.jsonl"));
  ASSERT_GE(want_files.size(), 14u);
  ASSERT_EQ(want_index.size(), want_files.size() + 2);

  for (int count : {1, 2, 3, 7}) {
    SCOPED_TRACE("N = " + std::to_string(count));
    const fs::path out = dir / ("shards" + std::to_string(count));
    std::vector<std::string> indexes;
    std::set<std::string> written;
    size_t listed_total = 0;
    for (int k = 0; k < count; ++k) {
      const std::string index = (out / ("index-" + std::to_string(k) + ".jsonl")).string();
      fs::create_directories(out);
      RunJixiao("run -q -j 2 --manifest " + Quote(manifest) + " --shard " + std::to_string(k) + "/" +
                std::to_string(count) + " -o " + Quote(out.string()) + " --index " + Quote(index));
      indexes.push_back(Quote(index));
      // Shards never write the same file.
      for (const auto& [item, line] : IndexWithoutSeconds(ReadFile(index))) {
        const nlohmann::json j = nlohmann::json::parse(line);
        if (j.value("status", "") == "ok") {
          EXPECT_TRUE(written.insert(j.value("output", "")).second) << line;
        }
        ++listed_total;
      }
    }
    EXPECT_EQ(listed_total, want_index.size());
    std::string args = "index merge";
    for (const std::string& i : indexes) args += " " + i;
    CommandResult merged = RunJixiao(args);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    auto got_index = IndexWithoutSeconds(merged.out);
    // Outputs name the shard folder instead of the reference folder.
    for (auto& [item, line] : got_index) {
      nlohmann::json j = nlohmann::json::parse(line);
      if (j.contains("output"))
        j["output"] = (whole / fs::path(j["output"].get<std::string>()).filename()).string();
      line = j.dump();
    }
    EXPECT_EQ(got_index, want_index);
    EXPECT_EQ(JsonFiles(out), want_files);
  }
  fs::remove_all(dir);
}

TEST(ShardTest, BadShardsAndManifestsAreUsageErrors) {
  const fs::path dir = ScratchDir("shard-usage");
  const std::string manifest = (dir / "m.tsv").string();
  ASSERT_EQ(RunJixiao("manifest " + Quote(JIXIAO_SOURCE_DIR "/samples") + " -o " + Quote(manifest)).exit_code, 0);
  EXPECT_EQ(RunJixiao("run --manifest " + Quote(manifest) + " --shard 3/3").exit_code, 2);
  EXPECT_EQ(RunJixiao("run --manifest " + Quote(manifest) + " --shard x").exit_code, 2);
  CommandResult no_env = RunJixiao("run --manifest " + Quote(manifest) + " --shard auto");
  EXPECT_EQ(no_env.exit_code, 2);
  EXPECT_NE(no_env.err.find("SLURM_ARRAY_TASK_ID"), std::string::npos) << no_env.err;
  std::ofstream(dir / "bad.tsv") << "not a manifest\n";
  CommandResult bad = RunJixiao("run --manifest " + Quote((dir / "bad.tsv").string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.tsv"), std::string::npos) << bad.err;
  CommandResult env_shard =
      RunJixiao("run -q --manifest " + Quote(manifest) + " --shard auto/2 -o " + Quote((dir / "o").string()));
  EXPECT_EQ(env_shard.exit_code, 2) << "neither SLURM nor Kubernetes index set";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::testing
