// Geometric detection of ≥ ≤ ≧ ≦ in a binarized text region.
#include "extract/ocr_comparators.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace jixiao {
namespace {

struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int w() const { return x1 - x0; }
  int h() const { return y1 - y0; }
};

int Overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

// Leftmost and rightmost ink of row y within [x0, x1), or -1 when none.
void RowInk(Pix* binary, int y, int x0, int x1, int* left, int* right) {
  *left = *right = -1;
  for (int x = x0; x < x1; ++x) {
    l_uint32 v = 0;
    pixGetPixel(binary, x, y, &v);
    if (!v) continue;
    if (*left < 0) *left = x;
    *right = x;
  }
}

// The shape of one component: +1 for ">" (apex at the right), -1 for "<",
// 0 for neither. The top row has ink at one side only, the middle row at the
// other, and the bottom of the lower arm back at the first side. Blur may
// fuse the first bar to the arm: rows at the bottom filled across most of
// the width are that bar (`fused_bar`), and the arm is probed above them.
// `component` is the component's own image.
int ChevronDirection(Pix* component, bool* fused_bar) {
  const int w = pixGetWidth(component), h = pixGetHeight(component);
  auto wide = [&](int y) {
    int l = 0, r = 0;
    RowInk(component, y, 0, w, &l, &r);
    return l >= 0 && (r - l + 1) * 10 >= w * 7;
  };
  auto speck = [&](int y) {
    int l = 0, r = 0;
    RowInk(component, y, 0, w, &l, &r);
    return l < 0 || (r - l + 1) * 10 < w * 4;
  };
  int bottom = h - 1;
  *fused_bar = false;
  // A speck of noise touching a fused bar from below (JPEG, blur; narrower
  // than 0.4 of the glyph) is no part of the glyph, and would hide the bar. Only then: the narrow rows at
  // the bottom of a chevron without a fused bar are its lower arm's tip.
  int above_specks = bottom;
  while (above_specks > h / 2 && speck(above_specks)) --above_specks;
  if (above_specks < bottom && wide(above_specks)) bottom = above_specks;
  while (bottom > h / 2 && wide(bottom)) {
    *fused_bar = true;
    --bottom;
  }
  const int arm_height = bottom + 1;
  const int probe = *fused_bar ? bottom - 1 : bottom - arm_height / 10;
  int tl = 0, tr = 0, ml = 0, mr = 0, bl = 0, br = 0;
  RowInk(component, arm_height / 10, 0, w, &tl, &tr);
  RowInk(component, arm_height / 2, 0, w, &ml, &mr);
  RowInk(component, std::max(probe, arm_height / 2 + 1), 0, w, &bl, &br);
  if (tl < 0 || ml < 0 || bl < 0) return 0;
  // The arms are judged by the middle of their ink: a thick stroke (bold
  // print, blur) reaches past 0.4 of the width with its far edge. The top
  // arm's far edge still stays short of 0.55: the arc atop a "2" (whose
  // diagonal and foot look like a lower arm and a fused bar) reaches further.
  const double side = 0.4 * w, reach = 0.55 * w;
  const double top = (tl + tr) / 2.0, low = (bl + br) / 2.0;
  if (top < side && tr < reach && low < side && ml > side) return +1;  // ">"
  if (top > w - side && tl > w - reach && low > w - side && mr < w - side) return -1;  // "<"
  return 0;
}

// A bar under the chevron: flat (CJK fonts slant it parallel to the lower
// arm, so up to the arm's half of the chevron's height plus the stroke,
// 0.7 of it), about as wide, below its middle and ending below it.
bool IsBarUnder(const Box& bar, const Box& chevron) {
  return bar.h() * 10 <= chevron.h() * 7 && bar.w() * 10 >= chevron.w() * 6 &&
         bar.w() <= chevron.w() * 2 &&
         Overlap(bar.x0, bar.x1, chevron.x0, chevron.x1) * 10 >= std::min(bar.w(), chevron.w()) * 6 &&
         bar.y0 * 2 >= chevron.y0 + chevron.y1 && bar.y1 > chevron.y1 && (bar.y0 - chevron.y1) * 5 <= chevron.h() * 4;
}

}  // namespace

