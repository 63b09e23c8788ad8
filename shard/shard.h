// shard: one batch split over many processes or machines.
//
// A manifest lists every input of a batch once, with its size, page count
// and sha256, sorted by path, so that every process that reads it sees the
// same list in the same order. A shard K of N is the part of that list that
// process K runs: shards are balanced by page count (the largest inputs
// first, each to the shard with the fewest pages so far), the assignment
// depends on the manifest alone, and every input is in exactly one shard.
// Each shard writes its own index (JSON Lines); MergeIndexes joins them into
// the index one unsharded run would have written, up to the "seconds".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/status.h"

namespace jixiao {

struct ManifestEntry {
  std::string path;            // as given or found by walking a folder
  std::uintmax_t bytes = 0;
  int pages = 0;               // 0 when the input could not be counted
  std::string sha256;          // "-" when the input could not be read
};

struct Manifest {
  std::vector<ManifestEntry> entries;  // sorted by path, each path once
  std::vector<std::string> problems;   // one line per input that could not
                                       // be read (named; it is still listed)
};

// The manifest of `paths` (files, or folders walked as `jixiao run` walks
// them), or an error naming a path that does not exist.
Result<Manifest> BuildManifest(const std::vector<std::string>& paths);

// Tab-separated: a header line, then path, bytes, pages, sha256 per input.
std::string FormatManifest(const Manifest& manifest);

// Reads what FormatManifest wrote; errors name `name` and the line.
Result<Manifest> ParseManifest(const std::string& text, const std::string& name);
Result<Manifest> ReadManifestFile(const std::string& path);

struct ShardSpec {
  int index = 0;  // 0 .. count-1
  int count = 1;
};

// Reads "K/N", "auto" or "auto/N". auto takes K from SLURM_ARRAY_TASK_ID
// (else Kubernetes' JOB_COMPLETION_INDEX) and N from "/N" (else
// SLURM_ARRAY_TASK_COUNT). `env` looks up an environment variable.
using EnvLookup = std::function<const char*(const char*)>;
Result<ShardSpec> ParseShardSpec(const std::string& text, const EnvLookup& env);

// The shard (0 .. count-1) of each manifest entry, balanced by pages.
std::vector<int> AssignShards(const Manifest& manifest, int count);

// Joins index files of shards (or of runs resumed after a kill) into one:
// lines ordered by "item", one per item. A later line replaces an earlier
// one of the same item, except that a "skipped" line (resume found the
// output up to date) keeps the earlier line that wrote that output.
// Lines that are not JSON objects (a line cut by a kill) are left out and
// counted in `dropped`.
struct MergedIndex {
  std::string text;
  int dropped = 0;
};
Result<MergedIndex> MergeIndexFiles(const std::vector<std::string>& paths);

}  // namespace jixiao
