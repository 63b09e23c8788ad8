// Table grids from the ruling lines of a page image (Leptonica morphology).
//
// Used by both the text-layer path (on a low-DPI render) and the OCR path
// (on the scan). Finds long horizontal and vertical strokes, clusters them
// into row and column edges per table, and derives cells with row/col spans
// from which internal edges are actually drawn (a merged cell is a grid
// rectangle whose inner separators are missing). Output boxes are in PDF
// points from the page's top-left: pixel * points_per_pixel.
//
// Made for scans too: red ink (seals) is faded on colour input; large
// images are background-normalized, deskewed by the text-line angle (boxes
// are mapped back to the image as given) and searched for faint rules as
// well; rules may have small breaks and may be partly hidden. A table needs
// at least two cells; a stroke counts as a rule only where it meets others.
#pragma once

#include <vector>

#include "model/geometry.h"

struct Pix;  // Leptonica's PIX

namespace jixiao {

struct GridCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  BBox bbox;                      // PDF points
};

struct TableGrid {
  BBox bbox;                      // PDF points
  std::vector<double> row_edges;  // y of each horizontal edge, ascending (rows+1)
  std::vector<double> col_edges;  // x of each vertical edge, ascending (cols+1)
  std::vector<GridCell> cells;    // sorted by (row, col)
  int rows() const { return row_edges.empty() ? 0 : static_cast<int>(row_edges.size()) - 1; }
  int cols() const { return col_edges.empty() ? 0 : static_cast<int>(col_edges.size()) - 1; }
};

// `page` may be 32-bit colour, 8-bit grey or 1-bit; it is not modified.
std::vector<TableGrid> DetectTableGrids(Pix* page, double points_per_pixel);

// The same, with `text_boxes` (PDF points; e.g. the words of a text layer)
// blanked before rules are looked for: strokes of stacked glyphs in a
// narrow cell can otherwise line up into short rule-like runs.
std::vector<TableGrid> DetectTableGrids(Pix* page, double points_per_pixel,
                                        const std::vector<BBox>& text_boxes);

}  // namespace jixiao
