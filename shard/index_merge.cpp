// Joining the index files of shards and of resumed runs.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "shard/shard.h"

namespace jixiao {

namespace {

struct IndexLine {
  std::string text;    // as written, so that merged lines equal unsharded ones
  std::string status;
  std::string sha256;
};

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Whether `later` replaces `earlier` for the same item.
bool Replaces(const IndexLine& later, const IndexLine& earlier) {
  return !(later.status == "skipped" && earlier.status != "failed" && later.sha256 == earlier.sha256);
}

}  // namespace

Result<MergedIndex> MergeIndexFiles(const std::vector<std::string>& paths) {
  std::map<long long, IndexLine> by_item;
  std::vector<std::string> without_item;  // indexes written before "item" existed
  MergedIndex merged;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result<MergedIndex>::Error(path + ": cannot open index");
    for (std::string text; std::getline(in, text);) {
      if (text.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        ++merged.dropped;
        continue;
      }
      IndexLine line{text, StringField(j, "status"), StringField(j, "sha256")};
      auto item = j.find("item");
      if (item == j.end() || !item->is_number_integer()) {
        without_item.push_back(text);
        continue;
      }
      auto [it, inserted] = by_item.try_emplace(item->get<long long>(), line);
      if (!inserted && Replaces(line, it->second)) it->second = line;
    }
  }
  for (const auto& [item, line] : by_item) merged.text += line.text + "\n";
  for (const std::string& text : without_item) merged.text += text + "\n";
  return merged;
}

}  // namespace jixiao
