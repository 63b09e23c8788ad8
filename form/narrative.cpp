// ParseNarrative: paragraphs -> sentences -> figures, then each part reads
// what it knows (narrative_header/budget/sections/facts/dates.cpp).
#include "form/narrative.h"

#include <algorithm>

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

}  // namespace

Context BuildContext(const std::vector<const Block*>& blocks) {
  Context context;
  for (const Block* block : blocks) {
    if (block == nullptr || block->kind != Block::Kind::kParagraph) continue;
    Paragraph p = MakeParagraph(*block);
    if (p.lines.empty()) continue;
    if (!context.paragraphs.empty() && ContinuesSentence(context.paragraphs.back(), p)) {
      Paragraph& prev = context.paragraphs.back();
      prev.lines.back() += p.lines.front();
      prev.text += p.text;
      prev.folded += p.folded;
      continue;
    }
    context.paragraphs.push_back(std::move(p));
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
