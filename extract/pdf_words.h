// Words of a page's text layer (poppler::page::text_list) in the layout
// model's coordinates.
//
// Poppler already applies /Rotate, so boxes are in points from the displayed
// page's top-left. Content drawn sideways (without /Rotate) is turned
// upright for reading (PageTurn). Boxes are tightened vertically to the
// character height:
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
  int rotation = 0;               // Poppler's text direction: 0 left to right,
                                  // 1 top to bottom, 2 upside down, 3 bottom to top
  // Per code point of word.text: byte offset in the text and box (tightened
  // like the word); empty when Poppler's glyph boxes did not match the text.
  std::vector<std::size_t> char_offsets;
  std::vector<BBox> char_boxes;
};

// The words of the displayed page with their character boxes, as Poppler
// gives them (TurnUpright turns and tightens them).
std::vector<LayerWord> ReadTextLayer(const poppler::page& page);

// How the page's text runs: the rotation most of its characters have. A
// page whose content is drawn sideways (a landscape table on a portrait
// page without /Rotate) has 1 or 3.
int DominantRotation(const std::vector<LayerWord>& words);

// Maps points of the displayed page (width x height) to the page turned so
// that text with `rotation` reads left to right, and back.
class PageTurn {
 public:
  PageTurn(int rotation, double width, double height);
  double width() const;   // of the turned page
  double height() const;
  BBox ToUpright(const BBox& b) const;
  BBox ToDisplayed(const BBox& b) const;
  int rotation() const { return rotation_; }

 private:
  int rotation_;
  double w_, h_;  // displayed size
};

// Turns every word (and character box) upright and tightens the words
// that now run left to right.
void TurnUpright(std::vector<LayerWord>& words, const PageTurn& turn);

// The words, cut where a word crosses a vertical rule of a grid or leaves a
// wide gap between two characters.
std::vector<Word> CutWords(const std::vector<LayerWord>& words, const std::vector<TableGrid>& grids);

// Plain words without cutting (for judging the text layer).
std::vector<Word> PlainWords(const std::vector<LayerWord>& words);

}  // namespace jixiao
