// `jixiao review DOC.json... -o DIR` and the review pages of `jixiao run
// --review`: the command-line side of review/ (review/review.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "pipeline/batch.h"

namespace jixiao::cli {

struct ReviewArguments {
  std::vector<std::string> documents;
  std::string output_dir;
  double dpi = 100;
};

// Registers the `review` subcommand on `app`, filling `arguments`.
CLI::App* AddReviewCommand(CLI::App& app, ReviewArguments* arguments);

// Writes DIR/<name>.html for each document; one line on stderr per document
// that cannot be read or written, the others are still written. Returns the
// exit status (0, or 3 when some document failed).
int ReviewCommand(const ReviewArguments& arguments);

// For `run --review`: the review page beside a document the batch wrote
// (DIR/<name>.html next to DIR/<name>.json). False (and one line on stderr)
// when it cannot be written.
bool WriteReviewBeside(const BatchItem& item);

}  // namespace jixiao::cli
