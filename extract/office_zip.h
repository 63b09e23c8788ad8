// OfficeZip: the parts of an Office Open XML package (a ZIP archive), read
// with libzip under limits, so that a hostile archive cannot exhaust memory.
//
// Limits are checked before anything is inflated (number of entries, the
// sizes the central directory declares, encryption) and again while a part is
// inflated (the bytes actually produced), because a ZIP bomb may declare
// small sizes and inflate to much more. Errors are one-line messages without
// the file name. Not thread-safe: one OfficeZip per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "model/status.h"

namespace jixiao {

struct ZipLimits {
  int64_t max_entries = 10'000;
  uint64_t max_part_bytes = 96ull << 20;    // one inflated part
  uint64_t max_total_bytes = 256ull << 20;  // all parts read, together
};

class OfficeZip {
 public:
  // Opens an archive held in memory; `bytes` must outlive the OfficeZip.
  static Result<std::unique_ptr<OfficeZip>> Open(std::string_view bytes, const ZipLimits& limits = {});
  ~OfficeZip();
  OfficeZip(const OfficeZip&) = delete;
  OfficeZip& operator=(const OfficeZip&) = delete;

  bool Has(const std::string& name) const;
  // The inflated bytes of part `name` (no leading '/').
  Result<std::string> Read(const std::string& name);

 private:
  struct Archive;
  explicit OfficeZip(std::unique_ptr<Archive> archive, const ZipLimits& limits);
  std::unique_ptr<Archive> archive_;
  ZipLimits limits_;
  uint64_t total_read_ = 0;
};

}  // namespace jixiao
