// Output names for a batch: the contract's DIR/<name>.json, disambiguated
// over the whole input list so that no two inputs write the same file.

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "pipeline/batch.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

// How much of an input's path its output name keeps; raised for inputs whose
// name would collide with another input's.
enum Level { kStem = 0, kMirrored = 1, kWithExtension = 2, kHashed = 3 };

fs::path Absolute(const std::string& input) {
  std::error_code ec;
  fs::path p = fs::absolute(input, ec);
  return (ec ? fs::path(input) : p).lexically_normal();
}

// The first 8 hex digits of the SHA-256 of `text`.
std::string ShortHash(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < 4 && i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

// The deepest folder holding every path of `paths`.
fs::path CommonFolder(const std::vector<fs::path>& paths) {
  fs::path common = paths.front().parent_path();
  for (const fs::path& p : paths) {
    const fs::path folder = p.parent_path();
    fs::path shared;
    auto a = common.begin(), b = folder.begin();
    for (; a != common.end() && b != folder.end() && *a == *b; ++a, ++b) shared /= *a;
    common = shared;
  }
  return common;
}

struct Candidate {
  fs::path path;        // absolute, normalized ("-" for standard input)
  fs::path mirror_base; // folder the mirrored name is relative to
  int level = kStem;
};

fs::path NameAt(const Candidate& c) {
  if (c.path == "-") return "stdin.json";
  const std::string stem = c.path.stem().string();
  if (c.level == kStem) return stem + ".json";
  const fs::path folder = c.path.parent_path().lexically_relative(c.mirror_base);
  const fs::path dir = folder == "." ? fs::path() : folder;
  if (c.level == kMirrored) return dir / (stem + ".json");
  if (c.level == kWithExtension) return dir / (c.path.filename().string() + ".json");
  return dir / (stem + "-" + ShortHash(c.path.string()) + ".json");
}

}  // namespace

std::vector<std::string> AssignOutputPaths(const std::vector<std::string>& inputs,
                                           const std::string& output_dir) {
  // One candidate per distinct input; the same path given twice is one input.
  std::map<fs::path, Candidate> candidates;
  for (const std::string& input : inputs) {
    const fs::path p = input == "-" ? fs::path("-") : Absolute(input);
    candidates.emplace(p, Candidate{p, p.parent_path(), kStem});
  }
  // Inputs sharing a stem mirror their folders below the folder they share.
  std::map<std::string, std::vector<fs::path>> by_stem;
  for (const auto& [p, c] : candidates) by_stem[p.stem().string()].push_back(p);
  for (const auto& [stem, paths] : by_stem) {
    const fs::path base = CommonFolder(paths);
    for (const fs::path& p : paths) candidates[p].mirror_base = base;
  }
  // Raise the level of every input whose name collides until none does.
  for (bool collided = true; collided;) {
    collided = false;
    std::map<fs::path, std::vector<Candidate*>> by_name;
    for (auto& [p, c] : candidates) by_name[NameAt(c)].push_back(&c);
    for (auto& [name, group] : by_name) {
      if (group.size() < 2) continue;
      for (Candidate* c : group)
        if (c->level < kHashed) {
          ++c->level;
          collided = true;
        }
    }
  }
  std::vector<std::string> outputs;
  outputs.reserve(inputs.size());
  for (const std::string& input : inputs) {
    const Candidate& c = candidates.at(input == "-" ? fs::path("-") : Absolute(input));
    outputs.push_back((fs::path(output_dir) / NameAt(c)).string());
  }
  return outputs;
}

std::string OutputPathFor(const std::string& input, const std::string& output_dir) {
  return AssignOutputPaths({input}, output_dir).front();
}

}  // namespace jixiao
