#include "form/cell_reader.h"

#include "form/form_text.h"
#include "model/flag_builder.h"

namespace jixiao::form {

void CellReader::FlagUnreadable(const PrintedText& cell, const std::string& path, const std::string& what) {
  if (flags_ == nullptr) return;
  for (const Flag& f : *flags_)
    if (f.code == FlagCode::kUnreadable && f.path == path) return;
  // The severities grade what the document says; a cell we could not read
  // says nothing about it. Its value is null, and the flag says why.
  flags_->push_back(FlagBuilder(FlagCode::kUnreadable, Severity::kInfo, path)
                        .Message(what + "“" + cell.text + "”无法可靠识读，未采用")
                        .DeclaredText(cell.text)
                        .Evidence(cell.where, cell.text)
                        .flag());
}

std::optional<Value> CellReader::ReadValue(const PrintedText& cell, const NormalizeContext& context,
                                           const std::string& path) {
  std::string text = Trim(cell.text);
  if (text.empty()) return std::nullopt;
  if (cell.cell_confidence && cell.confidence < kMinCellConfidence) {
    FlagUnreadable(cell, path, "识别置信度低的内容");
    return std::nullopt;
  }
  std::string folded = Fold(text);
  if (IsNotApplicable(folded)) {
    Value v;
    v.raw = text;
    v.text = text;
    v.where = cell.where;
    v.confidence = cell.confidence;
    return v;
  }
  Normalized n = Normalize(StripBracketedLabels(text), context);
  if (n.noisy) {
    FlagUnreadable(cell, path, "内容");
    return std::nullopt;
  }
  Value v = std::move(n.value);
  v.raw = text;
  v.where = cell.where;
  v.confidence = cell.confidence;
  return v;
}

ScoredNumber CellReader::ReadPoints(const PrintedText& cell, const std::string& path) {
  ScoredNumber s;
  s.where = cell.where;
  s.confidence = cell.confidence;
  std::string text = Trim(cell.text);
  s.raw = text;
  if (text.empty()) {
    s.blank = true;
    return s;
  }
  std::string folded = Fold(text);
  if (IsNotApplicable(folded)) return s;
  if (cell.cell_confidence && cell.confidence < kMinCellConfidence) {
    FlagUnreadable(cell, path, "识别置信度低的分数");
    return s;
  }
  std::string stripped = StripBracketedLabels(text);
  if (std::optional<double> points = ParsePoints(stripped)) {
    s.declared = points;
    return s;
  }
  if (HasDigit(Fold(stripped))) FlagUnreadable(cell, path, "分数");
  return s;
}

}  // namespace jixiao::form
