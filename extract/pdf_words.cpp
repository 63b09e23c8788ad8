#include "extract/pdf_words.h"

#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>

#include "extract/pdf_utf8.h"

namespace jixiao {
namespace {

double Median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

BBox ToBox(const poppler::rectf& r) {
  return {r.left(), r.top(), r.right(), r.bottom()};
}

bool Finite(const BBox& b) {
  return std::isfinite(b.x0) && std::isfinite(b.y0) && std::isfinite(b.x1) && std::isfinite(b.y1);
}

}  // namespace

std::vector<LayerWord> ReadTextLayer(const poppler::page& page) {
  std::vector<LayerWord> out;
  std::vector<poppler::text_box> boxes = page.text_list();
  out.reserve(boxes.size());
  for (poppler::text_box& tb : boxes) {
    const poppler::byte_array utf8 = tb.text().to_utf8();
    LayerWord lw;
    lw.word.text.assign(utf8.begin(), utf8.end());
    // Poppler may return embedded NULs or control characters; drop them.
    lw.word.text.erase(std::remove_if(lw.word.text.begin(), lw.word.text.end(),
                                      [](char c) { return c == '\0' || c == '\r' || c == '\n' || c == '\t'; }),
                       lw.word.text.end());
    lw.word.bbox = ToBox(tb.bbox());
    if (lw.word.text.empty() || !Finite(lw.word.bbox)) continue;
    if (lw.word.bbox.x1 < lw.word.bbox.x0) std::swap(lw.word.bbox.x0, lw.word.bbox.x1);
    if (lw.word.bbox.y1 < lw.word.bbox.y0) std::swap(lw.word.bbox.y0, lw.word.bbox.y1);
    lw.rotation = std::clamp(tb.rotation(), 0, 3);
    // Character boxes, one per code point.
    std::size_t pos = 0;
    std::size_t index = 0;
    bool matched = true;
    while (pos < lw.word.text.size()) {
      const std::size_t start = pos;
      pdf_utf8::Next(lw.word.text, &pos);
      BBox cb = ToBox(tb.char_bbox(index));
      ++index;
      if ((cb.x1 <= cb.x0 && cb.y1 <= cb.y0) || !Finite(cb)) {
        matched = false;
        break;
      }
      if (cb.x1 < cb.x0) std::swap(cb.x0, cb.x1);
      if (cb.y1 < cb.y0) std::swap(cb.y0, cb.y1);
      lw.char_offsets.push_back(start);
      lw.char_boxes.push_back(cb);
    }
    if (!matched) {
      lw.char_offsets.clear();
      lw.char_boxes.clear();
    }
    out.push_back(std::move(lw));
  }
  return out;
}

int DominantRotation(const std::vector<LayerWord>& words) {
  std::size_t chars[4] = {0, 0, 0, 0};
  for (const LayerWord& w : words) chars[w.rotation & 3] += w.word.text.size();
  int best = 0;
  for (int r = 1; r < 4; ++r)
    if (chars[r] > chars[best]) best = r;
  // Turn only when clearly most of the text runs that way.
  const std::size_t total = chars[0] + chars[1] + chars[2] + chars[3];
  return (best != 0 && chars[best] * 10 > total * 6) ? best : 0;
}

PageTurn::PageTurn(int rotation, double width, double height)
    : rotation_(rotation & 3), w_(width), h_(height) {}

double PageTurn::width() const { return (rotation_ & 1) ? h_ : w_; }
double PageTurn::height() const { return (rotation_ & 1) ? w_ : h_; }

BBox PageTurn::ToUpright(const BBox& b) const {
  switch (rotation_) {
    case 1:  // text runs down: the content's top is at the right
      return {b.y0, w_ - b.x1, b.y1, w_ - b.x0};
    case 2:
      return {w_ - b.x1, h_ - b.y1, w_ - b.x0, h_ - b.y0};
    case 3:  // text runs up: the content's top is at the left
      return {h_ - b.y1, b.x0, h_ - b.y0, b.x1};
    default:
      return b;
  }
}

BBox PageTurn::ToDisplayed(const BBox& b) const {
  switch (rotation_) {
    case 1:
      return {w_ - b.y1, b.x0, w_ - b.y0, b.x1};
    case 2:
      return {w_ - b.x1, h_ - b.y1, w_ - b.x0, h_ - b.y0};
    case 3:
      return {b.y0, h_ - b.x1, b.y1, h_ - b.x0};
    default:
      return b;
  }
}

void TurnUpright(std::vector<LayerWord>& words, const PageTurn& turn) {
  if (turn.rotation() != 0) {
    for (LayerWord& w : words) {
      w.word.bbox = turn.ToUpright(w.word.bbox);
      for (BBox& cb : w.char_boxes) cb = turn.ToUpright(cb);
      w.rotation = (w.rotation - turn.rotation() + 4) & 3;
    }
  }
  // Chinese characters are about one em wide and one em high: a declared box
  // much taller than that is the font's line box, not the glyphs.
  std::vector<double> ratios;
  for (const LayerWord& w : words) {
    if (w.rotation != 0 || w.char_boxes.empty()) continue;
    std::size_t pos = 0, i = 0;
    while (pos < w.word.text.size() && i < w.char_boxes.size()) {
      const char32_t c = pdf_utf8::Next(w.word.text, &pos);
      const BBox& cb = w.char_boxes[i++];
      if (pdf_utf8::IsHan(c) && cb.width() > 0.5) ratios.push_back(w.word.bbox.height() / cb.width());
    }
  }
  const double ratio = std::clamp(Median(ratios, 1.0), 1.0, 4.0);
  if (ratio <= 1.15) return;
  for (LayerWord& w : words) {
    if (w.rotation != 0) continue;
    BBox& b = w.word.bbox;
    const double cy = (b.y0 + b.y1) / 2, half = b.height() / ratio / 2;
    b.y0 = cy - half;
    b.y1 = cy + half;
    for (BBox& cb : w.char_boxes) {
      cb.y0 = b.y0;
      cb.y1 = b.y1;
    }
  }
}

std::vector<Word> PlainWords(const std::vector<LayerWord>& words) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (const LayerWord& w : words) out.push_back(w.word);
  return out;
}

