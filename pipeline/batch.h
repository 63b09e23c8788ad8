// batch: many inputs -> many Documents, in parallel, safely.
//
// Expands folders (recursively, files with a known extension, sorted), runs
// ProcessFile on `jobs` worker threads and hands each result to the caller's
// sink *in input order*, so output order and content do not depend on the
// number of jobs. Output files are written atomically by the sink; with
// `resume`, inputs whose output already holds a document for the same sha256
// are skipped. One failed input never stops the others. No two inputs write
// the same output file (AssignOutputPaths). The input "-" is standard input.
//
// `jobs` counts every thread that works: a document's pages are read on the
// threads that other documents leave idle (extract/thread_budget.h), so one
// long scan uses every core and a batch never uses more than `jobs`.
// With `selected`, the batch still knows every input (output names depend
// on the whole list) but runs, reports and indexes only the chosen ones: a
// shard of a larger batch writes exactly what the whole batch would write
// for those inputs.
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
  // Output file per input, parallel to the inputs given to RunBatch; empty:
  // AssignOutputPaths(inputs, output_dir). A process that runs only part of
  // a larger list passes the names assigned over the whole list.
  std::vector<std::string> outputs;
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

// Files to process for `paths`, in order: a file (or "-", standard input) is
// kept as given; a folder is walked recursively for files with a known
// extension, sorted, skipping hidden files and folders (names starting with
// '.') and not following links to folders. A path that does not exist, a
// folder that cannot be read and a folder holding no input file stay in the
// list as themselves, so that RunBatch reports each as a failed input while
// the others are processed. Files of other kinds met in a walk are appended
// to `other_kinds`, when given, for the caller to name. Never fails today;
// the Result leaves room for limits.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths,
                                               std::vector<std::string>* other_kinds = nullptr);

// The output file of each input under `output_dir`, parallel to `inputs`.
// Normally the contract's DIR/<file name without its last extension>.json.
// Inputs that would share a name instead mirror their folder below the
// deepest folder they have in common (in/a/r.txt, in/b/r.txt -> DIR/a/r.json,
// DIR/b/r.json); inputs in one folder differing only in extension keep it
// (a.txt, a.md -> DIR/a.txt.json, DIR/a.md.json); as a last resort a name
// carries 8 hex digits of the SHA-256 of the input's absolute path. "-" is
// DIR/stdin.json. The same path given twice gets one name. A function of the
// whole ordered list: callers running part of a list look names up in the
// list's assignment, never assign over the part.
std::vector<std::string> AssignOutputPaths(const std::vector<std::string>& inputs,
                                           const std::string& output_dir);

// The output of `input` when it is the only input.
std::string OutputPathFor(const std::string& input, const std::string& output_dir);

// Runs the batch; `sink` is called once per selected input, in input order,
// from one thread at a time. Failures are also printed to stderr, one line
// each. Index lines carry "item", the input's position in `inputs`.
BatchSummary RunBatch(const std::vector<std::string>& inputs, const BatchOptions& options,
                      const std::function<void(const BatchItem&)>& sink);

}  // namespace jixiao
