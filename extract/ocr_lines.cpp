// Line bands from the row profile of a cell's ink.
#include "extract/ocr_lines.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace jixiao {
namespace {

double BodyEm(double dpi) { return dpi * 10.5 / 72; }

struct Band {
  int y0 = 0, y1 = 0;
  long ink = 0;
  int height() const { return y1 - y0; }
};

}  // namespace

std::vector<LineBand> TextLineBands(Pix* binary, double dpi) {
  std::vector<LineBand> out;
  if (binary == nullptr || pixGetDepth(binary) != 1) return out;
  const int w = pixGetWidth(binary), h = pixGetHeight(binary), wpl = pixGetWpl(binary);
  const l_uint32* data = pixGetData(binary);
  const double em = BodyEm(dpi);
  // Rows of ink, joined across gaps of a row or two (a stroke broken by noise).
  const int join_gap = std::max(1, static_cast<int>(std::lround(em * 0.04)));
  std::vector<Band> bands;
  int blank = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int count = 0;
    for (int x = 0; x < w; ++x) count += GET_DATA_BIT(line, x) ? 1 : 0;
    if (count == 0) {
      ++blank;
      continue;
    }
    if (!bands.empty() && blank <= join_gap) {
      bands.back().y1 = y + 1;
      bands.back().ink += count;
    } else {
      bands.push_back(Band{y, y + 1, count});
    }
    blank = 0;
  }
  // Specks: little ink and much shorter than a line.
  const long min_ink = std::max(6L, std::lround(em * em * 0.02));
  bands.erase(std::remove_if(bands.begin(), bands.end(),
                             [&](const Band& b) { return b.ink < min_ink && b.height() < em * 0.3; }),
              bands.end());
  // Pieces shorter than half a line join the nearer neighbour, shortest first.
  const double min_line = em * 0.45;
  while (bands.size() > 1) {
    size_t shortest = 0;
    for (size_t i = 1; i < bands.size(); ++i)
      if (bands[i].height() < bands[shortest].height()) shortest = i;
    if (bands[shortest].height() >= min_line) break;
    const int gap_up = shortest > 0 ? bands[shortest].y0 - bands[shortest - 1].y1 : h;
    const int gap_down = shortest + 1 < bands.size() ? bands[shortest + 1].y0 - bands[shortest].y1 : h;
    const size_t into = gap_up <= gap_down ? shortest - 1 : shortest + 1;
    Band& target = bands[into];
    target.y0 = std::min(target.y0, bands[shortest].y0);
    target.y1 = std::max(target.y1, bands[shortest].y1);
    target.ink += bands[shortest].ink;
    bands.erase(bands.begin() + static_cast<long>(shortest));
  }
  for (const Band& b : bands) out.push_back(LineBand{b.y0, b.y1});
  return out;
}

bool AreSeparateLines(const std::vector<LineBand>& bands, double dpi) {
  if (bands.size() < 2) return false;
  const double em = BodyEm(dpi);
  for (const LineBand& b : bands) {
    const int height = b.y1 - b.y0;
    if (height < em * 0.45 || height > em * 1.5) return false;
  }
  return true;
}

}  // namespace jixiao
