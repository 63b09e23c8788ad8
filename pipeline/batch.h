// batch: many inputs -> many Documents, in parallel, safely.
//
// Expands folders (recursively, files with a known extension, sorted), runs
// ProcessFile on `jobs` worker threads and hands each result to the caller's
// sink *in input order*, so output order and content do not depend on the
// number of jobs. Output files are written atomically by the sink; with
// `resume`, inputs whose output already holds a document for the same sha256
// are skipped. One failed input never stops the others.
//
// `jobs` counts every thread that works: a document's pages are read on the
// threads that other documents leave idle (extract/thread_budget.h), so one
// long scan uses every core and a batch never uses more than `jobs`.
// With `selected`, the batch still knows every input (output names may
// depend on the whole list) but runs, reports and indexes only the chosen
// ones: a shard of a larger batch writes exactly what the whole batch would
// write for those inputs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace jixiao {

struct BatchOptions {
  PipelineOptions pipeline;
  int jobs = 1;                  // worker threads, >= 1
  std::string output_dir;        // empty: documents go to the sink only
  bool resume = false;           // skip inputs whose output is up to date
  std::string index_path;        // JSON Lines index of the batch; empty = none
  bool progress = false;         // live progress line on stderr (terminals)
  // Which inputs (by position in the list) this run processes; empty: all.
  std::function<bool(size_t)> selected;
};

struct BatchItem {
  std::string input;             // the input path
  std::string output;            // output path ("" without output_dir)
  bool skipped = false;          // resume found an up-to-date output
  Result<Document> result = Result<Document>::Error("not run");
  double seconds = 0;
};

struct BatchSummary {
  int inputs = 0;
  int succeeded = 0;
  int failed = 0;
  int skipped = 0;
};

// Files to process for `paths` (files kept as given, folders walked), or an
// error naming a path that does not exist. A folder holding no input file is
// listed as itself; RunBatch reports it as a failed input.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

// DIR/<file name without its last extension>.json
std::string OutputPathFor(const std::string& input, const std::string& output_dir);

// Runs the batch; `sink` is called once per selected input, in input order,
// from one thread at a time. Failures are also printed to stderr, one line
// each. Index lines carry "item", the input's position in `inputs`.
BatchSummary RunBatch(const std::vector<std::string>& inputs, const BatchOptions& options,
                      const std::function<void(const BatchItem&)>& sink);

}  // namespace jixiao
