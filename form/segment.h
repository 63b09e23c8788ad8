// Splitting a document's blocks into the parts of its projects, and pairing
// a project's table with its narrative report.
//
// A table part is a self-evaluation table (with the continuation printed on
// the next page, if any) and the paragraphs around it: the title, the year
// line, the 填报日期 / 盖章 / 签字 lines before or after it, the notes
// (备注) below. A narrative part starts at a report title (…绩效自评报告,
// 财政项目支出绩效评价报告, with a title line above it that carries the
// project or the year) or at a one-paragraph summary (“X”项目绩效自评综述：)
// and runs to the next part. Paragraphs before the first part, and tables
// that are not scoring tables (a department's list of projects), are
// document-level and belong to no project.
//
// Pairing, in this order: (1) by project name (NameSimilarity >= 0.6;
// strong matches >= 0.85 first, among them the nearest pair, then the most
// similar); (2) a run of narratives next to a run of tables (a list of
// summaries followed by the tables) pairs in order, as many as the shorter
// run holds, skipping where the names fit worst; (3) a single
// narrative next to a table that has no narrative, when their names do not
// contradict each other, preferring the side the document's name-matched
// pairs show (table first or narrative first).
#pragma once

#include <string>
#include <vector>

#include "model/layout.h"

namespace jixiao::form {

struct TablePart {
  std::vector<const Block*> tables;  // the table, then its continuations
  std::vector<const Block*> lines;   // paragraphs of the part, in order
  std::size_t lines_before_table = 0;  // how many of `lines` precede the table
};

struct NarrativePart {
  std::vector<const Block*> paragraphs;
  bool summary = false;              // a one-paragraph 综述 and its continuation
};

struct PartRef {
  bool table = false;
  int index = 0;                     // into tables or narratives
};

struct Segments {
  std::vector<TablePart> tables;
  std::vector<NarrativePart> narratives;
  std::vector<PartRef> order;        // document order
};

Segments SegmentDocument(const LayoutDocument& layout);

// Whether a table block is a scoring table (grid or linear).
bool IsScoringTableBlock(const Block& block);

// One project: a table part and/or a narrative part (-1 = none).
struct ProjectParts {
  int table = -1;
  int narrative = -1;
};

// `table_names[i]` / `narrative_names[j]` are the project names read from
// each part ("" when none). Projects come in document order of their first
// part.
std::vector<ProjectParts> PairParts(const Segments& segments, const std::vector<std::string>& table_names,
                                    const std::vector<std::string>& narrative_names);

}  // namespace jixiao::form
