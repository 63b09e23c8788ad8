// ParseNarrative: paragraphs -> sentences -> figures, then each part reads
// what it knows (narrative_header/budget/sections/facts/dates.cpp).
#include "form/narrative.h"

#include <algorithm>
#include <map>

#include "form/narrative_parts.h"

namespace jixiao {
namespace narrative {
namespace {

// A converter may leave the end of a sentence in a paragraph of its own
// ("…自评分" / "100 分。"): such a short tail that starts with a figure or
// its unit is joined to the paragraph before it.
constexpr std::size_t kTailMaxChars = 12;

bool ContinuesSentence(const Paragraph& prev, const Paragraph& next) {
  if (prev.text.empty() || next.text.empty() || next.lines.size() != 1) return false;
  if (IsSentenceEnd(prev.text.back()) || prev.text.back() == U'：' || prev.text.back() == U':') return false;
  if (next.text.size() > kTailMaxChars || prev.text.size() <= kTailMaxChars) return false;
  std::vector<DateSpan> dates = ScanDates(next.folded);
  if (!dates.empty() && dates.front().begin == 0) return false;  // a date line of its own
  char32_t first = next.folded.front();
  return IsAsciiDigitChar(first) || first == U'分' || first == U'元' || first == U'%';
}

// The left and right edges of the text on one page.
struct Column {
  double left = 0, right = 0;
};

constexpr double kEdgeSlackPt = 10;   // how near a line must come to the column's edge
constexpr double kLineGapPt = 12;     // the most space between two lines of one paragraph

bool OpensItem(std::u32string_view folded) {
  if (folded.empty()) return true;
  static constexpr std::u32string_view kOpeners = U"（(一二三四五六七八九十①②③④⑤";
  if (kOpeners.find(folded.front()) != std::u32string_view::npos) return true;
  std::size_t i = 0;
  while (i < folded.size() && IsAsciiDigitChar(folded[i])) ++i;
  return i > 0 && i < folded.size() && (folded[i] == U'、' || folded[i] == U'.');
}

// OCR may cut a paragraph into its printed lines. A line that runs to the
// right edge of the text column, without ending a sentence, continues on
// the next line when that one starts at the left edge (not indented, not a
// heading) just below it. Only for OCR: text layers and converters give
// whole paragraphs.
bool WrapsOnto(const Block& prev, const Paragraph& prev_p, const Block& next, const Paragraph& next_p,
               const Column& column) {
  if (prev.confidence >= 1.0 && next.confidence >= 1.0) return false;
  if (!prev.bbox || !next.bbox || prev.page != next.page || prev_p.text.empty()) return false;
  char32_t last = prev_p.text.back();
  if (IsSentenceEnd(last) || last == U'：' || last == U':') return false;
  if (prev.bbox->x1 < column.right - kEdgeSlackPt || next.bbox->x0 > column.left + kEdgeSlackPt) return false;
  if (next.bbox->y0 <= prev.bbox->y0 || next.bbox->y0 - prev.bbox->y1 > kLineGapPt) return false;
  return !OpensItem(next_p.folded);
}

}  // namespace

Context BuildContext(const std::vector<const Block*>& blocks) {
  Context context;
  std::map<int, Column> columns;  // per page, over the paragraphs given
  for (const Block* block : blocks) {
    if (block == nullptr || block->kind != Block::Kind::kParagraph || !block->bbox) continue;
    auto [it, fresh] = columns.try_emplace(block->page, Column{block->bbox->x0, block->bbox->x1});
    if (!fresh) {
      it->second.left = std::min(it->second.left, block->bbox->x0);
      it->second.right = std::max(it->second.right, block->bbox->x1);
    }
  }
  const Block* prev_block = nullptr;
  for (const Block* block : blocks) {
    if (block == nullptr || block->kind != Block::Kind::kParagraph) continue;
    Paragraph p = MakeParagraph(*block);
    if (p.lines.empty()) continue;
    bool joins = false;
    if (!context.paragraphs.empty()) {
      const Paragraph& prev = context.paragraphs.back();
      const auto column = columns.find(block->page);
      joins = ContinuesSentence(prev, p) || (prev_block != nullptr && column != columns.end() &&
                                            WrapsOnto(*prev_block, prev, *block, p, column->second));
    }
    if (joins) {
      Paragraph& prev = context.paragraphs.back();
      prev.lines.back() += p.lines.front();
      prev.lines.insert(prev.lines.end(), p.lines.begin() + 1, p.lines.end());
      prev.text += p.text;
      prev.folded += p.folded;
      prev.confidence = std::min(prev.confidence, p.confidence);
      if (prev.where.bbox && block->bbox && prev.where.page == block->page)
        prev.where.bbox = prev.where.bbox->Union(*block->bbox);
    } else {
      context.paragraphs.push_back(std::move(p));
    }
    prev_block = block;
  }
  for (std::size_t i = 0; i < context.paragraphs.size(); ++i) {
    const Paragraph& p = context.paragraphs[i];
    for (const Sentence& s : SplitSentences(p, i))
      context.sentences.push_back({s, ScanFigures(s, p.where, p.confidence)});
  }
  return context;
}

}  // namespace narrative

Narrative ParseNarrative(const std::vector<const Block*>& paragraphs) {
  Narrative out;
  narrative::Context context = narrative::BuildContext(paragraphs);
  narrative::ReadHeader(context, out);
  narrative::ReadBudget(context, out);
  narrative::ReadScores(context, out);
  narrative::ReadRelations(context, out);
  narrative::ReadDates(context, out);
  if (!out.fill_date && out.signature_date) {
    out.fill_date = out.signature_date;
    out.fill_date_is_signature = true;
  }
  for (const narrative::Paragraph& p : context.paragraphs)
    if (p.where.page > 0) out.pages.push_back(p.where.page);
  std::sort(out.pages.begin(), out.pages.end());
  out.pages.erase(std::unique(out.pages.begin(), out.pages.end()), out.pages.end());
  return out;
}

}  // namespace jixiao
