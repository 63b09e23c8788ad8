#include "shard/shard.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace jixiao {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  auto held = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
  return [held](const char* name) -> const char* {
    auto it = held->find(name);
    return it == held->end() ? nullptr : it->second.c_str();
  };
}

TEST(ShardSpecTest, ExplicitAndAuto) {
  Result<ShardSpec> plain = ParseShardSpec("2/7", Env({}));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain.value().index, 2);
  EXPECT_EQ(plain.value().count, 7);

  Result<ShardSpec> slurm = ParseShardSpec("auto", Env({{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  ASSERT_TRUE(slurm.ok());
  EXPECT_EQ(slurm.value().index, 3);
  EXPECT_EQ(slurm.value().count, 4);

  // A resubmitted single task of an array of 4 says its count itself.
  Result<ShardSpec> again = ParseShardSpec("auto/4", Env({{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "1"}}));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().count, 4);

  Result<ShardSpec> k8s = ParseShardSpec("auto/5", Env({{"JOB_COMPLETION_INDEX", "4"}}));
  ASSERT_TRUE(k8s.ok());
  EXPECT_EQ(k8s.value().index, 4);
  EXPECT_EQ(k8s.value().count, 5);
}

TEST(ShardSpecTest, Errors) {
  for (const char* bad : {"", "3", "3/3", "-1/2", "1/0", "a/b", "1/2x", "auto/0", "auto/x"})
    EXPECT_FALSE(ParseShardSpec(bad, Env({{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_COUNT", "2"}})).ok())
        << bad;
  EXPECT_FALSE(ParseShardSpec("auto", Env({})).ok());
  EXPECT_FALSE(ParseShardSpec("auto", Env({{"JOB_COMPLETION_INDEX", "1"}})).ok()) << "N unknown";
  Result<ShardSpec> past = ParseShardSpec("auto", Env({{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  ASSERT_FALSE(past.ok());
  EXPECT_NE(past.status().message().find("--array=0-3"), std::string::npos) << past.status().message();
}

Manifest WithPages(std::vector<int> pages) {
  Manifest m;
  for (size_t i = 0; i < pages.size(); ++i)
    m.entries.push_back(ManifestEntry{"f" + std::to_string(i), 1, pages[i], "-"});
  return m;
}

TEST(AssignShardsTest, BalancedByPagesAndComplete) {
  const Manifest m = WithPages({11, 1, 1, 1, 5, 5, 3, 2, 0, 1});
  const std::vector<int> shard = AssignShards(m, 3);
  ASSERT_EQ(shard.size(), m.entries.size());
  std::vector<int> load(3, 0);
  for (size_t i = 0; i < shard.size(); ++i) {
    ASSERT_GE(shard[i], 0);
    ASSERT_LT(shard[i], 3);
    load[static_cast<size_t>(shard[i])] += std::max(1, m.entries[i].pages);
  }
  EXPECT_EQ(load[0], 11);  // the 11-page input alone
  EXPECT_EQ(load[1] + load[2], 20);
  EXPECT_LE(std::abs(load[1] - load[2]), 1);
  EXPECT_EQ(AssignShards(m, 3), shard) << "the same manifest gives the same shards";
  for (int s : AssignShards(m, 1)) EXPECT_EQ(s, 0);
  // More shards than inputs: some shards are empty, none is shared.
  std::vector<int> many = AssignShards(WithPages({1, 1}), 7);
  EXPECT_NE(many[0], many[1]);
}

TEST(ManifestTest, FormatsAndParsesBack) {
  Manifest m = WithPages({3, 0});
  m.entries[1].path = "dir/with space.pdf";
  Result<Manifest> back = ParseManifest(FormatManifest(m), "m.tsv");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back.value().entries.size(), 2u);
  EXPECT_EQ(back.value().entries[1].path, "dir/with space.pdf");
  EXPECT_EQ(back.value().entries[0].pages, 3);
  Result<Manifest> bad = ParseManifest("path\tbytes\tpages\tsha256\nx\t1\tmany\t-\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("m.tsv:2:", 0), 0u) << bad.status().message();
  EXPECT_FALSE(ParseManifest("x\t1\t1\t-\n", "m.tsv").ok()) << "no header";
}

TEST(ManifestTest, BuildsSortedFromFolders) {
  Result<Manifest> m = BuildManifest({JIXIAO_SOURCE_DIR "/samples"});
  ASSERT_TRUE(m.ok());
  std::size_t samples = 0;
  for (const auto& e : std::filesystem::directory_iterator(JIXIAO_SOURCE_DIR "/samples")) samples += e.is_regular_file();
  ASSERT_EQ(m.value().entries.size(), samples);
  EXPECT_TRUE(m.value().problems.empty());
  for (size_t i = 1; i < m.value().entries.size(); ++i)
    EXPECT_LT(m.value().entries[i - 1].path, m.value().entries[i].path);
  EXPECT_EQ(m.value().entries[0].pages, 1);
  EXPECT_EQ(m.value().entries[0].sha256.size(), 64u);
  // A missing input is listed as a problem, not a reason to list nothing.
  Result<Manifest> missing = BuildManifest({"/no/such/input"});
  EXPECT_TRUE(!missing.ok() || !missing.value().problems.empty());
}

TEST(MergeIndexTest, OrderedByItemAndResumeKeepsTheRunThatWrote) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("jixiao-merge-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "0.jsonl") << R"({"item":2,"status":"ok","sha256":"c","seconds":1})" "\n"
                                 << R"({"item":0,"status":"ok","sha256":"a","seconds":1})" "\n"
                                 << R"({"item":4,"status":"ok","sha)" "\n"  // cut by a kill
                                 << R"({"item":0,"status":"skipped","sha256":"a","seconds":0})" "\n";
  std::ofstream(dir / "1.jsonl") << R"({"item":1,"status":"failed","seconds":1})" "\n"
                                 << R"({"item":1,"status":"ok","sha256":"b","seconds":2})" "\n";
  Result<MergedIndex> merged = MergeIndexFiles({(dir / "0.jsonl").string(), (dir / "1.jsonl").string()});
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged.value().dropped, 1);
  EXPECT_EQ(merged.value().text,
            R"({"item":0,"status":"ok","sha256":"a","seconds":1})" "\n"
            R"({"item":1,"status":"ok","sha256":"b","seconds":2})" "\n"
            R"({"item":2,"status":"ok","sha256":"c","seconds":1})" "\n");
  EXPECT_FALSE(MergeIndexFiles({(dir / "missing.jsonl").string()}).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jixiao
