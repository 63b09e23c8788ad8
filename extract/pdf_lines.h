// Words -> text lines, and lines -> text, for the layout code.
//
// A line is a run of words that share a baseline band (their boxes overlap
// vertically by at least half the smaller height), ordered left to right.
// Lines come out top to bottom. `em` is the line's typical character
// height, the unit every spacing rule is measured in.
#pragma once

#include <string>
#include <vector>

#include "extract/page_layout.h"

namespace jixiao::pdf_lines {

struct Line {
  std::vector<const Word*> words;  // left to right
  BBox box;
  double em = 0;                   // median word height
  double confidence = 1.0;         // lowest word confidence
  std::string text;                // words joined (see JoinWords)
};

// Groups words into lines. The pointers must outlive the result.
std::vector<Line> GroupLines(std::vector<const Word*> words);

// The line's words as text: Chinese without spaces, Latin words and numbers
// with one, and one space for any wide gap.
std::string JoinWords(const std::vector<const Word*>& words, double em);

// Joins two pieces of a wrapped text: no separator after or before a
// full-width character, one space between Latin words.
void AppendWrapped(std::string& text, const std::string& next);

}  // namespace jixiao::pdf_lines
