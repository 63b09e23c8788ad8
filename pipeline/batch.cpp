// The parallel batch runner behind `jixiao run`.

#include "pipeline/batch.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "emit/emit.h"
#include "pipeline/stdin_copy.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

bool HasInputExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  static const char* kKnown[] = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".txt", ".md",
                                 ".docx", ".xlsx"};
  for (const char* k : kKnown)
    if (ext == k) return true;
  return false;
}

// The sha256 recorded in an existing output document, or "".
std::string RecordedSha256(const std::string& output) {
  std::ifstream in(output, std::ios::binary);
  if (!in) return "";
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("source") || !j["source"].is_object())
    return "";
  const nlohmann::json& sha = j["source"]["sha256"];
  return sha.is_string() ? sha.get<std::string>() : "";
}

void AppendIndexLine(std::FILE* index, size_t position, const BatchItem& item) {
  if (!index) return;
  nlohmann::json line = {
      {"item", position}, {"path", item.input}, {"output", item.output}, {"seconds", item.seconds}};
  if (item.result.ok()) {
    const Document& d = item.result.value();
    int errors = 0, warnings = 0;
    auto count = [&](const std::vector<Flag>& flags) {
      for (const Flag& f : flags) {
        errors += f.severity == Severity::kError;
        warnings += f.severity == Severity::kWarning;
      }
    };
    count(d.flags);
    for (const Report& r : d.reports) count(r.flags);
    line["sha256"] = d.source.sha256;
    line["status"] = item.skipped ? "skipped" : "ok";
    line["pages"] = d.source.pages;
    line["reports"] = d.reports.size();
    line["flags"] = {{"error", errors}, {"warning", warnings}};
  } else {
    line["status"] = "failed";
    line["error"] = item.result.status().message();
  }
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(text.data(), 1, text.size(), index);
  std::fflush(index);
}

// The index file, emptied or (resuming) appended to. A run killed while it
// wrote a line leaves that line cut: it is ended first, so that the cut line
// stays on its own and the next line is whole.
std::FILE* OpenIndex(const std::string& path, bool append) {
  if (!append) return std::fopen(path.c_str(), "w");
  std::FILE* index = std::fopen(path.c_str(), "a+");
  if (!index) return nullptr;
  if (std::fseek(index, -1, SEEK_END) == 0 && std::fgetc(index) != '\n') {
    std::fseek(index, 0, SEEK_END);
    std::fputc('\n', index);
  }
  return index;
}

// A run killed between creating and renaming a temporary file leaves it
// behind (emit/atomic_file.cpp names them <file>.tmp.<pid>.<n>). Remove those
// whose writer is gone, so a killed run leaves only complete documents.
void RemoveStaleTemporaries(const std::string& output_dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(output_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const size_t tmp = name.rfind(".tmp.");
    if (tmp == std::string::npos) continue;
    const std::string rest = name.substr(tmp + 5);
    const size_t dot = rest.find('.');
    if (dot == std::string::npos) continue;
    const long pid = std::strtol(rest.substr(0, dot).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(it->path(), ec);
  }
}

}  // namespace

namespace {

bool IsHidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Appends the input files under `dir` to `found` and files of other kinds to
// `other_kinds`. A folder that cannot be listed is appended itself.
void WalkFolder(const fs::path& dir, std::vector<std::string>& found, std::vector<std::string>* other_kinds) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    found.push_back(dir.string());
    return;
  }
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) continue;
    std::error_code kind_ec;
    if (entry.is_symlink(kind_ec) && entry.is_directory(kind_ec)) continue;
    if (entry.is_directory(kind_ec)) {
      WalkFolder(entry.path(), found, other_kinds);
    } else if (HasInputExtension(entry.path())) {
      found.push_back(entry.path().string());
    } else if (other_kinds != nullptr && entry.is_regular_file(kind_ec)) {
      other_kinds->push_back(entry.path().string());
    }
  }
  if (ec) found.push_back(dir.string());  // listing stopped midway
}

// Why a folder given as an input gave nothing to read.
std::string FolderProblem(const std::string& folder) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) return folder + ": cannot read folder: " + ec.message();
  return folder + ": no input files in this folder (.pdf .png .jpg .jpeg .tif .tiff .txt .md)";
}

}  // namespace

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths,
                                               std::vector<std::string>* other_kinds) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      // A file, or a path that does not exist: RunBatch names the problem.
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found, others;
    WalkFolder(path, found, &others);
    std::sort(found.begin(), found.end());
    std::sort(others.begin(), others.end());
    // A folder without inputs stays in the list as itself, so that the
    // batch reports it as a failed input instead of passing silently.
    if (found.empty()) found.push_back(path);
    files.insert(files.end(), found.begin(), found.end());
    if (other_kinds != nullptr) other_kinds->insert(other_kinds->end(), others.begin(), others.end());
  }
  return files;
}

