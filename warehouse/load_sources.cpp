// LoadSources: document files, folders of them and JSON Lines, in order.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "warehouse/warehouse.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

// When the file was last written (the document produced), ISO 8601 UTC.
std::string FileTime(const fs::path& path) {
  std::error_code ec;
  fs::file_time_type t = fs::last_write_time(path, ec);
  if (ec) return "";
  std::time_t seconds = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(std::chrono::file_clock::to_sys(t)));
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

Status LoadLines(Warehouse& w, std::istream& in, const std::string& name, const std::string& processed_at) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (IsBlank(line)) continue;
    if (Status s = w.Add(line, name + ":" + std::to_string(number), processed_at); !s.ok()) return s;
  }
  return Status::Ok();
}

// A file holds one document, or else JSON Lines (one document a line).
Status LoadFile(Warehouse& w, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    w.Refuse(path.string() + ": cannot open file");
    return Status::Ok();
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  const std::string processed_at = FileTime(path);
  nlohmann::json whole = nlohmann::json::parse(content, nullptr, /*allow_exceptions=*/false);
  if (!whole.is_discarded()) return w.Add(whole, path.string(), processed_at);
  size_t first_end = content.find('\n');
  const bool several_lines = first_end != std::string::npos && first_end + 1 < content.size();
  if (several_lines && nlohmann::json::accept(content.substr(0, first_end))) {
    std::istringstream lines(content);
    return LoadLines(w, lines, path.string(), processed_at);
  }
  w.Refuse(path.string() + ": not valid JSON");
  return Status::Ok();
}

std::vector<fs::path> JsonFilesIn(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Status LoadSources(Warehouse& w, const std::vector<std::string>& sources) {
  for (const std::string& source : sources) {
    if (source == "-") {
      if (Status s = LoadLines(w, std::cin, "stdin", UtcNow()); !s.ok()) return s;
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(source, ec)) {
      std::vector<fs::path> files = JsonFilesIn(source, ec);
      if (ec) w.Refuse(source + ": cannot read folder: " + ec.message());
      if (files.empty() && !ec) w.Refuse(source + ": no .json files in this folder");
      for (const fs::path& file : files)
        if (Status s = LoadFile(w, file); !s.ok()) return s;
    } else if (fs::exists(source, ec)) {
      if (Status s = LoadFile(w, source); !s.ok()) return s;
    } else {
      w.Refuse(source + ": no such file or folder");
    }
  }
  return w.Flush();
}

}  // namespace jixiao
