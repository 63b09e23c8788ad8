// Page geometry shared by every stage.
//
// A BBox is [x0, y0, x1, y1] in PDF points (72 per inch) measured from the
// top-left corner of the page as displayed (after /Rotate), x0 <= x1 and
// y0 <= y1, whatever produced it (text layer, OCR, or none for plain text).
// A Location names a 1-based page; page 0 means "unknown" (plain-text input)
// and bbox is then empty. For text inputs it names the 1-based line and
// column (in characters) of the source text where the figure's paragraph or
// cell starts; 0 means unknown (PDFs and images have none).
#pragma once

#include <algorithm>
#include <optional>
#include <string>

namespace jixiao {

struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  // Smallest box holding both.
  BBox Union(const BBox& o) const {
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
};

struct Location {
  int page = 0;                 // 1-based; 0 = unknown
  std::optional<BBox> bbox;     // empty when the input had no geometry
  std::string ref;              // a place in a Word/Excel file ("Sheet1!B7"), or empty
  int line = 0;                 // 1-based line in a text input; 0 = unknown
  int column = 0;               // 1-based character column in that line; 0 = unknown
};

}  // namespace jixiao
