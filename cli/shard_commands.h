// The command-line side of sharding: `jixiao manifest`, `jixiao index
// merge`, and the inputs of `jixiao run --manifest FILE [--shard K/N]`.
// Each returns the process exit status (0 ok, 2 bad usage, 3 an input failed).
#pragma once

#include <string>
#include <vector>

#include "pipeline/batch.h"

namespace jixiao::cli {

// Writes the manifest of `paths` to `output` ("" or "-": stdout).
int ManifestCommand(const std::vector<std::string>& paths, const std::string& output);

// Merges shard index files into `output` ("" or "-": stdout).
int IndexMergeCommand(const std::vector<std::string>& indexes, const std::string& output);

// Every input of `manifest` into `inputs`, and the selection of shard
// `shard` ("" = all) into `options`. Returns 0, or an exit status after a
// one-line error on stderr.
int PrepareManifestRun(const std::string& manifest, const std::string& shard, std::vector<std::string>* inputs,
                       BatchOptions* options);

}  // namespace jixiao::cli
