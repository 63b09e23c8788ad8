#include "extract/pdf_lines.h"

#include <algorithm>

#include "extract/pdf_utf8.h"

namespace jixiao::pdf_lines {
namespace {

double CentreY(const BBox& b) { return (b.y0 + b.y1) / 2; }

double Overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

}  // namespace

std::string JoinWords(const std::vector<const Word*>& words, double em) {
  std::string text;
  const Word* prev = nullptr;
  for (const Word* w : words) {
    if (w->text.empty()) continue;
    if (prev != nullptr) {
      const double gap = w->bbox.x0 - prev->bbox.x1;
      text += pdf_utf8::JoinSeparator(text, w->text, gap / std::max(1.0, em));
    }
    text += w->text;
    prev = w;
  }
  return text;
}

void AppendWrapped(std::string& text, const std::string& next) {
  if (next.empty()) return;
  if (!text.empty()) {
    const char32_t a = pdf_utf8::LastCodePoint(text);
    const char32_t b = pdf_utf8::FirstCodePoint(next);
    // A hyphen or slash at the end of a line already joins.
    if (!pdf_utf8::IsWide(a) && !pdf_utf8::IsWide(b) && a != '-' && a != '/' && a != ' ')
      text += ' ';
  }
  text += next;
}

std::vector<Line> GroupLines(std::vector<const Word*> words) {
  std::vector<Line> lines;
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const Word* w) { return w->text.empty(); }),
              words.end());
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    const double ca = CentreY(a->bbox), cb = CentreY(b->bbox);
    return ca != cb ? ca < cb : a->bbox.x0 < b->bbox.x0;
  });
  std::vector<std::vector<double>> heights;
  for (const Word* w : words) {
    const double h = std::max(0.5, w->bbox.height());
    // Words come by centre; only the last few lines can still take this one.
    int best = -1;
    double best_overlap = 0;
    const int n = static_cast<int>(lines.size());
    for (int i = n - 1; i >= 0 && i >= n - 8; --i) {
      const BBox& lb = lines[i].box;
      if (lb.y1 < w->bbox.y0 - h) break;
      const double ov = Overlap(lb.y0, lb.y1, w->bbox.y0, w->bbox.y1);
      const double lh = std::max(0.5, lines[i].em);
      if (ov >= 0.5 * std::min(h, lh) && ov > best_overlap) {
        best = i;
        best_overlap = ov;
      }
    }
    if (best < 0) {
      Line line;
      line.words.push_back(w);
      line.box = w->bbox;
      line.em = h;
      lines.push_back(std::move(line));
      heights.push_back({h});
    } else {
      Line& line = lines[best];
      line.words.push_back(w);
      line.box = line.box.Union(w->bbox);
      heights[best].push_back(h);
      std::vector<double>& hs = heights[best];
      std::nth_element(hs.begin(), hs.begin() + hs.size() / 2, hs.end());
      line.em = hs[hs.size() / 2];
    }
  }
  for (Line& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word* a, const Word* b) { return a->bbox.x0 < b->bbox.x0; });
    line.confidence = 1.0;
    for (const Word* w : line.words) line.confidence = std::min(line.confidence, w->confidence);
    line.text = JoinWords(line.words, line.em);
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    const double ca = CentreY(a.box), cb = CentreY(b.box);
    return ca != cb ? ca < cb : a.box.x0 < b.box.x0;
  });
  return lines;
}

}  // namespace jixiao::pdf_lines
