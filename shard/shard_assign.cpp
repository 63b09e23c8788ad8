// Shard specifications and the page-balanced assignment of inputs to shards.

#include <algorithm>
#include <charconv>
#include <numeric>

#include "shard/shard.h"

namespace jixiao {

namespace {

// The whole of `text` as a non-negative int, or -1.
int ParseCount(const std::string& text) {
  int value = -1;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && !text.empty() && value >= 0 ? value : -1;
}

constexpr const char* kUsage = "--shard takes K/N (0 <= K < N), auto or auto/N";

}  // namespace

Result<ShardSpec> ParseShardSpec(const std::string& text, const EnvLookup& env) {
  const size_t slash = text.find('/');
  const std::string first = text.substr(0, slash);
  const std::string second = slash == std::string::npos ? "" : text.substr(slash + 1);
  ShardSpec spec;
  spec.count = second.empty() ? -1 : ParseCount(second);
  if (slash != std::string::npos && spec.count <= 0) return Result<ShardSpec>::Error(kUsage);
  if (first == "auto") {
    const char* slurm_id = env("SLURM_ARRAY_TASK_ID");
    const char* k8s_index = env("JOB_COMPLETION_INDEX");
    const char* id = slurm_id != nullptr ? slurm_id : k8s_index;
    if (id == nullptr)
      return Result<ShardSpec>::Error(
          "--shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set");
    spec.index = ParseCount(id);
    if (spec.index < 0) return Result<ShardSpec>::Error("--shard auto: bad task index \"" + std::string(id) + "\"");
    if (spec.count < 0) {
      const char* count = slurm_id != nullptr ? env("SLURM_ARRAY_TASK_COUNT") : nullptr;
      if (count == nullptr)
        return Result<ShardSpec>::Error("--shard auto: the number of shards is not known; give it as auto/N");
      spec.count = ParseCount(count);
      if (spec.count <= 0)
        return Result<ShardSpec>::Error("--shard auto: bad SLURM_ARRAY_TASK_COUNT \"" + std::string(count) + "\"");
    }
  } else {
    spec.index = ParseCount(first);
    if (spec.index < 0 || spec.count < 0) return Result<ShardSpec>::Error(kUsage);
  }
  if (spec.index >= spec.count)
    return Result<ShardSpec>::Error("--shard: shard " + std::to_string(spec.index) + " of " +
                                    std::to_string(spec.count) +
                                    " does not exist (shards are numbered from 0; a Slurm array is --array=0-" +
                                    std::to_string(spec.count - 1) + ")");
  return spec;
}

std::vector<int> AssignShards(const Manifest& manifest, int count) {
  const size_t n = manifest.entries.size();
  std::vector<int> shard(n, 0);
  if (count <= 1) return shard;
  // An input that could not be counted still costs a little.
  auto weight = [&](size_t i) { return std::max<long long>(1, manifest.entries[i].pages); };
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return weight(a) > weight(b); });
  std::vector<long long> load(static_cast<size_t>(count), 0);
  for (size_t i : order) {
    const size_t lightest = static_cast<size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    shard[i] = static_cast<int>(lightest);
    load[lightest] += weight(i);
  }
  return shard;
}

}  // namespace jixiao
