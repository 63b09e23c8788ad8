// The text lines of a table cell, found from its ink.
//
// Tesseract reads a cell of several lines as one block, and on a short
// second line (a wrapped name, "（万元）" under a label) it sometimes merges
// the lines into one and interleaves their characters ("实行专款专用、专户管 /
// 理，安排专人管理" read as "实行理,安排专款专用专人、专管理户管"). Reading
// each line on its own avoids that. A line is a band of rows with ink; bands
// shorter than a line (the strokes of 二 or 三, a comma below the line) join
// the nearest band, and specks are dropped.
#pragma once

#include <vector>

struct Pix;

namespace jixiao {

struct LineBand {
  int y0 = 0, y1 = 0;  // rows of the region, y1 exclusive
};

// Bands of `binary` (1 bpp, ink = 1) top to bottom; `dpi` sets the size of
// a line (the forms' body text is 10.5 pt). Empty when there is no ink.
std::vector<LineBand> TextLineBands(Pix* binary, double dpi);

// True when `bands` are separate lines worth reading one by one: at least
// two, each between half a line and one and a half lines tall.
bool AreSeparateLines(const std::vector<LineBand>& bands, double dpi);

}  // namespace jixiao
