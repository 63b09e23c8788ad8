// summary: what a reviewer reads first about documents jixiao wrote
// (`jixiao summary`).
//
// Per document: its path and source, and its own flags (a page that could
// not be read, a part that failed). Per report: the project, the declared
// total as printed and where it is printed (page, or line of a text input),
// the recomputed total at the precision the total was printed with, or the
// reason it could not be recomputed, and counts of errors, warnings and
// unreadable values; then every flag that is not a plain note (UNREADABLE
// included), with where its first evidence is. Columns are aligned by
// display width (CJK characters take two columns) across all documents.
//
// Input is a file holding one document, or JSON Lines (one document per
// line, as `jixiao run` prints without -o). A line that is not a document is
// an error naming the file and the line; the other lines are still read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace jixiao {

struct SummaryInput {
  std::string label;   // file name, with ":<line>" for a line of JSON Lines
  Document document;
};

struct SummaryRead {
  std::vector<SummaryInput> documents;
  std::vector<std::string> errors;  // one line each, naming file (and line)
};

// The documents in one file's `text`; `name` labels them and the errors.
SummaryRead ReadSummaryInputs(std::string_view text, const std::string& name);

// The summary of `inputs`, one block per document, lines ending in '\n'.
std::string Summarize(const std::vector<SummaryInput>& inputs);

// Columns `utf8` takes in a terminal: characters of East Asian Width Wide
// or Fullwidth two, combining marks and format characters none, others one.
int DisplayWidth(std::string_view utf8);

// Why a report's total could not be recomputed ("" when it was): what is
// missing among the items the total is the sum of.
std::string NotRecomputedReason(const Report& report);

}  // namespace jixiao