std::vector<Word> CutWords(const std::vector<LayerWord>& words, const std::vector<TableGrid>& grids) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (const LayerWord& lw : words) {
    const size_t n = lw.char_boxes.size();
    if (n < 2) {
      out.push_back(lw.word);
      continue;
    }
    const BBox& wb = lw.word.bbox;
    const double cy = (wb.y0 + wb.y1) / 2;
    const double em = std::max(1.0, wb.height());
    // Vertical rules this word may cross.
    std::vector<double> rules;
    for (const TableGrid& g : grids) {
      if (cy < g.bbox.y0 || cy > g.bbox.y1 || wb.x1 < g.bbox.x0 || wb.x0 > g.bbox.x1) continue;
      for (double x : g.col_edges)
        if (x > wb.x0 && x < wb.x1) rules.push_back(x);
    }
    std::vector<size_t> cuts;  // a new piece starts at these character indices
    for (size_t i = 0; i + 1 < n; ++i) {
      const BBox& a = lw.char_boxes[i];
      const BBox& b = lw.char_boxes[i + 1];
      const double ca = (a.x0 + a.x1) / 2, cb = (b.x0 + b.x1) / 2;
      bool cut = b.x0 - a.x1 > 1.2 * em;
      for (double x : rules)
        if (ca < x && x < cb) cut = true;
      if (cut) cuts.push_back(i + 1);
    }
    if (cuts.empty()) {
      out.push_back(lw.word);
      continue;
    }
    cuts.push_back(n);
    size_t begin = 0;
    for (size_t end : cuts) {
      Word piece;
      piece.confidence = lw.word.confidence;
      const size_t from = lw.char_offsets[begin];
      const size_t to = end < n ? lw.char_offsets[end] : lw.word.text.size();
      piece.text = lw.word.text.substr(from, to - from);
      piece.bbox = {lw.char_boxes[begin].x0, wb.y0, lw.char_boxes[end - 1].x1, wb.y1};
      for (size_t k = begin; k < end; ++k) {
        piece.bbox.x0 = std::min(piece.bbox.x0, lw.char_boxes[k].x0);
        piece.bbox.x1 = std::max(piece.bbox.x1, lw.char_boxes[k].x1);
      }
      if (!piece.text.empty()) out.push_back(std::move(piece));
      begin = end;
    }
  }
  return out;
}

}  // namespace jixiao
