// The page layout model: the one seam between extraction and form parsing.
//
// Every input kind (PDF text layer, OCR of a page image, plain text or
// Markdown from another converter) produces a LayoutDocument; the form parser
// reads nothing else. A document is an ordered list of blocks in reading
// order; each block is a paragraph or a table and carries its page, bbox and
// a confidence in 0..1 (1 for a clean text layer or plain text).
//
// Word and Excel files are coordinate-free like plain text (page 0, no
// bbox); their paragraphs and cells carry a `ref` naming where they stand
// in the file instead.
//
// Tables are grids of rows x cols. Each Cell is anchored at (row, col) and
// covers row_span x col_span grid positions; anchors are unique and spans do
// not overlap. Positions no cell covers are empty. When the producer could
// not recover the grid (e.g. text from a converter that put one cell per
// line), it sets `linear` and puts every cell in column 0, one per row, in
// reading order (a row without a cell marks a blank line between cells);
// the parser then reads the table as a sequence.
#pragma once

#include <string>
#include <vector>

#include "model/flag_code.h"
#include "model/geometry.h"

namespace jixiao {

struct Cell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;             // UTF-8, lines joined with '\n'
  std::optional<BBox> bbox;
  double confidence = 1.0;      // 0..1; the lowest word confidence for OCR
  int page = 0;                 // page the cell is printed on when its table was
                                // joined from several pages; 0 = the block's page
  std::string ref;              // where a coordinate-free input holds it
                                // ("Sheet1!B7", "t2.r3.c1"); empty otherwise
  int line = 0;                 // text inputs: 1-based line and character column
  int column = 0;               // where the cell's text starts; 0 = unknown
};

struct Table {
  int rows = 0;
  int cols = 0;
  bool linear = false;          // grid unknown: one cell per row, column 0
  std::vector<Cell> cells;      // sorted by (row, col) of the anchor

  // The cell covering grid position (row, col), or nullptr.
  const Cell* At(int row, int col) const {
    for (const Cell& c : cells)
      if (row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span)
        return &c;
    return nullptr;
  }
};

struct Block {
  enum class Kind { kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  int page = 0;                 // 1-based; 0 = unknown (plain text)
  std::optional<BBox> bbox;
  double confidence = 1.0;
  int line = 0;                 // text inputs: 1-based line and character column
  int column = 0;               // where the block starts; 0 = unknown
  std::string text;             // paragraph text (empty for tables)
  Table table;                  // only for kTable; a table continued on the
                                // next page is joined into one block
  std::string ref;              // like Cell::ref ("p12", "t2", "Sheet1!A1:I24")
};

// How a page was read.
struct PageInfo {
  int page = 0;                 // 1-based
  std::string method;           // "text", "ocr" or "plain"
  double confidence = 1.0;      // 0..1
  double width_pt = 0;          // page size after rotation; 0 for plain text
  double height_pt = 0;
};

// Something the extractor could not do for part of a document (a page that
// timed out, an image over the pixel limit, an unreadable page). The pipeline
// turns these into document-level flags.
struct ExtractProblem {
  FlagCode code = FlagCode::kUnreadable;  // the code of the flag it becomes
  std::string message;          // one line, Chinese or English
  int page = 0;
};

struct LayoutDocument {
  std::vector<PageInfo> pages;
  std::vector<Block> blocks;    // reading order across pages
  std::vector<ExtractProblem> problems;
  std::string encoding;         // text inputs: the character set the bytes
                                // were decoded from ("UTF-8", "GB18030", ...)
};

}  // namespace jixiao
