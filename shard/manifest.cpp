// Building, writing and reading batch manifests.

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/extract.h"
#include "pipeline/batch.h"
#include "pipeline/pipeline.h"
#include "shard/shard.h"

namespace jixiao {

namespace {

constexpr const char* kHeader = "path\tbytes\tpages\tsha256";

// One listed input; problems (the input is then still listed, so that the
// run reports it as a failed input) go to `problems`.
ManifestEntry Describe(const std::string& path, std::vector<std::string>* problems) {
  ManifestEntry entry{path, 0, 0, "-"};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    problems->push_back(path + ": no input files in this folder");
    return entry;
  }
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (!ec) entry.bytes = bytes;
  Result<std::string> sha = FileSha256(path);
  if (!sha.ok()) {
    problems->push_back(path + ": " + sha.status().message());
    return entry;
  }
  entry.sha256 = sha.value();
  Result<int> pages = CountPages(path);
  if (pages.ok())
    entry.pages = pages.value();
  else
    problems->push_back(path + ": " + pages.status().message());
  return entry;
}

bool ParseNumber(const std::string& text, std::uintmax_t* value) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  return ec == std::errc() && ptr == end && !text.empty();
}

}  // namespace

Result<Manifest> BuildManifest(const std::vector<std::string>& paths) {
  Result<std::vector<std::string>> inputs = ExpandInputs(paths);
  if (!inputs.ok()) return inputs.status();
  std::vector<std::string> files = inputs.value();
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  Manifest manifest;
  for (const std::string& path : files) {
    if (path.find_first_of("\t\r\n") != std::string::npos) {
      manifest.problems.push_back(path + ": a tab or line break in the path cannot be listed in a manifest");
      continue;
    }
    manifest.entries.push_back(Describe(path, &manifest.problems));
  }
  return manifest;
}

std::string FormatManifest(const Manifest& manifest) {
  std::string text = std::string(kHeader) + "\n";
  for (const ManifestEntry& e : manifest.entries)
    text += e.path + "\t" + std::to_string(e.bytes) + "\t" + std::to_string(e.pages) + "\t" + e.sha256 + "\n";
  return text;
}

Result<Manifest> ParseManifest(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader)
    return Result<Manifest>::Error(name + ": not a jixiao manifest (first line must be \"" +
                                   std::string(kHeader) + "\", tab-separated)");
  Manifest manifest;
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    std::uintmax_t bytes = 0, pages = 0;
    if (fields.size() != 4 || fields[0].empty() || !ParseNumber(fields[1], &bytes) ||
        !ParseNumber(fields[2], &pages) || pages > 1'000'000'000)
      return Result<Manifest>::Error(name + ":" + std::to_string(number) +
                                     ": expected path, bytes, pages, sha256 separated by tabs");
    manifest.entries.push_back(ManifestEntry{fields[0], bytes, static_cast<int>(pages), fields[3]});
  }
  return manifest;
}

Result<Manifest> ReadManifestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<Manifest>::Error(path + ": cannot open manifest");
  std::stringstream text;
  text << in.rdbuf();
  return ParseManifest(text.str(), path);
}

}  // namespace jixiao
