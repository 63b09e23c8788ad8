// pipeline: one input file -> one scored Document (extract -> form -> score).
//
// The CLI and the tests call this; it owns no global state besides the
// profiles it is given. ProcessFile never throws: a file that cannot be read
// gives an error Status whose message starts with the file's path.
#pragma once

#include <string>
#include <vector>

#include "extract/extract.h"
#include "model/document.h"
#include "model/profile.h"
#include "model/status.h"

namespace jixiao {

struct PipelineOptions {
  ExtractOptions extract;
  const std::vector<Profile>* profiles = nullptr;  // nullptr: BuiltinProfiles()
};

Result<Document> ProcessFile(const std::string& path, const PipelineOptions& options);

// Lower-case hex SHA-256 of a file's bytes, or an error.
Result<std::string> FileSha256(const std::string& path);

}  // namespace jixiao
