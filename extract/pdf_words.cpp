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
  std::vector<bool> upright;
  std::vector<double> ratios;  // box height / width of a Chinese character
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
    const bool is_upright = tb.rotation() == 0;
    // Character boxes, one per code point.
    std::size_t pos = 0;
    std::size_t index = 0;
    bool matched = true;
    while (pos < lw.word.text.size()) {
      const std::size_t start = pos;
      const char32_t c = pdf_utf8::Next(lw.word.text, &pos);
      const BBox cb = ToBox(tb.char_bbox(index));
      ++index;
      if (cb.x1 <= cb.x0 && cb.y1 <= cb.y0) {
        matched = false;
        break;
      }
      lw.char_offsets.push_back(start);
      lw.char_boxes.push_back(cb);
      if (is_upright && pdf_utf8::IsHan(c) && cb.width() > 0.5)
        ratios.push_back(lw.word.bbox.height() / cb.width());
    }
    if (!matched) {
      lw.char_offsets.clear();
      lw.char_boxes.clear();
    }
    upright.push_back(is_upright);
    out.push_back(std::move(lw));
  }
  // Chinese characters are about one em wide and one em high: a declared box
  // much taller than that is the font's line box, not the glyphs.
  const double ratio = std::clamp(Median(ratios, 1.0), 1.0, 4.0);
  if (ratio > 1.15) {
    for (size_t i = 0; i < out.size(); ++i) {
      if (!upright[i]) continue;
      BBox& b = out[i].word.bbox;
      const double cy = (b.y0 + b.y1) / 2, half = b.height() / ratio / 2;
      b.y0 = cy - half;
      b.y1 = cy + half;
      for (BBox& cb : out[i].char_boxes) {
        cb.y0 = b.y0;
        cb.y1 = b.y1;
      }
    }
  }
  return out;
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
