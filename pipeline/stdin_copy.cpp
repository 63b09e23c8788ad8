#include "pipeline/stdin_copy.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace jixiao {

namespace {

// Copies standard input into a new temporary file; returns its path, or ""
// with `error` set.
std::string CopyStandardInput(std::string& error) {
  std::string name = (std::filesystem::temp_directory_path() / "jixiao-stdin-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file: ") + std::strerror(errno);
    return "";
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || ::write(fd, buffer, static_cast<size_t>(n)) != n) {
      error = std::string("cannot copy standard input: ") + std::strerror(errno);
      break;
    }
  }
  ::close(fd);
  return name;
}

}  // namespace

StandardInputCopy::StandardInputCopy(const std::vector<std::string>& inputs) {
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) path_ = CopyStandardInput(error_);
}

StandardInputCopy::~StandardInputCopy() {
  if (!path_.empty()) std::remove(path_.c_str());
}

Result<Document> StandardInputCopy::Process(const PipelineOptions& options) const {
  if (!error_.empty()) return Result<Document>::Error("-: " + error_);
  Result<Document> doc = ProcessFile(path_, options);
  if (!doc.ok()) {
    std::string message = doc.status().message();
    if (message.rfind(path_, 0) == 0) message = "-" + message.substr(path_.size());
    return Result<Document>::Error(message);
  }
  doc.value().source.path = "-";
  return doc;
}

}  // namespace jixiao
