// The input "-": standard input, copied once into a temporary file so that it
// is read like any other input (hashed, sniffed, read again by resume).
// Internal to pipeline/.
//
// A StandardInputCopy made for a list without "-" does nothing. Otherwise
// it reads standard input to its end on construction and removes its file on
// destruction. Documents and messages name the input "-", never the file.
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace jixiao {

class StandardInputCopy {
 public:
  explicit StandardInputCopy(const std::vector<std::string>& inputs);
  ~StandardInputCopy();
  StandardInputCopy(const StandardInputCopy&) = delete;
  StandardInputCopy& operator=(const StandardInputCopy&) = delete;

  // The temporary file ("" when standard input is not an input).
  const std::string& path() const { return path_; }

  // ProcessFile on the copy, with source.path and messages naming "-".
  Result<Document> Process(const PipelineOptions& options) const;

 private:
  std::string path_;
  std::string error_;  // why standard input could not be copied
};

}  // namespace jixiao
