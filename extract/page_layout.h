// Words with boxes -> blocks for one page.
//
// Shared by the text-layer and OCR paths: words inside a detected grid go to
// the cell that holds their centre; the remaining words are grouped into
// lines and paragraphs by position; runs of aligned lines without borders
// can become a table by column alignment. Also joins a table that continues
// on the next page (same column edges, header row repeated or not).
#pragma once

#include <string>
#include <vector>

#include "extract/ruling_grid.h"
#include "model/layout.h"

namespace jixiao {

struct Word {
  std::string text;               // UTF-8
  BBox bbox;                      // PDF points from the top-left
  double confidence = 1.0;        // 0..1
};

std::vector<Block> BuildPageBlocks(int page, const std::vector<Word>& words,
                                   const std::vector<TableGrid>& grids,
                                   double page_width_pt, double page_height_pt);

// Merges each table block that continues the previous page's last table into
// it (rows appended, a repeated header row dropped). Keeps reading order.
void JoinContinuedTables(std::vector<Block>& blocks);

}  // namespace jixiao
