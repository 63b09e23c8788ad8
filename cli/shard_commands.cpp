// `jixiao manifest`, `jixiao index merge` and the inputs of a sharded run.

#include "cli/shard_commands.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "emit/emit.h"
#include "shard/shard.h"

namespace jixiao::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInputFailed = 3;

// Writes `text` to stdout, or atomically to `output`.
bool WriteOutput(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  Status written = WriteFileAtomically(output, text);
  if (!written.ok()) std::fprintf(stderr, "jixiao: error: %s: %s\n", output.c_str(), written.message().c_str());
  return written.ok();
}

}  // namespace

int ManifestCommand(const std::vector<std::string>& paths, const std::string& output) {
  Result<Manifest> manifest = BuildManifest(paths);
  if (!manifest.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", manifest.status().message().c_str());
    return kExitInputFailed;
  }
  for (const std::string& problem : manifest.value().problems)
    std::fprintf(stderr, "jixiao: error: %s\n", problem.c_str());
  if (!WriteOutput(FormatManifest(manifest.value()), output)) return kExitInputFailed;
  return manifest.value().problems.empty() ? kExitOk : kExitInputFailed;
}

int IndexMergeCommand(const std::vector<std::string>& indexes, const std::string& output) {
  Result<MergedIndex> merged = MergeIndexFiles(indexes);
  if (!merged.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", merged.status().message().c_str());
    return kExitInputFailed;
  }
  if (merged.value().dropped > 0)
    std::fprintf(stderr, "jixiao: %d cut or unreadable index lines left out\n", merged.value().dropped);
  return WriteOutput(merged.value().text, output) ? kExitOk : kExitInputFailed;
}

int PrepareManifestRun(const std::string& manifest_path, const std::string& shard, std::vector<std::string>* inputs,
                       BatchOptions* options) {
  Result<Manifest> manifest = ReadManifestFile(manifest_path);
  if (!manifest.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", manifest.status().message().c_str());
    return kExitUsage;
  }
  inputs->clear();
  for (const ManifestEntry& e : manifest.value().entries) inputs->push_back(e.path);
  if (shard.empty()) return kExitOk;
  Result<ShardSpec> spec = ParseShardSpec(shard, [](const char* name) { return std::getenv(name); });
  if (!spec.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", spec.status().message().c_str());
    return kExitUsage;
  }
  auto shards = std::make_shared<std::vector<int>>(AssignShards(manifest.value(), spec.value().count));
  const int mine = spec.value().index;
  options->selected = [shards, mine](size_t i) { return i < shards->size() && (*shards)[i] == mine; };
  return kExitOk;
}

}  // namespace jixiao::cli
