// Reading one printed figure (a table cell, a header line) into a Value or a
// ScoredNumber, with its raw text and location, and the UNREADABLE flag when
// it cannot be read with enough confidence.
//
// Rules: empty text is "not stated" (nullopt, no flag). Text that
// Normalize() calls noisy, or a cell whose OCR confidence is below
// kMinCellConfidence, is nullopt plus an UNREADABLE flag at `path` (severity
// info: it grades our reading, not the document) —
// never a guess (text from a paragraph is judged by Normalize() alone).
// "-", "—" and "/" (not applicable) give a Value that keeps
// the mark as text and has no number.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "normalize/normalize.h"

namespace jixiao::form {

// Below this OCR confidence a cell's figure is not trusted.
inline constexpr double kMinCellConfidence = 0.5;

// What was printed and where; text is the cell's lines joined.
struct PrintedText {
  std::string text;
  Location where;
  double confidence = 1.0;
  // The confidence is the cell's own (a paragraph's is that of its worst
  // word anywhere in it, e.g. under a seal, and does not judge one figure).
  bool cell_confidence = true;
};

class CellReader {
 public:
  // Flags go to `flags` (the report's flag list).
  explicit CellReader(std::vector<Flag>* flags) : flags_(flags) {}

  // A figure cell -> Value (see the rules above).
  std::optional<Value> ReadValue(const PrintedText& cell, const NormalizeContext& context,
                                 const std::string& path);

  // A score or weight cell -> points. `blank` is set when the cell is empty.
  ScoredNumber ReadPoints(const PrintedText& cell, const std::string& path);

  // Adds an UNREADABLE flag (info) for `cell` at `path`.
  void FlagUnreadable(const PrintedText& cell, const std::string& path, const std::string& what);

 private:
  std::vector<Flag>* flags_;
};

}  // namespace jixiao::form