std::vector<ComparatorGlyph> FindComparatorGlyphs(Pix* binary, double dpi) {
  std::vector<ComparatorGlyph> glyphs;
  if (binary == nullptr || pixGetDepth(binary) != 1) return glyphs;
  PIXA* parts = nullptr;
  BOXA* raw = pixConnComp(binary, &parts, 8);
  if (raw == nullptr || parts == nullptr) {
    boxaDestroy(&raw);
    pixaDestroy(&parts);
    return glyphs;
  }
  std::vector<Box> boxes;
  const int n = std::min(boxaGetCount(raw), pixaGetCount(parts));
  for (int i = 0; i < n && i < 20000; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(raw, i, &x, &y, &w, &h) == 0) boxes.push_back(Box{x, y, x + w, y + h});
    else boxes.push_back(Box{});
  }
  boxaDestroy(&raw);

  const double px_per_pt = dpi / 72.0;
  const int min_h = std::max(4, static_cast<int>(std::lround(2.5 * px_per_pt)));
  const int max_h = static_cast<int>(std::lround(12 * px_per_pt));
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Box& c = boxes[i];
    if (c.h() < min_h || c.h() > max_h || c.w() < c.h() / 3 || c.w() > c.h() * 2) continue;
    Pix* part = pixaGetPix(parts, static_cast<int>(i), L_CLONE);
    bool fused_bar = false;
    const int direction = part != nullptr ? ChevronDirection(part, &fused_bar) : 0;
    pixDestroy(&part);
    if (direction == 0) continue;
    // Flat bars right under the chevron.
    std::vector<const Box*> bars;
    for (const Box& b : boxes) {
      if (&b != &c && IsBarUnder(b, c)) bars.push_back(&b);
    }
    const size_t bar_count = bars.size() + (fused_bar ? 1 : 0);
    if (bar_count == 0 || bar_count > 2) continue;
    std::sort(bars.begin(), bars.end(), [](const Box* a, const Box* b) { return a->y0 < b->y0; });
    Box all = c;
    for (const Box* b : bars) all = Box{std::min(all.x0, b->x0), all.y0, std::max(all.x1, b->x1), b->y1};
    // Nothing else inside the glyph's box: a part of a larger character
    // would have neighbours there.
    bool alone = true;
    for (const Box& o : boxes) {
      if (&o == &c || std::find(bars.begin(), bars.end(), &o) != bars.end()) continue;
      if (Overlap(o.x0, o.x1, all.x0, all.x1) > 0 && Overlap(o.y0, o.y1, all.y0, all.y1) > 0) {
        alone = false;
        break;
      }
    }
    if (!alone) continue;
    ComparatorGlyph g;
    g.text = bar_count == 1 ? (direction > 0 ? "≥" : "≤") : (direction > 0 ? "≧" : "≦");
    g.x0 = all.x0, g.y0 = all.y0, g.x1 = all.x1, g.y1 = all.y1;
    glyphs.push_back(g);
  }
  pixaDestroy(&parts);
  return glyphs;
}

void ApplyComparators(const std::vector<ComparatorGlyph>& glyphs, std::vector<OcrWord>* words) {
  for (const ComparatorGlyph& g : glyphs) {
    bool placed = false;
    const int slack = std::max(2, (g.x1 - g.x0) / 4);
    for (OcrWord& w : *words) {
      std::vector<OcrSymbol> kept;
      for (OcrSymbol& s : w.symbols) {
        const int cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2;
        const bool inside = cx >= g.x0 - slack && cx < g.x1 + slack && cy >= g.y0 - slack && cy < g.y1 + slack;
        if (!inside) {
          kept.push_back(std::move(s));
        } else if (!placed) {
          kept.push_back(OcrSymbol{g.text, g.x0, g.y0, g.x1, g.y1, kComparatorConfidence});
          placed = true;
        }
      }
      w.symbols = std::move(kept);
    }
    if (!placed) {
      // Dropped by Tesseract: before the first symbol to its right on its line.
      OcrWord* best_word = nullptr;
      size_t best_index = 0;
      int best_x = 0;
      for (OcrWord& w : *words)
        for (size_t i = 0; i < w.symbols.size(); ++i) {
          const OcrSymbol& s = w.symbols[i];
          if (s.x0 < g.x1 - slack || Overlap(s.y0, s.y1, g.y0, g.y1) == 0) continue;
          if (best_word == nullptr || s.x0 < best_x) best_word = &w, best_index = i, best_x = s.x0;
        }
      if (best_word != nullptr) {
        best_word->symbols.insert(best_word->symbols.begin() + static_cast<long>(best_index),
                                  OcrSymbol{g.text, g.x0, g.y0, g.x1, g.y1, kComparatorConfidence});
      } else {
        OcrWord w;
        w.symbols.push_back(OcrSymbol{g.text, g.x0, g.y0, g.x1, g.y1, kComparatorConfidence});
        w.x0 = g.x0, w.y0 = g.y0, w.x1 = g.x1, w.y1 = g.y1;
        w.confidence = kComparatorConfidence;
        words->push_back(std::move(w));
      }
    }
  }
  // Words rebuilt from their symbols; boxes grown to hold an inserted glyph.
  std::vector<OcrWord> out;
  for (OcrWord& w : *words) {
    if (w.symbols.empty()) continue;
    bool changed = false;
    for (const OcrSymbol& s : w.symbols)
      for (const ComparatorGlyph& g : glyphs) changed = changed || (s.text == g.text && s.x0 == g.x0 && s.y0 == g.y0);
    if (changed) w.confidence = LeastSymbolConfidence(w);
    w.text.clear();
    for (const OcrSymbol& s : w.symbols) {
      w.text += s.text;
      w.x0 = std::min(w.x0, s.x0), w.y0 = std::min(w.y0, s.y0);
      w.x1 = std::max(w.x1, s.x1), w.y1 = std::max(w.y1, s.y1);
    }
    out.push_back(std::move(w));
  }
  *words = std::move(out);
}

}  // namespace jixiao
