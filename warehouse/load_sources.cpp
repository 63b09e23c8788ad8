// LoadSources: document files, folders of them and JSON Lines, in order.
// A reader thread gathers documents and prepares them (parsing JSON,
// building rows) on every core, a chunk at a time, while the calling thread
// writes them, so reading, preparing and writing overlap.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "warehouse/warehouse.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

// Prepared documents in reading order; bounded, so a slow database holds
// the reader back instead of filling memory.
class PreparedQueue {
 public:
  // False once the consumer has given up: stop reading.
  bool Push(PreparedDocument document) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return items_.size() < kCapacity || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(document));
    changed_.notify_all();
    return true;
  }
  enum Popped { kDocument, kNoneYet, kEnd };
  // The next document, or kNoneYet when none came within `patience`, or
  // kEnd when the reader is done and everything has been taken.
  Popped Pop(PreparedDocument& document, std::chrono::milliseconds patience) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!changed_.wait_for(lock, patience, [&] { return !items_.empty() || closed_; })) return kNoneYet;
    if (items_.empty()) return kEnd;
    document = std::move(items_.front());
    items_.pop_front();
    changed_.notify_all();
    return kDocument;
  }
  void Close() { Set(closed_); }
  void Cancel() { Set(cancelled_); }

 private:
  void Set(bool& flag) {
    std::lock_guard<std::mutex> lock(mu_);
    flag = true;
    changed_.notify_all();
  }
  static constexpr size_t kCapacity = 256;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<PreparedDocument> items_;
  bool closed_ = false, cancelled_ = false;
};

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

// One document's text to prepare: a line of JSON Lines, or a whole file
// (which may turn out to be JSON Lines after all).
struct Job {
  std::string text;
  std::string name;
  std::string processed_at;
  bool whole_file = false;
};

std::vector<PreparedDocument> Prepare(const Job& job) {
  if (!job.whole_file) return {PreparedDocument::FromText(job.text, job.name, job.processed_at)};
  PreparedDocument whole = PreparedDocument::FromText(job.text, job.name, job.processed_at);
  if (!whole.not_json()) return {std::move(whole)};
  // Not one JSON value: JSON Lines when its first line is JSON.
  size_t first_end = job.text.find('\n');
  if (first_end == std::string::npos || first_end + 1 >= job.text.size() ||
      !nlohmann::json::accept(job.text.substr(0, first_end)))
    return {PreparedDocument::Refused(job.name + ": not valid JSON")};
  std::vector<PreparedDocument> documents;
  std::istringstream lines(job.text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number)
    if (!IsBlank(line))
      documents.push_back(PreparedDocument::FromText(line, job.name + ":" + std::to_string(number), job.processed_at));
  return documents;
}

// Gathers jobs in reading order and prepares them a chunk at a time on
// every core, then queues the results in the same order.
class Reader {
 public:
  explicit Reader(PreparedQueue& queue)
      : queue_(queue), threads_(std::max(1u, std::thread::hardware_concurrency())) {}

  bool Add(Job job) {
    bytes_ += job.text.size();
    jobs_.push_back(std::move(job));
    return jobs_.size() >= 256 || bytes_ >= (16u << 20) ? Drain() : true;
  }
  bool Refuse(std::string message) { return Drain() && queue_.Push(PreparedDocument::Refused(std::move(message))); }

  // Prepares and queues what is gathered; false once the consumer gave up.
  bool Drain() {
    std::vector<std::vector<PreparedDocument>> results(jobs_.size());
    auto work = [&](size_t first) {
      for (size_t i = first; i < jobs_.size(); i += threads_) results[i] = Prepare(jobs_[i]);
    };
    std::vector<std::thread> workers;
    for (size_t t = 1; t < threads_ && t < jobs_.size(); ++t) workers.emplace_back(work, t);
    work(0);
    for (std::thread& w : workers) w.join();
    jobs_.clear();
    bytes_ = 0;
    for (std::vector<PreparedDocument>& documents : results)
      for (PreparedDocument& d : documents)
        if (!queue_.Push(std::move(d))) return false;
    return true;
  }

 private:
  PreparedQueue& queue_;
  const size_t threads_;
  std::vector<Job> jobs_;
  size_t bytes_ = 0;
};

bool ReadLines(Reader& reader, std::istream& in, const std::string& name, const std::string& processed_at) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (IsBlank(line)) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!reader.Add({std::move(line), name + ":" + std::to_string(number), processed_at, false})) return false;
  }
  return true;
}

// A file holds one document, or JSON Lines (one document a line): by its
// name (.jsonl, .ndjson), or when it is not one JSON value but its first
// line is.
bool ReadFile(Reader& reader, const fs::path& path) {
  // Read a megabyte at a time, not the stream's default 8 KB (a JSON Lines
  // file of 100 MB took 12,500 reads).
  constexpr size_t kBufferBytes = 1u << 20;
  std::unique_ptr<char[]> buffer(new char[kBufferBytes]);
  std::ifstream in;
  in.rdbuf()->pubsetbuf(buffer.get(), static_cast<std::streamsize>(kBufferBytes));
  in.open(path, std::ios::binary);
  if (!in) return reader.Refuse(path.string() + ": cannot open file");
  const std::string processed_at = FileTime(path);
  if (path.extension() == ".jsonl" || path.extension() == ".ndjson")
    return ReadLines(reader, in, path.string(), processed_at);
  std::stringstream text;
  text << in.rdbuf();
  return reader.Add({text.str(), path.string(), processed_at, true});
}

std::vector<fs::path> JsonFilesIn(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

bool ReadSource(Reader& reader, const std::string& source) {
  if (source == "-") return ReadLines(reader, std::cin, "stdin", UtcNow());
  std::error_code ec;
  if (fs::is_directory(source, ec)) {
    std::vector<fs::path> files = JsonFilesIn(source, ec);
    if (ec) return reader.Refuse(source + ": cannot read folder: " + ec.message());
    if (files.empty()) return reader.Refuse(source + ": no .json files in this folder");
    for (const fs::path& file : files)
      if (!ReadFile(reader, file)) return false;
    return true;
  }
  if (fs::exists(source, ec)) return ReadFile(reader, source);
  return reader.Refuse(source + ": no such file or folder");
}

}  // namespace

Status LoadSources(Warehouse& w, const std::vector<std::string>& sources) {
  PreparedQueue queue;
  std::thread reader([&] {
    Reader r(queue);
    bool going = true;
    for (const std::string& source : sources)
      if (!(going = ReadSource(r, source))) break;
    if (going) r.Drain();
    queue.Close();
  });
  Status status;
  PreparedDocument document;
  // A source that has nothing more for a while (documents piped in as they
  // are made) has what it gave written, rather than held in an open
  // transaction that keeps other writers waiting.
  constexpr std::chrono::milliseconds kPatience{1000};
  for (PreparedQueue::Popped p; (p = queue.Pop(document, kPatience)) != PreparedQueue::kEnd;) {
    if (status.ok()) status = p == PreparedQueue::kDocument ? w.Add(std::move(document)) : w.Flush();
    if (!status.ok()) queue.Cancel();
  }
  reader.join();
  return status.ok() ? w.Flush() : status;
}

}  // namespace jixiao
