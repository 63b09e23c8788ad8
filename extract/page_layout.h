// Words with boxes -> blocks for one page.
//
// Shared by the text-layer and OCR paths: words inside a detected grid go to
// the cell that holds their centre (every grid cell becomes a Cell, empty
// ones included; a cell's lines are joined with '\n', words on a line
// without a space between Chinese characters and with one between Latin
// words or numbers or across a gap wider than a character); the remaining
// words are grouped into lines and paragraphs by position (a heading such
// as 一、/（一）, a centred title or a short line set off from the margin
// stands alone; wrapped lines are joined without '\n'); runs of at least
// three lines whose words fall into the same columns can become a table
// by column alignment. Blocks come top to bottom, a table at its top edge.
// Also joins a table that continues on the next page (same column edges,
// header row repeated or not).
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
// A table continues when it is the first block of its page (page numbers
// aside), the previous page ended with a table, and either its column
// edges are among the first part's with the same outer edges, or the first
// part is a form without its 总分 row and the next part lacks the form's
// title rows. Columns are re-indexed onto the union of both parts' edges;
// a rowspan cell cut by the break is merged back when one side is empty;
// cells from later pages carry their page in Cell::page.
void JoinContinuedTables(std::vector<Block>& blocks);

}  // namespace jixiao