namespace {

// The order workers take the inputs of `order` (positions in `inputs`) in.
// With several workers, the largest files
// (most pages, as a rule) go first, so that the batch does not end with one
// worker busy on a long document while the others idle; results are still
// delivered in input order. One worker keeps the input order.
std::vector<size_t> LargestFirst(const std::vector<std::string>& inputs, std::vector<size_t> order, int jobs) {
  if (jobs <= 1) return order;
  std::vector<std::uintmax_t> sizes(inputs.size(), 0);
  for (size_t i : order) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(inputs[i], ec);
    sizes[i] = ec ? 0 : size;
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

}  // namespace

BatchSummary RunBatch(const std::vector<std::string>& inputs, const BatchOptions& options,
                      const std::function<void(const BatchItem&)>& sink) {
  std::vector<size_t> chosen;
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!options.selected || options.selected(i)) chosen.push_back(i);
  BatchSummary summary;
  summary.inputs = static_cast<int>(chosen.size());
  std::vector<BatchItem> items(inputs.size());
  std::vector<char> done(inputs.size(), 0);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<size_t> next{0};
  const std::vector<size_t> schedule = LargestFirst(inputs, chosen, options.jobs);
  const int jobs = std::max(1, options.jobs);
  const int workers_count = std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, chosen.size())));
  // Each worker holds one of the `jobs` tokens while it runs; the rest, and
  // those of workers that found no more inputs, read pages of long documents.
  ThreadBudget budget(jobs - workers_count);
  PipelineOptions pipeline = options.pipeline;
  if (pipeline.extract.threads == nullptr) pipeline.extract.threads = &budget;
  const std::vector<std::string> outputs =
      options.output_dir.empty()    ? std::vector<std::string>()
      : !options.outputs.empty()   ? options.outputs
                                   : AssignOutputPaths(inputs, options.output_dir);
  StandardInputCopy stdin_copy(inputs);

  if (!options.output_dir.empty()) RemoveStaleTemporaries(options.output_dir);
  std::FILE* index = nullptr;
  if (!options.index_path.empty()) {
    index = OpenIndex(options.index_path, options.resume);
    if (!index) std::fprintf(stderr, "jixiao: cannot write index %s\n", options.index_path.c_str());
  }
  const auto batch_start = std::chrono::steady_clock::now();

  auto work = [&] {
    for (size_t n = next++; n < schedule.size(); n = next++) {
      const size_t i = schedule[n];
      BatchItem item;
      item.input = inputs[i];
      if (!outputs.empty()) item.output = outputs[i];
      const std::string source = item.input == "-" ? stdin_copy.path() : item.input;
      const auto start = std::chrono::steady_clock::now();
      bool handled = false;
      if (options.resume && !item.output.empty()) {
        Result<std::string> sha = FileSha256(source);
        if (sha.ok() && RecordedSha256(item.output) == sha.value()) {
          std::ifstream in(item.output, std::ios::binary);
          nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
          if (!j.is_discarded()) {
            item.result = DocumentFromJson(j);
            item.skipped = item.result.ok();
            handled = item.skipped;
          }
        }
      }
      std::error_code dir_ec;
      if (!handled && item.input != "-" && fs::is_directory(item.input, dir_ec)) {
        item.result = Result<Document>::Error(FolderProblem(item.input));
        handled = true;
      }
      if (!handled) {
        item.result = item.input == "-" ? stdin_copy.Process(pipeline) : ProcessFile(source, pipeline);
        if (item.result.ok() && !item.output.empty()) {
          std::string text = ToJson(item.result.value())
                                 .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
          fs::create_directories(fs::path(item.output).parent_path(), dir_ec);
          Status written = WriteFileAtomically(item.output, text);
          if (!written.ok()) item.result = Result<Document>::Error(item.input + ": " + written.message());
        }
      }
      item.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::lock_guard<std::mutex> lock(mu);
      items[i] = std::move(item);
      done[i] = 1;
      cv.notify_all();
    }
    budget.Release();
  };

  std::vector<std::thread> workers;
  for (int j = 0; j < workers_count; ++j) workers.emplace_back(work);

  // Deliver results in input order as they become available.
  for (size_t shown = 0; shown < chosen.size(); ++shown) {
    const size_t i = chosen[shown];
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done[i] != 0; });
    BatchItem item = std::move(items[i]);
    lock.unlock();
    if (item.result.ok()) {
      ++summary.succeeded;
      summary.skipped += item.skipped;
    } else {
      ++summary.failed;
      std::fprintf(stderr, "jixiao: error: %s\n", item.result.status().message().c_str());
    }
    AppendIndexLine(index, i, item);
    if (options.progress) {
      double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count();
      double rate = elapsed > 0 ? (shown + 1) / elapsed : 0;
      double eta = rate > 0 ? (chosen.size() - shown - 1) / rate : 0;
      std::fprintf(stderr, "\r[%zu/%zu] %.2f docs/s, ETA %.0fs, failed %d   ", shown + 1, chosen.size(), rate, eta,
                   summary.failed);
      if (shown + 1 == chosen.size()) std::fputc('\n', stderr);
    }
    sink(item);
  }
  for (std::thread& t : workers) t.join();
  if (index) std::fclose(index);
  return summary;
}

}  // namespace jixiao
