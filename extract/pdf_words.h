// Words of a page's text layer (poppler::page::text_list) in the layout
// model's coordinates.
//
// Poppler already applies /Rotate, so boxes are in points from the displayed
// page's top-left. Boxes are tightened vertically to the character height:
// some producers (Chromium with Noto CJK) declare font boxes almost three
// times the glyph height, which would make neighbouring lines overlap. The
// tightening ratio is measured per page from Chinese characters, which are
// one em wide. Each word keeps its character boxes so that a word running
// over a table rule can be cut there.
#pragma once

#include <vector>

#include "extract/page_layout.h"
#include "extract/ruling_grid.h"

namespace poppler {
class page;
}

namespace jixiao {

struct LayerWord {
  Word word;
  // Per code point of word.text: byte offset in the text and box (tightened
  // like the word); empty when Poppler's glyph boxes did not match the text.
  std::vector<std::size_t> char_offsets;
  std::vector<BBox> char_boxes;
};

std::vector<LayerWord> ReadTextLayer(const poppler::page& page);

// The words, cut where a word crosses a vertical rule of a grid or leaves a
// wide gap between two characters.
std::vector<Word> CutWords(const std::vector<LayerWord>& words, const std::vector<TableGrid>& grids);

// Plain words without cutting (for judging the text layer).
std::vector<Word> PlainWords(const std::vector<LayerWord>& words);

}  // namespace jixiao
